/**
 * The front-line model against the numbers in data/geo/history/SOURCES.md (computed there with
 * @turf/turf 7.4 and written to 0.1 km² / 0.1 sq mi). Tolerances: an area SOURCES.md states to 0.1 km² is
 * matched within 0.05 km² (its rounding; we use the same spherical turf algorithm, so nothing else differs);
 * a share stated to 0.01 % within 0.005 points.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  KM2_PER_SQ_MI,
  addDays,
  dailyEntry,
  km2ToSqMi,
  monthlyGain,
  parseDailySeries,
  parseFrontlineIndex,
  parseMonthlyGains,
  situationAt,
  situationOnOrBefore,
  latestSituation,
  situations,
  sqMiToKm2,
} from './frontline';
import { difference, occupiedAreaKm2 } from './frontline-geometry';

const root = join(import.meta.dirname, '../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const history = (file: string) => readJson(`data/geo/history/${file}`);
const situationFile = (date: string) => history(`monthly/occupied_${date}.geojson`) as FeatureCollection;

const daily = parseDailySeries(history('occupied_area_daily.json'));
const gains = parseMonthlyGains(history('monthly_gains.json'));
const index = parseFrontlineIndex(readJson('public/frontline/index.json'));

describe('the daily series', () => {
  it('has one entry a day from 7 Jul 2024 to 21 Aug 2026, with the gaps and flags SOURCES.md lists', () => {
    expect(daily).toHaveLength(776);
    expect(daily[0]!.situation).toBe('2024-07-07');
    expect(daily.at(-1)!.situation).toBe('2026-08-21');
    expect(daily.filter((d) => d.gap).map((d) => d.situation)).toEqual([
      '2024-08-17',
      '2024-08-18',
      '2024-12-31',
      '2025-03-30',
      '2025-03-31',
      '2025-11-25',
      '2026-07-08',
    ]);
    expect(daily.filter((d) => d.gap).every((d) => d.areaKm2 === null && d.changeKm2 === null)).toBe(true);
    expect(daily.filter((d) => d.staleFetch)).toHaveLength(75);
    expect(daily.filter((d) => d.backfilled)).toHaveLength(22);
    expect(daily.filter((d) => d.suspect).map((d) => d.situation)).toEqual(['2025-05-24', '2025-07-03', '2026-08-12']);
    expect(dailyEntry(daily, '2024-12-30')).toMatchObject({ areaKm2: 111568.2, staleFetch: true });
    expect(dailyEntry(daily, '2025-08-04')?.note).toMatch(/re-fetched/);
  });

  it('names the entry and field of a malformed day, and refuses a missing day', () => {
    const raw = history('occupied_area_daily.json') as Record<string, unknown>[];
    const withArea = raw.map((d, i) => (i === 41 ? { ...d, area_km2: 1 } : d));
    expect(() => parseDailySeries(withArea)).toThrow(/daily\.json: 41: a day has an area exactly when it is not a gap/);
    expect(() => parseDailySeries(raw.filter((_, i) => i !== 10))).toThrow(/10\.situation: days must be consecutive/);
  });
});

describe('monthly gains', () => {
  it('gives December 2024 (to 30 Dec) and January 2025 as in SOURCES.md', () => {
    const dec = monthlyGain(gains, '2024-12')!;
    const jan = monthlyGain(gains, '2025-01')!;
    expect(dec).toMatchObject({ fromSituation: '2024-11-30', toSituation: '2024-12-30', days: 30, gainKm2: 386.4 });
    expect(jan).toMatchObject({ fromSituation: '2024-12-30', toSituation: '2025-01-31', days: 32, gainKm2: 331.2 });
    expect(dec.flags.join(' ')).toMatch(/stale fetch.*not the last day of its month/);
    // SOURCES.md: +149.2 and +127.9 sq mi, January − December = −55.2 km² = −21.3 sq mi (each to 0.1).
    expect(km2ToSqMi(dec.gainKm2)).toBeCloseTo(149.2, 1);
    expect(km2ToSqMi(jan.gainKm2)).toBeCloseTo(127.9, 1);
    expect(jan.gainKm2 - dec.gainKm2).toBeCloseTo(-55.2, 6);
    expect(km2ToSqMi(jan.gainKm2 - dec.gainKm2)).toBeCloseTo(-21.3, 1);
  });

  it('agrees with the daily series at every month end (areas rounded to 0.1 km², so within 0.1)', () => {
    expect(gains.months).toHaveLength(24);
    for (const m of gains.months) {
      expect(dailyEntry(daily, m.fromSituation)?.areaKm2).toBe(m.fromAreaKm2);
      expect(dailyEntry(daily, m.toSituation)?.areaKm2).toBe(m.toAreaKm2);
      expect(Math.abs(m.toAreaKm2 - m.fromAreaKm2 - m.gainKm2)).toBeLessThanOrEqual(0.1 + 1e-9);
    }
  });
});

describe('areas', () => {
  it('measures the drawn situations as SOURCES.md states them (simplified outlines, within 0.05 km²)', () => {
    expect(Math.abs(occupiedAreaKm2(situationFile('2025-02-13')) - 111_986.4)).toBeLessThan(0.05);
    expect(Math.abs(occupiedAreaKm2(situationFile('2024-08-01')) - 109_219.3)).toBeLessThan(0.05);
    expect(Math.abs(occupiedAreaKm2(situationFile('2025-01-31')) - 111_924.7)).toBeLessThan(0.05);
  });

  it('measures the full 13 Feb 2025 layer and Ukraine as SOURCES.md does', () => {
    const full = readJson('data/geo/occupied_ua_2025-02-13.geojson') as FeatureCollection;
    expect(Math.abs(occupiedAreaKm2(full) - 111_962.89)).toBeLessThan(0.005);
    const ukraine = occupiedAreaKm2(readJson('data/geo/ukraine_oblasts_ne.geojson') as FeatureCollection);
    expect(Math.abs(ukraine - 597_213.0)).toBeLessThan(0.05);
    // "Share, using the oblast sum: 18.75 %" (the unsimplified area of 13 Feb 2025 over the base map's Ukraine).
    expect((dailyEntry(daily, '2025-02-13')!.areaKm2! / ukraine) * 100).toBeCloseTo(18.75, 2);
  });

  it('converts km² and square miles with 1 sq mi = 2.589988 km²', () => {
    expect(KM2_PER_SQ_MI).toBe(2.589988);
    expect(sqMiToKm2(1)).toBe(2.589988);
    expect(km2ToSqMi(sqMiToKm2(40))).toBeCloseTo(40, 10);
    expect(km2ToSqMi(111_963.6)).toBeCloseTo(43_229.4, 1);
  });
});

describe('difference', () => {
  const box = (w: number, e: number): Polygon => ({
    type: 'Polygon',
    coordinates: [
      [
        [w, 0],
        [e, 0],
        [e, 1],
        [w, 1],
        [w, 0],
      ],
    ],
  });

  it('splits two overlapping shapes into what was taken and what was retaken', () => {
    const result = difference(box(0, 1), box(0.5, 1.5));
    expect(result.taken.coordinates).toHaveLength(1);
    expect(result.retaken.coordinates).toHaveLength(1);
    // Each side is exactly a half-degree box: same area, measured independently.
    expect(result.takenKm2).toBeCloseTo(occupiedAreaKm2(box(1, 1.5)), 6);
    expect(result.retakenKm2).toBeCloseTo(occupiedAreaKm2(box(0, 0.5)), 6);
    expect(difference(box(0, 1), box(0, 1))).toMatchObject({ takenKm2: 0, retakenKm2: 0 });
  });

  it('shows the ground taken between 1 Aug 2024 and 13 Feb 2025, net equal to the change of the drawn areas', () => {
    const a = situationFile('2024-08-01');
    const b = situationFile('2025-02-13');
    const result = difference(a, b);
    const net = occupiedAreaKm2(b) - occupiedAreaKm2(a);
    // area(b) − area(a) = area(b∖a) − area(a∖b) exactly; 0.01 km² allows for the clipper's rounding of vertices.
    expect(Math.abs(result.takenKm2 - result.retakenKm2 - net)).toBeLessThan(0.01);
    // The full-resolution series says +2,757.5 km² (111,963.6 − 109,206.1); the simplified outlines give a net
    // within 15 km² of it (each outline is within 0.026 % of its full area, SOURCES.md).
    expect(Math.abs(net - 2757.5)).toBeLessThan(15);
    expect(result.takenKm2).toBeGreaterThan(2700);
    // What Ukraine "retook" here is mostly simplification noise along 1,000+ km of line: small, but not zero.
    expect(result.retakenKm2).toBeLessThan(100);
  });

  it('finds little between two consecutive days (31 Jan and 1 Feb 2025: +2.5 km² in the daily series)', () => {
    const result = difference(situationFile('2025-01-31'), situationFile('2025-02-01'));
    expect(result.takenKm2 - result.retakenKm2).toBeCloseTo(2.5, 0);
    expect(result.takenKm2 + result.retakenKm2).toBeLessThan(10);
  });
});

describe('the index', () => {
  it('lists the 27 situations in date order with areas, files and flags, and the as-of date', () => {
    const list = situations(index);
    expect(list).toHaveLength(27);
    expect(list[0]!.date).toBe('2024-08-01');
    expect(list.at(-1)!.date).toBe('2026-08-01');
    expect(index.asOf).toBe('2025-02-13');
    expect(situationAt(index, '2025-02-13')).toMatchObject({
      kind: 'exact',
      file: 'situations/2025-02-13.geojson',
      areaKm2: 111963.6,
      drawnAreaKm2: 111986.4,
      sourceFile: 'deepstatemap_data_20250214.geojson',
    });
    expect(situationAt(index, '2024-12-31')).toBeUndefined();
    // The situation a dashboard opens on: the newest on or before its articles' date, else the earliest.
    expect(situationOnOrBefore(index, '2025-02-14').date).toBe('2025-02-13');
    expect(situationOnOrBefore(index, '2025-03-15').date).toBe('2025-03-01');
    expect(situationOnOrBefore(index, '2026-12-01').date).toBe('2026-08-01');
    expect(situationOnOrBefore(index, '2020-01-01').date).toBe('2024-08-01');
    expect(latestSituation(index).date).toBe('2026-08-01');
    expect(list.filter((s) => s.flags.includes('stale-fetch')).map((s) => s.date)).toEqual([
      '2025-05-01',
      '2025-06-01',
      '2025-07-01',
      '2025-08-01',
    ]);
  });

  it('refuses an index out of date order or without its as-of situation', () => {
    const raw = readJson('public/frontline/index.json') as { situations: unknown[]; asOf: string };
    expect(() => parseFrontlineIndex({ ...raw, situations: [...raw.situations].reverse() })).toThrow(
      /situations\.1\.date: situations must be in date order/,
    );
    expect(() => parseFrontlineIndex({ ...raw, asOf: '2024-12-31' })).toThrow(/asOf: no situation/);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
