import { describe, expect, it } from 'vitest';
import { buildChart, hasContent } from './build-chart';
import { buildOverTime, timeScale } from './over-time';
import { estimateDate } from '../../model/dataset/estimate-date';
import { makeFigure, makeSource } from '../../testing/fixtures';
import { spec } from './chart-spec.fixtures';

describe('over time', () => {
  const jan = makeSource({ id: 'jan', published: '2025-01-10' });
  const feb = makeSource({ id: 'feb', published: '2025-02-14' });
  const byId = new Map([jan, feb].map((s) => [s.id, s]));

  it('dates an estimate by its date, the end of its period (never past its article), or its article', () => {
    expect(estimateDate({ date: '2025-02-12' }, feb)).toEqual({ date: '2025-02-12', basis: 'stated' });
    expect(estimateDate({ period: '2024' }, feb)).toEqual({ date: '2024-12-31', basis: 'period-end' });
    expect(estimateDate({ period: '2024-02' }, feb)).toEqual({ date: '2024-02-29', basis: 'period-end' });
    expect(estimateDate({ period: '2022-02-24/2025-01-10' }, feb)).toEqual({ date: '2025-01-10', basis: 'period-end' });
    expect(estimateDate({ period: '2025' }, feb)).toEqual({ date: '2025-02-14', basis: 'article' });
    expect(estimateDate({ period: 'as of February 2025' }, feb)).toEqual({ date: '2025-02-14', basis: 'article' });
  });

  it('puts each estimate at its date by claimant, ranges and bounds as such, on round axes', () => {
    const figures = [
      makeFigure({
        id: 'a',
        measure: 'c',
        period: 'as of February 2025',
        sourceId: 'feb',
        claimant: 'Western officials',
        value: 1000,
        unit: 'casualties-per-day',
      }),
      makeFigure({
        id: 'b',
        measure: 'c',
        period: undefined,
        date: '2025-01-10',
        sourceId: 'jan',
        claimant: 'Daleep Singh',
        value: undefined,
        low: 1200,
        high: 1500,
        unit: 'casualties-per-day',
      }),
      makeFigure({
        id: 'c',
        measure: 'c',
        period: undefined,
        date: '2025-02-01',
        sourceId: 'feb',
        claimant: 'Daleep Singh',
        value: 1300,
        qualifier: 'more-than',
        unit: 'casualties-per-day',
      }),
    ];
    const panel = buildOverTime(figures, byId)!;
    expect(panel.rows.map((r) => [r.id, r.date, r.kind, r.low, r.high, r.marker])).toEqual([
      ['b', '2025-01-10', 'range', 1200, 1500, 0],
      ['c', '2025-02-01', 'bound', 1300, 1300, 0],
      ['a', '2025-02-14', 'value', 1000, 1000, 1],
    ]);
    expect(panel.claimants).toEqual(['Daleep Singh', 'Western officials']);
    expect(panel.domain[0]).toBe(0);
    expect(panel.domain[1]).toBeGreaterThanOrEqual(1500);
    expect(panel.timeDomain[0]).toBeLessThanOrEqual(panel.rows[0]!.t);
    expect(panel.timeDomain[1]).toBeGreaterThanOrEqual(panel.rows[2]!.t);
    const chart = buildChart({ ...spec({ measures: ['c'] }), kind: 'over-time' }, figures, [jan, feb]);
    expect(hasContent(chart)).toBe(true);
    // One estimate left under a filter: nothing to put on a time axis.
    expect(buildOverTime(figures.slice(0, 1), byId)).toBeNull();
  });

  it('converts a unit of the same dimension, and leaves out one that does not convert', () => {
    const figures = [
      makeFigure({
        id: 'km',
        measure: 'a',
        unit: 'square-kilometres',
        value: 100,
        period: undefined,
        date: '2025-01-01',
      }),
      makeFigure({ id: 'mi', measure: 'a', unit: 'square-miles', value: 10, period: undefined, date: '2025-03-01' }),
      makeFigure({
        id: 'km2',
        measure: 'a',
        unit: 'square-kilometres',
        value: 50,
        period: undefined,
        date: '2025-04-01',
      }),
      makeFigure({ id: 'pc', measure: 'a', unit: 'percent', value: 5, period: undefined, date: '2025-05-01' }),
    ];
    const panel = buildOverTime(figures, byId)!;
    expect(panel.unit).toBe('square-kilometres');
    expect(panel.rows.find((r) => r.id === 'mi')!.high).toBeCloseTo(25.9, 1);
    expect(panel.rows.find((r) => r.id === 'mi')!.display).toBe('10 sq mi');
    expect(panel.omitted).toBe(1);
  });

  it('steps the time axis by days, weeks, months or years, with words to match', () => {
    const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
    expect(timeScale(t('2025-01-10'), t('2025-02-14')).labels).toEqual([
      '6 Jan 2025',
      '20 Jan 2025',
      '3 Feb 2025',
      '17 Feb 2025',
    ]);
    expect(timeScale(t('2025-02-12'), t('2026-02-27')).labels).toEqual([
      'Jan 2025',
      'Apr 2025',
      'Jul 2025',
      'Oct 2025',
      'Jan 2026',
      'Apr 2026',
    ]);
    expect(timeScale(t('2019-06-01'), t('2026-02-27')).labels).toEqual([
      '2018',
      '2020',
      '2022',
      '2024',
      '2026',
      '2028',
    ]);
  });
});
