import { memo, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Dataset } from '../../model/dataset/schema';
import type { Filters } from '../../model/dataset/selectors';
import { selectEvents } from '../../model/dataset/event-selectors';
import { asOfDate, formatDate, formatEventDate, sourceByline } from '../../model/format/format';
import { describeFilters, namesOf } from '../../model/dataset/selectors';
import {
  axisTicks,
  eventsAtScale,
  groupInWindow,
  groupPosition,
  scaleWindows,
  type TimelineScale,
  type WindowGroup,
} from '../../model/dataset/timeline';
import { EmptyState } from '../../components/empty-state';
import { useChoices } from '../../state/store';
import { useDeferredFilters } from '../../state/use-filters';
import './timeline.css';

/** Events shown at first and added by each "Show more": a large dataset never renders all at once. */
const PAGE = 150;

/** The two scales for data as of `asOf`: the newest article's week, and the whole war. */
function scalesFor(asOf: string): { id: TimelineScale; label: string; from: string; to: string }[] {
  const windows = scaleWindows(asOf);
  return [
    {
      id: 'week',
      label: `The week of the newest article (${formatEventDate({ date: windows.week.from, endDate: windows.week.to })})`,
      ...windows.week,
    },
    { id: 'war', label: 'The war (2014 onward)', ...windows.war },
  ];
}

/** A group's heading: its day, or that its events were already under way, or that the day is not given. */
function groupHeading(group: WindowGroup): string {
  if (group.kind === 'ongoing') return `Under way on ${formatDate(group.date)}`;
  if (group.kind === 'undated') return `${formatDate(group.date)} (day not given)`;
  return formatDate(group.date);
}

function eventCount(n: number): string {
  return `${n} ${n === 1 ? 'event' : 'events'}`;
}

/**
 * The overview axis: one dot per group, labelled ticks below. The dots are one Tab stop (a toolbar with a
 * roving tabindex): arrows, Home and End move between them, Enter or a click goes to that group in the list.
 */
function TimelineAxis({
  groups,
  scale,
  onGo,
}: {
  groups: readonly WindowGroup[];
  scale: { from: string; to: string };
  onGo: (date: string, kind: WindowGroup['kind']) => void;
}) {
  const [active, setActive] = useState(0);
  const dots = useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.min(active, groups.length - 1);
  const ticks = axisTicks(scale);
  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = groups.length - 1;
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? Math.min(last, current + 1)
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? Math.max(0, current - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    dots.current[next]?.focus();
  };
  return (
    <div className="timeline-axis">
      <div
        className="timeline__strip"
        role="toolbar"
        aria-label={`Events by date, ${formatDate(scale.from)} to ${formatDate(scale.to)}`}
        aria-orientation="horizontal"
        onKeyDown={move}
      >
        {groups.map((g, i) => (
          <button
            key={`${g.kind}-${g.date}`}
            ref={(el) => {
              dots.current[i] = el;
            }}
            type="button"
            tabIndex={i === current ? 0 : -1}
            className={`timeline__dot timeline__dot--${g.kind}`}
            style={{
              // Spans under way and undated events sit just before the axis's start, off its dates.
              left:
                g.kind === 'day' ? `${100 * groupPosition(g, scale)}%` : g.kind === 'ongoing' ? '-1.4rem' : '-0.7rem',
              width: `${0.5 + Math.min(4, g.events.length) * 0.15}rem`,
              height: `${0.5 + Math.min(4, g.events.length) * 0.15}rem`,
            }}
            aria-label={`${groupHeading(g)}: ${eventCount(g.events.length)}`}
            title={`${groupHeading(g)}: ${eventCount(g.events.length)}`}
            onFocus={() => setActive(i)}
            onClick={() => onGo(g.date, g.kind)}
          />
        ))}
      </div>
      <div className="timeline-axis__ticks" aria-hidden="true">
        {ticks.map((t) => (
          <span
            key={t.date}
            className="timeline-axis__tick"
            style={{
              left: `${100 * t.at}%`,
              transform: `translateX(${t.at < 0.03 ? 0 : t.at > 0.97 ? -100 : -50}%)`,
            }}
          >
            {t.label}
          </span>
        ))}
      </div>
    </div>
  );
}

/** Every dated event in order, grouped by day, at the scale of the newest article's week or of the whole war. */
const TimelineBody = memo(function TimelineBody({ dataset, filters }: { dataset: Dataset; filters: Filters }) {
  const focusedEvent = useChoices((s) => s.event);
  const openEvent = useChoices((s) => s.openEvent);
  const focusActor = useChoices((s) => s.focusActor);
  const clearFilters = useChoices((s) => s.clearFilters);
  const scaleId = useChoices((s) => s.scale);
  const setScale = useChoices((s) => s.setScale);
  const [limit, setLimit] = useState(PAGE);
  const name = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const asOf = useMemo(() => asOfDate(dataset.sources), [dataset.sources]);
  const scales = useMemo(() => scalesFor(asOf), [asOf]);
  const scale = scales.find((s) => s.id === scaleId)!;

  const matching = useMemo(() => selectEvents(dataset, filters), [dataset, filters]);
  const events = useMemo(() => eventsAtScale(matching, scaleId, asOf), [matching, scaleId, asOf]);
  const groups = useMemo(() => groupInWindow(events.slice(0, limit), scale), [events, limit, scale]);
  const goTo = (date: string, kind: WindowGroup['kind']) => {
    const heading = listRef.current?.querySelector<HTMLElement>(`[data-group="${kind}-${date}"] h3`);
    heading?.focus();
  };
  const hidden = events.length - Math.min(events.length, limit);

  return (
    <div className="timeline">
      <fieldset className="timeline__scales">
        <legend className="visually-hidden">Time scale</legend>
        {scales.map((s) => (
          <label key={s.id} className={`segmented${s.id === scaleId ? ' segmented--on' : ''}`}>
            <input type="radio" name={name} value={s.id} checked={s.id === scaleId} onChange={() => setScale(s.id)} />
            {s.label}
          </label>
        ))}
      </fieldset>
      <p className="timeline__summary" role="status" aria-live="polite">
        {events.length} {events.length === 1 ? 'event' : 'events'}
        {scaleId === 'week' ? ` that week, of ${matching.length} matching` : ''}
      </p>
      {events.length > 0 && <TimelineAxis groups={groups} scale={scale} onGo={goTo} />}
      {events.length === 0 ? (
        matching.length > 0 ? (
          <p className="empty-state">
            No matching event in the week of the newest article; {matching.length} in the whole war.{' '}
            <button type="button" className="button button--quiet" onClick={() => setScale('war')}>
              Show the war
            </button>
          </p>
        ) : (
          <EmptyState what="events" filters={describeFilters(dataset, filters)} onReset={clearFilters} />
        )
      ) : (
        <ol className="timeline__days" ref={listRef}>
          {groups.map((group) => (
            <li
              key={`${group.kind}-${group.date}`}
              className={`timeline__day timeline__day--${group.kind}`}
              data-group={`${group.kind}-${group.date}`}
            >
              <h3 tabIndex={-1}>
                {group.kind === 'ongoing' && 'Under way on '}
                <time dateTime={group.date}>{formatDate(group.date)}</time>
                {group.kind === 'undated' && ' (day not given)'}
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
