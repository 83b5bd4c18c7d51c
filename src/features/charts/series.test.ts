import { describe, expect, it } from 'vitest';
import figuresJson from '../../../data/figures.json';
import sourcesJson from '../../../data/sources.json';
import type { Figure, Source } from '../../model/schema';
import { ADDED_CHART_ID, CHART_SPECS, chartSpecsFor, type ChartSpec } from './chart-specs';
import {
  barKind,
  barSpan,
  buildChart,
  fitScale,
  formatTick,
  logTicks,
  MAX_ROWS,
  niceScale,
  panelScale,
  solidShare,
} from './series';
import { makeFigure, makeSource } from '../../testing/fixtures';

const spec = (overrides: Partial<ChartSpec> = {}): ChartSpec => ({
  id: 'test',
  title: 'Test chart',
  description: 'A test.',
  measures: ['a', 'b'],
  scale: 'linear',
  rowLabel: 'label',
  ...overrides,
});
const sources = [makeSource()];

describe('barKind and barSpan', () => {
  it('tells stated values, open-ended bounds, ranges and derived values apart', () => {
    expect(barKind(makeFigure())).toBe('value');
    expect(barKind(makeFigure({ qualifier: 'below' }))).toBe('bound');
    expect(barKind(makeFigure({ qualifier: 'more-than' }))).toBe('bound');
    expect(barKind(makeFigure({ qualifier: 'about' }))).toBe('value');
    expect(barKind(makeFigure({ value: undefined, low: 1, high: 2 }))).toBe('range');
    expect(barKind(makeFigure({ derived: { formula: 'x', from: ['y'] } }))).toBe('derived');
  });

  it('spans from the baseline to the value, across a range, or up to zero for a fall', () => {
    expect(barSpan(makeFigure({ value: 21 }), 0)).toEqual([0, 21]);
    expect(barSpan(makeFigure({ value: undefined, low: 100, high: 999 }), 0)).toEqual([100, 999]);
    expect(barSpan(makeFigure({ value: -40 }), 0)).toEqual([-40, 0]);
  });
});

describe('buildChart', () => {
  it('splits figures into one panel per unit, in measure order', () => {
    const chart = buildChart(
      spec({ measures: ['rate', 'tanks'] }),
      [
        makeFigure({ id: 't', measure: 'tanks', unit: 'tanks', value: 1400 }),
        makeFigure({ id: 'r', measure: 'rate', unit: 'percent', value: 21 }),
        makeFigure({ id: 's', measure: 'rate', unit: 'percent', value: 5 }),
      ],
      sources,
    );
    expect(chart.panels.map((p) => [p.unit, p.rows.map((r) => r.id)])).toEqual([
      ['percent', ['r', 's']],
      ['tanks', ['t']],
    ]);
    expect(chart.panels[0]!.axisLabel).toBe('percent');
  });

  it('leaves out figures of other measures and is empty when none match', () => {
    expect(buildChart(spec(), [makeFigure({ measure: 'other' })], sources).panels).toEqual([]);
  });

  it('labels rows by claimant when comparing estimates', () => {
    const chart = buildChart(
      spec({ measures: ['m'], rowLabel: 'claimant' }),
      [makeFigure({ measure: 'm', claimant: 'Western officials' })],
      sources,
    );
    expect(chart.panels[0]!.rows[0]!.label).toBe('Western officials');
  });

  it('rounds a linear domain out to a readable maximum and includes zero and negatives', () => {
    const chart = buildChart(
      spec({ measures: ['m'] }),
      [
        makeFigure({ id: 'x', measure: 'm', unit: 'square-miles', value: -40 }),
        makeFigure({ id: 'y', measure: 'm', unit: 'square-miles', value: undefined, low: 200, high: 400 }),
      ],
      sources,
    );
    // Round ticks on both sides of a zero baseline, not −40/110/260/400.
    expect(chart.panels[0]!.domain).toEqual([-100, 400]);
    expect(chart.panels[0]!.ticks).toEqual([-100, 0, 100, 200, 300, 400]);
  });

  it('puts money on a log scale with a gridline at each power of ten', () => {
    const chart = buildChart(
      spec({ measures: ['m'], scale: 'log' }),
      [
        makeFigure({ id: 'a', measure: 'm', unit: 'usd', value: 100e6 }),
        makeFigure({ id: 'b', measure: 'm', unit: 'usd', value: 500e9 }),
      ],
      sources,
    );
    const panel = chart.panels[0]!;
    expect(panel.ticks).toEqual([1e7, 1e8, 1e9, 1e10, 1e11, 1e12]);
    expect(panel.domain).toEqual([1e7, 1e12]);
    expect(panel.rows[0]!.span).toEqual([1e7, 100e6]);
    expect(panel.rows[1]!.span).toEqual([1e7, 500e9]);
    expect(panel.axisLabel).toBe('US dollars (log scale)');
  });

  it('carries what a tooltip needs: value with qualifier, claimant, quote and story', () => {
    const chart = buildChart(
      spec({ measures: ['m'] }),
      [makeFigure({ measure: 'm', qualifier: 'about', value: 1000, unit: 'casualties-per-day' })],
      [makeSource({ publisher: 'The New York Times', outlet: 'The New York Times', title: 'Putin Scores' })],
    );
    expect(chart.panels[0]!.rows[0]).toMatchObject({
      display: 'about 1,000 casualties a day',
      claimant: 'IISS',
      quote: 'Moscow lost 1,400 tanks in 2024',
      sourceLine: 'The New York Times, “Putin Scores”',
    });
    expect(chart.sourceLine).toBe('The New York Times');
  });
});

