import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticles } from './extract-bench';
import { editJsonArray, importPack } from './import-pack';
import { verifySources, type VerifyInput } from './verify-sources';
import { parseDataset, type RawDataset } from '../../src/model/dataset/load-dataset';
import { DATA_FILES, type DataFileName } from '../../src/model/dataset/schema';
import {
  makePack,
  makePackActor,
  makePackFigure,
  PACK_ARTICLE_TEXT,
  PACK_SOURCE_ID,
} from '../../src/model/pack/pack.fixtures';
import type { Pack } from '../../src/model/pack/pack-schema';

const DATA = resolve(import.meta.dirname, '..', '..', 'data');
const FILES = Object.keys(DATA_FILES) as DataFileName[];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'geobrief-import-'));
  for (const file of FILES) cpSync(join(DATA, `${file}.json`), join(dir, `${file}.json`));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file of the data folder, by name, to see that nothing changed. */
function snapshot(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = readFileSync(join(folder, entry.name), 'utf8');
    }
  };
  walk(dir, '');
  return files;
}
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const loadDir = () => parseDataset(Object.fromEntries(FILES.map((f) => [f, readJson(`${f}.json`)])) as RawDataset);
const text = (pack: Pack | Record<string, unknown>) => JSON.stringify(pack, null, 2);

