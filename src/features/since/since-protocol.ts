/**
 * The messages between the page (since-client.ts) and the worker of "Since the last briefing" (since-worker.ts,
 * which runs since-engine.ts): the page sends each side once (a briefing, a version of the dataset, each under a
 * key), its long lists in parts, then only the filters; a new version of the dataset goes as what changed from the
 * one sent before (`sideMessages` with a base). Every message is structured-cloned: answers name the sides' items
 * by where they stand, and the page reads them back onto its own objects (`readAnswer`).
 */
import type { countChanges } from '../../model/briefing/briefing-compare';
import type { BriefingComparison } from '../../model/briefing/briefing-comparison';
import type { Briefing } from '../../model/briefing/briefing';
import { groupChanges, type SinceSummary } from '../../model/briefing/since-summary';
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
  /** From the worker: the summary's `groups` are left for the page to make (`readAnswer` makes them). */
  ungrouped?: true;
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

/**
 * How a list of a new version is made from the version sent before: `[from, count]` takes `count` items of the
 * base from position `from`; a number `n` takes the next `n` items sent in parts.
 */
export type Plan = (readonly [number, number] | number)[];

/** The long lists of a side, sent in parts. */
export const PARTED = ['figures', 'actors', 'events'] as const;
export type PartedList = (typeof PARTED)[number];
/** Items a part holds: about a megabyte of figures, cloned in a few milliseconds (the page stays responsive). */
export const PART_SIZE = 2_000;

/** From the page to the worker. */
export type SinceRequest =
  /** Some items of a long list of a side, to hold until the side's `hold` (in order). */
  | { kind: 'part'; side: SideKind; key: string; list: PartedList; items: unknown[] }
  /**
   * A side, its long lists sent before in parts (absent here); with a `base`, each long list is made from the
   * side of that key as its `plans` say, the parts holding only what is new.
   */
  | {
      kind: 'hold';
      side: SideKind;
      key: string;
      data: Partial<DatasetSide>;
      base?: string;
      plans?: Partial<Record<PartedList, Plan>>;
    }
  | { kind: 'compare'; id: number; briefing: string; dataset: string; filters: Filters };

/** From the worker to the page. */
export type SinceReply =
  | { kind: 'held'; side: SideKind; key: string; ms: number }
  | { kind: 'result'; id: number; result: SinceResult }
  /** The worker no longer holds (or never held) that side: send it again (whole, when it was a base: id null). */
  | { kind: 'missing'; id: number | null; side: SideKind; key: string }
  | { kind: 'error'; id: number | null; step: SinceStep; message: string };

/**
 * How `next` is made of `prev` (the same objects, by identity) and of new items: runs of the base, and the items to
 * send. Any plan is right (an item sent anew is never wrong); this one is short for the usual new versions (items
 * corrected in place, added, removed), and looks an item up by identity only when nothing nearby matches.
 */
export function planOf(prev: readonly unknown[], next: readonly unknown[]): { plan: Plan; items: unknown[] } {
  const plan: Plan = [];
  const items: unknown[] = [];
  let positions: Map<unknown, number> | undefined;
  const take = (from: number) => {
    const last = plan.at(-1);
    if (Array.isArray(last) && last[0] + last[1] === from) plan[plan.length - 1] = [last[0], last[1] + 1];
    else plan.push([from, 1]);
  };
  const send = (item: unknown) => {
    items.push(item);
    const last = plan.at(-1);
    if (typeof last === 'number') plan[plan.length - 1] = last + 1;
    else plan.push(1);
  };
  let i = 0;
  for (let j = 0; j < next.length; j++) {
    const x = next[j];
    let at: number;
    if (prev[i] === x) at = i;
    // One removed before it.
    else if (prev[i + 1] === x) at = i + 1;
    // One added here, or one corrected (a new object in its place): sent anew.
    else if (next[j + 1] === prev[i] || next[j + 1] === prev[i + 1]) at = -2;
    else {
      positions ??= new Map(prev.map((p, k) => [p, k]));
      at = positions.get(x) ?? -1;
    }
    if (at >= 0) {
      take(at);
      i = at + 1;
    } else {
      send(x);
      if (at === -2 && next[j + 1] === prev[i + 1]) i += 1;
    }
  }
  return { plan, items };
}

