/**
 * Checks against the map with the real data (data/checks.json, data/figures.json, data/geo/history). Expected
 * numbers are SOURCES.md's, which states them to 0.1 sq mi / 0.01 %: matched to that rounding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import figuresJson from '../../../data/figures.json';
import checksJson from '../../../data/checks.json';
import { agreement, checksForFigure, evaluateCheck, parseChecks, type Check, type CheckData } from './checks';
import { parseDailySeries, parseMonthlyGains } from './frontline';
import { occupiedAreaKm2 } from './frontline-geometry';
import type { Figure } from '../dataset/schema';

const root = join(import.meta.dirname, '../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const figures = figuresJson as Figure[];
const data: CheckData = {
  figures,
  daily: parseDailySeries(readJson('data/geo/history/occupied_area_daily.json')),
  gains: parseMonthlyGains(readJson('data/geo/history/monthly_gains.json')),
};
const checks = parseChecks(checksJson, figures);
const byId = (id: string) => checks.find((c) => c.id === id)!;

describe('checks.json', () => {
  it('is valid and names existing figures: the ISW January/December figure and the fifth of Ukraine', () => {
    expect(checks.map((c) => [c.figureId, c.kind])).toEqual([
      ['russia-gains-january-vs-december', 'monthly-gain-difference'],
      ['occupied-share-of-ukraine', 'occupied-share'],
    ]);
    expect(checksForFigure(checks, 'occupied-share-of-ukraine')).toHaveLength(1);
    expect(checksForFigure(checks, 'russia-tanks-lost-2024')).toEqual([]);
  });

  it('states Ukraine’s area as the shipped base map measures it (within 0.05 km²)', () => {
    const check = byId('reuters-fifth-of-ukraine');
    if (check.kind !== 'occupied-share') throw new Error('wrong kind');
    expect(check.ukraineArea.basis).toBe('base-map');
    const measured = occupiedAreaKm2(readJson(check.ukraineArea.file!) as FeatureCollection);
    expect(Math.abs(measured - check.ukraineArea.km2)).toBeLessThan(0.05);
  });

  it('names the problem: unknown figure, unknown kind, bad tolerance, duplicate id', () => {
    const first = checksJson.checks[0]!;
    const file = (checks: unknown[]) => ({ ...checksJson, checks });
    expect(() => parseChecks(file([{ ...first, figureId: 'nope' }]), figures)).toThrow(
      'checks.json: checks.0.figureId: unknown figure "nope"',
    );
    expect(() => parseChecks(file([{ ...first, kind: 'kursk-area' }]), figures)).toThrow(/checks\.0\.kind/);
    expect(() => parseChecks(file([{ ...first, tolerance: { ...first.tolerance, close: 1 } }]), figures)).toThrow(
      /checks\.0\.tolerance\.close: "close" must be at least "agrees"/,
    );
    expect(() => parseChecks(file([first, first]), figures)).toThrow(/checks\.1\.id: duplicate id/);
  });
});

describe('monthly-gain-difference: ISW, about 40 fewer square miles in January than in December', () => {
  const result = evaluateCheck(byId('isw-january-vs-december-gains'), data);

  it('puts DeepState’s December and January gains and their difference beside the unchanged claim', () => {
    expect(result.claim).toEqual({
      value: -40,
      unit: 'square-miles',
      qualifier: 'about',
      stated: 'about 40 fewer square miles',
      claimant: 'Institute for the Study of War',
    });
    expect(result.values.slice(0, 3)).toEqual([
      {
        id: '2024-12',
        label: 'Net gain, December',
        value: 149.2,
        unit: 'square-miles',
        km2: 386.4,
        from: '2024-11-30',
        to: '2024-12-30',
      },
      {
        id: '2025-01',
        label: 'Net gain, January',
        value: 127.9,
        unit: 'square-miles',
        km2: 331.2,
        from: '2024-12-30',
        to: '2025-01-31',
      },
      { id: 'difference', label: 'January minus December', value: -21.3, unit: 'square-miles', km2: -55.2 },
    ]);
    // SOURCES.md: the exact month-end updates of the second archive give −26.0 sq mi.
    expect(result.values[3]).toMatchObject({ id: 'difference-exact-month-ends', value: -26, km2: -67.4 });
    expect(result.computed).toEqual({ value: -21.3, unit: 'square-miles' });
    expect(result.difference).toEqual({ value: 18.7, unit: 'square-miles' });
    expect(result.agree).toBe('disagrees');
  });

  it('says it in plain words, with the dates and what the numbers are', () => {
    expect(result.sentence).toBe(
      "DeepState's own maps give a net gain of 149 sq mi (386 km²) in December (30 Nov to 30 Dec 2024; no file for " +
        '31 Dec) and 128 sq mi (331 km²) in January (30 Dec 2024 to 31 Jan 2025): 21 sq mi fewer, against “about 40 ' +
        "fewer square miles” from the Institute for the Study of War. The map's difference is 19 sq mi smaller: they " +
        'disagree, though both have January below December. These are net changes of occupied area, not assessments ' +
        'by the Institute for the Study of War.',
    );
    expect(result.caveats.join(' ')).toMatch(/stale fetch.*exact month-end updates.*26 sq mi fewer/s);
    expect(result.attribution).toBe(
      'Front line: DeepStateMap.live (via cyterat/deepstate-map-data), situations 30 Nov 2024 to 31 Jan 2025',
    );
  });

  it('grades by the documented tolerance: within 5 sq mi agrees, within 10 close', () => {
    const withValue = (value: number): CheckData => ({
      ...data,
      figures: figures.map((f) => (f.id === 'russia-gains-january-vs-december' ? { ...f, value } : f)),
    });
    const grade = (value: number) => evaluateCheck(byId('isw-january-vs-december-gains'), withValue(value)).agree;
    expect([grade(-25), grade(-30), grade(-35), grade(-12)]).toEqual(['agrees', 'close', 'disagrees', 'close']);
  });
});

describe('occupied-share: Reuters, around a fifth of Ukraine', () => {
  const result = evaluateCheck(byId('reuters-fifth-of-ukraine'), data);

  it('gives the share the polygons give on 13 Feb 2025 (SOURCES.md: 18.75 %)', () => {
    expect(result.claim).toMatchObject({ value: 20, unit: 'percent', qualifier: 'about', stated: 'around a fifth' });
    expect(result.computed).toEqual({ value: 18.75, unit: 'percent' });
    expect(result.values).toContainEqual({
      id: 'occupied-area',
      label: 'Occupied area',
      value: 43229.4,
      unit: 'square-miles',
      km2: 111963.6,
      date: '2025-02-13',
    });
    expect(result.difference).toEqual({ value: -1.25, unit: 'percentage-points' });
    expect(result.agree).toBe('agrees');
    expect(result.sentence).toBe(
      "DeepState's map of 13 Feb 2025 shows 111,964 km² (43,229 sq mi) occupied: 18.7 % of Ukraine's 597,213 km² " +
        '(the shipped base map, measured the same way), against “around a fifth” (20 %) from Reuters: 1.3 percentage ' +
        'points lower, so they agree. The occupied area includes Crimea and the areas held before 2022.',
    );
    expect(result.caveats.join(' ')).toMatch(/603,550 km².*18\.55 %/);
  });

  it('refuses a figure in a unit the computation does not give, rather than converting the claim', () => {
    const check: Check = { ...byId('reuters-fifth-of-ukraine'), figureId: 'russia-tanks-lost-2024' } as Check;
    expect(() => evaluateCheck(check, data)).toThrow(/is in tanks, a occupied-share check needs percent/);
  });
});

describe('agreement', () => {
  it('counts a value on a bound as inside it, either side of the claim', () => {
    const t = { agrees: 5, close: 10 };
    expect([agreement(5, t), agreement(-5, t), agreement(5.01, t), agreement(-10, t), agreement(10.01, t)]).toEqual([
      'agrees',
      'agrees',
      'close',
      'close',
      'disagrees',
    ]);
  });
});
