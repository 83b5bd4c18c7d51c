/**
 * The front line's data files (public/frontline/, written by `npm run build:frontline`), fetched from the
 * app's own origin when first needed and kept for the session. Geometry is fetched one situation at a time,
 * only when that date is shown. Validation is the model's (src/model/frontline/frontline.ts). The differences between
 * two situations were computed at build time (src/model/frontline/frontline-difference.ts): the map fetches one pair's
 * file, the "since" comparison only the areas of every pair.
 */
import type { FeatureCollection } from 'geojson';
import {
  parseDailySeries,
  parseFrontlineIndex,
  parseMonthlyGains,
  type DailyEntry,
  type FrontlineIndex,
  type MonthlyGains,
  type Situation,
} from './frontline';
import {
  DIFFERENCE_AREAS_FILE,
  differenceFile,
  parseDifferenceAreas,
  parseDifferenceFile,
  type DifferenceAreasIndex,
  type DifferenceFile,
} from './frontline-difference';

const base = () => `${import.meta.env.BASE_URL}frontline/`;
const cache = new Map<string, Promise<unknown>>();

function fetchOnce<T>(path: string, parse: (raw: unknown) => T): Promise<T> {
  let pending = cache.get(path) as Promise<T> | undefined;
  if (!pending) {
    pending = fetch(`${base()}${path}`)
      .then((response) => {
        if (!response.ok) throw new Error(`Could not load front-line data ${path} (HTTP ${response.status})`);
        return response.json() as Promise<unknown>;
      })
      .then(parse);
    // A failure is not kept: the next call tries again.
    pending.catch(() => cache.delete(path));
    cache.set(path, pending);
  }
  return pending;
}

export const loadFrontlineIndex = (): Promise<FrontlineIndex> =>
  fetchOnce('index.json', (raw) => parseFrontlineIndex(raw));
export const loadDailySeries = (): Promise<DailyEntry[]> => fetchOnce('daily.json', (raw) => parseDailySeries(raw));
export const loadMonthlyGains = (): Promise<MonthlyGains> => fetchOnce('gains.json', (raw) => parseMonthlyGains(raw));

/** The GeoJSON of one situation (a FeatureCollection with one MultiPolygon feature). */
export function loadSituation(situation: Pick<Situation, 'file' | 'date'>): Promise<FeatureCollection> {
  return fetchOnce(situation.file, (raw) => {
    const fc = raw as FeatureCollection | null;
    if (fc?.type !== 'FeatureCollection' || fc.features[0]?.geometry?.type !== 'MultiPolygon') {
      throw new Error(`Front-line situation ${situation.date} is not a MultiPolygon FeatureCollection`);
    }
    return fc;
  });
}

/**
 * What was taken (in `later`, not in `earlier`) and retaken (in `earlier`, not in `later`): the shapes and
 * their areas in km², computed at build time. Fetched once per session per pair.
 */
export function loadDifference(
  earlier: Pick<Situation, 'date'>,
  later: Pick<Situation, 'date'>,
): Promise<DifferenceFile> {
  const file = differenceFile(earlier.date, later.date);
  return fetchOnce(file, (raw) => parseDifferenceFile(raw, { earlier: earlier.date, later: later.date }, file));
}

/** The taken and retaken areas of every pair of situations (no shapes). */
export const loadDifferenceAreas = (): Promise<DifferenceAreasIndex> =>
  fetchOnce(DIFFERENCE_AREAS_FILE, (raw) => parseDifferenceAreas(raw, DIFFERENCE_AREAS_FILE));

/** For tests: forget what was fetched. */
export function clearFrontlineCache(): void {
  cache.clear();
}
