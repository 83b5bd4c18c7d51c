/**
 * The page's side of the figures' search index: one Web Worker (search-worker.ts, MiniSearch) shared by every
 * view that filters figures (through the hook in use-search.ts), so no feature builds its own.
 *
 * Which search answers when:
 * - the index, once built for the dataset on screen: each search's words are looked up in the worker, and the
 *   selectors take its answer (`SearchHits`), so typing rescans nothing on the main thread;
 * - the scan (model/dataset/selectors.ts) while the index is being built (it is built after the first paint, in
 *   batches, never holding the page up), when there is no Worker (tests in jsdom, Node), when the worker failed
 *   (for good: the page goes on with the scan), or when an answer is more than `WAIT_MS` late.
 * The two agree on whole words and word prefixes; only the scan also matches inside a word (figure-index.ts).
 *
 * The index is kept while the dataset is the same; when the merged dataset changes (an article added, a figure
 * corrected or removed), only the figures whose searched text changed are sent again (replaced, added,
 * removed); a change of more than a quarter of the figures rebuilds it. Plain messages, not comlink: this module
 * is in every page's bundle, the worker only loads after the first paint.
 */
import type { Dataset, Figure } from '../model/dataset/schema';
import { figureSearchText, queryTerms, type SearchHits } from '../model/dataset/selectors';
import type { IndexedFigure, SearchReply, SearchRequest } from './figure-index';

