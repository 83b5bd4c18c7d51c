/**
 * Differences between two front-line situations, as the build computes them: scripts/lib/
 * frontline-differences-plugin.ts runs `difference()` (src/model/frontline/frontline-geometry.ts: polygon-clipping and
 * @turf/area) for every pair of situations at `vite build` (the dev server, on demand) and emits static JSON
 * under frontline/differences/:
 *
 * - `index.json`: the taken and retaken areas of every pair (what the "since" comparison needs);
 * - one file per pair, `<earlier>_<later>.json`: the two areas and the taken and retaken MultiPolygons,
 *   coordinates rounded to 5 decimals like the situations' own (fetched by the map's "Compare with").
 *
 * This module is the contract both sides share: the file names and small hand-written shape checks for what
 * the page fetches (src/model/frontline/frontline-data.ts). No geometry library, no zod, no fetching.
 */
import type { MultiPolygon, Position } from 'geojson';
import type { Difference } from './frontline-geometry';

export const DIFFERENCES_FORMAT = 'geobrief-frontline-differences';

/** The areas of every pair, relative to the app's frontline/ folder. */
export const DIFFERENCE_AREAS_FILE = 'differences/index.json';

/** The file of one pair (earlier first), relative to the app's frontline/ folder. */
export const differenceFile = (earlier: string, later: string): string => `differences/${earlier}_${later}.json`;

/** Taken and retaken areas of one pair, in km² (unrounded, as `difference()` gives them). */
export interface DifferenceAreas {
  earlier: string;
  later: string;
  takenKm2: number;
  retakenKm2: number;
}

/** frontline/differences/index.json */
export interface DifferenceAreasIndex {
  format: typeof DIFFERENCES_FORMAT;
  version: 1;
  pairs: DifferenceAreas[];
}

/** frontline/differences/<earlier>_<later>.json: the areas and what was taken and retaken. */
export type DifferenceFile = DifferenceAreas & Difference;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isArea = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n));

function isMultiPolygon(v: unknown): v is MultiPolygon {
  return (
    isObject(v) &&
    v['type'] === 'MultiPolygon' &&
    Array.isArray(v['coordinates']) &&
    v['coordinates'].every(
      (polygon) =>
        Array.isArray(polygon) && polygon.every((ring) => Array.isArray(ring) && ring.every((p) => isPosition(p))),
    )
  );
}

/** What is wrong with one pair's areas, or null. */
function areasProblem(v: unknown): string | null {
  if (!isObject(v)) return 'not an object';
  if (!isDate(v['earlier']) || !isDate(v['later'])) return 'earlier and later must be dates (YYYY-MM-DD)';
  if (!isArea(v['takenKm2']) || !isArea(v['retakenKm2'])) return 'takenKm2 and retakenKm2 must be areas in km²';
  return null;
}

/** Checks one pair's file; `label` names it in the error (e.g. "differences/2024-08-01_2025-02-13.json"). */
export function parseDifferenceFile(
  raw: unknown,
  expected: { earlier: string; later: string },
  label: string,
): DifferenceFile {
  let problem = areasProblem(raw);
  const file = raw as DifferenceFile;
  if (!problem && !(isMultiPolygon(file.taken) && isMultiPolygon(file.retaken))) {
    problem = 'taken and retaken must be MultiPolygons';
  }
  if (problem) throw new Error(`${label}: ${problem}`);
  if (file.earlier !== expected.earlier || file.later !== expected.later) {
    throw new Error(`${label}: holds ${file.earlier} to ${file.later}, not ${expected.earlier} to ${expected.later}`);
  }
  return file;
}

/** Checks the areas index; `label` names it in the error. */
export function parseDifferenceAreas(raw: unknown, label: string): DifferenceAreasIndex {
  if (!isObject(raw) || raw['format'] !== DIFFERENCES_FORMAT || raw['version'] !== 1 || !Array.isArray(raw['pairs'])) {
    throw new Error(`${label}: not a ${DIFFERENCES_FORMAT} version 1 file`);
  }
  raw['pairs'].forEach((pair, i) => {
    const problem = areasProblem(pair);
    if (problem) throw new Error(`${label}: pairs.${i}: ${problem}`);
  });
  return raw as unknown as DifferenceAreasIndex;
}

/** The areas of one pair in the index, or undefined. */
export function differenceAreas(
  index: DifferenceAreasIndex,
  earlier: string,
  later: string,
): DifferenceAreas | undefined {
  return index.pairs.find((p) => p.earlier === earlier && p.later === later);
}
