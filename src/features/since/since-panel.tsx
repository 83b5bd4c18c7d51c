import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import {
  changeRows,
  changesToCsv,
  countChanges,
  type BriefingComparison,
  type Changed,
  type FrontlineChange,
} from '../../model/briefing/briefing-compare';
import type { Briefing } from '../../model/briefing/briefing';
import { FIELD_WORDS, fieldValueWords, type FieldValue } from '../../model/corrections/corrections';
import { download } from '../../components/export-image';
import {
  formatDate,
  formatDateTime,
  formatEventDate,
  formatFigureValue,
  plural,
  sourceByline,
} from '../../model/format/format';
import type { Actor, Dataset, Event, Figure, Measure, Source } from '../../model/dataset/schema';
import {
  changeWords,
  type ClaimantMove,
  type MeasureGroup,
  type MeasureMove,
  type SinceSummary,
} from '../../model/briefing/since-summary';
import { describeFilters, hasFilters } from '../../model/dataset/selectors';
import { useChoices } from '../../state/store';
import { useFilters } from '../../state/use-filters';
import { useUserData } from '../../state/user-data';
import { changePhrases, restPhrases } from './since-words';
import {
  useBriefing,
  useComparison,
  useFrontlineChange,
  useFrontlineNow,
  useSinceSummary,
  type FrontlineState,
} from './use-since';
import './since.css';
import { briefingContents } from '../../model/briefing/briefing';

