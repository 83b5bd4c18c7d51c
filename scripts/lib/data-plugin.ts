/**
 * The shipped dataset is validated and cross-checked at BUILD time (and by the dev server), not in the page.
 *
 * `virtual:geobrief-dataset` is a module this Vite plugin writes from the JSON files under data/ (or
 * GEOBRIEF_DATA_DIR): it runs the same zod validation and id cross-checks as `parseDataset`, and
 *
 * - `vite build` fails, listing every problem as `file.json[index].field: message`;
 * - the dev server serves `{ ok: false, errors }` instead, so the page shows its LoadError with the same list
 *   (and the terminal prints it), and reloads when a data file changes;
 * - otherwise the module is the checked dataset as one JSON string, parsed and frozen when it loads: the page
 *   carries neither zod nor the schema to read its own data (packs the analyst imports are still checked in
 *   full in the page, by src/model/pack.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseDataset, type LoadResult, type RawDataset } from '../../src/model/load-dataset.js';
import { DATA_FILES, type DataFileName } from '../../src/model/schema.js';

export const DATASET_MODULE_ID = 'virtual:geobrief-dataset';
const RESOLVED_ID = `\0${DATASET_MODULE_ID}`;

const FILES = Object.keys(DATA_FILES) as DataFileName[];

/** The data files the dataset is made of, as paths in `dir`. */
export function dataFiles(dir: string): string[] {
  return FILES.map((name) => join(dir, `${name}.json`));
}

/**
 * Reads `dir`'s data files and checks them exactly as the page once did: `{ ok: true, dataset }`, or
 * `{ ok: false, errors }` with every problem as `file.json[index].field: message` (a missing or unreadable
 * file is named too).
 */
export function checkDataDir(dir: string): LoadResult {
  const errors: string[] = [];
  const raw: Partial<RawDataset> = {};
  for (const name of FILES) {
    const path = join(dir, `${name}.json`);
    if (!existsSync(path)) continue; // parseDataset reports `name.json: the file is missing`
    try {
      raw[name] = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    } catch (error) {
      errors.push(`${name}.json: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return parseDataset(raw as RawDataset);
}

/**
 * The module's code: the result as one JSON string (parsed faster than the same object as code), frozen
 * when it loads (the dataset is an immutable module value).
 */
export function datasetModuleCode(result: LoadResult): string {
  return [
    'const freeze = (v) => {',
    "  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {",
    '    Object.freeze(v);',
    '    for (const k in v) freeze(v[k]);',
    '  }',
    '  return v;',
    '};',
    `export const loaded = freeze(JSON.parse(${JSON.stringify(JSON.stringify(result))}));`,
    '',
  ].join('\n');
}

/** `dir`: the data folder (data/, or the benchmark's generated one). */
export function dataPlugin(dir: string): Plugin {
  const root = resolve(dir);
  let serving = false;
  let logger: Pick<Console, 'error'> = console;
  return {
    name: 'geobrief-dataset',
    configResolved(config) {
      serving = config.command === 'serve';
      logger = config.logger;
    },
    configureServer(devServer) {
      devServer.watcher.add(dataFiles(root));
      devServer.watcher.on('change', (file) => {
        if (!dataFiles(root).includes(resolve(file))) return;
        const mod = devServer.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) devServer.moduleGraph.invalidateModule(mod);
        devServer.ws.send({ type: 'full-reload' });
      });
    },
    resolveId(id) {
      return id === DATASET_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of dataFiles(root)) if (existsSync(file)) this.addWatchFile(file);
      const result = checkDataDir(root);
      if (!result.ok) {
        const message = `The dataset in ${root} is invalid:\n${result.errors.map((e) => `- ${e}`).join('\n')}`;
        // Printed as well as thrown: a plugin that fails after it (the service worker's) may replace the error.
        logger.error(message);
        // The build fails; the dev server keeps running, and the page shows the same list (LoadError).
        if (!serving) this.error(message);
      }
      return datasetModuleCode(result);
    },
  };
}
