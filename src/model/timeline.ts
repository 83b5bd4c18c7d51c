/**
 * Events on a timeline: grouped by day (or by month or year when that is all the article gives),
 * at two scales. Pure.
 */
import type { Event } from './schema';

export type TimelineScale = 'week' | 'war';

/** The week of the calls and of Munich. */
export const THIS_WEEK = { from: '2025-02-11', to: '2025-02-16' } as const;

/** Does the event (or its span) touch the period? Partial dates cover their whole month or year. */
export function overlaps(event: Pick<Event, 'date' | 'endDate'>, from: string, to: string): boolean {
  const start = event.date;
  const end = event.endDate ?? event.date;
  // "2025-02" sorts before "2025-02-11"; as an end it must cover the whole month, so pad it.
  const endPadded = end.length === 4 ? `${end}-12-31` : end.length === 7 ? `${end}-31` : end;
  return start <= to && endPadded >= from;
}

export interface TimelineGroup {
  /** The date the group stands for, as precise as its events: "2025-02-12", "2024-05", "2014". */
  date: string;
  events: Event[];
}

/** Events in date order, grouped by their start date. The input must be sorted (selectEvents does). */
export function groupByDate(events: readonly Event[]): TimelineGroup[] {
  const groups: TimelineGroup[] = [];
  for (const event of events) {
    const last = groups[groups.length - 1];
    if (last && last.date === event.date) last.events.push(event);
    else groups.push({ date: event.date, events: [event] });
  }
  return groups;
}

/** The events a scale shows: this week's, or all of them since 2014. */
export function eventsAtScale(events: readonly Event[], scale: TimelineScale): Event[] {
  return scale === 'war' ? [...events] : events.filter((e) => overlaps(e, THIS_WEEK.from, THIS_WEEK.to));
}

/** Position of a date along [from, to] as 0..1, for the overview strip. */
export function datePosition(date: string, from: string, to: string): number {
  const t = (d: string) => Date.parse(d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-15` : d);
  const span = t(to) - t(from);
  return span <= 0 ? 0 : Math.min(1, Math.max(0, (t(date) - t(from)) / span));
}
