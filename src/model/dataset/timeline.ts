/**
 * Events on a timeline: grouped by day (or by month or year when that is all the article gives),
 * at two scales. Pure.
 */
import type { Event } from './schema';
import { SHORT_MONTH_NAMES } from '../format/calendar';

export type TimelineScale = 'week' | 'war';

/** The week (Monday to Sunday) of a date: the timeline opens on the week of the newest article. */
export function weekOf(date: string): TimelineWindow {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const monday = new Date(Date.UTC(y, m - 1, d - ((day.getUTCDay() + 6) % 7)));
  const sunday = new Date(Date.UTC(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate() + 6));
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}

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

/** A timeline window: the dates a scale spans. */
export interface TimelineWindow {
  from: string;
  to: string;
}

/** The window each scale shows, for data as of `asOf` (the newest article's date). */
export function scaleWindows(asOf: string): Record<TimelineScale, TimelineWindow> {
  const week = weekOf(asOf);
  return { week, war: { from: '2014', to: week.to } };
}

export interface WindowGroup extends TimelineGroup {
  /**
   * `ongoing`: spans that began before the window and are still under way in it, shown at the window's start;
   * `undated`: events known only by a month or year that covers the window's start (the day is not given);
   * `day`: events that begin inside the window, on `date`.
   */
  kind: 'ongoing' | 'undated' | 'day';
}

/**
 * Events grouped by when they happen within the window, in order: first the spans already under way at its
 * start (grouped under the window's start, not under the year they began), then events dated only by a
 * month or year that contains the start, then each date inside the window. The input must be sorted by date
 * (selectEvents does) and overlap the window (eventsAtScale does).
 */
export function groupInWindow(events: readonly Event[], range: TimelineWindow): WindowGroup[] {
  const ongoing: Event[] = [];
  const undated = new Map<string, Event[]>();
  const inside: Event[] = [];
  for (const event of events) {
    if (event.date >= range.from) inside.push(event);
    else if (event.endDate !== undefined && event.endDate !== event.date) ongoing.push(event);
    else undated.set(event.date, [...(undated.get(event.date) ?? []), event]);
  }
  return [
    ...(ongoing.length > 0 ? [{ kind: 'ongoing' as const, date: range.from, events: ongoing }] : []),
    ...[...undated].map(([date, list]) => ({ kind: 'undated' as const, date, events: list })),
    ...groupByDate(inside).map((g) => ({ kind: 'day' as const, ...g })),
  ];
}

/** Where a group sits on the window's axis, 0..1: ongoing and undated groups at the start. */
export function groupPosition(group: WindowGroup, range: TimelineWindow): number {
  return group.kind === 'day' ? datePosition(group.date, range.from, range.to) : 0;
}

export interface AxisTick {
  date: string;
  /** 0..1 along the window. */
  at: number;
  label: string;
}

/**
 * Labelled ticks for the axis: every day of a window of up to two weeks ("11 Feb"), otherwise the start of
 * every other year ("2014", "2016", …) so that the labels do not crowd.
 */
export function axisTicks(range: TimelineWindow): AxisTick[] {
  const day = 86_400_000;
  const parse = (d: string) => Date.parse(d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
  const start = parse(range.from);
  const end = parse(range.to);
  const ticks: AxisTick[] = [];
  if (end - start <= 14 * day) {
    for (let t = start; t <= end; t += day) {
      const date = new Date(t).toISOString().slice(0, 10);
      const label = `${Number(date.slice(8))} ${SHORT_MONTH_NAMES[Number(date.slice(5, 7)) - 1]}`;
      ticks.push({ date, at: datePosition(date, range.from, range.to), label });
    }
    return ticks;
  }
  const first = new Date(start).getUTCFullYear();
  const last = new Date(end).getUTCFullYear();
  for (let y = first; y <= last; y += 2) {
    ticks.push({ date: String(y), at: datePosition(`${y}-01-01`, range.from, range.to), label: String(y) });
  }
  return ticks;
}

/** The events a scale shows: those of the newest article's week, or all of them since 2014. */
export function eventsAtScale(events: readonly Event[], scale: TimelineScale, asOf: string): Event[] {
  if (scale === 'war') return [...events];
  const week = weekOf(asOf);
  return events.filter((e) => overlaps(e, week.from, week.to));
}

/** Position of a date along [from, to] as 0..1, for the overview strip. */
export function datePosition(date: string, from: string, to: string): number {
  const t = (d: string) => Date.parse(d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-15` : d);
  const span = t(to) - t(from);
  return span <= 0 ? 0 : Math.min(1, Math.max(0, (t(date) - t(from)) / span));
}
