import { describe, expect, it } from 'vitest';
import {
  axisTicks,
  datePosition,
  eventsAtScale,
  groupByDate,
  groupInWindow,
  groupPosition,
  overlaps,
  scaleWindows,
  weekOf,
} from './timeline';

/** The shipped data's newest article: Friday 14 February 2025. */
const AS_OF = '2025-02-14';
const SCALE_WINDOWS = scaleWindows(AS_OF);
import { makeEvent } from '../../testing/fixtures';

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

  it('keeps the events of the newest article’s week, or all for the war', () => {
    expect(eventsAtScale(events, 'week', AS_OF).map((e) => e.id)).toEqual(['b', 'c', 'd']);
    expect(eventsAtScale(events, 'war', AS_OF)).toHaveLength(4);
    // Newer articles move the week: nothing of February 2025 in the week of 27 Feb 2026.
    expect(eventsAtScale(events, 'week', '2026-02-27')).toEqual([]);
  });

  it('takes the week from Monday to Sunday', () => {
    expect(weekOf('2025-02-14')).toEqual({ from: '2025-02-10', to: '2025-02-16' });
    expect(weekOf('2026-02-27')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(weekOf('2025-02-10')).toEqual({ from: '2025-02-10', to: '2025-02-16' });
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

describe('groupInWindow', () => {
  const week = SCALE_WINDOWS.week;
  // As selectEvents sorts them: by start date.
  const events = [
    makeEvent({ id: 'sanctions', date: '2022-02', endDate: '2025-02-12' }),
    makeEvent({ id: 'momentum', date: '2024-02', endDate: '2025-02' }),
    makeEvent({ id: 'drones', date: '2025-01', endDate: '2025-02-12' }),
    makeEvent({ id: 'tariff', date: '2025-02' }),
    makeEvent({ id: 'trip', date: '2025-02-10', endDate: '2025-02-13' }),
    makeEvent({ id: 'flight', date: '2025-02-11' }),
    makeEvent({ id: 'call', date: '2025-02-12' }),
    makeEvent({ id: 'munich', date: '2025-02-14', endDate: '2025-02-16' }),
  ];
  const shape = (groups: ReturnType<typeof groupInWindow>) =>
    groups.map((g) => [g.kind, g.date, g.events.map((e) => e.id)]);

  it('puts spans that began before the week under its start, not under the year they began', () => {
    const groups = groupInWindow(eventsAtScale(events, 'week', AS_OF), week);
    expect(shape(groups)).toEqual([
      ['ongoing', '2025-02-10', ['sanctions', 'momentum', 'drones']],
      ['undated', '2025-02', ['tariff']],
      ['day', '2025-02-10', ['trip']],
      ['day', '2025-02-11', ['flight']],
      ['day', '2025-02-12', ['call']],
      ['day', '2025-02-14', ['munich']],
    ]);
    // No group is dated before the window, so the list cannot open with Feb 2022.
    expect(groups.every((g) => g.kind === 'undated' || g.date >= week.from)).toBe(true);
  });

  it('groups the whole war by start date, as every event starts inside it', () => {
    const groups = groupInWindow(eventsAtScale(events, 'war', AS_OF), SCALE_WINDOWS.war);
    expect(groups.every((g) => g.kind === 'day')).toBe(true);
    expect(groups.map((g) => g.date)).toEqual(groupByDate(events).map((g) => g.date));
  });

  it('places ongoing and undated groups at the start of the axis, days along it', () => {
    const [ongoing, undated, first] = groupInWindow(eventsAtScale(events, 'week', AS_OF), week);
    expect(groupPosition(ongoing!, week)).toBe(0);
    expect(groupPosition(undated!, week)).toBe(0);
    expect(groupPosition(first!, week)).toBe(0);
    const munich = groupInWindow(eventsAtScale(events, 'week', AS_OF), week).at(-1)!;
    expect(groupPosition(munich, week)).toBeCloseTo(4 / 6);
  });
});

describe('axisTicks', () => {
  it('labels every day of the week, from its first to its last', () => {
    const ticks = axisTicks(SCALE_WINDOWS.week);
    expect(ticks.map((t) => t.label)).toEqual(['10 Feb', '11 Feb', '12 Feb', '13 Feb', '14 Feb', '15 Feb', '16 Feb']);
    expect(ticks[0]!.at).toBe(0);
    expect(ticks.at(-1)!.at).toBe(1);
  });

  it('labels every other year of the war, in order along the axis', () => {
    const ticks = axisTicks(SCALE_WINDOWS.war);
    expect(ticks.map((t) => t.label)).toEqual(['2014', '2016', '2018', '2020', '2022', '2024']);
    const at = ticks.map((t) => t.at);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(at.every((x) => x >= 0 && x <= 1)).toBe(true);
  });
});
