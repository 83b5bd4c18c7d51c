/**
 * The estimates of one measure over time: each at its date (see estimate-date.ts), by claimant, with its
 * range, bound or words drawn as such. Pure: the drawing (over-time-chart.tsx) draws what this returns.
 */
import type { Figure, Source, Unit } from '../../model/dataset/schema';
import { axisWords, formatDate, unitInfo } from '../../model/format/format';
import { chartRow, niceScale, type ChartRow } from './series';
import { estimateDate, type EstimateDate } from '../../model/dataset/estimate-date';

export interface TimePoint extends ChartRow {
  /** YYYY-MM-DD, and why (its own date, the end of its period, or its article's). */
  date: string;
  dateBasis: EstimateDate['basis'];
  /** Milliseconds since 1970 (UTC) of `date`. */
  t: number;
  /** On the value axis (in the panel's unit): the mark's low and high ends (equal for a stated value). */
  low: number;
  high: number;
  /** Which marker the claimant has (0, 1, 2…, by order of first estimate). */
  marker: number;
}

export interface OverTimePanel {
  unit: Unit;
  axisLabel: string;
  domain: [number, number];
  ticks: number[];
  /** The time axis: domain and ticks in ms, with their words. */
  timeDomain: [number, number];
  timeTicks: number[];
  timeLabels: string[];
  rows: TimePoint[];
  claimants: string[];
  /** Estimates of the measure in a unit that does not convert to the panel's, left out (and said so). */
  omitted: number;
}

const DAY = 86_400_000;

/** The value of `figure` in the panel's unit, where the two units convert (square miles → km²), else null. */
function converter(from: Unit, to: Unit): ((v: number) => number) | null {
  if (from === to) return (v) => v;
  const a = unitInfo(from);
  const b = unitInfo(to);
  if (a.dimension !== b.dimension || !a.scale || !b.scale) return null;
  const k = a.scale / b.scale;
  return (v) => v * k;
}

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Steps a time axis may take, smallest first: days, weeks, months, years. */
const STEPS: readonly { days?: number; months?: number }[] = [
  { days: 1 },
  { days: 2 },
  { days: 7 },
  { days: 14 },
  { months: 1 },
  { months: 2 },
  { months: 3 },
  { months: 6 },
  { months: 12 },
  { months: 24 },
  { months: 60 },
  { months: 120 },
];

function addMonths(t: number, months: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}

/** The first tick at or before `t` for a step: midnight, a Monday, the first of a month, of a year. */
function floorTo(t: number, step: { days?: number; months?: number }): number {
  const d = new Date(t);
  if (step.days) {
    const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    if (step.days < 7) return day;
    const monday = day - ((d.getUTCDay() + 6) % 7) * DAY;
    return monday;
  }
  const months = step.months!;
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth();
  const floored = index - (((index % months) + months) % months);
  return Date.UTC(Math.floor(floored / 12), floored % 12, 1);
}

/**
 * A readable time axis from `min` to `max` (ms): ticks at a whole number of days, weeks, months or years,
 * from the tick at or before `min` to the one at or after `max`, at most `maxTicks`. Labels say what the
 * step needs: "12 Feb 2025", "Feb 2025", "2025".
 */
export function timeScale(
  min: number,
  max: number,
  maxTicks = 6,
): { domain: [number, number]; ticks: number[]; labels: string[] } {
  for (const step of STEPS) {
    const ticks = [floorTo(min, step)];
    while (ticks[ticks.length - 1]! < max && ticks.length <= maxTicks) {
      const last = ticks[ticks.length - 1]!;
      ticks.push(step.days ? last + step.days * DAY : addMonths(last, step.months!));
    }
    if (ticks.length > maxTicks || ticks[ticks.length - 1]! < max) continue;
    if (ticks.length < 2) ticks.push(step.days ? ticks[0]! + step.days * DAY : addMonths(ticks[0]!, step.months!));
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    const labels = ticks.map((t) => {
      if (step.days) return formatDate(iso(t));
      if (step.months! % 12 === 0) return iso(t).slice(0, 4);
      return formatDate(iso(t).slice(0, 7));
    });
    return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks, labels };
  }
  const years = [new Date(min).getUTCFullYear(), new Date(max).getUTCFullYear() + 1];
  const ticks = years.map((y) => Date.UTC(y, 0, 1));
  return { domain: [ticks[0]!, ticks[1]!], ticks, labels: years.map(String) };
}

/**
 * The over-time drawing of a measure's estimates (the figures that pass the filters), or null when fewer
 * than two dates remain to put on a time axis. The unit is the one most estimates use; another unit of the
 * same dimension converts (square miles to km²), any other is left out and counted.
 */
export function buildOverTime(figures: readonly Figure[], sources: ReadonlyMap<string, Source>): OverTimePanel | null {
  if (figures.length === 0) return null;
  const counts = new Map<Unit, number>();
  for (const f of figures) counts.set(f.unit, (counts.get(f.unit) ?? 0) + 1);
  const unit = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const claimants: string[] = [];
  let omitted = 0;
  const rows: TimePoint[] = [];
  const dated = figures
    .map((f) => ({ f, when: estimateDate(f, sources.get(f.sourceId)) }))
    .filter(({ when }) => when.date !== '')
    .sort((a, b) => a.when.date.localeCompare(b.when.date));
  for (const { f, when } of dated) {
    const convert = converter(f.unit, unit);
    if (!convert) {
      omitted++;
      continue;
    }
    const low = convert(f.value ?? f.low ?? 0);
    const high = convert(f.value ?? f.high ?? 0);
    if (!claimants.includes(f.claimant)) claimants.push(f.claimant);
    const row = chartRow(f, sources, 'claimant', [low, high]);
    rows.push({
      ...row,
      label: `${formatDate(when.date)}: ${f.claimant}`,
      date: when.date,
      dateBasis: when.basis,
      t: utc(when.date),
      low,
      high,
      marker: claimants.indexOf(f.claimant),
    });
  }
  if (new Set(rows.map((r) => r.date)).size < 2) return null;
  const min = Math.min(0, ...rows.map((r) => r.low));
  const max = Math.max(0, ...rows.map((r) => r.high));
  const { domain, ticks } = niceScale(min, max);
  const time = timeScale(rows[0]!.t, rows[rows.length - 1]!.t);
  return {
    unit,
    axisLabel: axisWords(unit),
    domain,
    ticks,
    timeDomain: time.domain,
    timeTicks: time.ticks,
    timeLabels: time.labels,
    rows,
    claimants,
    omitted,
  };
}
