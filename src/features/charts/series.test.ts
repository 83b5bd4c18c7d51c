import { describe, expect, it } from 'vitest';
import figuresJson from '../../../data/figures.json';
import sourcesJson from '../../../data/sources.json';
import type { Figure, Source } from '../../model/dataset/schema';
import {
  CHART_SPECS,
  chartSpecsFor,
  isChange,
  isRelativeUnit,
  OVER_TIME_PREFIX,
  TOPIC_PREFIX,
  type ChartSpec,
} from './chart-specs';
import { buildChart, hasContent, MAX_PANELS } from './build-chart';
import { buildOverTime, timeScale } from './over-time';
import { estimateDate } from '../../model/dataset/estimate-date';
import {
  barKind,
  barSpan,
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

  it('labels log decades evenly spaced, the top one included, none closer than the others', () => {
    const panel = { scale: 'log' as const, share: false, extent: [2e8, 8e11] as [number, number] };
    // Decades 1e8…1e12: five, labelled every third when two fit; 1e11 would sit one decade from 1e12.
    const { domain, ticks } = panelScale(panel, 2);
    expect(domain).toEqual([1e8, 1e12]);
    expect(ticks).toEqual([1e8, 1e12]);
    expect(panelScale(panel, 3).ticks).toEqual([1e8, 1e10, 1e12]);
    expect(panelScale(panel, 5).ticks).toEqual([1e8, 1e9, 1e10, 1e11, 1e12]);
    expect(panelScale({ ...panel, extent: [2e8, 8e10] }, 2).ticks).toEqual([1e8, 1e11]);
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
  const added = { addedAt: '2026-11-22T10:00:00Z' };
  const story = [makeSource()];

  it('is the fixed charts alone for the shipped data', () => {
    expect(chartSpecsFor({ figures: figuresJson as Figure[], sources: sourcesJson as Source[] })).toEqual(CHART_SPECS);
  });

  it('has no catch-all chart: an added figure joins the chart of its first topic, or one of its own topic', () => {
    const shipped = makeFigure({ id: 'a', measure: 'russia-tank-losses' });
    const linked = makeFigure({ id: 'b', measure: 'russia-tank-losses', ...added });
    const energy = makeFigure({ id: 'c', measure: 'c', topics: ['sanctions-energy', 'taiwan-trade'], ...added });
    const nato = makeFigure({ id: 'd', measure: 'd', topics: ['nato-alliances'], ...added });
    const specs = chartSpecsFor({
      figures: [shipped, linked, energy, nato],
      sources: story,
      topics: [{ id: 'nato-alliances', label: 'NATO and alliances', description: 'NATO membership.' }],
    });
    expect(specs.map((s) => s.id)).toEqual([...CHART_SPECS.map((s) => s.id), `${TOPIC_PREFIX}nato-alliances`]);
    expect(specs.find((s) => s.id === 'war-economy')!.added).toEqual(['c']);
    expect(specs.find((s) => s.id === 'war-economy')!.measures.at(-1)).toBe('c');
    expect(specs.at(-1)).toMatchObject({ title: 'NATO and alliances', measures: ['d'] });
  });

  it('puts first an over-time chart for a measure with estimates a week or more apart', () => {
    const jan = makeFigure({ id: 'jan', measure: 'rate', period: undefined, date: '2025-01-10' });
    const feb = makeFigure({ id: 'feb', measure: 'rate', period: undefined, date: '2025-02-13' });
    const next = makeFigure({ id: 'next', measure: 'rate', period: undefined, date: '2025-01-12' });
    expect(chartSpecsFor({ figures: [jan, next], sources: story }).map((s) => s.id)).toEqual(
      CHART_SPECS.map((s) => s.id),
    );
    const specs = chartSpecsFor({ figures: [jan, feb], sources: story });
    expect(specs[0]).toMatchObject({ id: `${OVER_TIME_PREFIX}rate`, kind: 'over-time', measures: ['rate'] });
    expect(specs[0]!.title).toBe('Tanks lost: estimates over time');
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
