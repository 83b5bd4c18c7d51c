import { describe, expect, it } from 'vitest';
import figuresJson from '../../../data/figures.json';
import sourcesJson from '../../../data/sources.json';
import type { Figure, Source } from '../../model/dataset/schema';
import { CHART_SPECS, chartSpecsFor, isChange, isRelativeUnit } from './chart-specs';
import { buildChart, MAX_PANELS } from './build-chart';
import { MAX_ROWS } from './series';
import { makeFigure, makeSource } from '../../testing/fixtures';
import { spec } from './chart-spec.fixtures';

const sources = [makeSource()];

describe('buildChart', () => {
  it('gives each measure a panel, in measure order, headed by the measure, its bars by claimant', () => {
    const chart = buildChart(
      spec({ measures: ['rate', 'stocks', 'tanks'] }),
      [
        makeFigure({ id: 't', measure: 'tanks', unit: 'tanks', value: 1400 }),
        makeFigure({ id: 'r', measure: 'rate', unit: 'percent', value: 21, label: 'Key rate', claimant: 'NYT' }),
        makeFigure({
          id: 's',
          measure: 'rate',
          unit: 'percent',
          value: 20,
          label: 'Key rate',
          claimant: 'White House',
        }),
        makeFigure({ id: 'x', measure: 'stocks', unit: 'percent', value: 5, label: 'Stock index rise' }),
      ],
      sources,
    );
    // Two percentages of different things never share an axis.
    expect(chart.panels.map((p) => [p.title, p.unit, p.rows.map((r) => r.id)])).toEqual([
      ['Key rate', 'percent', ['r', 's']],
      ['Stock index rise', 'percent', ['x']],
      ['Tanks lost', 'tanks', ['t']],
    ]);
    expect(chart.panels[0]!.rows.map((r) => r.label)).toEqual(['NYT', 'White House']);
    expect(chart.panels[0]!.axisLabel).toBe('percent');
  });

  it('draws the measures a chart groups on one axis, labelled by figure', () => {
    const chart = buildChart(
      spec({ measures: ['a', 'b'], groups: [['a', 'b']] }),
      [
        makeFigure({ id: 'x', measure: 'a', unit: 'usd', label: 'Demand' }),
        makeFigure({ id: 'y', measure: 'b', unit: 'usd', label: 'Surplus' }),
      ],
      sources,
    );
    expect(chart.panels.map((p) => [p.title, p.rows.map((r) => r.label)])).toEqual([
      ['US dollars', ['Demand', 'Surplus']],
    ]);
  });

  it('is as of the newest story behind what it draws, not the newest article of the dashboard', () => {
    const chart = buildChart(
      spec({ measures: ['m'] }),
      [makeFigure({ id: 'x', measure: 'm', sourceId: 'old' }), makeFigure({ id: 'y', measure: 'n', sourceId: 'new' })],
      [makeSource({ id: 'old', published: '2025-02-12' }), makeSource({ id: 'new', published: '2026-02-27' })],
    );
    expect(chart.asOf).toBe('2025-02-12');
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

describe('panels of added figures', () => {
  const added = { addedAt: '2026-11-22T10:00:00Z' };
  const topic = { topics: ['nato-alliances'], ...added };

  it('never share an axis when relative (a share, a multiple), nor a change with a level', () => {
    expect(isRelativeUnit('percent')).toBe(true);
    expect(isRelativeUnit('times')).toBe(true);
    expect(isRelativeUnit('percent-of-gdp')).toBe(false);
    expect(isRelativeUnit('usd')).toBe(false);
    expect(isChange(makeFigure({ label: 'Rise in investment in 2025' }))).toBe(true);
    expect(isChange(makeFigure({ value: -35 }))).toBe(true);
    expect(isChange(makeFigure({ label: 'Allies spending in 2025' }))).toBe(false);

    const figures = [
      makeFigure({ id: 'land', measure: 'land', unit: 'percent', value: 20, label: 'Share of land seized', ...topic }),
      makeFigure({ id: 'rise', measure: 'rise', unit: 'percent', value: 30, label: 'Rise in casualties', ...topic }),
      makeFigure({ id: 'spend', measure: 'spend', unit: 'usd', value: 120e9, label: 'Allies spending', ...topic }),
      makeFigure({ id: 'equip', measure: 'equip', unit: 'usd', value: 54e9, label: 'Equipment bought', ...topic }),
      makeFigure({ id: 'cut', measure: 'cut', unit: 'usd', value: 5e9, label: 'Fall in aid', ...topic }),
    ];
    const spec = chartSpecsFor({ figures, sources }).at(-1)!;
    const chart = buildChart(spec, figures, sources);
    const panels = chart.panels.map((p) => p.rows.map((r) => r.id).sort());
    expect(panels).toEqual(expect.arrayContaining([['equip', 'spend'], ['land'], ['rise'], ['cut']]));
    expect(panels).toHaveLength(4);
    for (const panel of chart.panels)
      expect(new Set(panel.rows.map((r) => r.id.length > 0 && panel.unit)).size).toBe(1);
  });

  it('keep a chart to MAX_PANELS panels, the fullest first, and count the figures not drawn', () => {
    const figures = Array.from({ length: MAX_PANELS + 3 }, (_, i) =>
      makeFigure({ id: `f${i}`, measure: `m${i}`, unit: 'percent', value: i + 1, label: `Share ${i}`, ...topic }),
    );
    figures.push(makeFigure({ id: 'twin', measure: 'm8', unit: 'percent', value: 3, label: 'Share 8', ...topic }));
    const spec = chartSpecsFor({ figures, sources }).at(-1)!;
    const chart = buildChart(spec, figures, sources);
    expect(chart.panels).toHaveLength(MAX_PANELS);
    expect(chart.panels[0]!.rows.map((r) => r.id)).toEqual(['f8', 'twin']);
    expect(chart.notDrawn).toBe(3);
  });
});
