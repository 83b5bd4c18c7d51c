/**
 * The extraction engine in a Web Worker, so that the page stays responsive while it reads an article.
 * Load it with `new Worker(new URL('../extract/worker.ts', import.meta.url), { type: 'module' })` and wrap
 * it with comlink's `wrap<ExtractWorker>()`; pass `onProgress` through `comlink.proxy()`.
 * The gazetteer is fetched once, from the app's own origin, and kept for every later article.
 */
import { expose } from 'comlink';
import type { Pack } from '../model/pack/pack-schema';
import type { Dataset } from '../model/dataset/schema';
import { extractPack } from './extract-pack';
import { parseGazetteer, type Gazetteer } from './gazetteer';
import type { ArticleInput, Progress } from './types';

let gazetteer: Promise<Gazetteer> | undefined;

function loadGazetteer(): Promise<Gazetteer> {
  gazetteer ??= fetch(`${import.meta.env.BASE_URL}gazetteer/places.json`)
    .then((response) => {
      if (!response.ok) throw new Error(`The place list could not be loaded (HTTP ${response.status}).`);
      return response.json() as Promise<unknown>;
    })
    .then(parseGazetteer)
    .catch((error: unknown) => {
      gazetteer = undefined; // try again with the next article
      throw error;
    });
  return gazetteer;
}

const api = {
  async extract(input: ArticleInput, dataset: Dataset, onProgress?: Progress): Promise<Pack> {
    onProgress?.(0, 'Loading the place list');
    const gaz = await loadGazetteer();
    return extractPack(input, { dataset, gazetteer: gaz }, onProgress);
  },
};

export type ExtractWorker = typeof api;

expose(api);
