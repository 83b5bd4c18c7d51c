/**
 * For tests (jsdom has no Worker): a stand-in for the comparison's Web Worker that runs the real worker module
 * (`serveSince`) in this thread, every message structured-cloned and delivered in a later task, as a worker's
 * would be. It records what the page sent, and can fail to start.
 */
import type { SinceReply, SinceRequest } from './since-protocol';
import { serveSince } from './since-worker';

type Listener = (event: { data?: unknown; message?: string; preventDefault?: () => void }) => void;

export class TestWorker {
  /** Every worker started, in order. */
  static started: TestWorker[] = [];
  /** The next workers fail to start with this message (until set back to null). */
  static failToStart: string | null = null;

  /** What the page sent, as the worker received it. */
  readonly received: SinceRequest[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();
  private inner: ((event: { data: unknown }) => void) | null = null;

  constructor() {
    TestWorker.started.push(this);
    const failure = TestWorker.failToStart;
    if (failure !== null) {
      setTimeout(() => this.dispatch('error', { message: failure, preventDefault: () => undefined }));
      return;
    }
    serveSince({
      addEventListener: (_type, listener) => {
        this.inner = listener;
      },
      postMessage: (reply: SinceReply) => {
        const data = structuredClone(reply);
        setTimeout(() => !this.terminated && this.dispatch('message', { data }));
      },
    });
  }

  static reset(): void {
    TestWorker.started = [];
    TestWorker.failToStart = null;
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  postMessage(message: SinceRequest): void {
    const data = structuredClone(message);
    setTimeout(() => {
      if (this.terminated || !this.inner) return;
      this.received.push(data);
      this.inner({ data });
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The kinds of what the page sent, parts counted once per side. */
  kinds(): string[] {
    return this.received
      .filter((m, i, all) => m.kind !== 'part' || all[i - 1]?.kind !== 'part')
      .map((m) => (m.kind === 'compare' ? 'compare' : `${m.kind} ${m.side}`));
  }

  private dispatch(type: string, event: Parameters<Listener>[0]) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}