describe('row cap', () => {
  it('draws at most MAX_ROWS bars a panel and counts the rest', () => {
    const many = Array.from({ length: MAX_ROWS + 5 }, (_, i) => makeFigure({ id: `f${i}`, measure: 'm' }));
    const panel = buildChart(spec({ measures: ['m'] }), many, sources).panels[0]!;
    expect(panel.rows).toHaveLength(MAX_ROWS);
    expect(panel.omitted).toBe(5);
  });
});

describe('ticks', () => {
  it('formats ticks with the unit', () => {
    expect(formatTick(1e9, 'usd')).toBe('$1 billion');
    expect(formatTick(20, 'percent')).toBe('20%');
    expect(formatTick(9e6, 'barrels-per-day')).toBe('9 million');
  });

  it('spans at least one decade', () => {
    expect(logTicks(5, 5)).toEqual([1, 10]);
    expect(logTicks(4e9, 5e11)).toEqual([1e9, 1e10, 1e11, 1e12]);
  });
});

describe('the shipped charts', () => {
  const figures = figuresJson as Figure[];
  const all = CHART_SPECS.map((s) => buildChart(s, figures, sourcesJson as Source[]));

  it('chart every measure they name, and never mix units within a panel', () => {
    for (const chart of all) {
      expect(chart.panels.length, chart.spec.id).toBeGreaterThan(0);
      for (const panel of chart.panels) {
        const units = new Set(panel.rows.map((r) => figures.find((f) => f.id === r.id)!.unit));
        expect([...units]).toEqual([panel.unit]);
      }
      for (const measure of chart.spec.measures) {
        expect(
          figures.some((f) => f.measure === measure),
          `${chart.spec.id}: ${measure}`,
        ).toBe(true);
      }
    }
  });

  it('compare both casualty estimates, the analysts’ as a range', () => {
    const casualties = all.find((c) => c.spec.id === 'casualties')!;
    expect(casualties.panels[0]!.rows.map((r) => [r.label, r.kind, r.display])).toEqual([
      ['Western officials', 'value', 'about 1,000 casualties a day'],
      ['Military analysts', 'vague', '“at least in the hundreds daily”'],
    ]);
  });

  it('show every figure given in words by its words, never as a range of numbers', () => {
    const rows = all.flatMap((c) => c.panels.flatMap((p) => p.rows));
    const vague = rows.filter((r) => r.kind === 'vague');
    expect(vague.map((r) => r.display)).toEqual(
      expect.arrayContaining([
        '“at least in the hundreds daily”',
        '“billions of dollars”',
        '“a few dozen or hundreds of yards”',
        '“around a fifth”',
      ]),
    );
    for (const row of rows) {
      expect(row.display, row.id).not.toMatch(/\d–\d{3}|−\d/);
      if (row.kind === 'vague') expect(row.reading, row.id).toMatch(/not a measurement/);
    }
    const fewer = rows.find((r) => r.id === 'russia-gains-january-vs-december')!;
    expect(fewer.display).toBe('about 40 sq mi fewer');
  });

  it('draw shares on 0–100 % and every linear axis from zero, at round ticks', () => {
    for (const chart of all) {
      for (const panel of chart.panels) {
        const label = `${chart.spec.id}/${panel.unit}`;
        if (panel.scale === 'log') continue;
        expect(panel.domain[0], label).toBeLessThanOrEqual(0);
        expect(panel.ticks, label).toContain(0);
        const steps = panel.ticks.slice(1).map((t, i) => t - panel.ticks[i]!);
        expect(new Set(steps).size, `${label}: even steps ${panel.ticks.join('/')}`).toBe(1);
        const step = steps[0]!;
        const mantissa = step / 10 ** Math.floor(Math.log10(step));
        expect([1, 2, 2.5, 5], label).toContain(Number(mantissa.toFixed(6)));
        for (const row of panel.rows) {
          expect(row.span[0], `${label} ${row.id}`).toBeGreaterThanOrEqual(panel.domain[0]);
          expect(row.span[1], `${label} ${row.id}`).toBeLessThanOrEqual(panel.domain[1]);
        }
      }
    }
    const territory = all.find((c) => c.spec.id === 'territory')!;
    const share = territory.panels.find((p) => p.unit === 'percent')!;
    expect(share.share).toBe(true);
    expect(share.domain).toEqual([0, 100]);
    const taiwan = all.find((c) => c.spec.id === 'taiwan')!;
    expect(taiwan.panels.filter((p) => p.share).map((p) => [p.unit, p.domain])).toEqual([
      ['percent', [0, 100]],
      ['percent-of-gdp', [0, 100]],
    ]);
    // A key rate and a stock move are percentages but not shares of a whole.
    const economy = all.find((c) => c.spec.id === 'war-economy')!;
    expect(economy.panels.find((p) => p.unit === 'percent')).toMatchObject({ share: false, domain: [0, 25] });
  });

  it('show the current Taiwanese spending as derived', () => {
    const taiwan = all.find((c) => c.spec.id === 'taiwan')!;
    const gdp = taiwan.panels.find((p) => p.unit === 'percent-of-gdp')!;
    expect(gdp.rows.map((r) => r.kind)).toEqual(['bound', 'derived']);
  });
});

