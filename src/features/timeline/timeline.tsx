import { memo, useId, useMemo, useState } from 'react';
import type { Dataset } from '../../model/schema';
import type { Filters } from '../../model/selectors';
import { selectEvents } from '../../model/event-selectors';
import { formatDate, formatEventDate, sourceByline } from '../../model/format';
import { describeFilters, namesOf } from '../../model/selectors';
import { datePosition, eventsAtScale, groupByDate, THIS_WEEK, type TimelineScale } from '../../model/timeline';
import { EmptyState } from '../../components/empty-state';
import { useChoices } from '../../state/store';
import { useDeferredFilters } from '../../state/use-filters';

/** Events shown at first and added by each "Show more": a large dataset never renders all at once. */
const PAGE = 150;

const SCALES: { id: TimelineScale; label: string; from: string; to: string }[] = [
  { id: 'week', label: 'This week (11–16 Feb 2025)', from: THIS_WEEK.from, to: THIS_WEEK.to },
  { id: 'war', label: 'The war (2014 onward)', from: '2014', to: THIS_WEEK.to },
];

/** Every dated event in order, grouped by day, at the scale of this week or of the whole war. */
const TimelineBody = memo(function TimelineBody({ dataset, filters }: { dataset: Dataset; filters: Filters }) {
  const focusedEvent = useChoices((s) => s.event);
  const openEvent = useChoices((s) => s.openEvent);
  const focusActor = useChoices((s) => s.focusActor);
  const clearFilters = useChoices((s) => s.clearFilters);
  const scaleId = useChoices((s) => s.scale);
  const setScale = useChoices((s) => s.setScale);
  const [limit, setLimit] = useState(PAGE);
  const name = useId();
  const scale = SCALES.find((s) => s.id === scaleId)!;

  const matching = useMemo(() => selectEvents(dataset, filters), [dataset, filters]);
  const events = useMemo(() => eventsAtScale(matching, scaleId), [matching, scaleId]);
  const groups = useMemo(() => groupByDate(events.slice(0, limit)), [events, limit]);
  const hidden = events.length - Math.min(events.length, limit);

  return (
    <div className="timeline">
      <fieldset className="timeline__scales">
        <legend className="visually-hidden">Time scale</legend>
        {SCALES.map((s) => (
          <label key={s.id} className={`segmented${s.id === scaleId ? ' segmented--on' : ''}`}>
            <input type="radio" name={name} value={s.id} checked={s.id === scaleId} onChange={() => setScale(s.id)} />
            {s.label}
          </label>
        ))}
      </fieldset>
      <p className="timeline__summary" role="status" aria-live="polite">
        {events.length} {events.length === 1 ? 'event' : 'events'}
        {scaleId === 'week' ? ` this week, of ${matching.length} matching` : ''}
      </p>
      {events.length > 0 && (
        <div className="timeline__strip" aria-hidden="true">
          {groups.map((g) => (
            <span
              key={g.date}
              className="timeline__dot"
              style={{
                left: `${100 * datePosition(g.date, scale.from, scale.to)}%`,
                width: `${0.5 + Math.min(4, g.events.length) * 0.15}rem`,
                height: `${0.5 + Math.min(4, g.events.length) * 0.15}rem`,
              }}
              title={`${formatDate(g.date)}: ${g.events.length}`}
            />
          ))}
        </div>
      )}
      {events.length > 0 && (
        <p className="timeline__ends" aria-hidden="true">
          <span>{formatDate(scale.from)}</span>
          <span>{formatDate(scale.to)}</span>
        </p>
      )}
      {events.length === 0 ? (
        matching.length > 0 ? (
          <p className="empty-state">
            No matching event this week; {matching.length} in the whole war.{' '}
            <button type="button" className="button button--quiet" onClick={() => setScale('war')}>
              Show the war
            </button>
          </p>
        ) : (
          <EmptyState what="events" filters={describeFilters(dataset, filters)} onReset={clearFilters} />
        )
      ) : (
        <ol className="timeline__days">
          {groups.map((group) => (
            <li key={group.date} className="timeline__day">
              <h3>
                <time dateTime={group.date}>{formatDate(group.date)}</time>
              </h3>
              <ol className="timeline__events">
                {group.events.map((event) => (
                  <li
                    key={event.id}
                    className={`timeline-event${event.id === focusedEvent ? ' timeline-event--focused' : ''}`}
                    data-event-id={event.id}
                  >
                    <button
                      type="button"
                      className="timeline-event__title link-button"
                      onClick={() => openEvent(event.id)}
                    >
                      {event.title}
                    </button>
                    {event.endDate && <span className="timeline-event__span"> ({formatEventDate(event)})</span>}
                    {event.placeIds.length > 0 && (
                      <p className="timeline-event__line">
                        Where: {namesOf(dataset.places, event.placeIds).join(', ')}
                      </p>
                    )}
                    {event.actorIds.length > 0 && (
                      <p className="timeline-event__line">
                        Who:{' '}
                        {event.actorIds.map((id, i) => {
                          const actor = dataset.actors.find((a) => a.id === id);
                          if (!actor) return null;
                          return (
                            <span key={id}>
                              {i > 0 ? ', ' : ''}
                              <button
                                type="button"
                                className="link-button"
                                aria-pressed={filters.actor === id}
                                onClick={() => focusActor(id)}
                              >
                                {actor.name}
                              </button>
                            </span>
                          );
                        })}
                      </p>
                    )}
                    <p className="timeline-event__line timeline-event__sources">
                      Source:{' '}
                      {event.sourceIds
                        .map((id) => dataset.sources.find((s) => s.id === id))
                        .filter((s) => s !== undefined)
                        .map((s) => `${sourceByline(s)}, “${s.title}”`)
                        .join('; ')}
                    </p>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
      {hidden > 0 && (
        <button type="button" className="button button--quiet" onClick={() => setLimit((n) => n + PAGE)}>
          Show {Math.min(PAGE, hidden)} more events ({hidden} not shown)
        </button>
      )}
    </div>
  );
});

/** Follows the filters in a deferred render: the click paints first, this panel catches up after. */
export function Timeline({ dataset }: { dataset: Dataset }) {
  const { filters, pending } = useDeferredFilters();
  return (
    <div className="deferred-panel" aria-busy={pending} data-pending={pending || undefined}>
      <TimelineBody dataset={dataset} filters={filters} />
    </div>
  );
}
