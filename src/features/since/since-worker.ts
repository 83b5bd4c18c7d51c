/**
 * The Web Worker of "Since the last briefing": the comparison runs here, off the page's main thread, so the page
 * stays responsive while 100,000 figures are compared with 100,000. Started by since-client.ts with
 * `new Worker(new URL('./since-worker.ts', import.meta.url), { type: 'module' })`; the messages are those of
 * since-engine.ts. The benchmark (scripts/bench-since.ts) runs this same module in a Node worker thread, serving
 * a message port instead of the worker's own scope.
 */
import { createSinceEngine } from './since-engine';
import type { SinceReply, SinceRequest } from './since-protocol';

/** What the worker talks through: its own scope in the page, a MessagePort in Node. */
export interface SinceEndpoint {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: SinceReply): void;
}

/** Answers every request on `endpoint` that asks (a part of a side does not), in order. */
export function serveSince(endpoint: SinceEndpoint): void {
  // Answers name the sides' items by reference: the page reads them back onto its own (since-engine.ts).
  const engine = createSinceEngine({ byRef: true });
  endpoint.addEventListener('message', (event) => {
    const reply = engine.handle(event.data as SinceRequest);
    if (!reply) return;
    try {
      endpoint.postMessage(reply);
    } catch (error) {
      // An answer that cannot be sent still gets one: what failed, for the request it answers.
      const id = 'id' in reply ? reply.id : null;
      const message = error instanceof Error ? error.message : String(error);
      endpoint.postMessage({ kind: 'error', id, step: 'answer', message });
    }
  });
}

// In the page's worker, serve the worker's own scope (imported anywhere else, this module only exports).
const scope = globalThis as { WorkerGlobalScope?: abstract new () => unknown };
if (typeof scope.WorkerGlobalScope === 'function' && globalThis instanceof scope.WorkerGlobalScope) {
  serveSince(globalThis as unknown as SinceEndpoint);
}
