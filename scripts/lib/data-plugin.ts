/**
 * The shipped dataset is validated and cross-checked at BUILD time (and by the dev server), not in the page.
 *
 * `virtual:geobrief-dataset` is a module this Vite plugin writes from the JSON files under data/ (or
 * GEOBRIEF_DATA_DIR): it runs the same zod validation and id cross-checks as `parseDataset`, and
 *
 * - `vite build` fails, listing every problem as `file.json[index].field: message`;
 * - the dev server serves `{ ok: false, errors }` instead, so the page shows its LoadError with the same list
 *   (and the terminal prints it), and reloads when a data file changes;
 * - otherwise the module is the checked dataset, parsed and frozen when it loads: the page carries neither zod
 *   nor the schema to read its own data (packs the analyst imports are still checked in full in the page, by
 *   src/model/pack/pack.ts). For the dev server, Vitest and the prerender (SSR) it is one JSON string inside the
 *   module; in the page's production build it is data, not code: a hashed JSON asset (assets/dataset-*.json,
 *   precached by the service worker like every .json) that `loadDataset()` fetches, and index.html
 *   preloads so that it downloads alongside the scripts. A failed fetch gives `{ ok: false, errors }`, which the
 *   page shows as its LoadError.
 *
 * Either way the module exports `loadDataset(): Promise<LoadResult>` (the inline variant also `loaded`, for the
 * prerender). No top-level await: Rolldown turns its chunk optimisations off for a whole build that has one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { parseDataset, type LoadResult, type RawDataset } from '../../src/model/dataset/load-dataset.js';
import { DATA_FILES, type DataFileName } from '../../src/model/dataset/schema.js';

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

const FREEZE = [
  'const freeze = (v) => {',
  "  if (v !== null && typeof v === 'object' && !Object.isFrozen(v)) {",
  '    Object.freeze(v);',
  '    for (const k in v) freeze(v[k]);',
  '  }',
  '  return v;',
  '};',
];

/**
 * The module's code: the result as one JSON string (parsed faster than the same object as code), frozen
 * when it loads (the dataset is an immutable module value).
 */
export function datasetModuleCode(result: LoadResult): string {
  return [
    ...FREEZE,
    `export const loaded = freeze(JSON.parse(${JSON.stringify(JSON.stringify(result))}));`,
    'export const loadDataset = () => Promise.resolve(loaded);',
    '',
  ].join('\n');
}

/** The name the dataset's JSON asset is emitted under (hashed by the build: assets/dataset-<hash>.json). */
export const DATASET_ASSET_NAME = 'dataset.json';

/**
 * The module's code in the page's production build: the checked result is a JSON asset, fetched from
 * `urlExpression` (JavaScript that gives its URL, e.g. `import.meta.ROLLUP_FILE_URL_<ref>`) once, on the first
 * call of `loadDataset()`, and frozen. A failed fetch (offline before the service worker had it, a server error, not JSON) is
 * `{ ok: false, errors: ['dataset.json: could not be loaded (…)'] }`, which the page shows as its LoadError.
 */
export function datasetFetchModuleCode(urlExpression: string): string {
  return [
    ...FREEZE,
    'const load = async () => {',
    '  try {',
    `    const response = await fetch(${urlExpression});`,
    '    if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);',
    '    return await response.json();',
    '  } catch (error) {',
    `    return { ok: false, errors: [\`${DATASET_ASSET_NAME}: could not be loaded (\${error instanceof Error ? error.message : String(error)})\`] };`,
    '  }',
    '};',
    'let pending;',
    'export const loadDataset = () => (pending ??= load().then(freeze));',
    '',
  ].join('\n');
}

/** `dir`: the data folder (data/, or the benchmark's generated one). */
export function dataPlugin(dir: string): Plugin {
  const root = resolve(dir);
  let serving = false;
  let logger: Pick<Console, 'error'> = console;
  /** The emitted JSON asset's reference (page builds only). */
  let assetRef: string | undefined;
  let base = '/';
  return {
    name: 'geobrief-dataset',
    configResolved(config) {
      serving = config.command === 'serve';
      base = config.base;
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
    buildStart() {
      assetRef = undefined;
    },
    load(id, options) {
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
      // The page's build: the data as a hashed JSON asset, fetched (the dev server, Vitest and SSR keep them inline).
      if (!serving && !options?.ssr && result.ok) {
        assetRef = this.emitFile({ type: 'asset', name: DATASET_ASSET_NAME, source: JSON.stringify(result) });
        return datasetFetchModuleCode(`import.meta.ROLLUP_FILE_URL_${assetRef}`);
      }
      return datasetModuleCode(result);
    },
    // index.html preloads the JSON, so it downloads alongside the scripts rather than after the chunk that fetches it.
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (serving || !assetRef || !ctx.bundle) return undefined;
        const href = datasetAssetHref(ctx.bundle, base);
        return href
          ? [{ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href }, injectTo: 'head' }]
          : undefined;
      },
    },
  };
}

/** The emitted dataset asset's URL in `bundle` (`/assets/dataset-<hash>.json`), or undefined. */
export function datasetAssetHref(bundle: Rollup.OutputBundle, base = '/'): string | undefined {
  const asset = Object.values(bundle).find(
    (o): o is Rollup.OutputAsset =>
      o.type === 'asset' && (o.names?.includes(DATASET_ASSET_NAME) || o.name === DATASET_ASSET_NAME),
  );
  return asset ? `${base}${asset.fileName}` : undefined;
}
