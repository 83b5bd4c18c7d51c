/**
 * The page's side of "Since the last briefing"'s worker (since-worker.ts): it starts the worker on first use,
 * sends each side once (a briefing, a version of the dataset: `sideKey`), in parts with the page breathing between
 * them, then only the filters, and reads each answer back onto the page's own sides (`readAnswer`). A worker that cannot start or dies fails what it was asked, naming the
 * step; the next request (or `restart`) starts a fresh one. Where there is no Worker (the unit tests, a
 * prerender), `sinceClient()` is null and the view compares on the main thread (`compareHere`), with the same
 * engine and the same answers.
 */
import type { Dataset } from '../../model/dataset/schema';
import type { Filters } from '../../model/dataset/selectors';
import type { Briefing } from '../../model/briefing/briefing';
import { createSinceEngine } from './since-engine';
import {
  briefingSide,
  datasetSide,
  plainFilters,
  readAnswer,
  sideMessages,
  STEP_WORDS,
  type SideKind,
  type SinceReply,
  type SinceRequest,
  type SinceResult,
  type SinceStep,
} from './since-protocol';

/** A comparison that failed, and the step it failed at. */
export class SinceError extends Error {
  readonly step: SinceStep;
  constructor(step: SinceStep, message: string) {
    super(message);
    this.name = 'SinceError';
    this.step = step;
  }
}

/** The words for a failure: "comparing the briefing with the dashboard failed: …". */
export function failureWords(error: unknown): string {
  const step = error instanceof SinceError ? error.step : 'compare';
  const detail = error instanceof Error ? error.message : String(error);
  return `${STEP_WORDS[step]} failed${detail ? ` (${detail})` : ''}`;
}

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: SinceRequest): void;
  addEventListener(type: 'message', listener: (event: { data: SinceReply }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string; preventDefault?: () => void }) => void): void;
  addEventListener(type: 'messageerror', listener: () => void): void;
  terminate(): void;
}

export interface SinceClient {
  /** The comparison of a briefing with the dataset, under the filters, from the worker. */
  compare(briefing: Briefing, dataset: Dataset, filters: Filters): Promise<SinceResult>;
  /** Stops the worker (failing what it was asked); the next comparison starts a fresh one. */
  restart(): void;
  /** A view uses the worker until the returned function is called; unused for a while, the worker is stopped. */
  retain(): () => void;
}

const versions = new WeakMap<object, number>();
let nextVersion = 1;

/** A side's key: a briefing's id, or "dataset", with the version of that very object (a new object, a new key). */
export function sideKey(kind: SideKind, side: Briefing | Dataset): string {
  let version = versions.get(side);
  if (version === undefined) {
    version = nextVersion++;
    versions.set(side, version);
  }
  return kind === 'briefing' ? `briefing:${(side as Briefing).id}:${version}` : `dataset:${version}`;
}

/** How long an unused worker (and the two sides it holds) is kept before it is stopped. */
const IDLE_MS = 60_000;

interface Running {
  worker: WorkerLike;
  /** The sides sent (or being sent) to this worker; it may have let some go since: it then says so. */
  sent: Map<string, Promise<void>>;
  /** The dataset sent last: a new version goes as what changed from it. */
  lastDataset?: { key: string; side: Dataset };
}

interface Pending {
  running: Running;
  briefing: Briefing;
  dataset: Dataset;
  filters: Filters;
  resend: boolean;
  resolve: (result: SinceResult) => void;
  reject: (error: SinceError) => void;
}

