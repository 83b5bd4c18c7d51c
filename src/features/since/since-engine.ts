/**
 * "Since the last briefing" as its Web Worker runs it (since-worker.ts), and as the page runs it where there is
 * no Worker (the unit tests): it keeps the two sides it was sent, each under a key (a briefing, a version of the
 * dataset), compares a pair once, and answers each change of the filters with the comparison under them and the
 * summary the view's first screen reads. The messages it takes and gives are the protocol between the page
 * (since-client.ts) and the worker; each is structured-cloned, so the sides cross once and filters after.
 */
import { compareBriefing, countChanges, filterComparison } from '../../model/briefing/briefing-compare';
import type { BriefingComparison } from '../../model/briefing/briefing-comparison';
import type { Briefing } from '../../model/briefing/briefing';
import { summariseSince, type SinceSummary } from '../../model/briefing/since-summary';
import { corroborationsOf } from '../../model/measures/corroboration';
import type { Dataset } from '../../model/dataset/schema';
import type { Filters } from '../../model/dataset/selectors';

/** What the comparison reads of a saved briefing. */
export type BriefingSide = Pick<Briefing, 'figures' | 'actors' | 'events' | 'sources' | 'measures'>;
/** What the comparison, the filters and the summary read of the dashboard's dataset. */
export type DatasetSide = Pick<
  Dataset,
  'figures' | 'actors' | 'events' | 'sources' | 'measures' | 'units' | 'topics' | 'places'
>;

export type ChangeCounts = ReturnType<typeof countChanges>;

export interface SinceResult {
  /** The comparison under the filters. */
  shown: BriefingComparison;
  /** What moved, new measures, the rest counted, every change grouped (of `shown`). */
  summary: SinceSummary;
  /** The changes without the filters, counted (to say how many the filters hide). */
  allCounts: ChangeCounts;
  /** How long each step took here, in ms; `compared` is false when the pair's comparison was kept from before. */
  timings: { compareMs: number; filterMs: number; summaryMs: number; compared: boolean };
}

/** The steps of a comparison, to say which one failed. */
export type SinceStep = 'start' | 'send' | 'compare' | 'filter' | 'summary' | 'answer';

export const STEP_WORDS: Record<SinceStep, string> = {
  start: 'starting the comparison’s worker',
  send: 'sending the data to the comparison’s worker',
  compare: 'comparing the briefing with the dashboard',
  filter: 'applying the filters to the changes',
  summary: 'summing up what moved',
  answer: 'reading the comparison’s answer',
};

export type SideKind = 'briefing' | 'dataset';

/** The long lists of a side, sent in parts. */
export const PARTED = ['figures', 'actors', 'events'] as const;
export type PartedList = (typeof PARTED)[number];
/** Items a part holds: about a megabyte of figures, cloned in a few milliseconds (the page stays responsive). */
export const PART_SIZE = 2_000;

/** From the page to the worker. */
export type SinceRequest =
  /** Some items of a long list of a side, to hold until the side's `hold` (in order). */
  | { kind: 'part'; side: SideKind; key: string; list: PartedList; items: unknown[] }
  /** A side, its long lists sent before in parts (absent here). */
  | { kind: 'hold'; side: 'briefing'; key: string; data: BriefingSide }
  | { kind: 'hold'; side: 'dataset'; key: string; data: DatasetSide }
  | { kind: 'compare'; id: number; briefing: string; dataset: string; filters: Filters };

/** From the worker to the page. */
export type SinceReply =
  | { kind: 'held'; side: SideKind; key: string; ms: number }
  | { kind: 'result'; id: number; result: SinceResult }
  /** The worker no longer holds (or never held) that side: send it again. */
  | { kind: 'missing'; id: number; side: SideKind; key: string }
  | { kind: 'error'; id: number | null; step: SinceStep; message: string };

/** How many of each the worker keeps (the least recently used goes first). */
const KEEP = { briefing: 2, dataset: 2, comparison: 2 };

/**
 * The messages that send a side: its long lists in parts of `PART_SIZE` items, then the rest with `hold`. The page
 * sends one at a time, letting the page breathe between them; each is a short structured clone.
 */
export function* sideMessages(kind: SideKind, key: string, side: BriefingSide | DatasetSide): Generator<SinceRequest> {
  const rest: Record<string, unknown> = {
    ...(kind === 'briefing' ? briefingSide(side) : datasetSide(side as DatasetSide)),
  };
  for (const list of PARTED) {
    const items = rest[list] as unknown[];
    delete rest[list];
    for (let i = 0; i < items.length; i += PART_SIZE) {
      yield { kind: 'part', side: kind, key, list, items: items.slice(i, i + PART_SIZE) };
    }
  }
  yield { kind: 'hold', side: kind, key, data: rest } as SinceRequest;
}

