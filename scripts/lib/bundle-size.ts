/**
 * Gzipped sizes of the built JavaScript, grouped by when the page loads it, from the build's own chunk
 * graph (`.vite/manifest.json`, `build.manifest` in vite.config.ts):
 *
 * - initial: what the first paint needs (index.html's scripts and modulepreloads, the entry's static imports);
 * - dashboard: everything else the page can load without the add-article dialog (app, map, charts, data…);
 * - engine: what only the add-article dialog brings in: the dialog's dynamically imported chunk, the chunks
 *   only it imports, and the extraction Web Worker (Vite lists a `new Worker(new URL(…))` script as a `.js`
 *   asset of the chunk that starts it; an emitted `worker-*.js` the manifest does not name counts too);
 * - export: what only the deck's "Download PowerPoint" brings in (the exporter, pptxgenjs and JSZip), loaded
 *   when the button is pressed, like the engine;
 * - workspace: what only a team workspace server brings in (the header's control, the sync, its outbox, the dialogs),
 *   loaded after the page found a server (state/workspace/probe.ts); a static dashboard never loads it;
 * - edit: what only "Edit" and a measure's forms ("Link to measure", "Rename measure"…) bring in: the fields and
 *   their checks, loaded when first opened (code the add-article engine shares with them counts as the engine's);
 * - workers: the dashboard's background Web Workers (`<name>-worker-*.js`: the search index, the "since"
 *   comparison), started after the first paint and run off the main thread.
 *
 * Used by the budget test and the benchmark.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type BundleGroup = 'initial' | 'dashboard' | 'engine' | 'export' | 'edit' | 'workspace' | 'workers';

export interface BundleFile {
  file: string;
  gzip: number;
  group: BundleGroup;
  /** Same as `group === 'initial'` (kept for the benchmark's report). */
  initial: boolean;
}

export interface BundleSizes {
  /** The first paint's scripts, gzipped bytes. */
  initialJs: number;
  /** Everything the page can load without the add-article dialog or an export (the initial scripts included), gzipped bytes. */
  dashboardJs: number;
  /** The add-article dialog and the extraction engine (its worker), gzipped bytes. */
  engineJs: number;
  /** The PowerPoint export (pptxgenjs, JSZip), gzipped bytes. */
  exportJs: number;
  /** The correction and measure forms, gzipped bytes. */
  editJs: number;
  /** The team workspace's sync and dialogs, gzipped bytes. */
  workspaceJs: number;
  /** The dashboard's background workers (search index, "since"), gzipped bytes. */
  workersJs: number;
  /** Every .js under assets/ plus the page's own scripts, gzipped bytes (= dashboardJs + engineJs + exportJs + editJs + workspaceJs + workersJs). */
  totalJs: number;
  /** Service-worker scripts (not part of the page), gzipped bytes. */
  serviceWorkerJs: number;
  files: BundleFile[];
}

/** The chunks that only the "Add article" button's dynamic import reaches (source paths, as in the manifest). */
export const ENGINE_ENTRIES = ['src/features/add-article/add-article-dialog.tsx'];
/** The chunks that only the deck's "Download PowerPoint" reaches, through its dynamic import. */
export const EXPORT_ENTRIES = ['src/features/deck/pptx-export.ts'];
/** The chunks that only "Edit" in a detail and a measure's forms reach, through their dynamic imports. */
export const EDIT_ENTRIES = ['src/components/item-editors.tsx', 'src/features/figure-detail/measure-forms.tsx'];
/** The chunks only a workspace server brings in: the sync (loaded when one answers) and the dialogs. */
export const WORKSPACE_ENTRIES = [
  'src/features/workspace/workspace-button.tsx',
  'src/state/workspace/workspace-sync.ts',
  'src/features/workspace/workspace-dialogs.tsx',
];
/** How Vite names the emitted extraction worker (`src/extract/worker.ts`), for a worker the manifest does not list. */
const WORKER_FILE = /^assets\/worker-[\w-]+\.js$/;
/** How Vite names the dashboard's background workers (`src/…/<name>-worker.ts`). */
const BACKGROUND_WORKER_FILE = /^assets\/[a-z]+-worker-[\w-]+\.js$/;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const isJs = (file: string) => file.endsWith('.js');

