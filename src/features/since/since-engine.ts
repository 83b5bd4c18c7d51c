/**
 * "Since the last briefing" as its Web Worker runs it (since-worker.ts), and as the page runs it where there is
 * no Worker (the unit tests): it keeps the two sides it was sent, each under a key (a briefing, a version of the
 * dataset), compares a pair once, and answers each change of the filters with the comparison under them and the
 * summary the view's first screen reads. The messages it takes and gives are in since-protocol.ts.
 */
import { compareBriefing, filterComparison, prepareBriefing } from '../../model/briefing/briefing-compare';
import { countChanges } from '../../model/briefing/briefing-compare';
import type { BriefingComparison } from '../../model/briefing/briefing-comparison';
import { summariseSince } from '../../model/briefing/since-summary';
import { corroborationsOf } from '../../model/measures/corroboration';
import type { Filters } from '../../model/dataset/selectors';
import {
  byReference,
  PARTED,
  stamp,
  type BriefingSide,
  type ChangeCounts,
  type DatasetSide,
  type PartedList,
  type Plan,
  type SideKind,
  type SinceReply,
  type SinceRequest,
  type SinceResult,
  type SinceStep,
} from './since-protocol';

/**
 * How many of each the worker keeps (the least recently used goes first): one briefing (a team's is 100,000
 * figures), and two versions of the dataset (they share all but what changed; the last is the next one's base).
 */
const KEEP = { briefing: 1, dataset: 2, comparison: 2 };

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

const now = () => performance.now();
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A list of a new version, made from the version before (`base`) and the items sent anew, as its plan says. */
function fromPlan(plan: Plan, base: readonly unknown[], sent: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  let next = 0;
  for (const step of plan) {
    if (typeof step === 'number') {
      if (next + step > sent.length) throw new Error('fewer new items came than the plan takes');
      for (let k = 0; k < step; k++) out.push(sent[next++]);
    } else {
      const [from, count] = step;
      if (from + count > base.length) throw new Error('the plan takes items the version before does not have');
      for (let k = 0; k < count; k++) out.push(base[from + k]);
    }
  }
  return out;
}

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
  /** The pair whose items carry their references. */
  let stamped: string | null = null;
  const dropPairs = (side: SideKind, key: string) => {
    stamped = null;
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
      // The worker sends the first screen's summary; the page groups every change for "All changes" itself (as
      // quick as reading them back, and half the answer).
      const summary = summariseSince(
        shown,
        {
          measures: dataset.measures,
          thenMeasures: briefing.measures,
          thenFigures: briefing.figures,
          units: dataset.units,
          sources: [...briefing.sources, ...dataset.sources],
          topics: dataset.topics,
        },
        { groups: !byRef },
      );
      const timings = { compareMs, filterMs: filtered - start - compareMs, summaryMs: now() - filtered, compared };
      const result: SinceResult = {
        shown,
        summary,
        allCounts: kept.allCounts,
        timings,
        ...(byRef ? { ungrouped: true } : {}),
      };
      if (!byRef) return { kind: 'result', id, result };
      step = 'answer';
      // Versions of a side share items: each is marked with where it stands in this pair's sides.
      if (stamped !== key) {
        stamp('briefing', briefing);
        stamp('dataset', dataset);
        stamped = key;
      }
      return { kind: 'result', id, result: byReference(result) as SinceResult };
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
          const sent = parts.get(id) ?? {};
          parts.delete(id);
          const held = request.side === 'briefing' ? briefings : datasets;
          const base = request.base === undefined ? undefined : held.get(request.base);
          // A new version made from one the worker let go: the page sends it whole.
          if (request.base !== undefined && !base)
            return { kind: 'missing', id: null, side: request.side, key: request.base };
          const data = { ...request.data } as BriefingSide & DatasetSide;
          try {
            for (const list of PARTED) {
              const plan = request.plans?.[list];
              data[list] = (
                base && plan ? fromPlan(plan, base[list], sent[list] ?? []) : (sent[list] ?? data[list] ?? [])
              ) as never;
            }
          } catch (error) {
            return { kind: 'error', id: null, step: 'send', message: message(error) };
          }
          // A briefing serves every comparison with a version of the dataset: its lists are indexed once, now.
          if (request.side === 'briefing') prepareBriefing(data);
          remember(held as Map<string, BriefingSide & DatasetSide>, request.key, data, KEEP[request.side], (k) =>
            dropPairs(request.side, k),
          );
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
