/**
 * The differences between front-line situations, computed at BUILD time rather than in the page (issue 12:
 * "computed by a well-kept geometry library, at build time or in a worker"), so the page carries neither
 * polygon-clipping nor @turf/area.
 *
 * For every pair of the situations in public/frontline/ (index.json, earlier before later by date: 27
 * situations make 351 pairs) it runs the model's own `difference()` (src/model/frontline/frontline-geometry.ts) and
 *
 * - `vite build` emits, as static data next to public/frontline/, `frontline/differences/index.json` (the taken
 *   and retaken km² of every pair, which the "since" comparison needs, a few KB; the service worker precaches
 *   it) and one `frontline/differences/<earlier>_<later>.json` per pair with the two MultiPolygons, their
 *   coordinates rounded to 5 decimals like the situations' own (about 8.5 MB in all: the service worker
 *   does not precache them; it keeps those the map fetched, see vite.config.ts);
 * - the dev server (`vite`) serves the same URLs, computing on demand (and the index, about 5 s, once).
 *
 * The situation index and files are validated as the page does (parseFrontlineIndex; a FeatureCollection of a
 * MultiPolygon): a missing or malformed one fails the build with a message naming it. The output is
 * deterministic: pairs in date order, the same function, the same rounding. The file names and the shape the
 * page checks are in src/model/frontline/frontline-difference.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { Plugin } from 'vite';
import { parseFrontlineIndex, type FrontlineIndex, type Situation } from '../../src/model/frontline/frontline.js';
import {
  DIFFERENCE_AREAS_FILE,
  DIFFERENCES_FORMAT,
  differenceFile,
  type DifferenceAreasIndex,
  type DifferenceFile,
} from '../../src/model/frontline/frontline-difference.js';
import { difference } from '../../src/model/frontline/frontline-geometry.js';

/** The situations' own precision (5 decimals of a degree, about 1 m). */
const DECIMALS = 5;
const SCALE = 10 ** DECIMALS;

export interface FrontlineSituations {
  index: FrontlineIndex;
  /** date → the situation's GeoJSON */
  geometry: Map<string, FeatureCollection>;
}

const shown = (path: string) => relative(process.cwd(), path) || path;
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

function readJson(path: string): unknown {
  if (!existsSync(path)) throw new Error(`${shown(path)} is missing (run npm run build:frontline)`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`${shown(path)} is not valid JSON (${reason(error)})`, { cause: error });
  }
}

/** Reads and checks `frontlineDir`'s index.json and every situation it lists; throws naming the bad file. */
export function readFrontlineSituations(frontlineDir: string): FrontlineSituations {
  const indexPath = join(frontlineDir, 'index.json');
  const index = parseFrontlineIndex(readJson(indexPath), shown(indexPath));
  const geometry = new Map<string, FeatureCollection>();
  for (const situation of index.situations) {
    const path = join(frontlineDir, situation.file);
    const fc = readJson(path) as FeatureCollection | null;
    if (
      fc?.type !== 'FeatureCollection' ||
      !Array.isArray(fc.features) ||
      fc.features[0]?.geometry?.type !== 'MultiPolygon'
    ) {
      throw new Error(`${shown(path)}: front-line situation ${situation.date} is not a MultiPolygon FeatureCollection`);
    }
    geometry.set(situation.date, fc);
  }
  return { index, geometry };
}

const round = (n: number) => Math.round(n * SCALE) / SCALE;

/** The MultiPolygon with every coordinate rounded to 5 decimals. */
export function roundMultiPolygon(mp: MultiPolygon): MultiPolygon {
  return {
    type: 'MultiPolygon',
    coordinates: mp.coordinates.map((polygon) => polygon.map((ring) => ring.map((p) => [round(p[0]!), round(p[1]!)]))),
  };
}

/** Every pair, earlier before later, in date order. */
export function situationPairs(index: FrontlineIndex): [Situation, Situation][] {
  const list = index.situations;
  return list.flatMap((earlier, i) => list.slice(i + 1).map((later): [Situation, Situation] => [earlier, later]));
}

/** One pair's file: `difference()`'s areas (unrounded) and shapes (rounded). */
export function pairDifference(situations: FrontlineSituations, earlier: string, later: string): DifferenceFile {
  const a = situations.geometry.get(earlier);
  const b = situations.geometry.get(later);
  if (!a || !b || earlier >= later) throw new Error(`no front-line pair ${earlier} to ${later}`);
  const diff = difference(a, b);
  return {
    earlier,
    later,
    takenKm2: diff.takenKm2,
    retakenKm2: diff.retakenKm2,
    taken: roundMultiPolygon(diff.taken),
    retaken: roundMultiPolygon(diff.retaken),
  };
}