function readManifest(dist: string): Manifest {
  const path = join(dist, '.vite', 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: build with build.manifest (vite.config.ts) to measure the bundle groups`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/**
 * The .js files reachable from these manifest keys through static imports, dynamic imports (unless
 * `staticOnly`) and .js assets (workers), never entering a key in `stop`.
 */
function reachable(manifest: Manifest, from: readonly string[], stop: ReadonlySet<string>, staticOnly = false) {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || stop.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    if (isJs(chunk.file)) files.add(chunk.file);
    if (!staticOnly) for (const asset of chunk.assets ?? []) if (isJs(asset)) files.add(asset);
    for (const next of chunk.imports ?? []) visit(next);
    if (!staticOnly) for (const next of chunk.dynamicImports ?? []) visit(next);
  };
  from.forEach(visit);
  return files;
}

/**
 * A source's key in the manifest: its path, or, for a module Rollup put in a shared chunk (imported both
 * statically and dynamically), that chunk's key (`_<name>-<hash>.js`).
 */
function keyOf(manifest: Manifest, source: string): string {
  if (manifest[source]) return source;
  const name = source
    .split('/')
    .pop()!
    .replace(/\.tsx?$/, '');
  return Object.keys(manifest).find((k) => new RegExp(`^_${name}-[\\w-]+\\.js$`).test(k)) ?? source;
}

export function bundleSizes(dist: string): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const manifest = readManifest(dist);
  const WORKSPACE_KEYS = WORKSPACE_ENTRIES.map((source) => keyOf(manifest, source));
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  const missing = [...ENGINE_ENTRIES, ...EXPORT_ENTRIES, ...EDIT_ENTRIES, ...WORKSPACE_KEYS].filter(
    (key) => !manifest[key],
  );
  if (missing.length > 0) throw new Error(`the build has no chunk for ${missing.join(', ')} (.vite/manifest.json)`);

  // The first paint: what index.html loads, and the entry's static imports.
  const initial = new Set([
    ...[...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map(
      (m) => m[1]!,
    ),
    ...reachable(manifest, entries, new Set(), true),
  ]);
  // What the page can load while the add-article dialog is never opened and nothing is exported.
  const withoutEngine = reachable(
    manifest,
    entries,
    new Set([...ENGINE_ENTRIES, ...EXPORT_ENTRIES, ...EDIT_ENTRIES, ...WORKSPACE_KEYS]),
  );
  // What the dialog brings in (shared chunks it imports are in `withoutEngine` already).
  const engine = new Set(
    [...reachable(manifest, ENGINE_ENTRIES, new Set([...EXPORT_ENTRIES, ...EDIT_ENTRIES, ...WORKSPACE_KEYS]))].filter(
      (f) => !withoutEngine.has(f) && !initial.has(f),
    ),
  );
  // What the PowerPoint export brings in.
  const exporter = new Set(
    [...reachable(manifest, EXPORT_ENTRIES, new Set([...ENGINE_ENTRIES, ...EDIT_ENTRIES, ...WORKSPACE_KEYS]))].filter(
      (f) => !withoutEngine.has(f) && !initial.has(f) && !engine.has(f),
    ),
  );
  // What the correction and measure forms bring in.
  const editor = new Set(
    [...reachable(manifest, EDIT_ENTRIES, new Set([...ENGINE_ENTRIES, ...EXPORT_ENTRIES, ...WORKSPACE_KEYS]))].filter(
      (f) => !withoutEngine.has(f) && !initial.has(f) && !engine.has(f) && !exporter.has(f),
    ),
  );

  // What a workspace server brings in (shared chunks already counted elsewhere stay there).
  const workspace = new Set(
    [...reachable(manifest, WORKSPACE_KEYS, new Set([...ENGINE_ENTRIES, ...EXPORT_ENTRIES, ...EDIT_ENTRIES]))].filter(
      (f) => !withoutEngine.has(f) && !initial.has(f) && !engine.has(f) && !exporter.has(f) && !editor.has(f),
    ),
  );

  const assets = readdirSync(join(dist, 'assets'))
    .filter(isJs)
    .map((f) => `assets/${f}`);
  const pageScripts = [...initial].filter((f) => !f.startsWith('assets/'));
  const groupOf = (file: string): BundleGroup => {
    if (initial.has(file)) return 'initial';
    if (BACKGROUND_WORKER_FILE.test(file)) return 'workers';
    if (engine.has(file)) return 'engine';
    if (exporter.has(file)) return 'export';
    if (editor.has(file)) return 'edit';
    if (workspace.has(file)) return 'workspace';
    if (withoutEngine.has(file)) return 'dashboard';
    // Not in the manifest's graph: the extraction worker under its emitted name, else counted as the dashboard's.
    return WORKER_FILE.test(file) ? 'engine' : 'dashboard';
  };
  const files = [...new Set([...assets, ...pageScripts])].map((file): BundleFile => {
    const group = groupOf(file);
    return { file, gzip: gz(join(dist, file)), group, initial: group === 'initial' };
  });
  const sum = (groups: readonly BundleGroup[]) =>
    files.filter((f) => groups.includes(f.group)).reduce((n, f) => n + f.gzip, 0);
  const sw = readdirSync(dist).filter((f) => f === 'sw.js' || /^workbox-.*\.js$/.test(f));
  return {
    initialJs: sum(['initial']),
    dashboardJs: sum(['initial', 'dashboard']),
    engineJs: sum(['engine']),
    exportJs: sum(['export']),
    editJs: sum(['edit']),
    workspaceJs: sum(['workspace']),
    workersJs: sum(['workers']),
    totalJs: sum(['initial', 'dashboard', 'engine', 'export', 'edit', 'workspace', 'workers']),
    serviceWorkerJs: sw.reduce((n, f) => n + gz(join(dist, f)), 0),
    files,
  };
}
