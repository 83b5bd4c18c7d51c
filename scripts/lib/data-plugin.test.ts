import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { checkDataDir, dataPlugin, datasetModuleCode, DATASET_MODULE_ID } from './data-plugin';

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