/**
 * Answers refer to the items of the two sides by where they stand (side, list, position), not by copies: the page
 * holds the very same sides, and reads the answer back onto its own objects (`readAnswer`). An answer of 20,000
 * changed figures is then a few hundred kilobytes, not 16 MB to clone on the page's thread.
 */
const LISTS = ['figures', 'actors', 'events', 'sources'] as const;
const SIDES: readonly SideKind[] = ['briefing', 'dataset'];
/** Each item of a side the worker holds carries its reference under this symbol (JSON, for…in and clones skip it). */
const REF = Symbol('since-ref');
/** How an answer writes a reference: `{ $ref: code }`, code = position × 8 + list × 2 + side. */
const REF_KEY = '$ref';

function stamp(kind: SideKind, side: BriefingSide | DatasetSide) {
  const s = SIDES.indexOf(kind);
  LISTS.forEach((list, l) => {
    side[list].forEach((item, i) => {
      if (typeof item === 'object' && item !== null)
        (item as unknown as Record<symbol, number>)[REF] = i * 8 + l * 2 + s;
    });
  });
}

/** Marks on the answer's own objects while one is written: which writing (a fresh token), and what it wrote. */
const WRITING = Symbol('since-writing');
const WRITTEN = Symbol('since-written');
type Marked = Record<symbol, unknown>;

/**
 * The answer with every item of a side written as its reference; an object met twice is written once (the clone
 * keeps it shared). Marks on the objects, not a Map: tens of thousands of them are written in a few milliseconds.
 */
function byReference(value: unknown, token: object = {}): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const marked = value as Marked;
  const ref = marked[REF];
  if (ref !== undefined) return { [REF_KEY]: ref };
  if (marked[WRITING] === token) return marked[WRITTEN];
  if (Array.isArray(value)) {
    const list: unknown[] = new Array<unknown>(value.length);
    marked[WRITING] = token;
    marked[WRITTEN] = list;
    for (let i = 0; i < value.length; i++) list[i] = byReference(value[i], token);
    return list;
  }
  const object: Record<string, unknown> = {};
  marked[WRITING] = token;
  marked[WRITTEN] = object;
  for (const key in value) object[key] = byReference((value as Record<string, unknown>)[key], token);
  return object;
}

/** An answer read back onto the page's own sides: each reference becomes the item it names. */
type Lists = Pick<BriefingSide, (typeof LISTS)[number]>;

export function readAnswer(result: SinceResult, briefing: Lists, dataset: Lists): SinceResult {
  const sides = [briefing, dataset];
  // The answer's objects are fresh clones, ours to mark with what each was read as (an object met twice, once).
  const READ = Symbol('since-read');
  const read = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const marked = value as Marked;
    if (READ in marked) return marked[READ];
    if (Array.isArray(value)) {
      const list: unknown[] = new Array<unknown>(value.length);
      marked[READ] = list;
      for (let i = 0; i < value.length; i++) list[i] = read(value[i]);
      return list;
    }
    const code = (value as Record<string, unknown>)[REF_KEY];
    if (typeof code === 'number') {
      const item = sides[code % 2]![LISTS[Math.floor(code / 2) % 4]!][Math.floor(code / 8)];
      if (item === undefined) throw new Error(`the answer names an item the page does not hold (${code})`);
      return item;
    }
    const object: Record<string, unknown> = {};
    marked[READ] = object;
    for (const key in value) object[key] = read((value as Record<string, unknown>)[key]);
    return object;
  };
  return read(result) as SinceResult;
}

/** A Map used as a small least-recently-used cache. */
function remember<K, V>(map: Map<K, V>, key: K, value: V, keep: number, onDrop?: (key: K) => void) {
  map.delete(key);
  map.set(key, value);
  while (map.size > keep) {
    const oldest = map.keys().next().value as K;
    map.delete(oldest);
    onDrop?.(oldest);
  }
}

function touch<K, V>(map: Map<K, V>, key: K): V | undefined {
  const value = map.get(key);
  if (value !== undefined) {
    map.delete(key);
    map.set(key, value);
  }
  return value;
}

/** Only the filters' own fields: a store's object may carry more, and only plain data crosses to a worker. */
export function plainFilters(filters: Filters): Filters {
  return {
    countries: [...filters.countries],
    topics: [...filters.topics],
    actor: filters.actor,
    q: filters.q,
    single: filters.single === true,
  };
}