export interface FrontlineDifferences {
  areas: DifferenceAreasIndex;
  /** path relative to frontline/ (differences/…) → file text */
  files: Map<string, string>;
}

const areasOf = (pairs: readonly DifferenceFile[]): DifferenceAreasIndex => ({
  format: DIFFERENCES_FORMAT,
  version: 1,
  pairs: pairs.map(({ earlier, later, takenKm2, retakenKm2 }) => ({ earlier, later, takenKm2, retakenKm2 })),
});

/** Every pair's file and the areas index, as the build emits them. */
export function frontlineDifferences(situations: FrontlineSituations): FrontlineDifferences {
  const pairs = situationPairs(situations.index).map(([a, b]) => pairDifference(situations, a.date, b.date));
  const areas = areasOf(pairs);
  const files = new Map<string, string>([[DIFFERENCE_AREAS_FILE, JSON.stringify(areas)]]);
  for (const pair of pairs) files.set(differenceFile(pair.earlier, pair.later), JSON.stringify(pair));
  return { areas, files };
}

/**
 * A name for the service worker's cache of pair files that changes with the situations: the pair files' URLs
 * are not hashed, so new situations must not be answered from an old cache.
 */
export function differencesCacheName(frontlineDir: string): string {
  const hash = createHash('sha256');
  try {
    hash.update(readFileSync(join(frontlineDir, 'index.json')));
    const { index } = readFrontlineSituations(frontlineDir);
    for (const s of index.situations) hash.update(readFileSync(join(frontlineDir, s.file)));
  } catch {
    // The plugin reports a missing or malformed file; the name only has to be stable.
  }
  return `geobrief-frontline-differences-${hash.digest('hex').slice(0, 12)}`;
}

const PAIR_URL = /^\/(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\.json$/;

/** `frontlineDir`: public/frontline (index.json and situations/). */
export function frontlineDifferencesPlugin(frontlineDir: string): Plugin {
  const dir = resolve(frontlineDir);
  let ssr = false;
  let base = '/';
  let logger: Pick<Console, 'error'> = console;
  return {
    name: 'geobrief-frontline-differences',
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
      base = config.base;
      logger = config.logger;
    },
    generateBundle() {
      if (ssr) return;
      let out: FrontlineDifferences;
      try {
        out = frontlineDifferences(readFrontlineSituations(dir));
      } catch (error) {
        const message = `Front-line differences could not be computed: ${reason(error)}`;
        // Printed as well as thrown: a plugin that fails after this one (the service worker's) may replace the error.
        logger.error(message);
        this.error(message);
      }
      for (const [file, source] of out.files) this.emitFile({ type: 'asset', fileName: `frontline/${file}`, source });
    },
    configureServer(server) {
      // Computed on demand and kept until a front-line file changes.
      let situations: FrontlineSituations | null = null;
      let areas: string | null = null;
      const pairs = new Map<string, string>();
      const forget = (file: string) => {
        if (!resolve(file).startsWith(dir)) return;
        situations = null;
        areas = null;
        pairs.clear();
      };
      server.watcher.on('change', forget);
      server.watcher.on('add', forget);
      server.watcher.on('unlink', forget);
      server.middlewares.use(`${base}frontline/differences`, (req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!;
        const pair = PAIR_URL.exec(path);
        if (path !== '/index.json' && !pair) return next();
        try {
          situations ??= readFrontlineSituations(dir);
          let body: string;
          if (pair) {
            const [, earlier, later] = pair as unknown as [string, string, string];
            const key = `${earlier}_${later}`;
            const known = situations.geometry.has(earlier) && situations.geometry.has(later) && earlier < later;
            if (!known) {
              res.statusCode = 404;
              res.end(`no front-line pair ${earlier} to ${later}`);
              return;
            }
            body = pairs.get(key) ?? JSON.stringify(pairDifference(situations, earlier, later));
            pairs.set(key, body);
          } else {
            if (areas === null) {
              const out = frontlineDifferences(situations);
              for (const [file, text] of out.files) {
                const name = /^differences\/(.+)\.json$/.exec(file)![1]!;
                if (name !== 'index') pairs.set(name, text);
              }
              areas = out.files.get(DIFFERENCE_AREAS_FILE)!;
            }
            body = areas;
          }
          res.setHeader('Content-Type', 'application/json');
          res.end(body);
        } catch (error) {
          const message = `Front-line differences could not be computed: ${reason(error)}`;
          server.config.logger.error(message);
          res.statusCode = 500;
          res.end(message);
        }
      });
    },
  };
}