describe('chartSpecsFor', () => {
  it('adds "From your articles" only for added figures of a measure no fixed chart draws', () => {
    const shipped = makeFigure({ id: 'a', measure: 'russia-tank-losses' });
    expect(chartSpecsFor({ figures: [shipped] }).map((s) => s.id)).not.toContain(ADDED_CHART_ID);
    const addedCharted = makeFigure({ id: 'b', measure: 'russia-tank-losses', addedAt: '2026-11-22T10:00:00Z' });
    expect(chartSpecsFor({ figures: [shipped, addedCharted] }).map((s) => s.id)).not.toContain(ADDED_CHART_ID);
    const addedNew = makeFigure({ id: 'c', measure: 'drone-attacks', addedAt: '2026-11-22T10:00:00Z' });
    const specs = chartSpecsFor({ figures: [shipped, addedNew, { ...addedNew, id: 'd' }] });
    const added = specs.find((s) => s.id === ADDED_CHART_ID);
    expect(added?.measures).toEqual(['drone-attacks']);
    expect(specs.slice(0, -1)).toEqual(CHART_SPECS);
  });
});

describe('niceScale', () => {
  it.each([
    [0, 20, [0, 5, 10, 15, 20]],
    [0, 21, [0, 5, 10, 15, 20, 25]],
    [0, 30, [0, 10, 20, 30]],
    [0, 1400, [0, 500, 1000, 1500]],
    [0, 9e6, [0, 2e6, 4e6, 6e6, 8e6, 10e6]],
    [-40, 400, [-100, 0, 100, 200, 300, 400]],
    [0, 2.5, [0, 0.5, 1, 1.5, 2, 2.5]],
  ])('%d…%d → round ticks', (min, max, ticks) => {
    const scale = niceScale(min, max);
    expect(scale.ticks).toEqual(ticks);
    expect(scale.domain).toEqual([ticks[0], ticks[ticks.length - 1]]);
  });

  it('keeps to the number of ticks asked for, and always covers the data', () => {
    for (const max of [3, 7, 13, 21, 99, 180, 999, 1400, 74e9]) {
      for (const count of [2, 3, 4, 6]) {
        const { ticks, domain } = niceScale(0, max, count);
        expect(ticks.length, `${max}/${count}`).toBeLessThanOrEqual(count);
        expect(domain[1], `${max}/${count}`).toBeGreaterThanOrEqual(max);
      }
    }
  });

  it('gives an axis for a panel of zeros', () => {
    expect(niceScale(0, 0).domain).toEqual([0, 1]);
  });
});

