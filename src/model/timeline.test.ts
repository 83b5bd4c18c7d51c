import { describe, expect, it } from 'vitest';
import { datePosition, eventsAtScale, groupByDate, overlaps } from './timeline';
import { makeEvent } from '../testing/fixtures';

describe('overlaps', () => {
  it('tells whether an event or its span touches a period', () => {
    expect(overlaps({ date: '2025-02-12' }, '2025-02-11', '2025-02-16')).toBe(true);
    expect(overlaps({ date: '2025-02-10', endDate: '2025-02-12' }, '2025-02-11', '2025-02-16')).toBe(true);
    expect(overlaps({ date: '2025-02-10' }, '2025-02-11', '2025-02-16')).toBe(false);
    expect(overlaps({ date: '2025-01' }, '2025-02-11', '2025-02-16')).toBe(false);
    expect(overlaps({ date: '2025-02' }, '2025-02-11', '2025-02-16')).toBe(true);
    expect(overlaps({ date: '2022-02', endDate: '2025-02-12' }, '2025-02-11', '2025-02-16')).toBe(true);
  });
});

describe('eventsAtScale and groupByDate', () => {
  const events = [
    makeEvent({ id: 'a', date: '2014' }),
    makeEvent({ id: 'b', date: '2025-02-12' }),
    makeEvent({ id: 'c', date: '2025-02-12' }),
    makeEvent({ id: 'd', date: '2025-02-14', endDate: '2025-02-16' }),
  ];

  it('keeps this week’s events, or all for the war', () => {
    expect(eventsAtScale(events, 'week').map((e) => e.id)).toEqual(['b', 'c', 'd']);
    expect(eventsAtScale(events, 'war')).toHaveLength(4);
  });

  it('groups events of the same date', () => {
    expect(groupByDate(events).map((g) => [g.date, g.events.map((e) => e.id)])).toEqual([
      ['2014', ['a']],
      ['2025-02-12', ['b', 'c']],
      ['2025-02-14', ['d']],
    ]);
  });
});

describe('datePosition', () => {
  it('places a date between the ends, clamped', () => {
    expect(datePosition('2025-02-11', '2025-02-11', '2025-02-16')).toBe(0);
    expect(datePosition('2025-02-16', '2025-02-11', '2025-02-16')).toBe(1);
    expect(datePosition('2013', '2014', '2025-02-16')).toBe(0);
    expect(datePosition('2025-02-13', '2025-02-11', '2025-02-15')).toBeCloseTo(0.5);
  });
});
