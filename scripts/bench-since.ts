/**
 * npm run bench (or `npx tsx scripts/bench-since.ts`): how long "Since the last briefing" takes to compare a
 * saved briefing of 10,000 figures (2,000 actors, 5,000 events) with a dashboard of 10,000 figures, as the
 * view does it: the comparison, the filters, then the summary of what moved. A benchmark, not a test: it measures and reports; the goal is
 * under 200 ms (median of the runs), and its first line says whether the goal is met.
 *
 * The two sides are distinct copies (as a briefing read from IndexedDB is), so every kept item is compared
 * field by field: the worst case. Of the 10,000 figures 500 are removed, 500 added (200 of them new estimates
 * of a measure already tracked) and 1,000 changed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareBriefing, countChanges, filterComparison } from '../src/model/briefing/briefing-compare';
import { summariseSince } from '../src/model/briefing/since-summary';
import type { BriefingData } from '../src/model/briefing/briefing';
import { NO_FILTERS } from '../src/model/dataset/selectors';
import type { Actor, Event, Figure, Measure, Place, Source, Topic, UnitInfo } from '../src/model/dataset/schema';

const ROOT = resolve(import.meta.dirname, '..');
export const SINCE_GOAL_MS = 200;
const RUNS = 9;

const read = <T>(name: string): T => JSON.parse(readFileSync(join(ROOT, 'data', `${name}.json`), 'utf8')) as T;

/** n items made from the shipped ones, with ids made unique. */
function scaled<T extends { id: string }>(items: readonly T[], n: number, extra: (item: T, i: number) => Partial<T>) {
  return Array.from({ length: n }, (_, i) => {
    const item = items[i % items.length]!;
    return { ...structuredClone(item), id: `${item.id}-${i}`, ...extra(item, i) } as T;
  });
}

export function sinceBenchData(figureCount = 10_000): { then: BriefingData; now: BriefingData; places: Place[] } {
  const figures = read<Figure[]>('figures');
  const actors = read<Actor[]>('actors');
  const events = read<Event[]>('events');
  const sources = read<Source[]>('sources');
  const places = read<Place[]>('places');
  const thenFigures = scaled(figures, figureCount, (f, i) => ({ measure: `${f.measure}-${i % 2000}` }));
  const then: BriefingData = {
    figures: thenFigures,
    actors: scaled(actors, 2_000, () => ({})),
    events: scaled(events, 5_000, () => ({})),
    sources,
  };
  // The dashboard now: a distinct copy, with figures removed, added and changed.
  const copy = JSON.parse(JSON.stringify(then)) as BriefingData;
  const kept = copy.figures.slice(500);
  for (let i = 0; i < 1_000; i++) {
    const f = kept[i * 9]!;
    kept[i * 9] = f.value !== undefined ? { ...f, value: f.value + 1 } : { ...f, quote: `${f.quote} (updated)` };
  }
  const added = Array.from({ length: 500 }, (_, i) => {
    const base = thenFigures[(i * 13) % thenFigures.length]!;
    // 200 new estimates of a tracked measure (same measure and unit); 300 of new measures.
    return { ...base, id: `new-figure-${i}`, measure: i < 200 ? base.measure : `new-measure-${i}` };
  });
  const now: BriefingData = { ...copy, figures: [...kept, ...added] };
  return { then, now, places };
}

export interface SinceBenchResult {
  /** A fixed loop (10⁷ additions) timed on this machine now: how loaded it is (about 5–10 ms when idle). */
  calibrationMs: number;
  figures: number;
  medianMs: number;
  runsMs: number[];
  /**
   * Median CPU time of the runs (this process, all its threads, garbage collection included): on a machine busy
   * with other work the wall-clock median above grows with the waiting, this one much less.
   */
  cpuMedianMs: number;
  goalMs: number;
  changes: ReturnType<typeof countChanges>;
}

export function sinceBench(figureCount = 10_000): SinceBenchResult {
  const { then, now, places } = sinceBenchData(figureCount);
  const measures = read<Measure[]>('measures');
  const units = read<UnitInfo[]>('units');
  const topics = read<Topic[]>('topics');
  const calibrationStart = performance.now();
  let sum = 0;
  for (let i = 0; i < 1e7; i++) sum += i;
  const calibrationMs = performance.now() - calibrationStart + (sum < 0 ? 1 : 0);
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let changes: ReturnType<typeof countChanges> | undefined;
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const all = compareBriefing(then, now);
    const shown = filterComparison(all, { ...NO_FILTERS, countries: ['RU'] }, { actors: now.actors, places });
    // What the view's first screen reads: the measures that moved, new measures, every change grouped.
    summariseSince(shown, {
      measures,
      thenFigures: then.figures,
      units,
      sources: now.sources,
      topics,
    });
    runsMs.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    changes ??= countChanges(all);
    void shown;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    calibrationMs: round(calibrationMs),
    figures: figureCount,
    medianMs: round(median(runsMs)),
    runsMs: runsMs.map(round),
    cpuMedianMs: round(median(cpuMs)),
    goalMs: SINCE_GOAL_MS,
    changes: changes!,
  };
}

/**
 * The verdict in one line (median, target, met or missed), then the details: every run, what the comparison
 * found, and how loaded the machine was.
 */
export function formatSinceBench(r: SinceBenchResult): string {
  const n = r.figures.toLocaleString('en-US');
  const verdict = r.medianMs < r.goalMs ? 'met' : 'MISSED';
  const c = r.changes;
  return [
    `Since the last briefing, ${n} figures against ${n}: median ${r.medianMs} ms of ${r.runsMs.length} runs, target < ${r.goalMs} ms: ${verdict}`,
    `  runs ${r.runsMs.join(', ')} ms (CPU time median ${r.cpuMedianMs} ms); found ${c.figuresAdded} added, ${c.figuresRemoved} removed, ${c.figuresChanged} changed, ${c.estimates} new estimates; machine check: 10⁷ additions took ${r.calibrationMs} ms`,
  ].join('\n');
}

if (process.argv[1]?.endsWith('bench-since.ts')) {
  console.log(formatSinceBench(sinceBench()));
}
