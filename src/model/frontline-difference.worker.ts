/**
 * Differences between two front-line situations, off the main thread: polygon-clipping takes 0.1–0.6 s for
 * two 25 KB situations (see scripts/lib/frontline-build.ts for why this is not precomputed). Load it with
 * `new Worker(new URL('./frontline-difference.worker.ts', import.meta.url), { type: 'module' })` through
 * frontline-difference.ts.
 */
import { expose } from 'comlink';
import type { FeatureCollection } from 'geojson';
import { difference, type Difference } from './frontline-geometry';

const api = {
  difference(earlier: FeatureCollection, later: FeatureCollection): Difference {
    return difference(earlier, later);
  },
};

export type DifferenceWorker = typeof api;

expose(api);
