import { useMemo, type ReactNode } from 'react';
import { comparisonSourceIds, countChanges } from '../../model/briefing/briefing-compare';
import type { BriefingComparison } from '../../model/briefing/briefing-comparison';
import type { Briefing } from '../../model/briefing/briefing';
import { FRONTLINE_ATTRIBUTION } from '../../model/frontline/frontline';
import {
  asOfDate,
  formatDate,
  formatDateTime,
  formatEventDate,
  formatFigureValue,
  sourceByline,
} from '../../model/format/format';
import type { Dataset, Figure } from '../../model/dataset/schema';
import type { Filters } from '../../model/dataset/selectors';
import { useChoices } from '../../state/store';
import { changePhrases, restPhrases } from './since-words';
import { changeWords, type SinceSummary } from '../../model/briefing/since-summary';
import { useBriefing, useFrontlineChange, useSince } from './use-since';
import { useFrontlineDate } from '../../state/use-frontline-index';
import './since.css';

/** How many rows of moves a 1920×1080 slide holds at its text size, beside the lead and the front line. */
const ROWS = 6;

export interface SinceSlide {
  content: ReactNode;
  notes: string[];
  sources: string;
}

const valueOf = (f: Figure) => `${formatFigureValue(f)}${f.derived ? ' (derived)' : ''}`;

interface SlideRow {
  key: string;
  /** The measure's id: its rows sit together under one heading. */
  group: string;
  measure: string;
  then: string;
  now: string;
  claimant: string;
  change: string;
}

/**
 * The measures that moved most, one row per claimant's new estimate (the largest move first), then the new
 * measures. A claimant new to a measure is set against what the briefing held from the others.
 */
export function slideRows(summary: SinceSummary): SlideRow[] {
  const moved = summary.moved.flatMap((m) =>
    [...m.moves]
      .sort((a, b) => Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0))
      .map((move) => ({
        key: move.now.id,
        group: m.measure,
        measure: m.corrected ? `${m.label} (corrected)` : m.label,
        then: move.then
          ? valueOf(move.then)
          : m.earlier.length > 0
            ? `others: ${m.earlier.map((f) => `${valueOf(f)} (${f.claimant})`).join('; ')}`
            : '—',
        now: valueOf(move.now),
        claimant: move.claimant,
        change:
          move.change !== undefined ? changeWords(move.change) : move.then ? (move.noChange ?? '—') : 'new claimant',
      })),
  );
  const fresh = summary.newMeasures.map((m) => {
    const newest = m.figures.at(-1)!;
    return {
      key: newest.id,
      group: m.measure,
      measure: m.label,
      then: '—',
      now: valueOf(newest),
      claimant: newest.claimant,
      change: 'new measure',
    };
  });
  return [...moved, ...fresh];
}

function FrontlineLine({ briefing, asOf }: { briefing: Briefing; asOf: string }) {
  const now = useFrontlineDate(asOf);
  const state = useFrontlineChange(briefing.frontline, now);
  if (!state) return null;
  if (state.kind === 'same') {
    return <p>Front line: both show {formatDate(state.date)}; no change to give.</p>;
  }
  if (state.kind === 'ready') {
    const fmt = (n: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n);
    return (
      <p>
        Front line {formatDate(state.change.earlier)} → {formatDate(state.change.later)}:{' '}
        <strong>{fmt(state.change.takenKm2)} km² taken</strong>, {fmt(state.change.retakenKm2)} km² retaken.
      </p>
    );
  }
  if (state.kind === 'error') return <p>Front line: could not be compared ({state.message}).</p>;
  return (
    <p>
      Front line {formatDate(state.earlier)} → {formatDate(state.later)}: working it out…
    </p>
  );
}

/** How many rows from `i` on belong to its measure. */
function spanOf(rows: readonly SlideRow[], i: number): number {
  let n = 1;
  while (rows[i + n]?.group === rows[i]!.group) n += 1;
  return n;
}

