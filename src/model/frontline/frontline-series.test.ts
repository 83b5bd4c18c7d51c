import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDailySeries, parseMonthlyGains } from './frontline';
import { dateToTime, frontlineChartModel, monthLabel, occupiedChartMatches, timeTickLabel } from './frontline-series';

const root = join(import.meta.dirname, '../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const daily = parseDailySeries(readJson('public/frontline/daily.json'));
const gains = parseMonthlyGains(readJson('public/frontline/gains.json'));
const model = frontlineChartModel(daily, gains, { asOf: '2025-02-13' });

describe('frontlineChartModel', () => {
  it('draws every day since July 2024, with nulls on the 7 gap days (never interpolated)', () => {
    expect(model.points).toHaveLength(776);
    expect(model.range).toEqual({ from: '2024-07-07', to: '2026-08-21' });
    const nulls = model.points.filter((p) => p.areaKm2 === null).map((p) => p.date);
    expect(nulls).toEqual([
      '2024-08-17',
      '2024-08-18',
      '2024-12-31',
      '2025-03-30',
      '2025-03-31',
      '2025-11-25',
      '2026-07-08',
    ]);
    expect(model.gaps.map((g) => [g.from, g.to, g.days])).toEqual([
      ['2024-08-17', '2024-08-18', 2],
      ['2024-12-31', '2024-12-31', 1],
      ['2025-03-30', '2025-03-31', 2],
      ['2025-11-25', '2025-11-25', 1],
      ['2026-07-08', '2026-07-08', 1],
    ]);
    expect(model.points.find((p) => p.date === '2025-02-13')?.areaKm2).toBe(111963.6);
  });

  it('marks stale fetches, backfilled, suspect and noted days at their own values', () => {
    expect(model.marks['stale-fetch']).toHaveLength(75);
    expect(model.marks.backfilled).toHaveLength(22);
    expect(model.marks.suspect.map((m) => [m.date, m.areaKm2])).toEqual([
      ['2025-05-24', 112698.4],
      ['2025-07-03', 113506.4],
      ['2026-08-12', 116630.4],
    ]);
    expect(model.marks.note.map((m) => m.date)).toEqual(['2025-08-04']);
    expect(model.marks['stale-fetch'][0]).toMatchObject({ date: '2024-12-21', kind: 'stale-fetch' });
  });

  it('gives the monthly gains as bars in km² and sq mi, flagging months with a flagged end', () => {
    expect(model.bars).toHaveLength(24);
    const dec = model.bars.find((b) => b.month === '2024-12')!;
    expect(dec).toMatchObject({ label: 'Dec 2024', gainKm2: 386.4, gainSqMi: 149.2, to: '2024-12-30', flagged: true });
    expect(model.bars.filter((b) => b.flagged).map((b) => b.month)).toEqual([
      '2024-12',
      '2025-01',
      '2025-03',
      '2025-04',
      '2025-06',
      '2025-07',
      '2025-08',
    ]);
  });

  it('marks the as-of date, and gives axis domains and half-yearly ticks', () => {
    expect(model.asOf).toEqual({ t: dateToTime('2025-02-13'), date: '2025-02-13', label: 'As of 13 Feb 2025' });
    expect(model.areaDomain).toEqual([109000, 117000]);
    expect(model.timeTicks.map(timeTickLabel)).toEqual(['Jan 2025', 'Jul', 'Jan 2026', 'Jul']);
    expect(monthLabel('2025-01')).toBe('Jan 2025');
  });

  it('lists the data’s problems as notes, in SOURCES.md’s terms', () => {
    const notes = Object.fromEntries(model.notes.map((n) => [n.id, n]));
    expect(notes['gaps']!.title).toBe('No file for 7 days');
    expect(notes['gaps']!.text).toBe(
      '17–18 Aug 2024, 31 Dec 2024, 30–31 Mar 2025, 25 Nov 2025, 8 Jul 2026. The line breaks there; nothing is interpolated.',
    );
    expect(notes['stale-fetch']!.title).toBe('75 stale fetches');
    expect(notes['stale-fetch']!.text).toContain('Dec 2024: 21, 23, 24, 25, 27, 28, 29, 30; Jan 2025: 2, 3;');
    expect(notes['backfilled']!.text).toMatch(/^3–24 Nov 2025: committed by hand later/);
    expect(notes['suspect-2026-08-12']!.text).toMatch(/^-115\.5 km² in a day/);
    expect(notes['december-2024']!.title).toBe('December 2024 runs to 30 Dec');
    expect(notes['note-2025-08-04']!.text).toMatch(/re-fetched/);
  });

  it('can start later, and refuses a range with no days', () => {
    const later = frontlineChartModel(daily, gains, { since: '2025-01-01', asOf: '2025-02-13' });
    expect(later.points[0]!.date).toBe('2025-01-01');
    expect(later.bars[0]!.month).toBe('2025-01');
    expect(() => frontlineChartModel(daily, gains, { since: '2030-01-01', asOf: '2025-02-13' })).toThrow(
      /no situations/,
    );
  });
});

describe('occupiedChartMatches', () => {
  const none = { countries: [], topics: [], actor: null, q: '' };
  it('shows the chart with no filters, and for Ukraine, Russia, territory or the military balance', () => {
    expect(occupiedChartMatches(none)).toBe(true);
    expect(occupiedChartMatches({ ...none, countries: ['TW', 'UA'] })).toBe(true);
    expect(occupiedChartMatches({ ...none, countries: ['RU'], topics: ['territory'] })).toBe(true);
    expect(occupiedChartMatches({ ...none, topics: ['military-balance'] })).toBe(true);
  });
  it('hides it for other countries and topics, a focused actor, or unrelated search text', () => {
    expect(occupiedChartMatches({ ...none, countries: ['TW'] })).toBe(false);
    expect(occupiedChartMatches({ ...none, topics: ['tariffs'] })).toBe(false);
    expect(occupiedChartMatches({ ...none, actor: 'vladimir-putin' })).toBe(false);
    expect(occupiedChartMatches({ ...none, q: 'oil' })).toBe(false);
    expect(occupiedChartMatches({ ...none, q: 'a' })).toBe(false);
  });
  it('keeps it for search text about the occupied area', () => {
    expect(occupiedChartMatches({ ...none, q: 'Occupied' })).toBe(true);
    expect(occupiedChartMatches({ ...none, q: 'front line' })).toBe(true);
    expect(occupiedChartMatches({ ...none, q: 'terr' })).toBe(true);
  });
});
