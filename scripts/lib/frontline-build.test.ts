import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontlineOutputs } from './frontline-build';

const root = join(import.meta.dirname, '../..');
const history = join(root, 'data/geo/history');
const pub = join(root, 'public/frontline');

describe('build-frontline', () => {
  const outputs = frontlineOutputs(history);

  it('wrote public/frontline from data/geo/history as it stands (run npm run build:frontline if not)', () => {
    expect(JSON.parse(readFileSync(join(pub, 'index.json'), 'utf8'))).toEqual(outputs.index);
    expect(JSON.parse(readFileSync(join(pub, 'daily.json'), 'utf8'))).toEqual(outputs.daily);
    expect(JSON.parse(readFileSync(join(pub, 'gains.json'), 'utf8'))).toEqual(outputs.gains);
    expect(readdirSync(join(pub, 'situations')).sort()).toEqual(
      [...outputs.situations.keys()].map((f) => f.replace('situations/', '')).sort(),
    );
    for (const [file, text] of outputs.situations) expect(readFileSync(join(pub, file), 'utf8')).toBe(text);
  });

  it('keeps the shipped files small: about 25 KB a situation, the daily series without commits', () => {
    for (const s of outputs.index.situations) expect(s.bytes).toBeLessThan(27_000);
    expect(statSync(join(pub, 'daily.json')).size).toBeLessThan(120_000);
    expect(outputs.daily.some((d) => Object.hasOwn(d as object, 'commit'))).toBe(false);
  });

  it('copied SOURCES.md verbatim', () => {
    expect(readFileSync(join(history, 'SOURCES.md'), 'utf8')).toMatch(
      /attribute every layer and chart from this folder as: "Front line: DeepStateMap\.live \(via cyterat\/deepstate-map-data\), situation <date>"/,
    );
  });

  it('refuses a situation whose area disagrees with the daily series, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontline-'));
    try {
      cpSync(history, dir, { recursive: true });
      const file = join(dir, 'monthly/occupied_2025-02-13.geojson');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"area_km2":111963.6', '"area_km2":111000'));
      expect(() => frontlineOutputs(dir)).toThrow(
        'occupied_2025-02-13.geojson: area 111000 differs from the daily series (111963.6)',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
