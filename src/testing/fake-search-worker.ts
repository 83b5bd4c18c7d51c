/**
 * A search worker in the test's own thread: the real index (state/figure-index.ts) behind the same messages as
 * state/search-worker.ts. Its replies wait in `replies` until the test delivers them (all in order, or one search's
 * answer), or, with `auto`, come by themselves a task later, as a real worker's would.
 */
import { vi } from 'vitest';
import { FigureIndex, type SearchReply, type SearchRequest } from '../state/figure-index';
import type { SearchWorker } from '../state/search-index';

export function fakeSearchWorker({ auto = false } = {}) {
  const index = new FigureIndex();
  const listeners = { message: [] as ((e: MessageEvent<SearchReply>) => void)[], error: [] as ((e: Event) => void)[] };
  /** Every message the page posted, copied. */
  const sent: SearchRequest[] = [];
  const replies: SearchReply[] = [];
  /** Every reply delivered, in order. */
  const delivered: SearchReply[] = [];
  const emit = (reply: SearchReply) => {
    delivered.push(reply);
    listeners.message.forEach((l) => l({ data: reply } as MessageEvent<SearchReply>));
  };
  const queryOf = (seq: number) =>
    sent.find((m): m is Extract<SearchRequest, { type: 'find' }> => m.type === 'find' && m.seq === seq)?.q;
  const worker: SearchWorker = {
    postMessage(message) {
      sent.push(structuredClone(message));
      const reply = index.answer(message);
      if (!reply) return;
      if (auto) setTimeout(() => emit(reply), 0);
      else replies.push(reply);
    },
    addEventListener(type: 'message' | 'error', listener: (e: never) => void) {
      (listeners[type] as unknown[]).push(listener);
    },
    terminate: vi.fn(),
  };
  return {
    worker,
    sent,
    replies,
    delivered,
    /** Delivers every waiting reply, in order. */
    deliver: () => replies.splice(0).forEach(emit),
    /** Delivers the waiting answer to the search `q`. */
    answer: (q: string) => {
      const i = replies.findIndex((r) => r.type === 'found' && queryOf(r.seq) === q);
      if (i < 0) throw new Error(`no answer waiting for "${q}"`);
      emit(replies.splice(i, 1)[0]!);
    },
    /** The worker's script fails (an 'error' event, as when it cannot load). */
    crash: () => listeners.error.forEach((l) => l(new ErrorEvent('error', { message: 'boom', cancelable: true }))),
  };
}
