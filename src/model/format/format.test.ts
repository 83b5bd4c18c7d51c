import { describe, expect, it } from 'vitest';
import {
  amountParts,
  displayValue,
  fallWord,
  formatEventDate,
  formatReading,
  isVague,
  precisionWords,
  asOfDate,
  figureWhen,
  formatAmount,
  formatDate,
  formatFigureValue,
  formatNumber,
  sourceByline,
} from './format';
import { makeFigure, makeSource } from '../../testing/fixtures';

describe('formatNumber', () => {
  it.each([
    [1400, '1,400'],
    [74e9, '74 billion'],
    [9e6, '9 million'],
    [100e6, '100 million'],
    [2.5, '2.5'],
    [999_999, '999,999'],
  ])('%d → %s', (n, text) => expect(formatNumber(n)).toBe(text));
});

describe('formatFigureValue', () => {
  it('puts the qualifier before the amount and the unit after it', () => {
    expect(formatFigureValue(makeFigure({ value: 9e6, unit: 'barrels-per-day', qualifier: 'below' }))).toBe(
      'below 9 million barrels a day',
    );
  });

  it('writes money with a dollar sign and a scale word', () => {
    expect(formatFigureValue(makeFigure({ value: 74e9, unit: 'usd', qualifier: 'record' }))).toBe('record $74 billion');
  });

  it('leaves out the qualifier of an exact figure', () => {
    expect(formatFigureValue(makeFigure({ value: 1400, unit: 'tanks', qualifier: 'exact' }))).toBe('1,400 tanks');
  });

  it('writes percentages without a space', () => {
    expect(formatFigureValue(makeFigure({ value: 21, unit: 'percent', qualifier: 'exact' }))).toBe('21%');
    expect(formatFigureValue(makeFigure({ value: 5, unit: 'percent-of-gdp', qualifier: 'at-least' }))).toBe(
      'at least 5% of GDP',
    );
  });

  it('writes ranges with an en dash', () => {
    expect(
      formatFigureValue(
        makeFigure({ value: undefined, low: 100, high: 999, unit: 'casualties-per-day', qualifier: 'at-least' }),
      ),
    ).toBe('at least 100–999 casualties a day');
  });

  it('writes one scale word for a range whose ends share it', () => {
    expect(formatAmount(makeFigure({ value: undefined, low: 1e9, high: 999e9, unit: 'usd' }))).toBe('$1–999 billion');
    expect(formatAmount(makeFigure({ value: undefined, low: 100_000, high: 999_999, unit: 'casualties' }))).toBe(
      '100,000–999,999 killed or injured',
    );
  });

  it('uses the singular for one year or hour', () => {
    expect(formatAmount(makeFigure({ value: 1, unit: 'hours' }))).toBe('1 hour');
    expect(formatAmount(makeFigure({ value: 14, unit: 'years' }))).toBe('14 years');
  });

  it('writes a bare negative amount with a minus sign (formatFigureValue turns it into words)', () => {
    expect(formatAmount(makeFigure({ value: -40, unit: 'square-miles' }))).toBe('−40 sq mi');
  });
});

describe('dates and sources', () => {
  it('formats ISO dates of any precision', () => {
    expect(formatDate('2025-02-12')).toBe('12 Feb 2025');
    expect(formatDate('2024-05')).toBe('May 2024');
    expect(formatDate('2014')).toBe('2014');
  });

  it('prefers the period in words over the date', () => {
    expect(figureWhen({ period: '2024', date: undefined })).toBe('2024');
    expect(figureWhen({ period: undefined, date: '2025-02-13' })).toBe('13 Feb 2025');
  });

  it('names the publisher and, when different, the outlet', () => {
    expect(sourceByline(makeSource({ publisher: 'Reuters', outlet: 'Daily Maverick' }))).toBe(
      'Reuters via Daily Maverick',
    );
    expect(sourceByline(makeSource({ publisher: 'The New York Times', outlet: 'The New York Times' }))).toBe(
      'The New York Times',
    );
  });

  it('takes the newest publication date as the as-of date', () => {
    expect(asOfDate([{ published: '2025-02-12' }, { published: '2025-02-14' }])).toBe('2025-02-14');
  });
});

describe('amountParts', () => {
  it('splits the number from the unit words', () => {
    expect(amountParts(makeFigure({ value: 9e6, unit: 'barrels-per-day' }))).toEqual({
      number: '9 million',
      unit: 'barrels a day',
    });
    expect(amountParts(makeFigure({ value: 1, unit: 'hours' }))).toEqual({ number: '1', unit: 'hour' });
    expect(amountParts(makeFigure({ value: 5, unit: 'percent-of-gdp' }))).toEqual({ number: '5%', unit: 'of GDP' });
  });

  it('keeps money and percentages whole', () => {
    expect(amountParts(makeFigure({ value: 74e9, unit: 'usd' }))).toEqual({ number: '$74 billion', unit: '' });
    expect(amountParts(makeFigure({ value: 21, unit: 'percent' }))).toEqual({ number: '21%', unit: '' });
  });
});

