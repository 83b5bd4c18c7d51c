/**
 * npm run bench (or `npx tsx scripts/bench-since.ts`): how long "Since the last briefing" takes to compare a saved
 * briefing with the dashboard, as the view does it: the comparison, the filters, then the summary of what moved.
 * A benchmark, not a test: it measures and reports, one verdict line per case.
 *
 * - A desk (10,000 figures against 10,000; 2,000 actors, 5,000 events), in this thread as before: under 200 ms
 *   (median of the runs).
 * - A team after two years (100,000 against 100,000; 2,000 actors, 20,000 events), in a Node worker thread running
 *   the page's own worker module (src/features/since/since-worker.ts: `serveSince` on a message port instead of
 *   the worker's scope): at most 1,000 ms from asking to holding the answer (the answer's structured clone back,
 *   and reading it onto this thread's sides, included). Passing the two sides in (a structured clone of each, in
 *   parts, once per briefing and for the first dataset in the page) is measured apart, as are a change of the
 *   filters once the sides are held and a new version of the dataset sent as what changed.
 *
 * The two sides are distinct copies (as a briefing read from IndexedDB is), so every kept item is compared
 * field by field: the worst case. Of the figures 5 % are removed, 5 % added (two in five of them new estimates of
 * a measure already tracked) and 10 % changed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  isMainThread,
  workerData,
  type MessagePort,
} from 'node:worker_threads';
import { compareBriefing, countChanges, filterComparison } from '../src/model/briefing/briefing-compare';
import { summariseSince } from '../src/model/briefing/since-summary';
import type { BriefingData } from '../src/model/briefing/briefing';
import { NO_FILTERS, type Filters } from '../src/model/dataset/selectors';
import type { Actor, Event, Figure, Measure, Place, Source, Topic, UnitInfo } from '../src/model/dataset/schema';
import {
  readAnswer,
  sideMessages,
  type DatasetSide,
  type SinceReply,
  type SinceRequest,
  type SinceResult,
} from '../src/features/since/since-protocol';

const ROOT = resolve(import.meta.dirname, '..');
export const SINCE_GOAL_MS = 200;
export const SINCE_TEAM_GOAL_MS = 1_000;
const RUNS = 9;
const TEAM_RUNS = 5;
/** The filters of every run: one country, as a briefer narrows the view. A change of the filters adds a topic. */
const FILTERS: Filters = { ...NO_FILTERS, countries: ['RU'] };
const REFILTERS: Filters = { ...NO_FILTERS, countries: ['RU'], topics: ['casualties'] };

const read = <T>(name: string): T => JSON.parse(readFileSync(join(ROOT, 'data', `${name}.json`), 'utf8')) as T;

/** n items made from the shipped ones, with ids made unique (each a distinct copy, as JSON keeps it). */
function scaled<T extends { id: string }>(items: readonly T[], n: number, extra: (item: T, i: number) => Partial<T>) {
  const texts = items.map((item) => JSON.stringify(item));
  return Array.from({ length: n }, (_, i) => {
    const item = items[i % items.length]!;
    return { ...(JSON.parse(texts[i % items.length]!) as T), id: `${item.id}-${i}`, ...extra(item, i) } as T;
  });
}

/** The size of a case: figures a side, actors and events (the change mix is the same at every size). */
export interface SinceCase {
  figures: number;
  actors: number;
  events: number;
}

export const SINCE_CASES = {
  /** A busy desk after a few months. */
  desk: { figures: 10_000, actors: 2_000, events: 5_000 },
  /** A team after two years. */
  team: { figures: 100_000, actors: 2_000, events: 20_000 },
} as const satisfies Record<string, SinceCase>;

/**
 * A briefing and the dashboard now, as distinct copies. Of the figures 5 % are removed, 5 % added (two in five
 * of them new estimates of a measure already tracked) and 10 % changed; measures are shared by figures
 * (2,000 of them), so a measure gathers more estimates as the figures grow.
 */