export function briefingSide(b: BriefingSide): BriefingSide {
  return {
    figures: b.figures,
    actors: b.actors,
    events: b.events,
    sources: b.sources,
    ...(b.measures ? { measures: b.measures } : {}),
  };
}

export function datasetSide(d: DatasetSide): DatasetSide {
  const { figures, actors, events, sources, measures, units, topics, places } = d;
  return { figures, actors, events, sources, measures, units, topics, places };
}

const now = () => performance.now();
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface SinceEngine {
  handle(request: SinceRequest): SinceReply | null;
}

/**
 * The worker's state and its answers: one reply to each request that asks (a part asks nothing), in order.
 * `byRef`: answers name the sides' items by reference (in the worker; on the page's thread they are its own).
 */
export function createSinceEngine({ byRef = false }: { byRef?: boolean } = {}): SinceEngine {
  const briefings = new Map<string, BriefingSide>();
  /** Parts of the sides being sent, by side and key. */
  const parts = new Map<string, Partial<Record<PartedList, unknown[]>>>();
  const datasets = new Map<string, DatasetSide>();
  const comparisons = new Map<string, { all: BriefingComparison; allCounts: ChangeCounts }>();
  const pair = (briefing: string, dataset: string) => `${briefing}\u0000${dataset}`;
  const dropPairs = (side: SideKind, key: string) => {
    for (const k of [...comparisons.keys()]) {
      const [b, d] = k.split('\u0000');
      if ((side === 'briefing' ? b : d) === key) comparisons.delete(k);
    }
  };

  function compare(id: number, briefingKey: string, datasetKey: string, filters: Filters): SinceReply {
    const briefing = touch(briefings, briefingKey);
    if (!briefing) return { kind: 'missing', id, side: 'briefing', key: briefingKey };
    const dataset = touch(datasets, datasetKey);
    if (!dataset) return { kind: 'missing', id, side: 'dataset', key: datasetKey };
    let step: SinceStep = 'compare';
    try {
      const start = now();
      const key = pair(briefingKey, datasetKey);
      let kept = touch(comparisons, key);
      const compared = kept === undefined;
      if (!kept) {
        const all = compareBriefing(briefing, dataset);
        kept = { all, allCounts: countChanges(all) };
        remember(comparisons, key, kept, KEEP.comparison);
      }
      const compareMs = now() - start;
      step = 'filter';
      // "Single-source only" reads each figure's corroboration, worked out over the dataset as the page's
      // key figures do (a worker starts knowing none).
      if (filters.single) corroborationsOf(dataset);
      const shown = filterComparison(kept.all, filters, dataset);
      const filtered = now();
      step = 'summary';
      const summary = summariseSince(shown, {
        measures: dataset.measures,
        thenMeasures: briefing.measures,
        thenFigures: briefing.figures,
        units: dataset.units,
        sources: [...briefing.sources, ...dataset.sources],
        topics: dataset.topics,
      });
      const timings = { compareMs, filterMs: filtered - start - compareMs, summaryMs: now() - filtered, compared };
      const result: SinceResult = { shown, summary, allCounts: kept.allCounts, timings };
      step = 'answer';
      return { kind: 'result', id, result: byRef ? (byReference(result) as SinceResult) : result };
    } catch (error) {
      return { kind: 'error', id, step, message: message(error) };
    }
  }

  return {
    handle(request) {
      switch (request.kind) {
        case 'part': {
          const id = `${request.side}\u0000${request.key}`;
          const lists = parts.get(id) ?? {};
          parts.set(id, lists);
          const list = (lists[request.list] ??= []);
          for (const item of request.items) list.push(item);
          return null;
        }
        case 'hold': {
          const start = now();
          const id = `${request.side}\u0000${request.key}`;
          const data = { ...request.data, ...parts.get(id) } as BriefingSide & DatasetSide;
          parts.delete(id);
          try {
            for (const list of PARTED) data[list] ??= [] as never;
            if (byRef) stamp(request.side, data);
          } catch (error) {
            return { kind: 'error', id: null, step: 'send', message: message(error) };
          }
          if (request.side === 'briefing') {
            remember(briefings, request.key, data, KEEP.briefing, (k) => dropPairs('briefing', k));
          } else {
            remember(datasets, request.key, data, KEEP.dataset, (k) => dropPairs('dataset', k));
          }
          dropPairs(request.side, request.key);
          return { kind: 'held', side: request.side, key: request.key, ms: now() - start };
        }
        case 'compare':
          return compare(request.id, request.briefing, request.dataset, request.filters);
        default:
          return {
            kind: 'error',
            id: null,
            step: 'send',
            message: `unknown request “${String((request as { kind?: unknown }).kind)}”`,
          };
      }
    },
  };
}
