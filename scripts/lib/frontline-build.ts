/**
 * Builds what the browser fetches for the front line over time (public/frontline/) from the copies in
 * data/geo/history/ (see its SOURCES.md). Pure apart from the file reading and writing in `buildFrontline`.
 *
 * The differences between two situations are not written here: "Compare with" may pair any two of the 27
 * situations (351 pairs, about 8.5 MB of GeoJSON in all). `vite build` computes every pair from the files
 * written here (scripts/lib/frontline-differences-plugin.ts, with polygon-clipping and @turf/area) and emits
 * them as static JSON under frontline/differences/: one file per pair, fetched by the map only when compared,
 * and the areas of all pairs in one index. Only data is shipped: no geometry library or geometry is in the
 * JavaScript bundles.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import {
  FRONTLINE_ATTRIBUTION,
  FrontlineIndexSchema,
  parseDailySeries,
  parseMonthlyGains,
  type DailyEntry,
  type FrontlineIndex,
  type Situation,
  type SituationFlag,
} from '../../src/model/frontline/frontline';
import { occupiedAreaKm2 } from '../../src/model/frontline/frontline-geometry';

export const FRONTLINE_AS_OF = '2025-02-13';

/** Situations SOURCES.md made on request, not as the first of a month. */
const EXACT_DATES = new Set(['2025-01-31', '2025-02-13']);

const LICENCE =
  'DeepStateMap.live data, © DEEPSTATEUATECH LLC, under DeepState’s own licence agreement, which is not an open ' +
  'licence; the GPL-3.0 of cyterat/deepstate-map-data does not cover it. See data/geo/history/SOURCES.md.';

const DIFFERENCES =
  'Computed at build time for every pair of situations (polygon-clipping, @turf/area): ' +
  'differences/index.json (the areas) and differences/<earlier>_<later>.json (the shapes).';

interface SituationProperties {
  situation: string;
  area_km2: number;
  file: string;
  commit: string;
}

function situationProperties(fc: FeatureCollection, name: string): SituationProperties {
  const feature = fc.features[0];
  if (fc.type !== 'FeatureCollection' || fc.features.length !== 1 || !feature) {
    throw new Error(`${name}: expected a FeatureCollection with one feature`);
  }
  if (feature.geometry?.type !== 'MultiPolygon') throw new Error(`${name}: expected a MultiPolygon`);
  const p = feature.properties as Partial<SituationProperties> | null;
  if (!p || typeof p.situation !== 'string' || typeof p.area_km2 !== 'number' || !p.file || !p.commit) {
    throw new Error(`${name}: properties situation, area_km2, file and commit are required`);
  }
  return p as SituationProperties;
}

function flagsOf(day: DailyEntry): SituationFlag[] {
  const flags: SituationFlag[] = [];
  if (day.staleFetch) flags.push('stale-fetch');
  if (day.backfilled) flags.push('backfilled');
  if (day.suspect) flags.push('suspect');
  if (day.note) flags.push('note');
  return flags;
}

export interface FrontlineOutputs {
  index: FrontlineIndex;
  /** The daily series without the per-day commits (they stay in data/geo/history and index.json). */
  daily: unknown[];
  gains: unknown;
  /** public path (relative to public/frontline) → file text */
  situations: Map<string, string>;
}

/** Reads and validates data/geo/history and computes the outputs. */
export function frontlineOutputs(historyDir: string): FrontlineOutputs {
  const dailyRaw = JSON.parse(readFileSync(join(historyDir, 'occupied_area_daily.json'), 'utf8')) as unknown;
  const daily = parseDailySeries(dailyRaw, 'occupied_area_daily.json');
  const gainsRaw = JSON.parse(readFileSync(join(historyDir, 'monthly_gains.json'), 'utf8')) as unknown;
  parseMonthlyGains(gainsRaw, 'monthly_gains.json');

  const files = readdirSync(join(historyDir, 'monthly'))
    .filter((f) => /^occupied_\d{4}-\d{2}-\d{2}\.geojson$/.test(f))
    .sort();
  const texts = new Map<string, string>();
  const list: Situation[] = files.map((name) => {
    const text = readFileSync(join(historyDir, 'monthly', name), 'utf8');
    const fc = JSON.parse(text) as FeatureCollection;
    const props = situationProperties(fc, name);
    const date = name.slice('occupied_'.length, -'.geojson'.length);
    if (props.situation !== date) throw new Error(`${name}: situation ${props.situation} does not match its name`);
    const day = daily.find((d) => d.situation === date);
    if (!day || day.areaKm2 === null) throw new Error(`${name}: no area in the daily series for ${date}`);
    if (day.file !== props.file) throw new Error(`${name}: file ${props.file} differs from the daily series`);
    if (Math.abs(day.areaKm2 - props.area_km2) > 0.05) {
      throw new Error(`${name}: area ${props.area_km2} differs from the daily series (${day.areaKm2})`);
    }
    const file = `situations/${date}.geojson`;
    texts.set(file, text);
    return {
      date,
      file,
      bytes: Buffer.byteLength(text),
      areaKm2: day.areaKm2,
      drawnAreaKm2: Math.round(occupiedAreaKm2(fc) * 10) / 10,
      sourceFile: props.file,
      commit: props.commit,
      deepstateUpdateUtc: day.deepstateUpdateUtc,
      kind: EXACT_DATES.has(date) ? 'exact' : 'month',
      flags: flagsOf(day),
      ...(day.note ? { note: day.note } : {}),
    };
  });
  list.sort((a, b) => a.date.localeCompare(b.date));

  const index = FrontlineIndexSchema.parse({
    format: 'geobrief-frontline',
    version: 1,
    attribution: FRONTLINE_ATTRIBUTION,
    licence: LICENCE,
    asOf: FRONTLINE_AS_OF,
    daily: 'daily.json',
    gains: 'gains.json',
    differences: DIFFERENCES,
    situations: list,
  });
  const dailyOut = (dailyRaw as Record<string, unknown>[]).map((entry) => {
    const copy = { ...entry };
    delete copy['commit'];
    return copy;
  });
  return { index, daily: dailyOut, gains: gainsRaw, situations: texts };
}

/** Writes public/frontline/ afresh. */
export function buildFrontline(historyDir: string, outDir: string): FrontlineOutputs {
  const outputs = frontlineOutputs(historyDir);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'situations'), { recursive: true });
  writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(outputs.index, null, 1)}\n`);
  writeFileSync(join(outDir, 'daily.json'), JSON.stringify(outputs.daily));
  writeFileSync(join(outDir, 'gains.json'), JSON.stringify(outputs.gains));
  for (const [file, text] of outputs.situations) writeFileSync(join(outDir, file), text);
  return outputs;
}