export function sinceBenchData(size: SinceCase = SINCE_CASES.desk): {
  then: BriefingData;
  now: BriefingData;
  places: Place[];
} {
  const figures = read<Figure[]>('figures');
  const actors = read<Actor[]>('actors');
  const events = read<Event[]>('events');
  const sources = read<Source[]>('sources');
  const places = read<Place[]>('places');
  const n = size.figures;
  const removedCount = Math.round(n * 0.05);
  const addedCount = Math.round(n * 0.05);
  const changedCount = Math.round(n * 0.1);
  const estimateCount = Math.round(addedCount * 0.4);
  const thenFigures = scaled(figures, n, (f, i) => ({ measure: `${f.measure}-${i % 2000}` }));
  const then: BriefingData = {
    figures: thenFigures,
    actors: scaled(actors, size.actors, () => ({})),
    events: scaled(events, size.events, () => ({})),
    sources,
  };
  // The dashboard now: a distinct copy, with figures removed, added and changed.
  const copy = JSON.parse(JSON.stringify(then)) as BriefingData;
  const kept = copy.figures.slice(removedCount);
  const stride = Math.floor(kept.length / changedCount);
  for (let i = 0; i < changedCount; i++) {
    const f = kept[i * stride]!;
    kept[i * stride] = f.value !== undefined ? { ...f, value: f.value + 1 } : { ...f, quote: `${f.quote} (updated)` };
  }
  const added = Array.from({ length: addedCount }, (_, i) => {
    const base = thenFigures[(i * 13) % thenFigures.length]!;
    // New estimates of a tracked measure (same measure and unit), the rest of new measures.
    return { ...base, id: `new-figure-${i}`, measure: i < estimateCount ? base.measure : `new-measure-${i}` };
  });
  const now: BriefingData = { ...copy, figures: [...kept, ...added] };
  return { then, now, places };
}

export type ChangeCounts = ReturnType<typeof countChanges>;

export interface SinceCaseResult {
  case: keyof typeof SINCE_CASES;
  figures: number;
  actors: number;
  events: number;
  /** Where the comparison ran: this thread, or a worker thread running the page's worker module. */
  where: 'thread' | 'worker';
  medianMs: number;
  runsMs: number[];
  /**
   * Median CPU time of the runs (this process, all its threads, garbage collection included): on a machine busy
   * with other work the wall-clock median above grows with the waiting, this one much less.
   */
  cpuMedianMs: number;
  goalMs: number;
  met: boolean;
  changes: ChangeCounts;
  /** In the worker: the steps as it timed them, passing the data in, and a change of the filters (medians). */
  worker?: {
    /** Each run's time in the worker (compare, filters, summary). */
    runsMs: number[];
    compareMs: number;
    filterMs: number;
    summaryMs: number;
    /** The sending thread's part of passing both sides in (structured-cloning them out, part by part). */
    sendMs: number;
    /** The longest single part on the sending thread: how long the page's thread is held at a time. */
    partMs: number;
    /** From sending both sides until the worker held them (both clones, out and in). */
    heldMs: number;
    /** CPU time of passing both sides in (both threads). */
    heldCpuMs: number;
    /** How many changes the answer holds (under the filters). */
    shownChanges: number;
    /** Both sides and the answer as structured clone writes them, in MB. */
    sidesMB: number;
    answerMB: number;
    /** A change of the filters once the sides are held and compared: asking to holding the answer. */
    refilterMs: number;
    /**
     * A new version of the dataset (1,000 figures corrected, 100 added), sent as what changed from the one held:
     * the sending thread's part, until held, how much was sent, and the comparison afresh.
     */
    update: { sendMs: number; heldMs: number; sentMB: number; compareMs: number };
    /** Starting the worker thread (loading the module) until it first answered. */
    startMs: number;
  };
}

/** The desk case at the top (as before, for the bench's table), every case in `cases`. */
export interface SinceBenchResult extends SinceCaseResult {
  /** A fixed loop (10⁷ additions) timed on this machine now: how loaded it is (about 5–10 ms when idle). */
  calibrationMs: number;
  cases: SinceCaseResult[];
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number) => Math.round(n * 10) / 10;
const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function registry() {
  return { measures: read<Measure[]>('measures'), units: read<UnitInfo[]>('units'), topics: read<Topic[]>('topics') };
}