/**
 * The messages that send a side: its long lists in parts of `PART_SIZE` items, then the rest with `hold`. The page
 * sends one at a time, letting the page breathe between them; each is a short structured clone. With a `base` (the
 * side of that kind sent before, which the worker holds), only what is new in the long lists is sent.
 */
export function* sideMessages(
  kind: SideKind,
  key: string,
  side: BriefingSide | DatasetSide,
  base?: { key: string; side: BriefingSide | DatasetSide },
): Generator<SinceRequest> {
  const rest: Record<string, unknown> = {
    ...(kind === 'briefing' ? briefingSide(side) : datasetSide(side as DatasetSide)),
  };
  const plans: Partial<Record<PartedList, Plan>> = {};
  for (const list of PARTED) {
    let items = rest[list] as unknown[];
    delete rest[list];
    if (base) {
      const made = planOf(base.side[list], items);
      plans[list] = made.plan;
      items = made.items;
    }
    for (let i = 0; i < items.length; i += PART_SIZE) {
      yield { kind: 'part', side: kind, key, list, items: items.slice(i, i + PART_SIZE) };
    }
  }
  yield base
    ? { kind: 'hold', side: kind, key, data: rest, base: base.key, plans }
    : { kind: 'hold', side: kind, key, data: rest };
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
/**
 * How an answer writes a reference: a string, NUL then the code (position × 8 + list × 2 + side), far cheaper to
 * clone than an object. A string of the data that starts with NUL is written with one more NUL before it.
 */
const NUL = '\u0000';

/** Marks each item of a side with where it stands, for `byReference` (again for each pair: versions share items). */
export function stamp(kind: SideKind, side: BriefingSide | DatasetSide) {
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
export function byReference(value: unknown, token: object = {}): unknown {
  if (typeof value === 'string') return value.charCodeAt(0) === 0 ? NUL + value : value;
  if (typeof value !== 'object' || value === null) return value;
  const marked = value as Marked;
  const ref = marked[REF];
  if (ref !== undefined) return NUL + String(ref);
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

/**
 * An answer read back onto the page's own sides: each reference becomes the item it names; the changes are
 * grouped for "All changes" here, as the worker's summary would have them.
 */
export function readAnswer(result: SinceResult, briefing: BriefingSide, dataset: DatasetSide): SinceResult {
  const sides = [briefing, dataset];
  const item = (code: number) => {
    const found = sides[code % 2]![LISTS[Math.floor(code / 2) % 4]!][Math.floor(code / 8)];
    if (found === undefined) throw new Error(`the answer names an item the page does not hold (${code})`);
    return found;
  };
  const value = (x: unknown): unknown => {
    if (typeof x !== 'string' || x.charCodeAt(0) !== 0) return x;
    return x.charCodeAt(1) === 0 ? x.slice(1) : item(Number(x.slice(1)));
  };
  // The answer's objects are fresh clones, ours to change in place: each reference put back as its item (the
  // items themselves are never walked; an object met twice is read once).
  const seen = new Set<object>();
  const read = (x: unknown): void => {
    if (typeof x !== 'object' || x === null || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) {
        const v: unknown = x[i];
        if (typeof v === 'string') x[i] = value(v);
        else read(v);
      }
      return;
    }
    const o = x as Record<string, unknown>;
    for (const key in o) {
      const v = o[key];
      if (typeof v === 'string') o[key] = value(v);
      else read(v);
    }
  };
  read(result);
  const { ungrouped, ...answer } = result;
  if (!ungrouped) return answer;
  const context = { measures: dataset.measures, thenMeasures: briefing.measures, topics: dataset.topics };
  return { ...answer, summary: { ...answer.summary, groups: groupChanges(answer.shown, context) } };
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
