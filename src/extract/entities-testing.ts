/** Test helpers for the entity extractors: the shipped gazetteer, read from disk once. Used by tests only. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseGazetteer, type Gazetteer } from './gazetteer';

export const GAZETTEER_PATH = resolve(process.cwd(), 'public/gazetteer/places.json');

let cached: Gazetteer | undefined;

export function shippedGazetteer(): Gazetteer {
  cached ??= parseGazetteer(JSON.parse(readFileSync(GAZETTEER_PATH, 'utf8')));
  return cached;
}