/** The desk case, in this thread, as the view did it before its worker (and as the fallback does). */
function benchHere(): SinceCaseResult {
  const size = SINCE_CASES.desk;
  const { then, now, places } = sinceBenchData(size);
  const { measures, units, topics } = registry();
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let changes: ChangeCounts | undefined;
  for (let i = 0; i < RUNS; i++) {
    const cpuStart = cpuNow();
    const start = performance.now();
    const all = compareBriefing(then, now);
    const shown = filterComparison(all, FILTERS, { actors: now.actors, places });
    // What the view's first screen reads: the measures that moved, new measures, every change grouped.
    summariseSince(shown, { measures, thenFigures: then.figures, units, sources: now.sources, topics });
    runsMs.push(performance.now() - start);
    cpuMs.push(cpuNow() - cpuStart);
    changes ??= countChanges(all);
  }
  const medianMs = round(median(runsMs));
  return {
    case: 'desk',
    ...size,
    where: 'thread',
    medianMs,
    runsMs: runsMs.map(round),
    cpuMedianMs: round(median(cpuMs)),
    goalMs: SINCE_GOAL_MS,
    met: medianMs < SINCE_GOAL_MS,
    changes: changes!,
  };
}

/**
 * The page's worker module in a worker thread, talked to synchronously: the thread blocks until the worker
 * answers (the worker signals each answer on a shared counter), so the bench stays a plain function.
 */
function startWorker() {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const count = new Int32Array(signal);
  // The worker thread loads this module (TypeScript, through tsx's loader, which it registers itself: hooks are
  // not inherited by worker threads), and serves the page's worker module from it (`serveInWorkerThread`).
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(boot, {
    eval: true,
    workerData: { sinceBench: true, port: port2, signal },
    transferList: [port2],
    execArgv: [],
  });
  let failure: unknown;
  worker.on('error', (error) => {
    failure = error;
  });
  const post = (request: SinceRequest) => port1.postMessage(request);
  const receive = (): SinceReply => {
    const deadline = performance.now() + 120_000;
    for (;;) {
      const seen = Atomics.load(count, 0);
      const got = receiveMessageOnPort(port1);
      if (got) return got.message as SinceReply;
      if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
      if (performance.now() > deadline) throw new Error('the worker did not answer within 120 s');
      Atomics.wait(count, 0, seen, 1_000);
    }
  };
  const stop = () => {
    port1.close();
    void worker.terminate();
  };
  return { post, receive, stop };
}

/** In the worker thread: serve the page's worker module on the port, signalling each answer. */
async function serveInWorkerThread() {
  const { serveSince } = await import('../src/features/since/since-worker');
  const { port, signal } = workerData as { port: MessagePort; signal: SharedArrayBuffer };
  const count = new Int32Array(signal);
  serveSince({
    addEventListener: (type, listener) => port.on(type, (data: unknown) => listener({ data })),
    postMessage(reply) {
      port.postMessage(reply);
      Atomics.add(count, 0, 1);
      Atomics.notify(count, 0);
    },
  });
}

