/**
 * The occupied-area chart's data: pure "daily series + monthly gains → what to draw". The drawing component
 * (features/frontline/occupied-area-chart.tsx) has no logic of its own. Gaps stay gaps (null), nothing is
 * smoothed, and every flagged day is kept as a mark and a note.
 */
import { SHORT_MONTH_NAMES } from '../format/calendar';
import { formatDate } from '../format/format';
import { KM2_PER_SQ_MI, type DailyEntry, type MonthlyGains } from './frontline';

export type MarkKind = 'stale-fetch' | 'backfilled' | 'suspect' | 'note';

/** How each kind of marked day is described in the legend and the notes. */
export const MARK_WORDS: Record<MarkKind, string> = {
  'stale-fetch': 'Stale fetch: shows DeepState’s previous update',
  backfilled: 'Backfilled by hand later (time of day unknown)',
  suspect: 'Large one-day change (kept, checked)',
  note: 'Re-fetched file (see note)',
};

export interface AreaPoint {
  /** UTC midnight of the situation date, ms (the time axis). */
  t: number;
  date: string;
  /** null on a gap: the line breaks there. */
  areaKm2: number | null;
  /** What is marked about this day (for the tooltip). */
  flags: MarkKind[];
}

export interface MarkPoint {
  t: number;
  date: string;
  areaKm2: number;
  kind: MarkKind;
}

export interface GapRun {
  from: string;
  to: string;
  /** Where the gap is drawn on the time axis: its middle. */
  t: number;
  days: number;
}

export interface GainBar {
  /** YYYY-MM */
  month: string;
  /** "Dec 2024" */
  label: string;
  gainKm2: number;
  gainSqMi: number;
  from: string;
  to: string;
  days: number;
  /** An endpoint is a stale fetch or not the month's last day (SOURCES.md's words in `flags`). */
  flagged: boolean;
  flags: string[];
}

export interface FrontlineNote {
  id: string;
  title: string;
  text: string;
}

export interface FrontlineChartModel {
  points: AreaPoint[];
  marks: Record<MarkKind, MarkPoint[]>;
  gaps: GapRun[];
  bars: GainBar[];
  areaDomain: [number, number];
  timeDomain: [number, number];
  /** The first of January and July inside the range (labels fit at 360 px). */
  timeTicks: number[];
  asOf: { t: number; date: string; label: string };
  /** First and last situation drawn. */
  range: { from: string; to: string };
  notes: FrontlineNote[];
}

