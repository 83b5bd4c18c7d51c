import { describe, expect, it } from 'vitest';
import { barKind, barSpan, fitScale, formatTick, logTicks, niceScale, panelScale, solidShare } from './series';
import { makeFigure } from '../../testing/fixtures';

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