/** The team case, in a worker thread running the page's worker module. */
function benchInWorker(): SinceCaseResult {
  const size = SINCE_CASES.team;
  const { then, now, places } = sinceBenchData(size);
  const dataset: DatasetSide = { ...now, ...registry(), places } as DatasetSide;
  const sidesMB = (serialize(then).length + serialize(dataset).length) / 1e6;
  const w = startWorker();
  try {
    const expect = <K extends SinceReply['kind']>(reply: SinceReply, kind: K) => {
      if (reply.kind === 'error') throw new Error(`the worker failed ${reply.step}: ${reply.message}`);
      if (reply.kind !== kind) throw new Error(`the worker answered ${reply.kind}, not ${kind}`);
      return reply as Extract<SinceReply, { kind: K }>;
    };
    // Started once it answers (a comparison of nothing it holds: "missing").
    const started = performance.now();
    w.post({ kind: 'compare', id: 0, briefing: 'none', dataset: 'none', filters: FILTERS });
    expect(w.receive(), 'missing');
    const startMs = performance.now() - started;

    const runsMs: number[] = [];
    const cpuMs: number[] = [];
    const sendMs: number[] = [];
    const heldMs: number[] = [];
    const heldCpuMs: number[] = [];
    const refilterMs: number[] = [];
    const partMs: number[] = [];
    const steps: SinceResult['timings'][] = [];
    let shownChanges = 0;
    let changes: ChangeCounts | undefined;
    // Sent again each run, whole, as a new briefing and a first dataset would be (it replaces the one the worker
    // held), then compared afresh.
    const keys = { briefing: 'briefing:bench', dataset: 'dataset:bench' };
    for (let i = 0; i < TEAM_RUNS; i++) {
      // As the page sends them: each side's long lists in parts (one short clone each), then the rest.
      const cpuSend = cpuNow();
      const send = performance.now();
      let longest = 0;
      for (const [kind, key, side] of [
        ['briefing', keys.briefing, then],
        ['dataset', keys.dataset, dataset],
      ] as const) {
        for (const message of sideMessages(kind, key, side as DatasetSide)) {
          const t = performance.now();
          w.post(message);
          longest = Math.max(longest, performance.now() - t);
        }
      }
      sendMs.push(performance.now() - send);
      partMs.push(longest);
      expect(w.receive(), 'held');
      expect(w.receive(), 'held');
      heldMs.push(performance.now() - send);
      heldCpuMs.push(cpuNow() - cpuSend);

      const cpuStart = cpuNow();
      const start = performance.now();
      w.post({ kind: 'compare', id: i + 1, ...keys, filters: FILTERS });
      const { result: sent } = expect(w.receive(), 'result');
      // Read back onto this thread's own sides, as the page does.
      const result = readAnswer(sent, then, dataset);
      runsMs.push(performance.now() - start);
      cpuMs.push(cpuNow() - cpuStart);
      steps.push(result.timings);
      changes ??= { ...result.allCounts };
      shownChanges = countChanges(result.shown).total;

      const again = performance.now();
      w.post({ kind: 'compare', id: 100 + i, ...keys, filters: REFILTERS });
      readAnswer(expect(w.receive(), 'result').result, then, dataset);
      refilterMs.push(performance.now() - again);
    }
    // The answer as the worker sends it (items by reference; read back, it holds the items themselves).
    w.post({ kind: 'compare', id: 999, ...keys, filters: FILTERS });
    const answerMB = serialize(expect(w.receive(), 'result').result).length / 1e6;

    // A new version of the dataset (1,000 figures corrected, 100 added), sent as the page does: what changed.
    const figures = dataset.figures.map((f, i) => (i % 100 === 0 ? { ...f, quote: `${f.quote} (corrected)` } : f));
    for (let i = 0; i < 100; i++) figures.push({ ...dataset.figures[i]!, id: `update-${i}` });
    const next: DatasetSide = { ...dataset, figures };
    const update = performance.now();
    const messages = [...sideMessages('dataset', 'dataset:next', next, { key: keys.dataset, side: dataset })];
    for (const message of messages) w.post(message);
    const updateSendMs = performance.now() - update;
    expect(w.receive(), 'held');
    const updateHeldMs = performance.now() - update;
    const updateMB = messages.reduce((n, m) => n + serialize(m).length, 0) / 1e6;
    const recompare = performance.now();
    w.post({ kind: 'compare', id: 1_000, briefing: keys.briefing, dataset: 'dataset:next', filters: FILTERS });
    readAnswer(expect(w.receive(), 'result').result, then, next);
    const updateCompareMs = performance.now() - recompare;

    const medianMs = round(median(runsMs));
    const step = (k: 'compareMs' | 'filterMs' | 'summaryMs') => round(median(steps.map((s) => s[k])));
    return {
      case: 'team',
      ...size,
      where: 'worker',
      medianMs,
      runsMs: runsMs.map(round),
      cpuMedianMs: round(median(cpuMs)),
      goalMs: SINCE_TEAM_GOAL_MS,
      met: medianMs <= SINCE_TEAM_GOAL_MS,
      changes: changes!,
      worker: {
        runsMs: steps.map((t) => round(t.compareMs + t.filterMs + t.summaryMs)),
        compareMs: step('compareMs'),
        filterMs: step('filterMs'),
        summaryMs: step('summaryMs'),
        sendMs: round(median(sendMs)),
        partMs: round(median(partMs)),
        heldMs: round(median(heldMs)),
        heldCpuMs: round(median(heldCpuMs)),
        sidesMB: round(sidesMB),
        answerMB: round(answerMB),
        shownChanges,
        refilterMs: round(median(refilterMs)),
        update: {
          sendMs: round(updateSendMs),
          heldMs: round(updateHeldMs),
          sentMB: round(updateMB * 100) / 100,
          compareMs: round(updateCompareMs),
        },
        startMs: round(startMs),
      },
    };
  } finally {
    w.stop();
  }
}