describe('importPack', () => {
  it('merges the accepted items, keeps the article and the data still loads and verifies', async () => {
    const report = await importPack(text(makePack()), dir);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.added).toEqual([
      `sources: ${PACK_SOURCE_ID}`,
      `figures: ${PACK_SOURCE_ID}-war-length-1, ${PACK_SOURCE_ID}-recruitment-ages-2`,
      'actors: russian-armed-forces',
      'statements: 1 by ben-barry',
      `events: ${PACK_SOURCE_ID}-recruitment-drive`,
    ]);
    expect(readFileSync(join(dir, 'articles', `${PACK_SOURCE_ID}.txt`), 'utf8')).toBe(PACK_ARTICLE_TEXT);

    const loaded = loadDir();
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
    if (!loaded.ok) return;
    const source = loaded.dataset.sources.find((s) => s.id === PACK_SOURCE_ID)!;
    expect(source).toEqual({
      id: PACK_SOURCE_ID,
      publisher: 'Reuters',
      outlet: 'Daily Maverick',
      title: 'Russia able to fight on in Ukraine for another year, say military experts',
      published: '2025-02-12',
      articleFile: `${PACK_SOURCE_ID}.txt`,
    });
    const figure = loaded.dataset.figures.at(-1)!;
    expect(figure).not.toHaveProperty('status');
    expect(figure).not.toHaveProperty('addedAt');

    const articles = { ...readArticles(join(DATA, 'articles')), [`${PACK_SOURCE_ID}.txt`]: PACK_ARTICLE_TEXT };
    expect(verifySources({ ...(loaded.dataset as unknown as VerifyInput), seeds: {}, articles })).toEqual([]);
  });

  it('keeps the existing text of every file and writes new items like their neighbours', async () => {
    const before = snapshot();
    await importPack(
      text(makePack({ countries: [{ id: 'PL', name: 'Poland' }], figures: [makePackFigure({ countries: ['PL'] })] })),
      dir,
    );
    const after = snapshot();
    // Appended: the old text is a prefix up to its closing bracket.
    for (const file of ['figures.json', 'events.json', 'sources.json', 'countries.json']) {
      expect(after[file]!.startsWith(before[file]!.slice(0, before[file]!.lastIndexOf('}') + 1))).toBe(true);
    }
    expect(after['countries.json']).toContain(
      '  { "id": "ZA", "name": "South Africa" },\n  { "id": "PL", "name": "Poland" }\n]',
    );
    expect(after['figures.json']).toContain('"value": 74000000000.0');
    expect(after['figures.json']).toContain('    "countries": [\n      "PL"\n    ],');
    // actors.json is Prettier-formatted: short lists on one line, the rest of the file untouched.
    expect(after['actors.json']).toContain('    "topics": ["military-balance"],\n    "statements": []');
    expect(after['actors.json']!.split('\n').length).toBe(before['actors.json']!.split('\n').length + 13);
    expect(before['places.json']).toBe(after['places.json']);
  });

  it('says everything is already there on a second import and changes nothing', async () => {
    await importPack(text(makePack()), dir);
    const before = snapshot();
    const report = await importPack(text(makePack()), dir);
    expect(report.ok).toBe(true);
    expect(report.added).toEqual([]);
    expect(report.written).toEqual([]);
    expect(report.skipped).toHaveLength(5);
    expect(report.skipped.every((line) => /already/.test(line))).toBe(true);
    expect(snapshot()).toEqual(before);
  });

  it("never writes the analyst's corrections into data/: a data file's edits are named and left out", async () => {
    const figure = (readJson('figures.json') as { id: string; unit: string }[])[0]!;
    const file = {
      format: 'geobrief-data',
      version: 1,
      exportedAt: '2026-12-07T09:00:00.000Z',
      packs: [makePack()],
      edits: {
        corrections: [
          {
            id: 'correction-0001',
            kind: 'figure',
            itemId: figure.id,
            at: '2026-12-07T08:00:00.000Z',
            by: 'you',
            changes: [{ field: 'unit', from: figure.unit, to: 'armoured-vehicles' }],
          },
        ],
      },
    };
    const figuresBefore = readFileSync(join(dir, 'figures.json'), 'utf8');
    const report = await importPack(text(file), dir);
    expect(report.ok).toBe(true);
    expect(report.skipped).toContain(
      'The file\'s 1 correction: not written to data/ (they stay the analyst\'s layer; "Import data pack" in the app keeps them)',
    );
    const after = JSON.parse(readFileSync(join(dir, 'figures.json'), 'utf8')) as { id: string; unit: string }[];
    expect(after.find((f) => f.id === figure.id)!.unit).toBe(figure.unit);
    expect(readFileSync(join(dir, 'figures.json'), 'utf8')).not.toBe(figuresBefore); // the pack's figures went in
  });

  it('writes nothing when the pack has errors, and names each by item and field', async () => {
    const before = snapshot();
    const pack = makePack({
      figures: [
        makePackFigure({ unit: 'x' }),
        makePackFigure({ id: 'b', quote: 'nearing its three-year mark, Ukraine said' }),
      ],
    });
    const report = await importPack(text(pack), dir);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      'pack.figures[0].unit: unknown unit "x" (not in units.json nor in pack.units)',
      'pack.figures[1].quote: not found verbatim in the article text',
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('says plainly what a file that is not a pack is', async () => {
    expect((await importPack('{"format":"geobrief-pack","version":2}', dir)).errors).toEqual([
      'version 2 packs are not supported: this dashboard reads version 1',
    ]);
    expect((await importPack('<html>', dir)).errors[0]).toMatch(/^This file is not JSON/);
  });

  it('names duplicates of shipped figures and skips them', async () => {
    const tanks = makePackFigure({
      id: 'tanks-again',
      value: 1400,
      unit: 'tanks',
      qualifier: 'exact',
      stated: '1,400',
      quote: 'Moscow lost 1,400 tanks in 2024',
    });
    const report = await importPack(text(makePack({ figures: [makePackFigure(), tanks] })), dir);
    expect(report.skipped).toEqual([
      'pack.figures[1] "tanks-again": skipped, a duplicate of "russia-tanks-lost-2024" (same quote, source and number)',
    ]);
    expect(report.added).toContain(`figures: ${PACK_SOURCE_ID}-war-length-1`);
  });

  it('imports only accepted items and says what it left out', async () => {
    const pack = makePack({
      figures: [makePackFigure({ status: 'proposed', actorIds: [] })],
      actors: [makePackActor({ status: 'rejected' })],
      events: [],
      statements: [],
    });
    const before = snapshot();
    const report = await importPack(text(pack), dir);
    expect(report.ok).toBe(true);
    expect(report.added).toEqual([]);
    expect(report.skipped).toEqual([
      `figures "${PACK_SOURCE_ID}-war-length-1": not accepted (proposed)`,
      'actors "russian-armed-forces": not accepted (rejected)',
    ]);
    expect(snapshot()).toEqual(before);
  });

  it('reads a data file exported from the app', async () => {
    const file = { format: 'geobrief-data', version: 1, exportedAt: '2026-11-22T05:00:00.000Z', packs: [makePack()] };
    const report = await importPack(text(file), dir);
    expect(report.ok).toBe(true);
    expect(report.written).toContain(`articles/${PACK_SOURCE_ID}.txt`);
  });

  it('refuses to replace a kept article with another text', async () => {
    await importPack(text(makePack()), dir);
    writeFileSync(join(dir, 'articles', `${PACK_SOURCE_ID}.txt`), 'Another text');
    const report = await importPack(text(makePack()), dir);
    expect(report.errors).toEqual([
      `articles/${PACK_SOURCE_ID}.txt: already there with a different text; the quotes must stand in one text`,
    ]);
  });

  it('reports invalid data in the folder instead of importing into it', async () => {
    writeFileSync(join(dir, 'figures.json'), '[');
    const report = await importPack(text(makePack()), dir);
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatch(/^figures\.json: not JSON/);
    expect(existsSync(join(dir, 'articles'))).toBe(false);
  });
});

describe('editJsonArray', () => {
  it('appends to an empty list', () => {
    expect(editJsonArray('[]\n', new Map(), [{ id: 'a' }], [{ id: 'a' }])).toBe('[\n  {\n    "id": "a"\n  }\n]\n');
  });

  it('replaces an item in place and keeps the others as written', () => {
    const text = '[\n  { "id": "a", "n": 1.0 },\n  { "id": "b" }\n]\n';
    expect(
      editJsonArray(
        text,
        new Map([[1, { id: 'b', x: [1] }]]),
        [],
        [
          { id: 'a', n: 1 },
          { id: 'b', x: [1] },
        ],
      ),
    ).toBe('[\n  { "id": "a", "n": 1.0 },\n  { "id": "b", "x": [1] }\n]\n');
  });

  it('falls back to plain JSON when the text is not a list', () => {
    expect(editJsonArray('{}', new Map(), [1], [1])).toBe('[\n  1\n]\n');
  });
});
