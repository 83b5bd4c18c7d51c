import { describe, expect, it } from 'vitest';
import figuresJson from '../../../data/figures.json';
import sourcesJson from '../../../data/sources.json';
import type { Figure, Source } from '../../model/schema';
import { ADDED_CHART_ID, CHART_SPECS, chartSpecsFor, type ChartSpec } from './chart-specs';
import { barKind, barSpan, buildChart, formatTick, logTicks, MAX_ROWS } from './series';
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
    expect(chart.panels[0]!.domain).toEqual([-40, 400]);
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
    expect(casualties.panels[0]!.rows.map((r) => [r.label, r.kind])).toEqual([
      ['Western officials', 'value'],
      ['Military analysts', 'range'],
    ]);
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
