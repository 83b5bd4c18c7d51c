import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { build } from 'vite';
import { checkDataDir, dataPlugin, datasetFetchModuleCode, datasetModuleCode, DATASET_MODULE_ID } from './data-plugin';

const DATA = resolve(import.meta.dirname, '..', '..', 'data');
const dirs: string[] = [];

/** A copy of data/ with figures.json changed by `edit`. */
function fixture(edit: (figures: Record<string, unknown>[]) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'geobrief-data-'));
  dirs.push(dir);
  cpSync(DATA, dir, { recursive: true });
  const figures = JSON.parse(readFileSync(join(dir, 'figures.json'), 'utf8')) as Record<string, unknown>[];
  edit(figures);
  writeFileSync(join(dir, 'figures.json'), JSON.stringify(figures));
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the build-time data check', () => {
  it('passes the shipped data and emits them as a frozen module value', async () => {
    const result = checkDataDir(DATA);
    expect(result.ok).toBe(true);
    const code = datasetModuleCode(result);
    const { loaded } = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as {
      loaded: typeof result;
    };
    expect(loaded).toEqual(result);
    if (!loaded.ok) throw new Error('expected ok');
    expect(Object.isFrozen(loaded.dataset.figures[0])).toBe(true);
  });

  it('names the file, the index and the field of a malformed figure', () => {
    const dir = fixture((figures) => {
      figures[2]!['value'] = 'many';
    });
    const result = checkDataDir(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.stringMatching(/^figures\.json\[2\]\.value: .*expected number/i)]);
  });

  it('cross-checks ids across files', () => {
    const dir = fixture((figures) => {
      figures[0]!['sourceId'] = 'no-such-source';
    });
    const result = checkDataDir(dir);
    expect(result.ok ? [] : result.errors).toEqual([
      'figures.json[0].sourceId: unknown source "no-such-source" (not in sources.json)',
    ]);
  });

  it('names a file that is not JSON', () => {
    const dir = fixture(() => undefined);
    writeFileSync(join(dir, 'events.json'), '[{');
    const result = checkDataDir(dir);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(/^events\.json: not valid JSON/)]);
  });

  it('fails the build with the same messages', async () => {
    const dir = fixture((figures) => {
      figures[1]!['quote'] = '';
    });
    const entry = join(dir, 'entry.js');
    writeFileSync(entry, `import { loaded } from '${DATASET_MODULE_ID}';\nconsole.log(loaded);\n`);
    await expect(
      build({
        configFile: false,
        logLevel: 'silent',
        root: dir,
        plugins: [dataPlugin(dir)],
        build: { write: false, lib: { entry, formats: ['es'] } },
      }),
    ).rejects.toThrow(/figures\.json\[1\]\.quote: /);
  });
});

/** Imports module code as an ES module (a data: URL; each code text is a module of its own). */
async function importCode<T>(code: string): Promise<T> {
  return (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as T;
}

describe("the dataset as a JSON asset (the page's production build)", () => {
  const result = checkDataDir(DATA);

  it('fetches the JSON once, when first asked, and freezes it', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(result), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const { loadDataset } = await importCode<{ loadDataset: () => Promise<typeof result> }>(
      datasetFetchModuleCode('"https://example.test/assets/dataset-ok.json"'),
    );
    expect(fetch).not.toHaveBeenCalled();
    const loaded = await loadDataset();
    expect(await loadDataset()).toBe(loaded);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('https://example.test/assets/dataset-ok.json');
    expect(loaded).toEqual(result);
    if (!loaded.ok) throw new Error('expected ok');
    expect(Object.isFrozen(loaded.dataset.figures[0])).toBe(true);
    vi.unstubAllGlobals();
  });

  it('gives the LoadError shape, naming the file and the HTTP status, when the server fails', async () => {
    vi.stubGlobal('fetch', async () => new Response('missing', { status: 404, statusText: 'Not Found' }));
    const { loadDataset } = await importCode<{ loadDataset: () => Promise<unknown> }>(
      datasetFetchModuleCode('"https://example.test/assets/dataset-404.json"'),
    );
    expect(await loadDataset()).toEqual({
      ok: false,
      errors: ['dataset.json: could not be loaded (HTTP 404 Not Found)'],
    });
    vi.unstubAllGlobals();
  });

  it('gives the LoadError shape when the network fails or the answer is not JSON', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const offline = await importCode<{ loadDataset: () => Promise<unknown> }>(
      datasetFetchModuleCode('"https://example.test/assets/dataset-offline.json"'),
    );
    expect(await offline.loadDataset()).toEqual({
      ok: false,
      errors: ['dataset.json: could not be loaded (Failed to fetch)'],
    });
    vi.stubGlobal('fetch', async () => new Response('<!doctype html>', { status: 200 }));
    const html = await importCode<{ loadDataset: () => Promise<{ ok: boolean; errors: string[] }> }>(
      datasetFetchModuleCode('"https://example.test/assets/dataset-html.json"'),
    );
    const failed = await html.loadDataset();
    expect(failed.ok).toBe(false);
    expect(failed.errors).toEqual([expect.stringMatching(/^dataset\.json: could not be loaded \(.*JSON/)]);
    vi.unstubAllGlobals();
  });

  it('builds the page with the data as a hashed JSON asset, fetched by a chunk of its own and preloaded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'geobrief-build-'));
    dirs.push(dir);
    // As in the app: src/main.tsx imports src/model/dataset/dataset.ts dynamically, which re-exports the virtual module.
    mkdirSync(join(dir, 'src', 'model', 'dataset'), { recursive: true });
    writeFileSync(
      join(dir, 'main.js'),
      `import('/src/model/dataset/dataset.ts').then(({ loadDataset }) => loadDataset()).then((d) => console.log(d.ok));\n`,
    );
    writeFileSync(
      join(dir, 'src', 'model', 'dataset', 'dataset.ts'),
      `export { loadDataset } from '${DATASET_MODULE_ID}';\n`,
    );
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html><head><title>t</title></head><body><script type="module" src="/main.js"></script></body></html>',
    );
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      plugins: [dataPlugin(DATA)],
      build: { write: false, target: 'es2022' },
    })) as {
      output: (
        | { type: 'chunk'; fileName: string; code: string }
        | { type: 'asset'; fileName: string; source: string | Uint8Array }
      )[];
    };
    const files = output.output;
    const json = files.find((f) => /^assets\/dataset-[\w-]+\.json$/.test(f.fileName));
    expect(json, files.map((f) => f.fileName).join(', ')).toBeDefined();
    expect(JSON.parse(String(json!.type === 'asset' ? json!.source : ''))).toEqual(checkDataDir(DATA));
    const chunks = files.filter((f): f is { type: 'chunk'; fileName: string; code: string } => f.type === 'chunk');
    const fetching = chunks.filter((c) => c.code.includes(json!.fileName.slice('assets/'.length)));
    expect(fetching).toHaveLength(1);
    // No top-level await (Rolldown would turn its chunk optimisations off for the whole build).
    expect(fetching[0]!.code).not.toMatch(/^await|[;}]\s*await\b/m);
    // No chunk carries the data themselves.
    expect(chunks.every((c) => !c.code.includes('"figures"') && !c.code.includes('\\"figures\\"'))).toBe(true);
    const html = files.find((f) => f.fileName === 'index.html');
    expect(html?.type === 'asset' ? String(html.source) : '').toContain(
      `<link rel="preload" as="fetch" crossorigin href="/${json!.fileName}">`,
    );
  });
});