const km2 = (n: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n)} km²`;

/** "about 1,000 casualties a day", with "(derived)" when computed. */
const valueOf = (f: Figure) => `${formatFigureValue(f)}${f.derived ? ' (derived)' : ''}`;

/** "Unit: tanks → armoured vehicles": a field's change in the words a history uses. */
function fieldChange(dataset: Dataset, f: { field: string; before: unknown; after: unknown }): string {
  const words = (value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? JSON.stringify(value)
      : fieldValueWords(dataset, f.field, value as FieldValue | undefined);
  return `${FIELD_WORDS[f.field] ?? f.field}: ${words(f.before)} → ${words(f.after)}`;
}

/** Who, where, when: "Western officials · The New York Times, 14 Feb 2025"; or the story first, its title cited. */
function Byline({
  claimant,
  source,
  title = true,
  titleFirst = false,
}: {
  claimant?: string;
  source: Source | undefined;
  title?: boolean;
  titleFirst?: boolean;
}) {
  if (source && titleFirst) {
    return (
      <span className="since__byline">
        <cite>{source.title}</cite>, {sourceByline(source)},{' '}
        <time dateTime={source.published}>{formatDate(source.published)}</time>
      </span>
    );
  }
  return (
    <span className="since__byline">
      {claimant && <>{claimant} · </>}
      {source ? (
        <>
          {sourceByline(source)},{' '}
          {title && (
            <>
              <cite>{source.title}</cite>,{' '}
            </>
          )}
          <time dateTime={source.published}>{formatDate(source.published)}</time>
        </>
      ) : (
        'source no longer in the dashboard'
      )}
    </span>
  );
}

/** Opens the figure's detail (quote and source) when it is in the dashboard; otherwise shows its quote here. */
function FigureLink({ figure, inDashboard, short = false }: { figure: Figure; inDashboard: boolean; short?: boolean }) {
  const openFigure = useChoices((s) => s.openFigure);
  if (!inDashboard) return <q className="since__quote">{figure.quote}</q>;
  return (
    <button
      type="button"
      className="button button--quiet since__link"
      aria-label={`Quote and source: ${figure.label}`}
      onClick={() => openFigure(figure.id)}
    >
      {short ? 'Quote' : 'Quote and source'}
    </button>
  );
}

interface Lookups {
  dataset: Dataset;
  sources: Map<string, Source>;
  figureIds: Set<string>;
}

/** How many measures that moved, and how many new measures, the first screen shows (the rest one click away). */
const MOVED_SHOWN = 5;
const NEW_SHOWN = 3;

/** "Show all 12 new measures" / "Show fewer", when there are more than the first screen shows. */
function MoreButton({
  total,
  limit,
  all,
  onToggle,
  what,
}: {
  total: number;
  limit: number;
  all: boolean;
  onToggle: (all: boolean) => void;
  what: string;
}) {
  if (total <= limit) return null;
  return (
    <button type="button" className="button button--quiet since__more-button" onClick={() => onToggle(!all)}>
      {all ? `Show the first ${limit} ${what}` : `Show all ${total} ${what}`}
    </button>
  );
}

/** The change of one claimant's estimate in words: "+25 %", "new claimant", "in another unit". */
function moveWords(move: ClaimantMove): string {
  if (move.change !== undefined) return changeWords(move.change);
  if (!move.then) return 'new claimant';
  return move.noChange ?? '—';
}

/** "about 1,000 casualties a day (Western officials)". */
const valueBy = (f: Figure) => `${valueOf(f)} (${f.claimant})`;

/**
 * The measures that moved, one row group each: per claimant then → now and the change, and what the briefing
 * held from the other claimants. A table on a wide screen, stacked rows on a phone.
 */
function MovedTable({
  moved,
  lookups,
  shown,
}: {
  moved: readonly MeasureMove[];
  lookups: Lookups;
  /** How many measures show on screen (all print). */
  shown: number;
}) {
  return (
    <table className="since__table since__moved">
      <caption className="visually-hidden">
        Measures with new estimates or corrected values, the largest move first
      </caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Claimant</th>
          <th scope="col">Then</th>
          <th scope="col">Now</th>
          <th scope="col">Change</th>
          <th scope="col">
            <span className="visually-hidden">Quote and source</span>
          </th>
        </tr>
      </thead>
      {moved.map((m, index) => (
        <tbody
          key={m.measure}
          data-measure={m.measure}
          className={index >= shown ? 'since__more' : undefined}
          hidden={index >= shown}
        >
          {m.moves.map((move, i) => (
            <tr key={move.now.id} data-figure-id={move.now.id}>
              {i === 0 && (
                <th
                  scope="rowgroup"
                  rowSpan={m.moves.length + (m.earlier.length > 0 ? 1 : 0)}
                  className="since__measure-name"
                >
                  {m.label}
                  {m.corrected && <span className="since__muted"> (corrected)</span>}
                </th>
              )}
              <td data-label="Claimant">{move.claimant}</td>
              <td data-label="Then" className="since__value">
                {move.then ? valueOf(move.then) : <span className="since__muted">—</span>}
              </td>
              <td data-label="Now" className="since__value">
                <strong>{valueOf(move.now)}</strong>
              </td>
              <td
                data-label="Change"
                className={`since__change${move.change !== undefined ? '' : ' since__muted'}`}
                data-change={move.change !== undefined ? Math.sign(move.change) : undefined}
              >
                {moveWords(move)}
              </td>
              <td>
                <FigureLink figure={move.now} inDashboard={lookups.figureIds.has(move.now.id)} short />
              </td>
            </tr>
          ))}
          {m.earlier.length > 0 && (
            <tr className="since__earlier">
              <td colSpan={5}>
                <span className="since__muted">In the briefing: </span>
                {m.earlier.map((f, i) => (
                  <span key={f.id} data-figure-id={f.id}>
                    {i > 0 && '; '}
                    {valueBy(f)}
                  </span>
                ))}
              </td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  );
}

/** Measures of the registry with figures now and none in the briefing: the newest value of each. */
function NewMeasures({ measures, lookups }: { measures: SinceSummary['newMeasures']; lookups: Lookups }) {
  const id = useId();
  const [all, setAll] = useState(false);
  if (measures.length === 0) return null;
  const shown = all ? measures.length : NEW_SHOWN;
  return (
    <section className="since__section" aria-labelledby={id}>
      <div className="since__section-head">
        <h3 id={id}>
          New measures <span className="since__count">({measures.length})</span>
        </h3>
        <MoreButton total={measures.length} limit={NEW_SHOWN} all={all} onToggle={setAll} what="new measures" />
      </div>
      <ul className="since__compact" aria-labelledby={id}>
        {measures.map((m, index) => {
          const newest = m.figures.at(-1)!;
          return (
            <li
              key={m.measure}
              data-measure={m.measure}
              data-figure-id={newest.id}
              className={index >= shown ? 'since__more' : undefined}
              hidden={index >= shown}
            >
              <span className="since__measure-name">{m.label}</span>:{' '}
              <strong className="since__value">{valueOf(newest)}</strong>{' '}
              <span className="since__muted">
                ({newest.claimant}
                {m.figures.length > 1 ? `; ${plural(m.figures.length - 1, 'other figure')}` : ''})
              </span>{' '}
              <FigureLink figure={newest} inDashboard={lookups.figureIds.has(newest.id)} short />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The stories a group's figures come from, once: "From: “Title”, Publisher, 4 Mar 2025; …". */
function FromLine({ sourceIds, lookups }: { sourceIds: readonly string[]; lookups: Lookups }) {
  if (sourceIds.length === 0) return null;
  return (
    <p className="since__from">
      From:{' '}
      {sourceIds.map((id, i) => (
        <span key={id}>
          {i > 0 && '; '}
          <Byline source={lookups.sources.get(id)} titleFirst />
        </span>
      ))}
    </p>
  );
}

const TAGS = { added: 'Added', changed: 'Changed', removed: 'Removed' } as const;

/** One figure of a measure's group, compactly: what happened, the value, the claimant, the fields changed. */
function GroupRow({
  figure,
  kind,
  fields,
  lookups,
}: {
  figure: Figure;
  kind: keyof typeof TAGS;
  fields?: Changed<Figure>['fields'];
  lookups: Lookups;
}) {
  return (
    <li className="since__row" data-figure-id={figure.id} data-change={kind}>
      <span className={`since__tag since__tag--${kind}`}>{TAGS[kind]}</span>{' '}
      <strong className="since__value">{valueOf(figure)}</strong>{' '}
      <span className="since__muted">· {figure.claimant}</span>
      {fields && fields.length > 0 && (
        <span className="since__fields"> · {fields.map((f) => fieldChange(lookups.dataset, f)).join('; ')}</span>
      )}{' '}
      <FigureLink figure={figure} inDashboard={kind !== 'removed' && lookups.figureIds.has(figure.id)} short />
    </li>
  );
}

function MeasureGroupView({ group, lookups }: { group: MeasureGroup; lookups: Lookups }) {
  const id = useId();
  return (
    <section className="since__measure" data-measure-group={group.measure} aria-labelledby={id}>
      <h4 id={id}>
        {group.label}
        {!group.tracked && <span className="since__muted"> (linked to no measure)</span>}
      </h4>
      <ul className="since__rows" aria-labelledby={id}>
        {group.added.map((f) => (
          <GroupRow key={f.id} figure={f} kind="added" lookups={lookups} />
        ))}
        {group.changed.map((x) => (
          <GroupRow key={x.after.id} figure={x.after} kind="changed" fields={x.fields} lookups={lookups} />
        ))}
        {group.removed.map((f) => (
          <GroupRow key={f.id} figure={f} kind="removed" lookups={lookups} />
        ))}
      </ul>
      <FromLine sourceIds={group.sourceIds} lookups={lookups} />
    </section>
  );
}

/** A group of changes, collapsed by default (and open on paper): its name and count in the summary line. */
function Group({
  title,
  count,
  children,
  ...data
}: {
  title: string;
  count: number;
  children: ReactNode;
  'data-topic'?: string;
  'data-group'?: string;
}) {
  if (count === 0) return null;
  return (
    <details className="since__group" {...data}>
      <summary>
        <span className="since__group-title">{title}</span> <span className="since__count">({count})</span>
      </summary>
      <div className="since__group-body">{children}</div>
    </details>
  );
}

/** A part of a group: "New events", with its count. */
function Part({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const id = useId();
  if (count === 0) return null;
  return (
    <section className="since__part" aria-labelledby={id}>
      <h4 id={id}>
        {title} <span className="since__count">({count})</span>
      </h4>
      {children}
    </section>
  );
}

function ActorItem({ actor }: { actor: Actor }) {
  return (
    <li className="since__item" data-actor-id={actor.id}>
      <p className="since__item-title">{actor.name}</p>
      <p className="since__meta">{actor.role}</p>
    </li>
  );
}

function EventItem({ event, lookups, inDashboard }: { event: Event; lookups: Lookups; inDashboard: boolean }) {
  const openEvent = useChoices((s) => s.openEvent);
  return (
    <li className="since__item" data-event-id={event.id}>
      <p className="since__item-title">
        <time dateTime={event.date}>{formatEventDate(event)}</time>: {event.title}
      </p>
      <p className="since__meta">
        {event.sourceIds.map((id, i) => (
          <span key={id}>
            {i > 0 && '; '}
            <Byline source={lookups.sources.get(id)} />
          </span>
        ))}{' '}
        {inDashboard && (
          <button
            type="button"
            className="button button--quiet since__link"
            aria-label={`Details: ${event.title}`}
            onClick={() => openEvent(event.id)}
          >
            Details
          </button>
        )}
      </p>
    </li>
  );
}

function FrontlineSection({
  state,
  thenDate,
  nowDate,
}: {
  state: FrontlineState | null;
  thenDate: string;
  nowDate: string | null;
}) {
  const id = useId();
  if (!state) return null;
  let body: ReactNode;
  if (state.kind === 'same') {
    body = (
      <p>
        The briefing and the dashboard both show the front line of {formatDate(state.date)}: the dates are the same, so
        there is no change to give. Choose another “Front line date” on the map to compare.
      </p>
    );
  } else if (state.kind === 'loading') {
    body = (
      <p>
        Working out the front line between {formatDate(state.earlier)} and {formatDate(state.later)}…
      </p>
    );
  } else if (state.kind === 'error') {
    body = (
      <p role="alert">
        The front line between {formatDate(state.earlier)} and {formatDate(state.later)} could not be compared:{' '}
        {state.message}.
      </p>
    );
  } else {
    const { change } = state;
    const direction = thenDate <= (nowDate ?? change.later) ? 'briefing → now' : 'now → briefing';
    body = (
      <>
        <p data-testid="since-frontline">
          From <time dateTime={change.earlier}>{formatDate(change.earlier)}</time> to{' '}
          <time dateTime={change.later}>{formatDate(change.later)}</time> ({direction}):{' '}
          <strong>{km2(change.takenKm2)} taken</strong> by Russian forces and{' '}
          <strong>{km2(change.retakenKm2)} retaken</strong> by Ukraine (net {km2(change.takenKm2 - change.retakenKm2)}
          ).
        </p>
        <p className="since__muted">
          {change.attribution}; areas of the simplified outlines the map draws, so a few km² either way are noise.
        </p>
      </>
    );
  }
  return (
    <section className="since__section since__frontline" aria-labelledby={id}>
      <h3 id={id}>Front line</h3>
      {body}
    </section>
  );
}

function exportChanges(
  format: 'csv' | 'json',
  briefing: Briefing,
  shown: BriefingComparison,
  sources: readonly Source[],
  frontline: FrontlineChange | null,
  filterWords: string[],
  measures: readonly Measure[],
) {
  const rows = changeRows(shown, sources, frontline, measures);
  const name = `changes-since-${briefing.id}.${format}`;
  if (format === 'csv') {
    download(new Blob([changesToCsv(rows)], { type: 'text/csv;charset=utf-8' }), name);
    return;
  }
  const file = {
    format: 'geobrief-changes',
    briefing: { id: briefing.id, name: briefing.name, savedAt: briefing.savedAt, frontline: briefing.frontline },
    comparedAt: new Date().toISOString(),
    filters: filterWords,
    rows,
  };
  download(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), name);
}

/** Chooses the briefing to compare with (or none). */
function BriefingPicker({ current }: { current: string }) {
  const briefings = useUserData((s) => s.briefings);
  const setSince = useChoices((s) => s.setSince);
  const id = useId();
  if (briefings.length === 0) return null;
  const known = briefings.some((b) => b.id === current);
  return (
    <span className="since__picker">
      <label htmlFor={id}>Compare with briefing</label>
      <select id={id} value={known ? current : ''} onChange={(e) => setSince(e.target.value || null)}>
        {!known && <option value="">Choose a briefing…</option>}
        {[...briefings].reverse().map((b) => (
          <option key={b.id} value={b.id}>
            {b.name} ({formatDateTime(b.savedAt)})
          </option>
        ))}
      </select>
    </span>
  );
}

function CloseButton() {
  const setSince = useChoices((s) => s.setSince);
  return (
    <button type="button" className="button button--quiet" onClick={() => setSince(null)}>
      Close comparison
    </button>
  );
}

/** Opens every group for the printer (the handout lists every change), and closes again those it opened after. */
function usePrintOpen(ref: RefObject<HTMLElement | null>) {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...(ref.current?.querySelectorAll<HTMLDetailsElement>('details:not([open])') ?? [])];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [ref]);
}

/** The "Since the last briefing" view: what changed between a saved briefing and the dashboard as it stands. */
export function SincePanel({ dataset, briefingId }: { dataset: Dataset; briefingId: string }) {
  const lookup = useBriefing(briefingId);
  const filters = useFilters();
  const briefing = lookup.kind === 'found' ? lookup.briefing : undefined;
  const comparison = useComparison(dataset, briefing, filters);
  const summary = useSinceSummary(dataset, briefing, comparison?.shown);
  const nowDate = useFrontlineNow(dataset);
  const frontline = useFrontlineChange(briefing?.frontline, nowDate);
  const root = useRef<HTMLDivElement>(null);
  const movedId = useId();
  const allId = useId();
  const [allMoved, setAllMoved] = useState(false);
  usePrintOpen(root);

  if (lookup.kind === 'loading') return <p className="region__loading">Reading the briefings saved in this browser…</p>;
  if (lookup.kind === 'missing' || !briefing || !comparison || !summary) {
    return (
      <div className="since">
        <p role="alert" className="since__missing">
          No saved briefing “{briefingId}” in this browser. Briefings are kept where they were saved: import the data
          pack that holds it (“Your data” → “Import data pack”), or choose another one.
        </p>
        <div className="since__toolbar">
          <BriefingPicker current={briefingId} />
          <CloseButton />
        </div>
      </div>
    );
  }

  const { shown, all } = comparison;
  const counts = countChanges(shown);
  const phrases = changePhrases(counts);
  const filterWords = describeFilters(dataset, filters);
  const lookups: Lookups = {
    dataset,
    sources: new Map([...briefing.sources, ...dataset.sources].map((s) => [s.id, s])),
    figureIds: new Set(dataset.figures.map((f) => f.id)),
  };
  const eventIds = new Set(dataset.events.map((e) => e.id));
  const actorNames = new Map(dataset.actors.map((a) => [a.id, a]));
  const readyFrontline = frontline?.kind === 'ready' ? frontline.change : null;
  const allSources = [...lookups.sources.values()];
  const measures = dataset.measures;
  const hidden = countChanges(all).total + countChanges(all).estimates - (counts.total + counts.estimates);
  const rest = restPhrases(summary.rest, summary.moved.length + summary.newMeasures.length > 0);
  const actorCount = counts.actorsAdded + counts.statements + counts.actorsChanged + counts.actorsRemoved;
  const eventCount = counts.eventsAdded + counts.eventsChanged + counts.eventsRemoved;
  const sourceCount = counts.sourcesAdded + counts.sourcesRemoved;
  const anyChange = counts.total > 0;

  return (
    <div className="since" ref={root}>
      <div className="since__head">
        <p className="since__against">
          Compared with <strong>“{briefing.name}”</strong>, saved{' '}
          <time dateTime={briefing.savedAt}>{formatDateTime(briefing.savedAt)}</time>{' '}
          <span className="since__muted">({briefingContents(briefing)})</span>
        </p>
        <div className="since__toolbar">
          <BriefingPicker current={briefing.id} />
          <button
            type="button"
            className="button button--quiet"
            onClick={() => exportChanges('csv', briefing, shown, allSources, readyFrontline, filterWords, measures)}
          >
            Export changes (CSV)
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => exportChanges('json', briefing, shown, allSources, readyFrontline, filterWords, measures)}
          >
            Export changes (JSON)
          </button>
          <CloseButton />
        </div>
      </div>
      <p className="since__summary" data-testid="since-summary">
        {phrases.length > 0 ? `${phrases.join(' · ')}.` : 'Nothing in the data has changed since this briefing.'}
        {hasFilters(filters) && (
          <span className="since__muted">
            {' '}
            Under the filters {filterWords.join(' · ')}
            {hidden > 0 ? `; ${plural(hidden, 'other change')} not shown` : ''}.
          </span>
        )}
      </p>

      {anyChange && (
        <section className="since__section since__moved-section" aria-labelledby={movedId}>
          <div className="since__section-head">
            <h3>
              {/* The region's name stays "What moved"; the count follows it. */}
              <span id={movedId}>What moved</span>{' '}
              {summary.moved.length > 0 && <span className="since__count">({summary.moved.length})</span>}
            </h3>
            <MoreButton
              total={summary.moved.length}
              limit={MOVED_SHOWN}
              all={allMoved}
              onToggle={setAllMoved}
              what="measures that moved"
            />
          </div>
          {summary.moved.length > 0 ? (
            <div className="since__scroll">
              <MovedTable
                moved={summary.moved}
                lookups={lookups}
                shown={allMoved ? summary.moved.length : MOVED_SHOWN}
              />
            </div>
          ) : (
            <p className="since__muted">No measure has a new estimate or a corrected value.</p>
          )}
        </section>
      )}
      <NewMeasures measures={summary.newMeasures} lookups={lookups} />
      {rest.length > 0 && (
        <p className="since__rest" data-testid="since-rest">
          {summary.moved.length + summary.newMeasures.length > 0 ? 'Also: ' : ''}
          {rest.join(' · ')}; every change is listed under “All changes”.
        </p>
      )}
      <FrontlineSection state={frontline} thenDate={briefing.frontline} nowDate={nowDate} />

      {anyChange && (
        <section className="since__section since__all" aria-labelledby={allId}>
          <h3 id={allId}>All changes</h3>
          {summary.groups.map((t) => (
            <Group key={t.topic} title={t.label} count={t.count} data-topic={t.topic}>
              {t.measures.map((g) => (
                <MeasureGroupView key={g.measure} group={g} lookups={lookups} />
              ))}
            </Group>
          ))}
          <Group title="Actors and statements" count={actorCount} data-group="actors">
            <Part title="New actors" count={counts.actorsAdded}>
              <ul className="since__list" aria-label="New actors">
                {shown.actors.added.map((a) => (
                  <ActorItem key={a.id} actor={a} />
                ))}
              </ul>
            </Part>
            <Part title="New statements" count={counts.statements}>
              <ul className="since__list" aria-label="New statements">
                {shown.statements.map((st) => (
                  <li key={`${st.actorId}|${st.statement.sourceId}|${st.statement.quote}`} className="since__item">
                    <p className="since__item-title">
                      {actorNames.get(st.actorId)?.name ?? st.actorName}
                      {st.newActor && <span className="since__muted"> (new)</span>}: <q>{st.statement.quote}</q>
                    </p>
                    <p className="since__meta">
                      <Byline source={lookups.sources.get(st.statement.sourceId)} />
                    </p>
                  </li>
                ))}
              </ul>
            </Part>
            <Part title="Actors changed" count={counts.actorsChanged}>
              <ul className="since__list">
                {shown.actors.changed.map((c) => (
                  <ChangedItem key={c.after.id} title={c.after.name} fields={c.fields} dataset={dataset} />
                ))}
              </ul>
            </Part>
            <Part title="Actors removed" count={counts.actorsRemoved}>
              <ul className="since__list">
                {shown.actors.removed.map((a) => (
                  <ActorItem key={a.id} actor={a} />
                ))}
              </ul>
            </Part>
          </Group>
          <Group title="Events" count={eventCount} data-group="events">
            <Part title="New events" count={counts.eventsAdded}>
              <ul className="since__list" aria-label="New events">
                {shown.events.added.map((e) => (
                  <EventItem key={e.id} event={e} lookups={lookups} inDashboard={eventIds.has(e.id)} />
                ))}
              </ul>
            </Part>
            <Part title="Events changed" count={counts.eventsChanged}>
              <ul className="since__list">
                {shown.events.changed.map((c) => (
                  <ChangedItem key={c.after.id} title={c.after.title} fields={c.fields} dataset={dataset} />
                ))}
              </ul>
            </Part>
            <Part title="Events removed" count={counts.eventsRemoved}>
              <ul className="since__list">
                {shown.events.removed.map((e) => (
                  <EventItem key={e.id} event={e} lookups={lookups} inDashboard={false} />
                ))}
              </ul>
            </Part>
          </Group>
          <Group title="Sources" count={sourceCount} data-group="sources">
            <Part title="Sources added" count={counts.sourcesAdded}>
              <ul className="since__list" aria-label="Sources added">
                {shown.sources.added.map((src) => (
                  <li key={src.id} className="since__item">
                    <p className="since__item-title">
                      <cite>{src.title}</cite>
                    </p>
                    <p className="since__meta">
                      <Byline source={src} title={false} />
                    </p>
                  </li>
                ))}
              </ul>
            </Part>
            <Part title="Sources removed" count={counts.sourcesRemoved}>
              <ul className="since__list">
                {shown.sources.removed.map((src) => (
                  <li key={src.id} className="since__item">
                    <cite>{src.title}</cite>
                  </li>
                ))}
              </ul>
            </Part>
          </Group>
        </section>
      )}
    </div>
  );
}

export default SincePanel;

/** An actor or event whose fields changed: its name, then each field "before → after". */
function ChangedItem({
  title,
  fields,
  dataset,
}: {
  title: string;
  dataset: Dataset;
  fields: readonly { field: string; before: unknown; after: unknown }[];
}) {
  return (
    <li className="since__item">
      <p className="since__item-title">{title}</p>
      <p className="since__meta">{fields.map((f) => fieldChange(dataset, f)).join('; ')}</p>
    </li>
  );
}