/** Both cases (or those named): the desk in this thread, the team in a worker thread. */
export function sinceBench(only: readonly (keyof typeof SINCE_CASES)[] = ['desk', 'team']): SinceBenchResult {
  const calibrationStart = performance.now();
  let sum = 0;
  for (let i = 0; i < 1e7; i++) sum += i;
  const calibrationMs = performance.now() - calibrationStart + (sum < 0 ? 1 : 0);
  const cases = [...(only.includes('desk') ? [benchHere()] : []), ...(only.includes('team') ? [benchInWorker()] : [])];
  return { ...cases[0]!, calibrationMs: round(calibrationMs), cases };
}

/**
 * A verdict line per case (median, target, met or missed), then its details: every run, what the comparison
 * found, the worker's steps and the cost of passing the data in; last, how loaded the machine was.
 */
export function formatSinceBench(r: SinceBenchResult): string {
  const lines: string[] = [];
  for (const c of r.cases) {
    const n = c.figures.toLocaleString('en-US');
    const verdict = c.met ? 'met' : 'MISSED';
    const where = c.where === 'worker' ? 'in a worker thread running the page’s worker' : 'in this thread';
    const target = c.where === 'worker' ? `≤ ${c.goalMs.toLocaleString('en-US')}` : `< ${c.goalMs}`;
    const ch = c.changes;
    lines.push(
      `Since the last briefing, ${n} figures against ${n} (${c.actors.toLocaleString('en-US')} actors, ${c.events.toLocaleString('en-US')} events; ${where}): median ${c.medianMs} ms of ${c.runsMs.length} runs, target ${target} ms: ${verdict}`,
      `  runs ${c.runsMs.join(', ')} ms (CPU time median ${c.cpuMedianMs} ms); found ${ch.figuresAdded} added, ${ch.figuresRemoved} removed, ${ch.figuresChanged} changed, ${ch.estimates} new estimates`,
    );
    const w = c.worker;
    if (w) {
      lines.push(
        `  in the worker: runs ${w.runsMs.join(', ')} ms; medians compare ${w.compareMs} ms, filters ${w.filterMs} ms, summary ${w.summaryMs} ms (the rest: the answer's ${w.shownChanges.toLocaleString('en-US')} changes under one country, ${w.answerMB} MB of references, back, read onto this thread's sides and grouped); a change of the filters afterwards ${w.refilterMs} ms`,
        `  a new version of the dataset (1,000 figures corrected, 100 added) sent as what changed: ${w.update.sentMB} MB, ${w.update.sendMs} ms on the sending thread, held after ${w.update.heldMs} ms, compared afresh in ${w.update.compareMs} ms`,
        `  passing the data in (each side once: a briefing, the dataset, ${w.sidesMB} MB as structured clone, in parts): ${w.sendMs} ms on the sending thread (the longest part ${w.partMs} ms), ${w.heldMs} ms until the worker held both (CPU ${w.heldCpuMs} ms); worker start ${w.startMs} ms`,
      );
    }
  }
  lines.push(`  machine check: 10⁷ additions took ${r.calibrationMs} ms`);
  return lines.join('\n');
}

if (!isMainThread && (workerData as { sinceBench?: boolean } | null)?.sinceBench) {
  void serveInWorkerThread();
} else if (isMainThread && process.argv[1]?.endsWith('bench-since.ts')) {
  const only = process.argv.slice(2).filter((a): a is keyof typeof SINCE_CASES => a in SINCE_CASES);
  console.log(formatSinceBench(sinceBench(only.length > 0 ? only : undefined)));
}
