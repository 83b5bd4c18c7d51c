import { useId, useState, type ReactNode } from 'react';
import type { countChanges } from '../../model/briefing/briefing-compare';
import type { BriefingComparison, Changed } from '../../model/briefing/briefing-comparison';
import type { SinceSummary, MeasureGroup } from '../../model/briefing/since-summary';
import type { Actor, Dataset, Event, Figure } from '../../model/dataset/schema';
import { formatEventDate } from '../../model/format/format';
import { useChoices } from '../../state/store';
import { Byline, FigureLink, fieldChange, valueOf, type Lookups } from './since-common';

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

/**
 * How many changes the view lays out in full at once: beyond, a group's rows are made when it is opened (or
 * printed), so that a team's 20,000 changes do not hold the page while thousands of hidden rows are made.
 */
export const EAGER_CHANGES = 600;

/**
 * A group of changes, collapsed by default (and open on paper): its name and count in the summary line. Its body
 * is made at once when `eager`, else when first opened.
 */
function Group({
  title,
  count,
  eager,
  children,
  ...data
}: {
  title: string;
  count: number;
  eager: boolean;
  children: ReactNode;
  'data-topic'?: string;
  'data-group'?: string;
}) {
  const [opened, setOpened] = useState(false);
  if (count === 0) return null;
  return (
    <details className="since__group" {...data} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>
        <span className="since__group-title">{title}</span> <span className="since__count">({count})</span>
      </summary>
      <div className="since__group-body">{eager || opened ? children : null}</div>
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

type ChangeCounts = ReturnType<typeof countChanges>;

/** "All changes": every change, grouped by topic and measure, then actors and statements, events and sources. */
export function AllChanges({
  id: allId,
  summary,
  shown,
  counts,
  lookups,
  printing = false,
}: {
  id: string;
  summary: SinceSummary;
  shown: BriefingComparison;
  counts: ChangeCounts;
  lookups: Lookups;
  /** Every group laid out in full, for paper. */
  printing?: boolean;
}) {
  const { dataset } = lookups;
  const eventIds = new Set(dataset.events.map((e) => e.id));
  const actorNames = new Map(dataset.actors.map((a) => [a.id, a]));
  const actorCount = counts.actorsAdded + counts.statements + counts.actorsChanged + counts.actorsRemoved;
  const eventCount = counts.eventsAdded + counts.eventsChanged + counts.eventsRemoved;
  const sourceCount = counts.sourcesAdded + counts.sourcesRemoved;
  const eager = printing || counts.total + counts.estimates <= EAGER_CHANGES;
  return (
    <section className="since__section since__all" aria-labelledby={allId}>
      <h3 id={allId}>All changes</h3>
      {summary.groups.map((t) => (
        <Group key={t.topic} title={t.label} count={t.count} eager={eager} data-topic={t.topic}>
          {t.measures.map((g) => (
            <MeasureGroupView key={g.measure} group={g} lookups={lookups} />
          ))}
        </Group>
      ))}
      <Group title="Actors and statements" count={actorCount} eager={eager} data-group="actors">
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
      <Group title="Events" count={eventCount} eager={eager} data-group="events">
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
      <Group title="Sources" count={sourceCount} eager={eager} data-group="sources">
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
  );
}
