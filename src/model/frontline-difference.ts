/**
 * The map's one way to the difference worker. The worker starts on first use and is kept; if it cannot start
 * or dies, the call rejects with a readable message and the next call starts a fresh one. The same pair is
 * computed once per session.
 */
import { releaseProxy, wrap, type Remote } from 'comlink';
import type { FeatureCollection } from 'geojson';
import type { Difference } from './frontline-geometry';
import type { DifferenceWorker } from './frontline-difference.worker';

interface Running {
  worker: Worker;
  api: Remote<DifferenceWorker>;
  failed: Promise<never>;
}

let running: Running | null = null;
const results = new Map<string, Promise<Difference>>();

function start(): Running {
  const worker = new Worker(new URL('./frontline-difference.worker.ts', import.meta.url), {
    type: 'module',
    name: 'geobrief-frontline-difference',
  });
  const failed = new Promise<never>((_resolve, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'the front-line comparison could not be started'));
    });
  });
  failed.catch(() => undefined);
  return { worker, api: wrap<DifferenceWorker>(worker), failed };
}

function stop(): void {
  running?.api[releaseProxy]();
  running?.worker.terminate();
  running = null;
}

/**
 * What was taken (in `later`, not in `earlier`) and retaken (in `earlier`, not in `later`), with areas in km².
 * `key` names the pair (e.g. "2024-08-01→2025-02-13") so that it is computed once.
 */
export function compareSituations(
  key: string,
  earlier: FeatureCollection,
  later: FeatureCollection,
): Promise<Difference> {
  let pending = results.get(key);
  if (!pending) {
    running ??= start();
    const { api, failed } = running;
    pending = Promise.race([api.difference(earlier, later), failed]).catch((error: unknown) => {
      stop();
      results.delete(key);
      throw error;
    });
    results.set(key, pending);
  }
  return pending;
}
