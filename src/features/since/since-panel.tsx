import { useId, type ReactNode } from 'react';
import {
  changeRows,
  changesToCsv,
  countChanges,
  type BriefingComparison,
  type FrontlineChange,
} from '../../model/briefing-compare';
import type { Briefing } from '../../model/briefing';
import { download } from '../../components/export-image';
import { formatDate, formatEventDate, formatFigureValue, sourceByline, unitInfo } from '../../model/format';
import type { Actor, Dataset, Event, Figure, Source } from '../../model/schema';
import { describeFilters, hasFilters } from '../../model/selectors';
import { useChoices } from '../../state/store';
import { useFilters } from '../../state/use-filters';
import { useUserData } from '../../state/user-data';
import { briefingContents, changePhrases, measureWords, plural, savedWhen } from './since-words';
import { useBriefing, useComparison, useFrontlineChange, useFrontlineNow, type FrontlineState } from './use-since';
import './since.css';

const km2 = (n: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n)} km²`;

/** "about 1,000 casualties a day", with "(derived)" when computed. */
const valueOf = (f: Figure) => `${formatFigureValue(f)}${f.derived ? ' (derived)' : ''}`;

function fieldValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => fieldValue(v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Who, where, when: "Western officials · The New York Times, 14 Feb 2025". */
function Byline({
  claimant,
  source,
  title = true,
}: {
  claimant?: string;
  source: Source | undefined;
  title?: boolean;
}) {
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
function FigureLink({ figure, inDashboard }: { figure: Figure; inDashboard: boolean }) {
  const openFigure = useChoices((s) => s.openFigure);
  if (!inDashboard) return <q className="since__quote">{figure.quote}</q>;
  return (
    <button
      type="button"
      className="button button--quiet since__link"
      aria-label={`Quote and source: ${figure.label}`}
      onClick={() => openFigure(figure.id)}
    >
      Quote and source
    </button>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const id = useId();
  if (count === 0) return null;
  return (
    <section className="since__section" aria-labelledby={id}>
      <h3 id={id}>
        {title} <span className="since__count">({count})</span>
      </h3>
      {children}
    </section>
  );
}

interface Lookups {
  sources: Map<string, Source>;
  figureIds: Set<string>;
}

function EstimateBlock({ estimate, lookups }: { estimate: BriefingComparison['estimates'][number]; lookups: Lookups }) {
  const unit = unitInfo(estimate.unit);
  const rows: { when: 'Then' | 'Now'; f: Figure }[] = [
    ...estimate.earlier.map((f) => ({ when: 'Then' as const, f })),
    ...estimate.added.map((f) => ({ when: 'Now' as const, f })),
  ];
  return (
    <li className="since__estimate" data-measure={estimate.measure}>
      <p className="since__item-title">
        {measureWords(estimate.measure)} <span className="since__muted">({unit.axis ?? unit.label})</span>
      </p>
      <table className="since__table">
        <thead>
          <tr>
            <th scope="col">Briefing</th>
            <th scope="col">Estimate</th>
            <th scope="col">Claimant and source</th>
            <th scope="col">Quote</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ when, f }) => (
            <tr key={f.id} data-figure-id={f.id} className={when === 'Now' ? 'since__row--new' : undefined}>
              <th scope="row">{when === 'Then' ? 'Then' : 'Now (new)'}</th>
              <td className="since__value">{valueOf(f)}</td>
              <td>
                <Byline claimant={f.claimant} source={lookups.sources.get(f.sourceId)} />
              </td>
              <td>
                <FigureLink figure={f} inDashboard={lookups.figureIds.has(f.id)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
  );
}

function FigureItem({ figure, lookups, removed = false }: { figure: Figure; lookups: Lookups; removed?: boolean }) {
  return (
    <li className="since__item" data-figure-id={figure.id}>
      <p className="since__item-title">
        {figure.label}: <strong className="since__value">{valueOf(figure)}</strong>
      </p>
      <p className="since__meta">
        <Byline claimant={figure.claimant} source={lookups.sources.get(figure.sourceId)} />{' '}
        <FigureLink figure={figure} inDashboard={!removed && lookups.figureIds.has(figure.id)} />
      </p>
    </li>
  );
}

function ChangedFigure({
  change,
  lookups,
}: {
  change: BriefingComparison['figures']['changed'][number];
  lookups: Lookups;
}) {
  return (
    <li className="since__item" data-figure-id={change.after.id}>
      <p className="since__item-title">
        {change.after.label} <FigureLink figure={change.after} inDashboard={lookups.figureIds.has(change.after.id)} />
      </p>
      <table className="since__table since__table--fields">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Then</th>
            <th scope="col">Now</th>
          </tr>
        </thead>
        <tbody>
          {change.fields.map((f) => (
            <tr key={f.field}>
              <th scope="row">{f.field}</th>
              <td>{fieldValue(f.before)}</td>
              <td>{fieldValue(f.after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </li>
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
        {event.sourceIds.map((id) => (
          <Byline key={id} source={lookups.sources.get(id)} />
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
    <section className="since__section" aria-labelledby={id}>
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
) {
  const rows = changeRows(shown, sources, frontline);
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
            {b.name} ({savedWhen(b.savedAt)})
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

/** The "Since the last briefing" view: what changed between a saved briefing and the dashboard as it stands. */
export function SincePanel({ dataset, briefingId }: { dataset: Dataset; briefingId: string }) {
  const lookup = useBriefing(briefingId);
  const filters = useFilters();
  const briefing = lookup.kind === 'found' ? lookup.briefing : undefined;
  const comparison = useComparison(dataset, briefing, filters);
  const nowDate = useFrontlineNow(dataset);
  const frontline = useFrontlineChange(briefing?.frontline, nowDate);

  if (lookup.kind === 'loading') return <p className="region__loading">Reading the briefings saved in this browser…</p>;
  if (lookup.kind === 'missing' || !briefing || !comparison) {
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
    sources: new Map([...briefing.sources, ...dataset.sources].map((s) => [s.id, s])),
    figureIds: new Set(dataset.figures.map((f) => f.id)),
  };
  const eventIds = new Set(dataset.events.map((e) => e.id));
  const actorNames = new Map(dataset.actors.map((a) => [a.id, a]));
  const readyFrontline = frontline?.kind === 'ready' ? frontline.change : null;
  const allSources = [...lookups.sources.values()];
  const hidden = countChanges(all).total + countChanges(all).estimates - (counts.total + counts.estimates);

  return (
    <div className="since">
      <div className="since__head">
        <p className="since__against">
          Compared with <strong>“{briefing.name}”</strong>, saved{' '}
          <time dateTime={briefing.savedAt}>{savedWhen(briefing.savedAt)}</time>{' '}
          <span className="since__muted">({briefingContents(briefing)})</span>
        </p>
        <div className="since__toolbar">
          <BriefingPicker current={briefing.id} />
          <button
            type="button"
            className="button button--quiet"
            onClick={() => exportChanges('csv', briefing, shown, allSources, readyFrontline, filterWords)}
          >
            Export changes (CSV)
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => exportChanges('json', briefing, shown, allSources, readyFrontline, filterWords)}
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

      <Section title="New estimates of measures already tracked" count={counts.estimates}>
        <ul className="since__list">
          {shown.estimates.map((e) => (
            <EstimateBlock key={`${e.measure}|${e.unit}`} estimate={e} lookups={lookups} />
          ))}
        </ul>
      </Section>
      <Section title="Figures added" count={counts.figuresAdded}>
        <ul className="since__list" aria-label="Figures added">
          {shown.figures.added.map((f) => (
            <FigureItem key={f.id} figure={f} lookups={lookups} />
          ))}
        </ul>
      </Section>
      <Section title="Figures changed" count={counts.figuresChanged}>
        <ul className="since__list" aria-label="Figures changed">
          {shown.figures.changed.map((c) => (
            <ChangedFigure key={c.after.id} change={c} lookups={lookups} />
          ))}
        </ul>
      </Section>
      <Section title="Figures removed" count={counts.figuresRemoved}>
        <ul className="since__list" aria-label="Figures removed">
          {shown.figures.removed.map((f) => (
            <FigureItem key={f.id} figure={f} lookups={lookups} removed />
          ))}
        </ul>
      </Section>
      <Section title="New actors" count={counts.actorsAdded}>
        <ul className="since__list" aria-label="New actors">
          {shown.actors.added.map((a) => (
            <ActorItem key={a.id} actor={a} />
          ))}
        </ul>
      </Section>
      <Section title="New statements" count={counts.statements}>
        <ul className="since__list" aria-label="New statements">
          {shown.statements.map((s) => (
            <li key={`${s.actorId}|${s.statement.sourceId}|${s.statement.quote}`} className="since__item">
              <p className="since__item-title">
                {actorNames.get(s.actorId)?.name ?? s.actorName}
                {s.newActor && <span className="since__muted"> (new)</span>}: <q>{s.statement.quote}</q>
              </p>
              <p className="since__meta">
                <Byline source={lookups.sources.get(s.statement.sourceId)} />
              </p>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Actors changed" count={counts.actorsChanged}>
        <ul className="since__list">
          {shown.actors.changed.map((c) => (
            <ChangedItem key={c.after.id} title={c.after.name} fields={c.fields} />
          ))}
        </ul>
      </Section>
      <Section title="Actors removed" count={counts.actorsRemoved}>
        <ul className="since__list">
          {shown.actors.removed.map((a) => (
            <ActorItem key={a.id} actor={a} />
          ))}
        </ul>
      </Section>
      <Section title="New events" count={counts.eventsAdded}>
        <ul className="since__list" aria-label="New events">
          {shown.events.added.map((e) => (
            <EventItem key={e.id} event={e} lookups={lookups} inDashboard={eventIds.has(e.id)} />
          ))}
        </ul>
      </Section>
      <Section title="Events changed" count={counts.eventsChanged}>
        <ul className="since__list">
          {shown.events.changed.map((c) => (
            <ChangedItem key={c.after.id} title={c.after.title} fields={c.fields} />
          ))}
        </ul>
      </Section>
      <Section title="Events removed" count={counts.eventsRemoved}>
        <ul className="since__list">
          {shown.events.removed.map((e) => (
            <EventItem key={e.id} event={e} lookups={lookups} inDashboard={false} />
          ))}
        </ul>
      </Section>
      <Section title="Sources added" count={counts.sourcesAdded}>
        <ul className="since__list" aria-label="Sources added">
          {shown.sources.added.map((s) => (
            <li key={s.id} className="since__item">
              <p className="since__item-title">
                <cite>{s.title}</cite>
              </p>
              <p className="since__meta">
                <Byline source={s} title={false} />
              </p>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Sources removed" count={counts.sourcesRemoved}>
        <ul className="since__list">
          {shown.sources.removed.map((s) => (
            <li key={s.id} className="since__item">
              <cite>{s.title}</cite>
            </li>
          ))}
        </ul>
      </Section>
      <FrontlineSection state={frontline} thenDate={briefing.frontline} nowDate={nowDate} />
    </div>
  );
}

export default SincePanel;

/** An actor or event whose fields changed: its name, then each field "before → after". */
function ChangedItem({
  title,
  fields,
}: {
  title: string;
  fields: readonly { field: string; before: unknown; after: unknown }[];
}) {
  return (
    <li className="since__item">
      <p className="since__item-title">{title}</p>
      <p className="since__meta">
        {fields.map((f) => `${f.field}: ${fieldValue(f.before)} → ${fieldValue(f.after)}`).join('; ')}
      </p>
    </li>
  );
}