/** What the index needs of a Worker (a fake one in tests). */
export interface SearchWorker {
  postMessage(message: SearchRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchReply>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

type Dataset_ = Pick<Dataset, 'figures' | 'actors'>;

/** How long a search waits for the worker before the scan answers it. */
export const WAIT_MS = 300;
/** Figures sent to the worker per task while it builds (each batch a few milliseconds of the main thread). */
const BATCH = 2000;
/** Answers kept (the last few searches: typing back and forth, panels a keystroke behind). */
const KEEP = 8;

/** FNV-1a: a figure's searched text in a number, to tell whether it changed without keeping the text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** After the next paint (requestAnimationFrame runs before it; the timeout, after it). */
function afterPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

/** The index, as the hook and the filter bar use it. */
export interface SearchIndex {
  /** For useSyncExternalStore: `snapshot` changes whenever an answer arrives or the index's state changes. */
  subscribe(listener: () => void): () => void;
  snapshot(): number;
  /** Indexes `dataset` (after the next paint the first time; then only what changed). Idempotent. */
  follow(dataset: Dataset_): void;
  /**
   * The answer for `q` on `dataset`: the hits; 'waiting' while the worker has been asked (or is about to be, by
   * `request`); null when the scan must answer (no words, index not ready or failed, answer late).
   */
  hits(dataset: Dataset_, q: string): SearchHits | 'waiting' | null;
  /** Asks the worker for `q`, unless it is answered or asked already (call it as the user types). */
  request(q: string): void;
}

/** A search index over the worker `start` makes (null: none here, the scan answers). */
export function createSearchIndex(
  start: () => SearchWorker | null,
  later: (run: () => void) => void = afterPaint,
): SearchIndex {
  /** 'off': no worker yet; 'building': sending the figures; 'ready': answering; 'failed': for good (or no Worker). */
  let status: 'off' | 'building' | 'ready' | 'failed' = 'off';
  let worker: SearchWorker | null = null;
  /** The dataset the index holds, or is being built for. */
  let current: Dataset_ | null = null;
  /** Grows with every dataset followed: answers for an older one are dropped. */
  let version = 0;
  /** The number each figure id is known by in the worker (kept for the worker's life). */
  const keys = new Map<string, number>();
  /** What the index holds of each figure: the object sent and its text's hash. */
  const held = new Map<string, { figure: Figure; hash: number }>();
  /** The actors' names the texts were made with (a renamed actor changes its figures' text). */
  let names = new Map<string, string>();
  /** Answers by search words, for the current dataset; searches asked and not answered yet. */
  const answers = new Map<string, SearchHits>();
  const asked = new Map<string, { seq: number; late: boolean }>();
  const sent = new Map<number, { words: string; q: string; version: number; at: number }>();
  let seq = 0;
  let newest = 0;
  let buildStart = 0;
  let tick = 0;
  const listeners = new Set<() => void>();

  const notify = () => {
    tick++;
    listeners.forEach((listener) => listener());
  };
  const post = (message: SearchRequest) => worker?.postMessage(message);
  const wordsOf = (q: string) => queryTerms(q).join(' ');
  const namesOf = (dataset: Dataset_) => new Map(dataset.actors.map((a) => [a.id, a.name]));

  const entry = (dataset: Dataset_, figure: Figure): IndexedFigure => {
    let key = keys.get(figure.id);
    if (key === undefined) keys.set(figure.id, (key = keys.size));
    const text = figureSearchText(dataset, figure);
    held.set(figure.id, { figure, hash: hash(text) });
    return { key, text };
  };

  /** Sends what changed; false when too much did (then the index is rebuilt). */
  const update = (dataset: Dataset_): boolean => {
    const now = namesOf(dataset);
    const renamed = new Set([...now.keys(), ...names.keys()].filter((id) => now.get(id) !== names.get(id)));
    names = now;
    const changed: IndexedFigure[] = [];
    const seen = new Set<string>();
    const limit = Math.max(1000, dataset.figures.length / 4);
    for (const figure of dataset.figures) {
      seen.add(figure.id);
      const before = held.get(figure.id);
      if (before?.figure === figure && !figure.actorIds.some((id) => renamed.has(id))) continue;
      // A new object (a pack's figures are copied at each merge) may have the same text: then nothing is sent.
      if (before && before.hash === hash(figureSearchText(dataset, figure))) {
        before.figure = figure;
        continue;
      }
      if (changed.length >= limit) return false;
      changed.push(entry(dataset, figure));
    }
    const removed = [...held.keys()].filter((id) => !seen.has(id));
    removed.forEach((id) => held.delete(id));
    if (removed.length > 0) post({ type: 'remove', keys: removed.map((id) => keys.get(id)!) });
    if (changed.length > 0) post({ type: 'add', figures: changed });
    return true;
  };

  const fail = (error: unknown) => {
    if (status === 'failed') return;
    console.warn('The search index failed; search scans the figures instead:', error);
    status = 'failed';
    worker?.terminate();
    worker = null;
    answers.clear();
    notify();
  };

  const receive = (reply: SearchReply) => {
    if (reply.type === 'failed') return fail(reply.message);
    if (reply.type === 'built') {
      if (reply.version === version && status === 'building') {
        status = 'ready';
        performance.measure('geobrief:search-built', { start: buildStart, detail: reply.size });
        notify();
      }
      return;
    }
    const question = sent.get(reply.seq);
    sent.delete(reply.seq);
    if (!question) return;
    if (asked.get(question.words)?.seq === reply.seq) asked.delete(question.words);
    // Stale: asked of a dataset since changed, or older than an answer already taken.
    if (question.version !== version || reply.seq < newest) return;
    newest = reply.seq;
    // In the page's performance timeline (for measuring it): each search from asking to its answer, and the build.
    performance.measure('geobrief:search', { start: question.at, detail: question.q });
    const bits = reply.hits;
    answers.set(question.words, {
      q: question.q,
      has: (id) => {
        const key = keys.get(id);
        return key !== undefined && bits[key] === 1;
      },
    });
    if (answers.size > KEEP) answers.delete(answers.keys().next().value!);
    notify();
  };

  const open = (): SearchWorker | null => {
    let made: SearchWorker | null;
    try {
      made = start();
    } catch (error) {
      fail(error);
      return null;
    }
    // No Worker here (jsdom, Node): the scan answers, and nothing is wrong.
    if (made === null) status = 'failed';
    made?.addEventListener('message', (event) => receive(event.data));
    made?.addEventListener('error', (event) => {
      event.preventDefault();
      fail((event as ErrorEvent).message || 'its worker could not be started');
    });
    return made;
  };

  /** Sends every figure, in batches after the next paint; the scan answers until the worker says 'built'. */
  const rebuild = (dataset: Dataset_) => {
    if (worker !== null) status = 'building';
    const built = version;
    later(() => {
      if (built !== version || status === 'failed' || (worker ??= open()) === null) return;
      status = 'building';
      buildStart = performance.now();
      held.clear();
      names = namesOf(dataset);
      post({ type: 'reset' });
      let next = 0;
      const step = () => {
        if (built !== version || status === 'failed') return;
        post({ type: 'add', figures: dataset.figures.slice(next, next + BATCH).map((f) => entry(dataset, f)) });
        next += BATCH;
        if (next < dataset.figures.length) setTimeout(step, 0);
        else post({ type: 'built', version: built });
      };
      step();
    });
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => tick,
    follow(dataset) {
      if (dataset === current || status === 'failed') return;
      current = dataset;
      version++;
      answers.clear();
      asked.clear();
      if (!(status === 'ready' && update(dataset))) rebuild(dataset);
      notify();
    },
    hits(dataset, q) {
      const words = wordsOf(q);
      if (words === '' || status !== 'ready') return null;
      // A dataset not followed yet will be, by the hook's effect; its answers come after the update.
      if (dataset !== current) return 'waiting';
      return answers.get(words) ?? (asked.get(words)?.late ? null : 'waiting');
    },
    request(q) {
      const words = wordsOf(q);
      if (words === '' || status !== 'ready' || answers.has(words) || asked.has(words)) return;
      const question = { seq: ++seq, late: false };
      asked.set(words, question);
      sent.set(question.seq, { words, q, version, at: performance.now() });
      post({ type: 'find', seq: question.seq, q });
      setTimeout(() => {
        if (asked.get(words) !== question) return;
        question.late = true;
        notify();
      }, WAIT_MS);
    },
  };
}

/** The page's one index. Where there is no Worker (jsdom, Node) it never starts and the scan answers. */
export const searchIndex = createSearchIndex(() =>
  typeof Worker === 'undefined'
    ? null
    : new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'geobrief-search' }),
);