describe('panelScale and fitScale', () => {
  it('puts shares on 0–100 %, fewer ticks when fewer fit', () => {
    const share = {
      scale: 'linear' as const,
      share: true,
      extent: [0, 20] as [number, number],
      unit: 'percent',
      axisLabel: 'percent',
    };
    expect(panelScale(share)).toEqual({ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] });
    expect(panelScale(share, 3).ticks).toEqual([0, 50, 100]);
    expect(fitScale(share, 120, 13).ticks.length).toBeLessThan(6);
  });

  it('says a linear axis’s scale once, in its label, so its ticks stay short and several fit', () => {
    const surplus = {
      scale: 'linear' as const,
      share: false,
      extent: [0, 74e9] as [number, number],
      unit: 'usd',
      axisLabel: 'US dollars',
    };
    const fit = fitScale(surplus, 290, 12.5);
    expect(fit.labels).toEqual(['$0', '$25', '$50', '$75']);
    expect(fit.axisLabel).toBe('US dollars (billions)');
    const oil = {
      ...surplus,
      extent: [0, 9e6] as [number, number],
      unit: 'barrels-per-day',
      axisLabel: 'barrels a day',
    };
    expect(fitScale(oil, 400, 12.5)).toMatchObject({
      labels: ['0', '2', '4', '6', '8', '10'],
      axisLabel: 'barrels a day (millions)',
    });
  });

  it('labels fewer decades of a log axis on a narrow plot, never dropping its ends', () => {
    const money = {
      scale: 'log' as const,
      share: false,
      extent: [1e8, 5e11] as [number, number],
      unit: 'usd',
      axisLabel: 'US dollars (log scale)',
    };
    const wide = fitScale(money, 900, 12.5);
    expect(wide.ticks).toEqual([1e7, 1e8, 1e9, 1e10, 1e11, 1e12]);
    const narrow = fitScale(money, 240, 13);
    expect(narrow.domain).toEqual([1e7, 1e12]);
    expect(narrow.ticks[0]).toBe(1e7);
    expect(narrow.ticks[narrow.ticks.length - 1]).toBe(1e12);
    expect(narrow.ticks.length).toBeLessThan(6);
    expect(narrow.labels[0]).toBe('$10 million');
    expect(narrow.axisLabel).toBe('US dollars (log scale)');
  });
});

describe('vague figures', () => {
  it('draw from the baseline, solid to the low end of the words’ reading, fading out to its high end', () => {
    const hundreds = makeFigure({
      value: undefined,
      low: 100,
      high: 999,
      reading: '"hundreds" read as 100 to 999',
      stated: 'hundreds',
      quote: 'in the hundreds daily',
    });
    expect(barKind(hundreds)).toBe('vague');
    expect(barSpan(hundreds, 0)).toEqual([0, 999]);
    expect(solidShare(hundreds, [0, 999], 'linear')).toBeCloseTo(100 / 999);
    // On a log axis the solid part is measured in decades: 1e7 → 1e9 of 1e7 → 1e11 is half.
    const billions = { ...hundreds, low: 1e9, high: 1e11 };
    expect(solidShare(billions, [1e7, 1e11], 'log')).toBeCloseTo(0.5);
    // A single value read from words ("a fifth") fades over the last fifth of its bar.
    const fifth = makeFigure({ value: 20, reading: '"a fifth" read as 20 percent' });
    expect(solidShare(fifth, [0, 20], 'linear')).toBeCloseTo(0.8);
  });

  it('keep a stated range without reading as a floating range bar', () => {
    const ages = makeFigure({ value: undefined, low: 18, high: 24 });
    expect(barKind(ages)).toBe('range');
    expect(barSpan(ages, 0)).toEqual([18, 24]);
  });
});
