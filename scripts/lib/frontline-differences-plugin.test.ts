// @vitest-environment node
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterEach, describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import {
  frontlineDifferencesPlugin,
  pairDifference,
  readFrontlineSituations,
  roundMultiPolygon,
  situationPairs,
} from './frontline-differences-plugin';
import { difference } from '../../src/model/frontline/frontline-geometry';
import {
  differenceFile,
  parseDifferenceAreas,
  parseDifferenceFile,
} from '../../src/model/frontline/frontline-difference';

const FRONTLINE = resolve(import.meta.dirname, '..', '..', 'public', 'frontline');
const situations = readFrontlineSituations(FRONTLINE);
const readSituation = (date: string) =>
  JSON.parse(readFileSync(join(FRONTLINE, 'situations', `${date}.geojson`), 'utf8')) as FeatureCollection;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of public/frontline with three situations (the as-of date among them), changed by `edit`. */
function fixture(edit: (dir: string) => void = () => undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'geobrief-frontline-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'situations'));
  const index = JSON.parse(readFileSync(join(FRONTLINE, 'index.json'), 'utf8')) as {
    situations: { date: string; file: string }[];
  };
  index.situations = index.situations.filter((s) => ['2024-08-01', '2025-02-01', '2025-02-13'].includes(s.date));
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index));
  for (const s of index.situations) cpSync(join(FRONTLINE, s.file), join(dir, s.file));
  edit(dir);
  return dir;
}

interface Emitted {
  fileName: string;
  source: string;
}

/** Runs the plugin's build hook on `dir`: what it emits, or the error it fails the build with. */
function runBuild(dir: string): Emitted[] {
  const plugin = frontlineDifferencesPlugin(dir);
  (plugin.configResolved as (c: unknown) => void)({ build: { ssr: false }, base: '/', logger: { error: () => {} } });
  const emitted: Emitted[] = [];
  const context = {
    emitFile: (file: Emitted) => emitted.push(file),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  (plugin.generateBundle as (this: unknown, o: unknown, b: Rollup.OutputBundle) => void).call(context, {}, {});
  return emitted;
}

describe('front-line differences at build time', () => {
  it('gives for a pair what difference() gives for it: the same areas, the shapes to 5 decimals', () => {
    const pair = pairDifference(situations, '2024-08-01', '2025-02-13');
    const direct = difference(readSituation('2024-08-01'), readSituation('2025-02-13'));
    expect(pair.takenKm2).toBeCloseTo(direct.takenKm2, 1);
    expect(pair.retakenKm2).toBeCloseTo(direct.retakenKm2, 1);
    // Not rounded: the very numbers the worker gave.
    expect(pair.takenKm2).toBe(direct.takenKm2);
    expect(pair.retakenKm2).toBe(direct.retakenKm2);
    expect(pair.takenKm2).toBeGreaterThan(2000);
    expect(pair.taken).toEqual(roundMultiPolygon(direct.taken));
    expect(pair.retaken).toEqual(roundMultiPolygon(direct.retaken));
    const decimals = pair.taken.coordinates.flat(2).flatMap((p) => p.map((n) => String(n).split('.')[1]?.length ?? 0));
    expect(Math.max(...decimals)).toBe(5);
    // What the page accepts.
    const file = differenceFile('2024-08-01', '2025-02-13');
    expect(parseDifferenceFile(JSON.parse(JSON.stringify(pair)), pair, file)).toEqual(pair);
  });

  it('emits every pair of situations, earlier first, and the areas of all of them in one index', () => {
    const emitted = runBuild(fixture());
    expect(emitted.map((e) => e.fileName)).toEqual([
      'frontline/differences/index.json',
      'frontline/differences/2024-08-01_2025-02-01.json',
      'frontline/differences/2024-08-01_2025-02-13.json',
      'frontline/differences/2025-02-01_2025-02-13.json',
    ]);
    const areas = parseDifferenceAreas(JSON.parse(emitted[0]!.source), 'index.json');
    expect(areas.pairs.map((p) => `${p.earlier}_${p.later}`)).toEqual([
      '2024-08-01_2025-02-01',
      '2024-08-01_2025-02-13',
      '2025-02-01_2025-02-13',
    ]);
    for (const [i, pair] of areas.pairs.entries()) {
      const file = JSON.parse(emitted[i + 1]!.source) as typeof pair;
      expect(pair).toEqual({
        earlier: file.earlier,
        later: file.later,
        takenKm2: file.takenKm2,
        retakenKm2: file.retakenKm2,
      });
    }
    // The index holds no shapes.
    expect(emitted[0]!.source).not.toContain('coordinates');
    // Deterministic: the same files, byte for byte, on a second run.
    expect(runBuild(fixture())).toEqual(emitted);
  });

  it('pairs the 27 shipped situations 351 ways, earlier first', () => {
    const pairs = situationPairs(situations.index);
    expect(situations.index.situations).toHaveLength(27);
    expect(pairs).toHaveLength(351);
    expect(pairs.every(([a, b]) => a.date < b.date)).toBe(true);
    expect(new Set(pairs.map(([a, b]) => differenceFile(a.date, b.date))).size).toBe(351);
  });

  it('fails the build naming a missing situation file', () => {
    const dir = fixture((d) => rmSync(join(d, 'situations', '2025-02-01.geojson')));
    expect(() => runBuild(dir)).toThrow(
      /^Front-line differences could not be computed: .*situations\/2025-02-01\.geojson is missing/,
    );
  });

  it('fails the build naming a malformed situation file or index', () => {
    const notPolygons = fixture((d) =>
      writeFileSync(join(d, 'situations', '2024-08-01.geojson'), '{"type":"FeatureCollection","features":[]}'),
    );
    expect(() => runBuild(notPolygons)).toThrow(
      /2024-08-01\.geojson: front-line situation 2024-08-01 is not a MultiPolygon FeatureCollection/,
    );
    const notJson = fixture((d) => writeFileSync(join(d, 'situations', '2025-02-13.geojson'), '{"type":'));
    expect(() => runBuild(notJson)).toThrow(/2025-02-13\.geojson is not valid JSON/);
    const badIndex = fixture((d) => {
      const index = JSON.parse(readFileSync(join(d, 'index.json'), 'utf8')) as { situations: unknown[] };
      index.situations.reverse();
      writeFileSync(join(d, 'index.json'), JSON.stringify(index));
    });
    expect(() => runBuild(badIndex)).toThrow(/index\.json: situations\.1\.date: situations must be in date order/);
  });
});