const DAY = 86_400_000;
export const dateToTime = (date: string): number => Date.parse(`${date}T00:00:00Z`);
export const timeToDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** "2024-12" → "Dec 2024" */
export const monthLabel = (month: string): string =>
  `${SHORT_MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
/** A time-axis tick: "Jan 2025" on January, "Apr" otherwise. */
export function timeTickLabel(t: number): string {
  const date = timeToDate(t);
  const label = monthLabel(date.slice(0, 7));
  return date.slice(5, 7) === '01' ? label : label.slice(0, 3);
}

const kmFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
export const formatKm2 = (km2: number): string => `${kmFormat.format(km2)} km²`;
export const formatSqMi = (sqMi: number): string => `${kmFormat.format(sqMi)} sq mi`;

/** "17–18 Aug 2024", "31 Dec 2024" */
function runWords(run: { from: string; to: string }): string {
  if (run.from === run.to) return formatDate(run.from);
  const to = formatDate(run.to);
  return run.from.slice(0, 7) === run.to.slice(0, 7)
    ? `${Number(run.from.slice(8))}–${to}`
    : `${formatDate(run.from)} – ${to}`;
}

/** Consecutive dates as runs. */
function runs(dates: readonly string[]): { from: string; to: string; days: number }[] {
  const out: { from: string; to: string; days: number }[] = [];
  for (const date of dates) {
    const last = out.at(-1);
    if (last && dateToTime(date) - dateToTime(last.to) === DAY) {
      last.to = date;
      last.days += 1;
    } else out.push({ from: date, to: date, days: 1 });
  }
  return out;
}

function niceDomain(values: readonly number[], step: number): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  return [Math.floor(min / step) * step, Math.ceil(max / step) * step];
}

export interface ChartOptions {
  /** First situation drawn (inclusive), default 2024-07-01. */
  since?: string;
  /** The dashboard's as-of date, marked on the chart. */
  asOf: string;
}

export function frontlineChartModel(
  daily: readonly DailyEntry[],
  gains: MonthlyGains,
  { since = '2024-07-01', asOf }: ChartOptions,
): FrontlineChartModel {
  const days = daily.filter((d) => d.situation >= since);
  if (days.length === 0) throw new Error(`no situations since ${since}`);
  const flagsOf = (d: DailyEntry): MarkKind[] => [
    ...(d.staleFetch ? (['stale-fetch'] as const) : []),
    ...(d.backfilled ? (['backfilled'] as const) : []),
    ...(d.suspect ? (['suspect'] as const) : []),
    ...(d.note ? (['note'] as const) : []),
  ];
  const points: AreaPoint[] = days.map((d) => ({
    t: dateToTime(d.situation),
    date: d.situation,
    areaKm2: d.areaKm2,
    flags: flagsOf(d),
  }));

  const marks: Record<MarkKind, MarkPoint[]> = { 'stale-fetch': [], backfilled: [], suspect: [], note: [] };
  for (const p of points) {
    if (p.areaKm2 === null) continue;
    for (const kind of p.flags) marks[kind].push({ t: p.t, date: p.date, areaKm2: p.areaKm2, kind });
  }

  const gaps: GapRun[] = runs(days.filter((d) => d.gap).map((d) => d.situation)).map((r) => ({
    ...r,
    t: (dateToTime(r.from) + dateToTime(r.to)) / 2,
  }));

  const bars: GainBar[] = gains.months
    .filter((m) => m.toSituation >= since)
    .map((m) => ({
      month: m.month,
      label: monthLabel(m.month),
      gainKm2: m.gainKm2,
      gainSqMi: Math.round((m.gainKm2 / KM2_PER_SQ_MI) * 10) / 10,
      from: m.fromSituation,
      to: m.toSituation,
      days: m.days,
      flagged: m.flags.length > 0,
      flags: m.flags,
    }));

  const areas = days.flatMap((d) => (d.areaKm2 === null ? [] : [d.areaKm2]));
  const first = days[0]!.situation;
  const last = days.at(-1)!.situation;
  const timeDomain: [number, number] = [dateToTime(first), dateToTime(last)];
  const timeTicks: number[] = [];
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) {
    for (const m of ['01', '07']) {
      const t = dateToTime(`${y}-${m}-01`);
      if (t >= timeDomain[0] && t <= timeDomain[1]) timeTicks.push(t);
    }
  }

  return {
    points,
    marks,
    gaps,
    bars,
    areaDomain: niceDomain(areas, 1000),
    timeDomain,
    timeTicks,
    asOf: { t: dateToTime(asOf), date: asOf, label: `As of ${formatDate(asOf)}` },
    range: { from: first, to: last },
    notes: frontlineNotes(days, gains, bars, gaps),
  };
}

/** The data's problems in plain words, as SOURCES.md lists them: what the chart marks, said once more. */
function frontlineNotes(
  days: readonly DailyEntry[],
  gains: MonthlyGains,
  bars: readonly GainBar[],
  gaps: readonly GapRun[],
): FrontlineNote[] {
  const notes: FrontlineNote[] = [];
  const gapDays = gaps.reduce((n, g) => n + g.days, 0);
  if (gaps.length > 0) {
    notes.push({
      id: 'gaps',
      title: `No file for ${gapDays} days`,
      text: `${gaps.map(runWords).join(', ')}. The line breaks there; nothing is interpolated.`,
    });
  }
  const stale = days.filter((d) => d.staleFetch);
  if (stale.length > 0) {
    const byMonth = new Map<string, string[]>();
    for (const d of stale) {
      const key = d.situation.slice(0, 7);
      byMonth.set(key, [...(byMonth.get(key) ?? []), String(Number(d.situation.slice(8)))]);
    }
    notes.push({
      id: 'stale-fetch',
      title: `${stale.length} stale fetches`,
      text:
        'These days show DeepState’s update before the newest one (usually a day older): ' +
        `${[...byMonth].map(([m, ds]) => `${monthLabel(m)}: ${ds.join(', ')}`).join('; ')}.`,
    });
  }
  const backfilled = days.filter((d) => d.backfilled);
  if (backfilled.length > 0) {
    notes.push({
      id: 'backfilled',
      title: `${backfilled.length} backfilled days`,
      text: `${runs(backfilled.map((d) => d.situation))
        .map(runWords)
        .join(', ')}: committed by hand later; the time of day of their content is unknown.`,
    });
  }
  for (const d of days.filter((x) => x.suspect)) {
    notes.push({
      id: `suspect-${d.situation}`,
      title: `Large one-day change on ${formatDate(d.situation)}`,
      text: `${d.changeKm2! > 0 ? '+' : ''}${formatKm2(d.changeKm2!)} in a day (more than 10 × the median daily change). Kept: it matches a DeepState update and is not reversed.`,
    });
  }
  for (const d of days.filter((x) => x.note)) {
    notes.push({ id: `note-${d.situation}`, title: `${formatDate(d.situation)}: note`, text: `File ${d.note}.` });
  }
  const flagged = bars.filter((b) => b.flagged);
  if (flagged.length > 0) {
    notes.push({
      id: 'months',
      title: `${flagged.length} months with a flagged start or end`,
      text: `${flagged.map((b) => `${b.label} (${formatDate(b.from)} to ${formatDate(b.to)}): ${b.flags.join('; ')}`).join('. ')}.`,
    });
  }
  const december = gains.months.find((m) => m.month === '2024-12');
  if (december && december.toSituation !== '2024-12-31') {
    notes.push({
      id: 'december-2024',
      title: 'December 2024 runs to 30 Dec',
      text: `There is no file for 31 Dec 2024, so December’s gain is ${formatDate(december.fromSituation)} to ${formatDate(december.toSituation)} and January’s starts on 30 Dec; that file is itself a stale fetch.`,
    });
  }
  notes.push({
    id: 'what',
    title: 'What the area is',
    text: 'All of the occupied area DeepState maps, Crimea and the areas held before 2022 included; geodesic areas of the full (unsimplified) polygons. A monthly gain is a net change: ground taken minus ground retaken.',
  });
  return notes;
}

/** What the occupied-area chart is about, for the filters: Ukraine and Russia, territory and the military balance. */
const CHART_COUNTRIES = new Set(['UA', 'RU']);
const CHART_TOPICS = new Set(['territory', 'military-balance']);
const CHART_WORDS = ['occupied', 'front line', 'frontline', 'front-line', 'territory', 'deepstate', 'area'];

/**
 * Does the occupied-area chart belong in a view with these filters? It has no actor and no claimant, so a
 * focused actor hides it; a country or topic filter keeps it only when it names what the chart shows; search text
 * keeps it only when the text is about the occupied area.
 */
export function occupiedChartMatches(filters: {
  countries: readonly string[];
  topics: readonly string[];
  actor: string | null;
  q: string;
}): boolean {
  if (filters.actor) return false;
  if (filters.countries.length > 0 && !filters.countries.some((c) => CHART_COUNTRIES.has(c))) return false;
  if (filters.topics.length > 0 && !filters.topics.some((t) => CHART_TOPICS.has(t))) return false;
  const q = filters.q.trim().toLowerCase();
  return q === '' || CHART_WORDS.some((w) => (q.length >= 3 && w.startsWith(q)) || q.includes(w));
}
