/**
 * The chart of a measure over time: one mark per estimate at its date (left to right in date order), each
 * opening its figure; by keyboard, arrows step through the estimates and Enter opens the one in focus.
 */
import { fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFigure, makeSource } from '../../testing/fixtures';
import { buildOverTime } from './over-time';
import { OverTimeChart } from './over-time-chart';
import { DENSE_MARKS, nearestMark } from './over-time-marks';

const realObserver = globalThis.ResizeObserver;
beforeEach(() => {
  // jsdom lays nothing out: the chart's box reports 800 px.
  globalThis.ResizeObserver = class {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(element: Element) {
      const entry = { target: element, contentRect: { width: 800, height: 0 } } as unknown as ResizeObserverEntry;
      this.callback([entry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(() => {
  globalThis.ResizeObserver = realObserver;
});

const jan = makeSource({ id: 'jan', published: '2025-01-10' });
const feb = makeSource({ id: 'feb', published: '2025-02-14' });
const oct = makeSource({ id: 'oct', published: '2026-10-01' });
const sources = new Map([jan, feb, oct].map((s) => [s.id, s]));
const rate = (id: string, sourceId: string, date: string, value: number, claimant: string) =>
  makeFigure({ id, measure: 'key-rate', unit: 'percent', value, date, period: undefined, sourceId, claimant });

describe('OverTimeChart', () => {
  const figures = [
    rate('oct', 'oct', '2026-10-01', 17, 'Bank of Russia'),
    rate('jan', 'jan', '2025-01-10', 20, 'Daleep Singh'),
    rate('feb', 'feb', '2025-02-14', 21, 'The New York Times'),
  ];

  it('draws one mark per estimate, in date order from left to right, each opening its figure', () => {
    const panel = buildOverTime(figures, sources)!;
    const onOpen = vi.fn();
    const { container } = render(<OverTimeChart panel={panel} title="Key rate" onOpen={onOpen} />);
    const marks = [...container.querySelectorAll('.over-time__mark')];
    expect(marks.map((m) => m.getAttribute('data-row-id'))).toEqual(['jan', 'feb', 'oct']);
    const x = (m: Element) => {
      const d = m.querySelector('path')!.getAttribute('d')!;
      return Number(/M\s*(-?[\d.]+)/.exec(d)![1]);
    };
    expect(x(marks[0]!)).toBeLessThan(x(marks[1]!));
    expect(x(marks[1]!)).toBeLessThan(x(marks[2]!));
    // Jan to Feb 2025 is a month; Feb 2025 to Oct 2026 twenty: the gaps are drawn to scale.
    expect(x(marks[2]!) - x(marks[1]!)).toBeGreaterThan(5 * (x(marks[1]!) - x(marks[0]!)));
    fireEvent.click(marks[2]!);
    expect(onOpen).toHaveBeenCalledWith('oct');
  });

  it('steps through the estimates with the arrows and opens the one in focus with Enter', () => {
    const panel = buildOverTime(figures, sources)!;
    const onOpen = vi.fn();
    const { getByRole } = render(<OverTimeChart panel={panel} title="Key rate" onOpen={onOpen} />);
    const chart = getByRole('application');
    expect(chart.getAttribute('aria-label')).toMatch(/^Key rate: 3 estimates/);
    chart.focus();
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    fireEvent.keyDown(chart, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith('feb');
    fireEvent.keyDown(chart, { key: 'End' });
    fireEvent.keyDown(chart, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith('oct');
  });

  it('writes the value of a mark inside the chart: left of a mark near its right edge, right of the others', () => {
    // "about 1,500 casualties a day" is wider than the room kept right of the last date.
    const perDay = (id: string, sourceId: string, date: string, value: number) =>
      makeFigure({
        id,
        measure: 'rate',
        unit: 'casualties-per-day',
        qualifier: 'about',
        value,
        date,
        period: undefined,
        sourceId,
      });
    const wordy = [perDay('jan', 'jan', '2025-01-10', 1000), perDay('oct', 'oct', '2026-10-01', 1500)];
    const panel = buildOverTime(wordy, sources)!;
    const { container } = render(<OverTimeChart panel={panel} title="Key rate" onOpen={() => {}} />);
    const label = (id: string) => container.querySelector(`.over-time__mark[data-row-id="${id}"] text`)!;
    const svgWidth = Number(container.querySelector('svg.recharts-surface')!.getAttribute('width'));
    expect(label('jan').getAttribute('text-anchor')).toBeNull();
    expect(label('oct').getAttribute('text-anchor')).toBe('end');
    expect(Number(label('oct').getAttribute('x'))).toBeLessThan(svgWidth);
  });

  it('draws many estimates as a few paths, one mark each, and a pointer or the keyboard still reaches each one', () => {
    const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const many = Array.from({ length: DENSE_MARKS + 100 }, (_, i) =>
      rate(`est-${i}`, 'jan', day(i), 10 + (i % 7), i % 2 ? 'Bank of Russia' : 'Reuters'),
    );
    // One estimate of another country: alone in its colour, so its mark is the only one in its path.
    const other = makeFigure({
      id: 'ukraine',
      measure: 'key-rate',
      unit: 'percent',
      value: 25,
      date: day(150),
      period: undefined,
      sourceId: 'jan',
      countries: ['UA'],
    });
    const panel = buildOverTime([...many, other], sources)!;
    const onOpen = vi.fn();
    const { container, getByRole } = render(<OverTimeChart panel={panel} title="Key rate" onOpen={onOpen} />);
    const marks = container.querySelector('.over-time__marks')!;
    expect(marks.getAttribute('data-marks')).toBe(String(DENSE_MARKS + 101));
    expect(container.querySelectorAll('.over-time__mark')).toHaveLength(0);
    const paths = [...marks.querySelectorAll(':scope > path')];
    expect(paths.length).toBeLessThan(10);
    // Every estimate is drawn: a circle or square per estimate (one "M" each), none left out.
    const subpaths = paths.reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g) ?? []).length, 0);
    expect(subpaths).toBe(DENSE_MARKS + 101);

    // The Ukrainian estimate's marker: its path starts within a marker's size of its centre. A pointer there shows
    // its readout; a click opens it.
    const alone = paths.find((p) => (p.getAttribute('d')!.match(/M/g) ?? []).length === 1)!;
    const [x, y] = /^M(-?[\d.]+),(-?[\d.]+)/.exec(alone.getAttribute('d')!)!.slice(1).map(Number) as [number, number];
    const hit = container.querySelector('.over-time__hit')!;
    fireEvent.mouseMove(hit, { clientX: x, clientY: y });
    expect(container.querySelector('.chart-readout')).toHaveAttribute('data-row-id', 'ukraine');
    fireEvent.click(hit, { clientX: x + 1, clientY: y + 1 });
    expect(onOpen).toHaveBeenLastCalledWith('ukraine');
    // Far from every mark (below the lowest), nothing opens.
    onOpen.mockClear();
    fireEvent.click(hit, { clientX: x, clientY: y + 500 });
    expect(onOpen).not.toHaveBeenCalled();

    // The keyboard steps through them in date order; the one in focus is drawn on top with its frame.
    const chart = getByRole('application');
    chart.focus();
    fireEvent.keyDown(chart, { key: 'End' });
    expect(container.querySelector('.over-time__mark')).toHaveAttribute('data-row-id', `est-${DENSE_MARKS + 99}`);
    expect(container.querySelector('.over-time__mark .over-time__focus')).not.toBeNull();
    fireEvent.keyDown(chart, { key: 'Enter' });
    expect(onOpen).toHaveBeenLastCalledWith(`est-${DENSE_MARKS + 99}`);
  });
});

describe('nearestMark', () => {
  const at = [
    { x: 10, y: 50 },
    { x: 20, y: 10 },
    { x: 20, y: 90 },
    { x: 40, y: 50 },
  ];
  it('finds the nearest mark within reach, and none beyond it', () => {
    expect(nearestMark(at, 21, 12, 10)).toBe(1);
    expect(nearestMark(at, 19, 85, 10)).toBe(2);
    expect(nearestMark(at, 38, 52, 10)).toBe(3);
    expect(nearestMark(at, 30, 50, 5)).toBeNull();
    expect(nearestMark([], 30, 50, 5)).toBeNull();
  });
});
