import { useMemo, type ReactNode } from 'react';
import { comparisonSourceIds, countChanges, type BriefingComparison } from '../../model/briefing-compare';
import type { Briefing } from '../../model/briefing';
import { FRONTLINE_ATTRIBUTION } from '../../model/frontline';
import { asOfDate, formatDate, formatEventDate, formatFigureValue, sourceByline } from '../../model/format';
import type { Dataset, Figure } from '../../model/schema';
import type { Filters } from '../../model/selectors';
import { useChoices } from '../../state/store';
import { changePhrases, measureWords, savedWhen } from './since-words';
import { useBriefing, useComparison, useFrontlineChange } from './use-since';
import { useFrontlineDate } from '../../state/use-frontline-index';
import './since.css';

/** How many lines of changes a 1920×1080 slide holds at its text size. */
const LINES = 6;

export interface SinceSlide {
  content: ReactNode;
  notes: string[];
  sources: string;
}

const valueOf = (f: Figure) => `${formatFigureValue(f)}${f.derived ? ' (derived)' : ''}`;

/** The most telling changes first: new estimates beside the old, figures added, new events, changed figures. */
function slideLines(c: BriefingComparison): string[] {
  const estimateIds = new Set(c.estimates.flatMap((e) => e.added.map((f) => f.id)));
  return [
    ...c.estimates.flatMap((e) =>
      e.added.map(
        (f) =>
          `${measureWords(e.measure)}: now ${valueOf(f)} (${f.claimant}); before: ${e.earlier.map((x) => `${valueOf(x)} (${x.claimant})`).join(', ')}`,
      ),
    ),
    ...c.figures.added
      .filter((f) => !estimateIds.has(f.id))
      .map((f) => `New: ${f.label}: ${valueOf(f)} (${f.claimant})`),
    ...c.events.added.map((e) => `${formatEventDate(e)}: ${e.title}`),
    ...c.figures.changed.map((x) => `Changed: ${x.after.label} (${x.fields.map((f) => f.field).join(', ')})`),
    ...c.statements.map((s) => `${s.actorName}: “${s.statement.quote}”`),
  ];
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

function SinceSlideContent({
  briefing,
  shown,
  lines,
  asOf,
}: {
  briefing: Briefing;
  shown: BriefingComparison;
  lines: string[];
  asOf: string;
}) {
  const phrases = changePhrases(countChanges(shown));
  return (
    <div className="since-slide">
      <p className="since-slide__lead">
        Since “{briefing.name}” ({savedWhen(briefing.savedAt)}):{' '}
        {phrases.length > 0 ? phrases.join(' · ') : 'nothing in the data has changed'}.
      </p>
      {lines.length > 0 && (
        <ul>
          {lines.slice(0, LINES).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {lines.length > LINES && (
        <p className="since-slide__muted">
          …and {lines.length - LINES} more: see “Since the last briefing” in the dashboard, or the notes.
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
  const comparison = useComparison(dataset, briefing, filters);
  return useMemo(() => {
    if (!briefing || !comparison) return null;
    const { shown } = comparison;
    const lines = slideLines(shown);
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
      content: <SinceSlideContent briefing={briefing} shown={shown} lines={lines} asOf={asOfDate(dataset.sources)} />,
      notes: notes.length > 0 ? notes : [`Nothing in the data has changed since “${briefing.name}”.`],
      sources,
    };
  }, [briefing, comparison, dataset.sources]);
}