/** Lets the page handle input and paint between two parts of a side. */
function breathe(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Keeps the last few answers (the oldest goes first). */
function remember(answers: Map<string, Promise<SinceResult>>, key: string, answer: Promise<SinceResult>) {
  answers.delete(key);
  answers.set(key, answer);
  if (answers.size > 4) answers.delete(answers.keys().next().value!);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createSinceClient(start: () => WorkerLike, idleMs = IDLE_MS): SinceClient {
  let running: Running | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  /** The last answers asked for, by what was asked. */
  const answers = new Map<string, Promise<SinceResult>>();
  let users = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;

  function stop(r: Running, error: SinceError) {
    if (running === r) running = null;
    answers.clear();
    r.worker.terminate();
    for (const [id, p] of pending) {
      if (p.running !== r) continue;
      pending.delete(id);
      p.reject(error);
    }
  }

  function settle(id: number, outcome: { result: SinceResult } | { error: SinceError }) {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if ('result' in outcome) p.resolve(outcome.result);
    else p.reject(outcome.error);
  }

  function onReply(r: Running, reply: SinceReply) {
    if (reply.kind === 'held') return;
    if (reply.kind === 'missing' && reply.id === null) {
      // A new version was made from one the worker let go: it was not kept, and goes whole when asked for.
      if (reply.side === 'dataset') r.lastDataset = undefined;
      return;
    }
    if (reply.id === null) {
      stop(r, new SinceError(reply.kind === 'error' ? reply.step : 'answer', 'message' in reply ? reply.message : ''));
      return;
    }
    const id = reply.id;
    const p = pending.get(id);
    if (!p) return;
    if (reply.kind === 'missing' && p.resend) {
      // The worker let that side go (or never had it): send it again, once, and ask again.
      p.resend = false;
      r.sent.delete(reply.key);
      ask(r, id, p);
    } else if (reply.kind === 'missing') {
      settle(id, { error: new SinceError('send', `the worker lost the ${reply.side} it was sent`) });
    } else if (reply.kind === 'error') {
      settle(id, { error: new SinceError(reply.step, reply.message) });
    } else {
      try {
        settle(id, { result: readAnswer(reply.result, p.briefing, p.dataset) });
      } catch (error) {
        settle(id, { error: new SinceError('answer', messageOf(error)) });
      }
    }
  }

  function ensure(): Running {
    if (running) return running;
    const r: Running = { worker: start(), sent: new Map() };
    r.worker.addEventListener('message', (event) => onReply(r, event.data));
    r.worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      stop(r, new SinceError('start', event.message || 'the worker could not be started, or stopped with an error'));
    });
    r.worker.addEventListener('messageerror', () =>
      stop(r, new SinceError('answer', 'the worker sent an answer that could not be read')),
    );
    running = r;
    return r;
  }

  /**
   * Sends a side once to this worker, in parts, the page breathing between them; a new version of the dataset as
   * what changed from the one sent before (a correction, an added article: a few items, not the 100,000).
   */
  function send(r: Running, kind: SideKind, side: Briefing | Dataset): Promise<void> {
    const key = sideKey(kind, side);
    let sending = r.sent.get(key);
    if (!sending) {
      const base = kind === 'dataset' && r.lastDataset?.side !== side ? r.lastDataset : undefined;
      if (kind === 'dataset') r.lastDataset = { key, side: side as Dataset };
      sending = (async () => {
        for (const message of sideMessages(kind, key, side, base)) {
          if (running !== r) throw new SinceError('start', 'the worker was stopped');
          r.worker.postMessage(message);
          await breathe();
        }
      })();
      r.sent.set(key, sending);
      // A side that failed to go is sent afresh next time.
      sending.catch(() => r.sent.get(key) === sending && r.sent.delete(key));
    }
    return sending;
  }

  function ask(r: Running, id: number, p: Pending) {
    // One side after the other: the worker takes them in order, and the page's thread is held a part at a time.
    send(r, 'briefing', p.briefing)
      .then(() => send(r, 'dataset', p.dataset))
      .then(
        () => {
          if (!pending.has(id)) return;
          const keys = { briefing: sideKey('briefing', p.briefing), dataset: sideKey('dataset', p.dataset) };
          r.worker.postMessage({ kind: 'compare', id, ...keys, filters: p.filters });
        },
        (error: unknown) =>
          settle(id, { error: error instanceof SinceError ? error : new SinceError('send', messageOf(error)) }),
      );
  }

  return {
    compare(briefing, dataset, filters) {
      // The view and the deck's slide ask the same: one answer for both (kept while the worker runs).
      const same = `${sideKey('briefing', briefing)}|${sideKey('dataset', dataset)}|${JSON.stringify(plainFilters(filters))}`;
      const asked = answers.get(same);
      if (asked) return asked;
      const answer = new Promise<SinceResult>((resolve, reject) => {
        const id = nextId++;
        let r: Running;
        try {
          r = ensure();
        } catch (error) {
          reject(new SinceError('start', messageOf(error)));
          return;
        }
        const p: Pending = {
          running: r,
          briefing,
          dataset,
          filters: plainFilters(filters),
          resend: true,
          resolve,
          reject,
        };
        pending.set(id, p);
        ask(r, id, p);
      });
      remember(answers, same, answer);
      // A failed answer is not kept: the next request asks again.
      answer.catch(() => answers.get(same) === answer && answers.delete(same));
      return answer;
    },
    restart() {
      if (running) stop(running, new SinceError('start', 'the worker was restarted'));
    },
    retain() {
      users += 1;
      clearTimeout(idle);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        users -= 1;
        if (users > 0) return;
        idle = setTimeout(() => {
          if (users === 0 && pending.size === 0 && running) stop(running, new SinceError('start', 'stopped unused'));
        }, idleMs);
      };
    },
  };
}

let shared: { ctor: unknown; client: SinceClient } | null = null;

/** The page's one client of the comparison's worker; null where there is no Worker (then `compareHere`). */
export function sinceClient(): SinceClient | null {
  if (typeof Worker === 'undefined') return null;
  if (shared?.ctor !== Worker) {
    shared = {
      ctor: Worker,
      client: createSinceClient(
        () =>
          new Worker(new URL('./since-worker.ts', import.meta.url), {
            type: 'module',
            name: 'geobrief-since',
          }) as unknown as WorkerLike,
      ),
    };
  }
  return shared.client;
}

const here = createSinceEngine();

/** The same comparison on the main thread, for where there is no Worker: no copies, the same engine and answers. */
export function compareHere(briefing: Briefing, dataset: Dataset, filters: Filters): SinceResult {
  const keys = { briefing: sideKey('briefing', briefing), dataset: sideKey('dataset', dataset) };
  const ask = () => here.handle({ kind: 'compare', id: 0, ...keys, filters });
  let reply = ask();
  if (reply?.kind === 'missing') {
    here.handle({ kind: 'hold', side: 'briefing', key: keys.briefing, data: briefingSide(briefing) });
    here.handle({ kind: 'hold', side: 'dataset', key: keys.dataset, data: datasetSide(dataset) });
    reply = ask();
  }
  if (reply?.kind === 'result') return reply.result;
  if (reply?.kind === 'error') throw new SinceError(reply.step, reply.message);
  throw new SinceError('compare', `no ${reply?.kind === 'missing' ? reply.side : 'answer'} to compare`);
}