describe('formatEventDate', () => {
  it.each([
    [{ date: '2025-02-12' }, '12 Feb 2025'],
    [{ date: '2025-02-14', endDate: '2025-02-16' }, '14–16 Feb 2025'],
    [{ date: '2024-12', endDate: '2025-01' }, 'Dec 2024 – Jan 2025'],
    [{ date: '2014' }, '2014'],
  ])('%j → %s', (event, text) => expect(formatEventDate(event)).toBe(text));
});

describe('figureWhen of a month period', () => {
  it('reads "2025-02" as "Feb 2025" and leaves words alone', () => {
    expect(figureWhen({ period: '2025-02' })).toBe('Feb 2025');
  });
  it('reads an ISO interval as a span, and a period in words as written', () => {
    expect(figureWhen({ period: '2022-02-24/2025-01-10' })).toBe('24 Feb 2022 – 10 Jan 2025');
    expect(figureWhen({ period: '2025-02-10/2025-02-16' })).toBe('10–16 Feb 2025');
    expect(figureWhen({ period: '2010/2018' })).toBe('2010 – 2018');
    expect(figureWhen({ period: 'coming months of 2025' })).toBe('coming months of 2025');
    expect(figureWhen({ period: 'coming months of 2025' })).toBe('coming months of 2025');
    expect(figureWhen({ date: '2025-02-12' })).toBe('12 Feb 2025');
  });
});

describe('a fall', () => {
  it('reads as its size and a word, never a minus before "fewer"', () => {
    const fewer = makeFigure({ value: -40, unit: 'square-miles', qualifier: 'about' });
    expect(formatFigureValue(fewer)).toBe('about 40 sq mi fewer');
    expect(formatFigureValue(fewer)).not.toMatch(/[−-]/);
    expect(amountParts(fewer)).toEqual({ number: '40', unit: 'sq mi fewer' });
  });

  it('says "less" of money and "lower" of a share', () => {
    expect(fallWord('usd')).toBe('less');
    expect(fallWord('percent')).toBe('lower');
    expect(fallWord('tanks')).toBe('fewer');
    expect(formatFigureValue(makeFigure({ value: -5e9, unit: 'usd', qualifier: 'exact' }))).toBe('$5 billion less');
    expect(amountParts(makeFigure({ value: -5e9, unit: 'usd' }))).toEqual({ number: '$5 billion', unit: 'less' });
    expect(formatFigureValue(makeFigure({ value: -3, unit: 'percent', qualifier: 'about' }))).toBe('about 3% lower');
  });
});

describe('a figure given in words', () => {
  const hundreds = makeFigure({
    value: undefined,
    low: 100,
    high: 999,
    unit: 'casualties-per-day',
    qualifier: 'at-least',
    quote: 'estimated by military analysts as at least in the hundreds daily',
    stated: 'at least in the hundreds daily',
    reading: '"hundreds" read as 100 to 999; "at least" means the true number may be higher',
  });
  const fifth = makeFigure({
    value: 20,
    unit: 'percent',
    qualifier: 'about',
    quote: 'Russia occupies around a fifth of Ukraine',
    stated: 'around a fifth',
    reading: '"a fifth" read as 20 percent',
  });
  const billions = makeFigure({
    value: undefined,
    low: 1e9,
    high: 999e9,
    unit: 'usd',
    qualifier: 'about',
    quote: 'billions of dollars worth of orders',
    stated: 'billions of dollars',
    reading: '"billions" read as 1 billion to 999 billion',
  });

  it('shows the article’s words first, never the range we read them as', () => {
    expect(displayValue(hundreds)).toBe('“at least in the hundreds daily”');
    expect(displayValue(fifth)).toBe('“around a fifth”');
    expect(displayValue(billions)).toBe('“billions of dollars”');
    expect(displayValue(billions)).not.toContain('999');
  });

  it('shows a number stated as a number as before', () => {
    const record = makeFigure({ value: 74e9, unit: 'usd', qualifier: 'record' });
    expect(isVague(record)).toBe(false);
    expect(displayValue(record)).toBe('record $74 billion');
  });

  it('gives the reading on demand, with what the chart draws', () => {
    expect(formatReading(hundreds)).toBe(
      '"hundreds" read as 100 to 999; "at least" means the true number may be higher. Drawn as 100 to 999 casualties a day, not a measurement.',
    );
    expect(formatReading(fifth)).toBe('"a fifth" read as 20 percent. Drawn as 20%, not a measurement.');
    expect(formatReading(billions)).toBe(
      '"billions" read as 1 billion to 999 billion. Drawn as $1 to 999 billion, not a measurement.',
    );
    expect(formatReading(makeFigure({ value: 3 }))).toBe('');
  });
});

describe('precisionWords', () => {
  it('says something true of each qualifier', () => {
    expect(precisionWords({ qualifier: 'record' })).toBe('Stated as a record');
    expect(precisionWords({ qualifier: 'exact' })).toBe('Stated exactly');
    expect(precisionWords({ qualifier: 'at-least' })).toBe('A lower bound (“at least”)');
    expect(precisionWords({ qualifier: 'below' })).toBe('An upper bound (“below”)');
  });

  it('says first that a figure was given in words', () => {
    expect(precisionWords({ qualifier: 'about', reading: '"a fifth" read as 20 percent' })).toBe(
      'Stated in words; approximate (“about”)',
    );
  });
});
