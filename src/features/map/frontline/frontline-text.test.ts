import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseFrontlineIndex, situationAt } from '../../../model/frontline/frontline';
import { difference, occupiedAreaKm2 } from '../../../model/frontline/frontline-geometry';
import {
  attributionFor,
  comparisonRows,
  describeFrontline,
  earlierSituations,
  km2AndSqMi,
  NOISE_NOTE,
  situationOptionText,
  stepSituation,
} from './frontline-text';

const root = process.cwd();
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const index = parseFrontlineIndex(JSON.parse(read('public/frontline/index.json')));
const situation = (date: string) => situationAt(index, date)!;
const geometry = (date: string) => JSON.parse(read(`public/frontline/${situation(date).file}`)) as FeatureCollection;
const sources = read('data/geo/history/SOURCES.md');

describe('stepping through the situations', () => {
  it('steps through the monthly and exact dates in order, and stops at either end', () => {
    expect(stepSituation(index, '2025-01-01', 1)).toBe('2025-01-31');
    expect(stepSituation(index, '2025-01-31', 1)).toBe('2025-02-01');
    expect(stepSituation(index, '2025-02-01', 1)).toBe('2025-02-13');
    expect(stepSituation(index, '2025-02-13', -1)).toBe('2025-02-01');
    expect(stepSituation(index, '2024-08-01', -1)).toBeNull();
    expect(stepSituation(index, '2026-08-01', 1)).toBeNull();
    expect(stepSituation(index, '2025-01-15', 1)).toBeNull();
  });

  it('offers only earlier situations to compare with, newest first', () => {
    const earlier = earlierSituations(index, '2025-02-13').map((s) => s.date);
    expect(earlier.slice(0, 3)).toEqual(['2025-02-01', '2025-01-31', '2025-01-01']);
    expect(earlier.at(-1)).toBe('2024-08-01');
    expect(earlierSituations(index, '2024-08-01')).toEqual([]);
  });

  it('names the options and the attribution as SOURCES.md asks', () => {
    expect(index.asOf).toBe('2025-02-13');
    expect(situationOptionText(situation('2025-02-13'), index.asOf)).toBe('13 Feb 2025 (as of the articles)');
    expect(situationOptionText(situation('2025-01-31'), index.asOf)).toBe('31 Jan 2025 (exact date)');
    expect(situationOptionText(situation('2025-01-01'), index.asOf)).toBe('1 Jan 2025');
    // SOURCES.md: "Front line: DeepStateMap.live (via cyterat/deepstate-map-data), situation <date>".
    expect(attributionFor('2025-01-01')).toBe(
      'Front line: DeepStateMap.live (via cyterat/deepstate-map-data), situation 1 Jan 2025',
    );
  });
});

describe('the comparison’s legend, against SOURCES.md', () => {
  const earlier = situation('2024-08-01');
  const later = situation('2025-02-13');
  const diff = difference(geometry('2024-08-01'), geometry('2025-02-13'));
  const rows = comparisonRows(diff, earlier, later);

  it('uses the areas SOURCES.md lists for the two situations', () => {
    // SOURCES.md, monthly table: 2024-08-01 109,206.1 (full) / 109,219.3 (simplified); 2025-02-13 111,963.6 (full).
    expect(sources).toContain(
      '| 2024-08-01 | `deepstatemap_data_20240802.geojson` @`17161a2` | 2024-08-01 20:40 UTC | 109,206.1 | 109,219.3',
    );
    expect(earlier.areaKm2).toBe(109206.1);
    expect(earlier.drawnAreaKm2).toBe(109219.3);
    expect(later.areaKm2).toBe(111963.6);
    // "The simplified monthly/occupied_2025-02-13.geojson measures 111,986.4 km²".
    expect(sources).toContain('measures 111,986.4 km²');
    expect(later.drawnAreaKm2).toBe(111986.4);
    expect(occupiedAreaKm2(geometry('2025-02-13'))).toBeCloseTo(111986.4, 0);
  });

  it('gives taken, retaken and the net change in km² and sq mi; the net matches the drawn areas', () => {
    // Taken − retaken equals the change of the drawn (simplified) areas: 111,986.4 − 109,219.3 = 2,767.1 km².
    expect(diff.takenKm2 - diff.retakenKm2).toBeCloseTo(111986.4 - 109219.3, 0);
    expect(diff.takenKm2).toBeGreaterThan(2767);
    expect(diff.retakenKm2).toBeGreaterThan(0);
    expect(rows.taken).toBe(km2AndSqMi(diff.takenKm2));
    expect(rows.taken).toMatch(/^[\d,]+ km² \([\d,]+ sq mi\)$/);
    expect(rows.netDrawn).toBe('+2,767 km² (+1,068 sq mi)');
    // The full outlines: 111,963.6 − 109,206.1 = 2,757.5 km² = 1,064.7 sq mi (1 sq mi = 2.589988 km²).
    expect(rows.netFull).toBe('+2,757.5 km² (+1,064.7 sq mi)');
  });

  it('states the simplification in SOURCES.md’s own numbers', () => {
    expect(sources).toContain('The tolerance used was 4.10e-3–5.00e-3°');
    expect(sources).toContain('553 m north–south');
    expect(sources).toContain('differs by 155 km² / 132 km² (outside / inside) because of the simplification');
    expect(NOISE_NOTE).toContain('0.0041–0.005°');
    expect(NOISE_NOTE).toContain('553 m');
    expect(NOISE_NOTE).toContain('155 km² outside and 132 km² inside');
  });

  it('describes the dates shown and the changes in words', () => {
    const lines = describeFrontline({ shown: later, earlier, diff });
    expect(lines[0]).toBe(
      'Front line of 13 Feb 2025 (DeepStateMap.live via cyterat/deepstate-map-data): occupied area ' +
        '111,963.6 km² (43,229.4 sq mi), drawn as a firm line around the occupied area.',
    );
    expect(lines[1]).toContain('Compared with 1 Aug 2024: ground taken by Russia');
    expect(lines[1]).toContain(rows.retaken);
    expect(lines[1]).toContain('+2,757.5 km² (+1,064.7 sq mi) on the full outlines');
    expect(describeFrontline({ shown: later })).toHaveLength(1);
    expect(describeFrontline({ shown: later, earlier })[1]).toBe('Comparison with 1 Aug 2024: not computed yet.');
  });
});
