import { describe, expect, it } from 'vitest';
import { dateOf } from './date-of';
import { datesIn } from './dates';

const when = (s: string, stated: string, published = '2025-02-12') => {
  const a = s.indexOf(stated);
  return dateOf(datesIn(s, published), a, a + stated.length, published);
};

describe('the date or period of a figure', () => {
  it('a year stated is the period, with no note', () => {
    expect(when('Moscow lost 1,400 tanks in 2024 and more.', '1,400')).toEqual({ period: '2024' });
  });
  it('"on Monday" is the weekday before the publication date, noted', () => {
    const d = when('The index jumped 5 percent on Monday.', '5 percent');
    expect(d.date).toBe('2025-02-10');
    expect(d.dateNote).toMatch(/"Monday" read as 2025-02-10 from the publication date \(2025-02-12\)/);
  });
  it('"last month" is the month before, noted', () => {
    const d = when('The US imposed sanctions last month that targeted 180 Russian tankers.', '180');
    expect(d.period).toBe('2025-01');
    expect(d.dateNote).toMatch(/last month/);
  });
  it('"last year" is the year before', () => {
    expect(when('The surplus climbed to $74 billion last year.', '$74 billion').period).toBe('2024');
  });
  it('"a year ago" is the year before', () => {
    expect(when('A year ago exports were 5 million barrels per day.', '5 million').period).toBe('2024');
  });
  it('"In January" in February is this year’s January; "in December" last year’s', () => {
    const s = 'In January, Russia captured about 40 fewer square miles than in December.';
    expect(when(s, '40').period).toMatch(/^2025-01|^2024-12/);
    expect(datesIn(s, '2025-02-12').map((d) => d.period)).toEqual(['2025-01', '2024-12']);
  });
  it('"last May" is never after the article', () => {
    expect(datesIn('His term would have expired last May.', '2025-02-14')[0]?.period).toBe('2024-05');
  });
  it('"this week" is the week of the article', () => {
    expect(when('Taiwan sent two officials to Washington this week.', 'two').period).toBe('2025-02-10/2025-02-16');
  });
  it('a figure’s own words are not its date ("for a year")', () => {
    const s = 'A drive to attract recruits to military service for a year.';
    expect(when(s, 'a year')).toEqual({ date: '2025-02-12' });
  });
  it.each([
    // news prose, resolved against the publication date
    [
      'Russia has suffered over 600,000 casualties since the start of this tragic war.',
      '600,000',
      '2025-01-10',
      '2022-02-24/2025-01-10',
    ],
    ['Pakistan conducted 11,654 operations so far this year.', '11,654', '2025-03-14', '2025-01-01/2025-03-14'],
    ['Some 60,000 people have been evacuated to date.', '60,000', '2025-03-14', '2025-03-14'],
    ['In January of this year, output was 9 million barrels per day.', '9 million', '2025-10-03', '2025-01'],
    ['Arrivals grew threefold between 2010 and 2018.', 'threefold', '2019-12-18', '2010/2018'],
    [
      'Chinese tourists visited from January through July this year: 2.8 million.',
      '2.8 million',
      '2019-12-18',
      '2019-01/2019-07',
    ],
    ['The UNHCR’s 2020 budget was over $9.1 billion.', '$9.1 billion', '2021-04-02', '2020'],
    ['Revenue rose 14% over 2017.', '14%', '2019-12-18', '2019-12-18'],
    ['Allies pledged to spend 5 percent by 2035.', '5 percent', '2026-07-08', '2035'],
  ])('%s', (s, stated, published, expected) => {
    const d = when(s, stated, published);
    expect(d.date ?? d.period).toBe(expected);
  });

  it('a date after the article only for a target or forecast, marked as one', () => {
    const target = when('Allies will spend 5 percent by 2035.', '5 percent', '2026-07-08');
    expect(target.dateNote).toMatch(/target or forecast/);
    // "2030" with nothing looking ahead is a misreading, not the figure's date
    expect(when('Figures for 2030 hospital beds: 5,000 beds.', '5,000 beds', '2025-02-12').period).not.toBe('2030');
  });

  it('"Friday" in an article of a Friday is that day, never the next', () => {
    expect(when('Officials confirmed Friday that 31 people died.', '31 people', '2025-03-14').date).toBe('2025-03-14');
    expect(when('The attack on Tuesday killed 31 people.', '31 people', '2025-03-14').date).toBe('2025-03-11');
  });

  it('a date right after another figure is that figure’s ("out of 300 last year")', () => {
    const s = 'The restrictions pushed all but about 25 sellers — out of 300 last year — out of business on Monday.';
    const dates = datesIn(s, '2021-05-06');
    const figures = [
      { start: s.indexOf('about 25'), end: s.indexOf('about 25') + 16 },
      { start: s.indexOf('300'), end: s.indexOf('300') + 3 },
    ];
    expect(dateOf(dates, figures[1]!.start, figures[1]!.end, '2021-05-06', figures, undefined, s).period).toBe('2020');
    expect(dateOf(dates, figures[0]!.start, figures[0]!.end, '2021-05-06', figures, undefined, s).date).toBe(
      '2021-05-03',
    );
  });

  it('no date words: the publication date', () => {
    expect(when('Russia occupies around a fifth of Ukraine.', 'a fifth')).toEqual({ date: '2025-02-12' });
  });
});
