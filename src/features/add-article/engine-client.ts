/**
 * The one place the add-article feature reaches the extraction engine: the Web Worker (through comlink),
 * the input checks and the HTML reduction. Only the lazily loaded dialog imports this module.
 * The worker is started on first use and kept for the next article (it keeps the gazetteer it loaded);
 * Cancel or a failure terminates it, and the next run starts a fresh one.
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { Dataset } from '../../model/dataset/schema';
import type { Pack } from '../../model/pack/pack-schema';
import type { ArticleInput, Progress } from '../../extract/types';
import type { ExtractWorker } from '../../extract/worker';

export type { ArticleInput, Progress };
export { checkArticleInput } from '../../extract/check-input';
export { readableText } from '../../extract/html';
export { markdownToText } from '../../extract/markdown';

/** Runs one extraction. Rejects with an AbortError when `signal` aborts (the analyst pressed Cancel). */
export type ExtractFn = (
  input: ArticleInput,
  dataset: Dataset,
  onProgress: Progress,
  signal: AbortSignal,
) => Promise<Pack>;

interface Running {
  worker: Worker;
  api: Remote<ExtractWorker>;
  /** Rejects when the worker cannot start or dies (its script failed to load, an uncaught error). */
  failed: Promise<never>;
}

let running: Running | null = null;

function startWorker(): Running {
  const worker = new Worker(new URL('../../extract/worker.ts', import.meta.url), {
    type: 'module',
    name: 'geobrief-extract',
  });
  const failed = new Promise<never>((_resolve, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(
        new Error(
          event.message || 'the extraction engine could not be started (is the app offline and not yet cached?)',
        ),
      );
    });
    worker.addEventListener('messageerror', () => reject(new Error('the extraction engine sent an unreadable answer')));
  });
  failed.catch(() => undefined);
  return { worker, api: wrap<ExtractWorker>(worker), failed };
}

function stopWorker(): void {
  if (!running) return;
  running.api[releaseProxy]();
  running.worker.terminate();
  running = null;
}

/** The extraction in the Web Worker: the page stays responsive; Cancel terminates the worker at once. */
export const workerExtract: ExtractFn = async (input, dataset, onProgress, signal) => {
  if (signal.aborted) throw new DOMException('Stopped', 'AbortError');
  running ??= startWorker();
  const { api, failed } = running;
  let onAbort = () => {};
  const aborted = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(new DOMException('Stopped', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([api.extract(input, dataset, proxy(onProgress)), failed, aborted]);
  } catch (error) {
    // A stopped or failed worker is not used again.
    stopWorker();
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
};