function SinceSlideContent({
  briefing,
  shown,
  summary,
  asOf,
}: {
  briefing: Briefing;
  shown: BriefingComparison;
  summary: SinceSummary;
  asOf: string;
}) {
  const phrases = changePhrases(countChanges(shown));
  const rows = slideRows(summary);
  const shownRows = rows.slice(0, ROWS);
  const rest = restPhrases(summary.rest, rows.length > 0);
  return (
    <div className="since-slide">
      <p className="since-slide__lead">
        Since “{briefing.name}” ({formatDateTime(briefing.savedAt)}):{' '}
        {phrases.length > 0 ? phrases.join(' · ') : 'nothing in the data has changed'}.
      </p>
      {rows.length > 0 && (
        <table className="since-slide__table">
          <caption className="visually-hidden">The measures that moved most</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Then</th>
              <th scope="col">Now</th>
              <th scope="col">Change</th>
              <th scope="col">Claimant</th>
            </tr>
          </thead>
          <tbody>
            {shownRows.map((r, i) => (
              <tr key={r.key} data-figure-id={r.key}>
                {shownRows[i - 1]?.group !== r.group && (
                  <th scope="rowgroup" rowSpan={spanOf(shownRows, i)}>
                    {r.measure}
                  </th>
                )}
                <td>{r.then}</td>
                <td>
                  <strong>{r.now}</strong>
                </td>
                <td className="since-slide__change">{r.change}</td>
                <td>{r.claimant}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > ROWS && (
        <p className="since-slide__muted">…and {rows.length - ROWS} more in the handout and the CSV export.</p>
      )}
      {rest.length > 0 && (
        <p className="since-slide__muted">
          {rows.length > 0 ? 'Also: ' : ''}
          {rest.join(' · ')}.
        </p>
      )}
      <FrontlineLine briefing={briefing} asOf={asOf} />
    </div>
  );
}

/**
 * The "Since the last briefing" slide: the comparison with the briefing `since=` names, or the last one saved,
 * under the filters. Null when no briefing is saved (the deck then leaves the slide out).
 */
export function useSinceSlide(dataset: Dataset, filters: Filters): SinceSlide | null {
  const since = useChoices((s) => s.since);
  const chosen = useBriefing(since);
  const last = useBriefing(null);
  const briefing = chosen.kind === 'found' ? chosen.briefing : last.kind === 'found' ? last.briefing : undefined;
  const state = useSince(dataset, briefing, filters);
  return useMemo(() => {
    if (!briefing || !state) return null;
    if (state.kind !== 'ready') {
      // The slide stands in the deck while the comparison is worked out, or says what failed.
      const words =
        state.kind === 'working'
          ? `Comparing ${state.figures.toLocaleString('en-US')} figures with “${briefing.name}”…`
          : `The comparison with “${briefing.name}” could not be made: ${state.message}.`;
      return {
        content: (
          <div className="since-slide">
            <p className="since-slide__lead" role={state.kind === 'working' ? 'status' : 'alert'}>
              {words}
            </p>
          </div>
        ),
        notes: [words],
        sources: `Compared with “${briefing.name}”`,
      };
    }
    const { shown, summary } = state.result;
    const byId = new Map([...briefing.sources, ...dataset.sources].map((s) => [s.id, s]));
    const notes = [
      ...shown.estimates.flatMap((e) =>
        e.added.map(
          (f) =>
            `${f.label}: now ${valueOf(f)}, per ${f.claimant}: “${f.quote}”; before: ${e.earlier.map((x) => `${valueOf(x)}, per ${x.claimant}: “${x.quote}”`).join('; ')}`,
        ),
      ),
      ...shown.figures.added.map((f) => `Added: ${f.label}: ${valueOf(f)}, per ${f.claimant}: “${f.quote}”`),
      ...shown.figures.removed.map((f) => `Removed: ${f.label}: ${valueOf(f)}, per ${f.claimant}`),
      ...shown.statements.map((s) => `${s.actorName}: “${s.statement.quote}”`),
      ...shown.events.added.map((e) => `${formatEventDate(e)}: ${e.title}`),
    ];
    const bylines = [
      ...new Set(
        comparisonSourceIds(shown)
          .map((id) => byId.get(id))
          .filter((s) => s !== undefined)
          .map((s) => sourceByline(s)),
      ),
    ];
    const sources = [
      bylines.length > 0 ? `Sources: ${bylines.join('; ')}` : `Compared with “${briefing.name}”`,
      FRONTLINE_ATTRIBUTION,
    ].join(' · ');
    return {
      content: (
        <SinceSlideContent briefing={briefing} shown={shown} summary={summary} asOf={asOfDate(dataset.sources)} />
      ),
      notes: notes.length > 0 ? notes : [`Nothing in the data has changed since “${briefing.name}”.`],
      sources,
    };
  }, [briefing, state, dataset.sources]);
}
