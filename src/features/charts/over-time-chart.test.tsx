/**
 * The chart of a measure over time: one mark per estimate at its date (left to right in date order), each
 * opening its figure; by keyboard, arrows step through the estimates and Enter opens the one in focus.
 */
import { fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFigure, makeSource } from '../../testing/fixtures';
import { buildOverTime } from './over-time';
import { OverTimeChart } from './over-time-chart';

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
});
