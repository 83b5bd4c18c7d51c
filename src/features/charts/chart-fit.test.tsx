/**
 * Every shipped chart, drawn at the widths it meets in print (A4 landscape content, ~1000 px; a
 * chart two to a page, ~680 px) and on a phone (360 px): each bar ends inside the plot, and each
 * value label is there in full and inside the drawing.
 */
import { render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import figuresJson from '../../../data/figures.json';
import sourcesJson from '../../../data/sources.json';
import type { Figure, Source } from '../../model/dataset/schema';
import { CHART_SPECS } from './chart-specs';
import { formatTick } from './series';
import { buildChart } from './build-chart';
import { ChartCard } from './chart-card';
import { CHAR_EM } from './bar-layout';

const figures = figuresJson as Figure[];
const sources = sourcesJson as Source[];

/** jsdom lays nothing out: every observed element reports `width` (as the chart's box would). */
let width = 1000;
const realObserver = globalThis.ResizeObserver;
beforeEach(() => {
  globalThis.ResizeObserver = class {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(element: Element) {
      const entry = { target: element, contentRect: { width, height: 0 } } as unknown as ResizeObserverEntry;
      this.callback([entry], this as unknown as ResizeObserver);
    }
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(() => {
  globalThis.ResizeObserver = realObserver;
});

const num = (el: Element, name: string) => Number(el.getAttribute(name));

describe.each([
  [1000, 'panel'],
  [680, 'panel'],
  [360, 'panel'],
  [1000, 'slide'],
  [560, 'slide'],
] as const)('every chart at %d px (%s)', (w, variant) => {
  it.each(CHART_SPECS.map((s) => [s.id, s] as const))('%s: bars inside the plot, every value labelled', (_, spec) => {
    width = w;
    const model = buildChart(spec, figures, sources);
    const { container } = render(<ChartCard model={model} onOpen={() => {}} variant={variant} />);
    const charts = [...container.querySelectorAll('.bar-chart')];
    expect(charts).toHaveLength(model.panels.length);
    charts.forEach((chart, p) => {
      const panel = model.panels[p]!;
      const svg = chart.querySelector('svg.recharts-surface')!;
      expect(num(svg, 'width'), 'the drawing takes the width of its box').toBe(w);
      const plot = chart.querySelector('clipPath rect')!;
      const left = num(plot, 'x');
      const right = left + num(plot, 'width');
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(w);

      const bars = [...chart.querySelectorAll('path.recharts-rectangle')];
      expect(bars, `${spec.id}/${panel.unit}: one bar a row`).toHaveLength(panel.rows.length);
      for (const bar of bars) {
        const x = num(bar, 'x');
        const barWidth = num(bar, 'width');
        expect(barWidth, `${spec.id}/${panel.unit}: a bar has a length`).toBeGreaterThan(0);
        expect(x, `${spec.id}/${panel.unit}: bar starts inside the plot`).toBeGreaterThanOrEqual(left - 0.5);
        expect(x + barWidth, `${spec.id}/${panel.unit}: bar ends inside the plot`).toBeLessThanOrEqual(right + 0.5);
      }

      const labels = [...chart.querySelectorAll('text.bar-chart__value')];
      expect(labels.map((l) => l.textContent)).toEqual(panel.rows.map((r) => r.display));
      for (const label of labels) {
        const fontSize = num(label, 'font-size');
        const x = num(label, 'x');
        for (const line of label.querySelectorAll('tspan')) {
          const text = (line.textContent ?? '').trim();
          expect(text).not.toContain('…');
          expect(x + text.length * fontSize * CHAR_EM, `${spec.id}: “${text}” inside the drawing`).toBeLessThanOrEqual(
            w + 0.5,
          );
        }
      }

      // The axis: its ticks inside the drawing, round and from zero on a linear scale.
      const ticks = [
        ...chart.querySelectorAll(
          '.recharts-xAxis-tick-labels text, .recharts-xAxis .recharts-cartesian-axis-tick-value',
        ),
      ];
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      for (const tick of ticks) {
        const text = tick.textContent ?? '';
        const half = (text.length * num(tick, 'font-size') * CHAR_EM) / 2;
        expect(num(tick, 'x') - half, `tick “${text}”`).toBeGreaterThanOrEqual(-0.5);
        expect(num(tick, 'x') + half, `tick “${text}”`).toBeLessThanOrEqual(w + 0.5);
      }
      if (panel.scale === 'linear') expect(ticks.map((t) => t.textContent)).toContain(formatTick(0, panel.unit));
    });
  });
});
