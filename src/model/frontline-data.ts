/**
 * The front line's data files (public/frontline/, written by `npm run build:frontline`), fetched from the
 * app's own origin when first needed and kept for the session. Geometry is fetched one situation at a time,
 * only when that date is shown. Validation is the model's (src/model/frontline.ts).
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

/** For tests: forget what was fetched. */
export function clearFrontlineCache(): void {
  cache.clear();
}
