import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MultiPolygon } from 'geojson';
import { clearFrontlineCache, loadDifference, loadDifferenceAreas } from './frontline-data';
import { differenceAreas, differenceFile, parseDifferenceAreas, parseDifferenceFile } from './frontline-difference';

const square: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [30, 48],
        [30.1, 48],
        [30.1, 48.1],
        [30, 48],
      ],
    ],
  ],
};
const pair = { earlier: '2024-08-01', later: '2025-02-13' };
const file = { ...pair, takenKm2: 2806.4, retakenKm2: 39.2, taken: square, retaken: { ...square, coordinates: [] } };
const label = differenceFile(pair.earlier, pair.later);

describe('the difference files the page fetches', () => {
  it('names a pair earlier first', () => {
    expect(label).toBe('differences/2024-08-01_2025-02-13.json');
  });

  it('accepts a pair file and says what is wrong with a malformed one, naming it', () => {
    expect(parseDifferenceFile(file, pair, label)).toBe(file);
    expect(() => parseDifferenceFile(null, pair, label)).toThrow(`${label}: not an object`);
    expect(() => parseDifferenceFile({ ...file, takenKm2: '2806' }, pair, label)).toThrow(
      `${label}: takenKm2 and retakenKm2 must be areas in km²`,
    );
    expect(() => parseDifferenceFile({ ...file, retaken: { type: 'Polygon', coordinates: [] } }, pair, label)).toThrow(
      `${label}: taken and retaken must be MultiPolygons`,
    );
    expect(() =>
      parseDifferenceFile({ ...file, taken: { type: 'MultiPolygon', coordinates: [[[[30, 'x']]]] } }, pair, label),
    ).toThrow(`${label}: taken and retaken must be MultiPolygons`);
    expect(() => parseDifferenceFile({ ...file, earlier: '2024-09-01' }, pair, label)).toThrow(
      `${label}: holds 2024-09-01 to 2025-02-13, not 2024-08-01 to 2025-02-13`,
    );
  });

  it('accepts the areas index and finds a pair in it', () => {
    const index = {
      format: 'geobrief-frontline-differences',
      version: 1,
      pairs: [{ ...pair, takenKm2: 1, retakenKm2: 2 }],
    };
    const parsed = parseDifferenceAreas(index, 'differences/index.json');
    expect(differenceAreas(parsed, '2024-08-01', '2025-02-13')).toEqual({ ...pair, takenKm2: 1, retakenKm2: 2 });
    expect(differenceAreas(parsed, '2025-02-13', '2024-08-01')).toBeUndefined();
    expect(() => parseDifferenceAreas({ ...index, version: 2 }, 'differences/index.json')).toThrow(
      'differences/index.json: not a geobrief-frontline-differences version 1 file',
    );
    expect(() =>
      parseDifferenceAreas({ ...index, pairs: [{ ...pair, takenKm2: -1, retakenKm2: 2 }] }, 'differences/index.json'),
    ).toThrow('differences/index.json: pairs.0: takenKm2 and retakenKm2 must be areas in km²');
  });
});

describe('loading differences', () => {
  const setupFetch = globalThis.fetch;
  let responses: Record<string, () => Response>;
  let fetched: string[];
  beforeEach(() => {
    clearFrontlineCache();
    fetched = [];
    responses = {};
    globalThis.fetch = (input: RequestInfo | URL) => {
      const url = String(input);
      fetched.push(url);
      return Promise.resolve(responses[url]?.() ?? new Response('not found', { status: 404 }));
    };
  });
  afterEach(() => {
    globalThis.fetch = setupFetch;
  });

  it('fetches a pair once per session', async () => {
    responses['/frontline/differences/2024-08-01_2025-02-13.json'] = () => Response.json(file);
    const first = await loadDifference({ date: '2024-08-01' }, { date: '2025-02-13' });
    expect(first).toEqual(file);
    expect(await loadDifference({ date: '2024-08-01' }, { date: '2025-02-13' })).toBe(first);
    expect(fetched).toEqual(['/frontline/differences/2024-08-01_2025-02-13.json']);
  });

  it('names the file it could not load, and tries again on the next call', async () => {
    await expect(loadDifference({ date: '2024-08-01' }, { date: '2025-02-13' })).rejects.toThrow(
      'Could not load front-line data differences/2024-08-01_2025-02-13.json (HTTP 404)',
    );
    await expect(loadDifferenceAreas()).rejects.toThrow(
      'Could not load front-line data differences/index.json (HTTP 404)',
    );
    responses['/frontline/differences/index.json'] = () =>
      Response.json({ format: 'geobrief-frontline-differences', version: 1, pairs: [] });
    await expect(loadDifferenceAreas()).resolves.toEqual({
      format: 'geobrief-frontline-differences',
      version: 1,
      pairs: [],
    });
  });

  it('rejects a malformed pair file with its name', async () => {
    responses['/frontline/differences/2024-08-01_2025-02-13.json'] = () => Response.json({ ...file, taken: null });
    await expect(loadDifference({ date: '2024-08-01' }, { date: '2025-02-13' })).rejects.toThrow(
      'differences/2024-08-01_2025-02-13.json: taken and retaken must be MultiPolygons',
    );
  });
});
