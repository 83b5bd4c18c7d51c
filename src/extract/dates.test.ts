import { describe, expect, it } from 'vitest';
import { dateOf, datesIn } from './dates';

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
    expect(d.dateNote).toMatch(/"on Monday" read as 2025-02-10 from the publication date \(2025-02-12\)/);
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
    expect(when('Taiwan sent two officials to Washington this week.', 'two').period).toBe('week of 10 February 2025');
  });
  it('a figure’s own words are not its date ("for a year")', () => {
    const s = 'A drive to attract recruits to military service for a year.';
    expect(when(s, 'a year')).toEqual({ date: '2025-02-12' });
  });
  it('no date words: the publication date', () => {
    expect(when('Russia occupies around a fifth of Ukraine.', 'a fifth')).toEqual({ date: '2025-02-12' });
  });
});
