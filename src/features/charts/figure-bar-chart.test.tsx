import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ChartPanel, ChartRow } from './series';
import { FigureBarChart, SLIDE_FIT_FLOOR, slideLayout } from './figure-bar-chart';
import { barLayout } from './bar-layout';

const row = (id: string, label: string, end: number, extra: Partial<ChartRow> = {}): ChartRow => ({
  id,
  label,
  unit: 'tanks',
  claimant: `${label} claimant`,
  qualifier: 'exact',
  display: `${end} tanks`,
  numeric: `${end} tanks`,
  span: [0, end],
  kind: 'value',
  quote: `quote of ${label}`,
  sourceLine: 'The New York Times, “A story”',
  country: 'RU',
  ...extra,
});

const panel: ChartPanel = {
  unit: 'tanks',
  title: 'Tanks lost',
  axisLabel: 'tanks',
  scale: 'linear',
  share: false,
  extent: [0, 300],
  domain: [0, 300],
  ticks: [0, 100, 200, 300],
  rows: [
    row('first', 'First', 100),
    row('second', 'Second', 200),
    row('third', 'Third', 300, {
      kind: 'vague',
      display: '“hundreds”',
      reading: '"hundreds" read as 100 to 999. Drawn as 100 to 999 tanks, not a measurement.',
      solidTo: 0.3,
    }),
  ],
  omitted: 0,
};

function setup() {
  const onOpen = vi.fn();
  render(<FigureBarChart panel={panel} title="Tanks lost" onOpen={onOpen} />);
  const chart = screen.getByRole('application', { name: 'Tanks lost: tanks, 3 bars' });
  return { onOpen, chart };
}

/** The bar whose readout is shown, by its label. */
const readout = () => document.querySelector('.chart-readout');

describe('FigureBarChart from the keyboard', () => {
  it('is one named, described stop in the tab order', async () => {
    const user = userEvent.setup();
    const { chart } = setup();
    expect(chart).toHaveAccessibleDescription(/Arrow keys move from bar to bar.*Enter opens/);
    await user.tab();
    expect(chart).toHaveFocus();
    // Focus shows the first bar's quote, below the plot, and says it.
    expect(readout()).toHaveAttribute('data-row-id', 'first');
    expect(readout()).toHaveTextContent('quote of First');
    expect(screen.getByText('First: 100 tanks. Claimed by First claimant.')).toBeInTheDocument();
  });

  it('moves in reading order: Down and Right to the next, Up and Left to the previous, Home and End', async () => {
    const user = userEvent.setup();
    setup();
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(readout()).toHaveAttribute('data-row-id', 'second');
    await user.keyboard('{ArrowRight}');
    expect(readout()).toHaveAttribute('data-row-id', 'third');
    await user.keyboard('{ArrowRight}');
    expect(readout(), 'stops at the last bar').toHaveAttribute('data-row-id', 'third');
    await user.keyboard('{ArrowLeft}');
    expect(readout()).toHaveAttribute('data-row-id', 'second');
    await user.keyboard('{ArrowUp}');
    expect(readout()).toHaveAttribute('data-row-id', 'first');
    await user.keyboard('{ArrowUp}');
    expect(readout(), 'stops at the first bar').toHaveAttribute('data-row-id', 'first');
    await user.keyboard('{End}');
    expect(readout()).toHaveAttribute('data-row-id', 'third');
    await user.keyboard('{Home}');
    expect(readout()).toHaveAttribute('data-row-id', 'first');
  });

  it('outlines the focused bar’s row in the drawing', async () => {
    const user = userEvent.setup();
    const { chart } = setup();
    expect(chart.querySelector('.bar-chart__focus')).toBeNull();
    await user.tab();
    const top = () => parseFloat((chart.querySelector('.bar-chart__focus') as HTMLElement).style.top);
    const first = top();
    await user.keyboard('{End}');
    expect(top()).toBeGreaterThan(first);
  });

  it('opens the focused bar’s figure with Enter', async () => {
    const user = userEvent.setup();
    const { onOpen } = setup();
    await user.tab();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onOpen).toHaveBeenCalledWith('second');
  });

  it('keeps its keys from the page: they neither scroll it nor reach a deck listening on the document', async () => {
    const user = userEvent.setup();
    const onDocumentKey = vi.fn();
    const { chart } = setup();
    await user.tab();
    document.addEventListener('keydown', onDocumentKey);
    const event = fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(event, 'default prevented').toBe(false);
    expect(onDocumentKey).not.toHaveBeenCalled();
    // Other keys (Tab, Space for the deck) pass through.
    fireEvent.keyDown(chart, { key: ' ' });
    expect(onDocumentKey).toHaveBeenCalledTimes(1);
    document.removeEventListener('keydown', onDocumentKey);
  });

  it('closes the readout with Escape and hides it when focus leaves', async () => {
    const user = userEvent.setup();
    setup();
    await user.tab();
    expect(readout()).not.toBeNull();
    await user.keyboard('{Escape}');
    expect(readout()).toBeNull();
    await user.keyboard('{ArrowDown}');
    expect(readout()).toHaveAttribute('data-row-id', 'second');
    await user.tab();
    expect(readout()).toBeNull();
  });

  it('shows a figure given in words by its words, with the reading beside the quote', async () => {
    const user = userEvent.setup();
    setup();
    await user.tab();
    await user.keyboard('{End}');
    expect(readout()).toHaveTextContent('“hundreds”');
    expect(readout()).toHaveTextContent('Reading: "hundreds" read as 100 to 999. Drawn as 100 to 999 tanks');
  });

  it('draws a figure given in words as a band fading to nothing, not a solid bar', () => {
    const { chart } = setup();
    const vague = chart.querySelectorAll('path.recharts-rectangle')[2]!;
    const fill = /url\("?#([^")]+)"?\)/.exec(vague.getAttribute('style') ?? '')?.[1];
    expect(fill).toBeTruthy();
    const stops = [...chart.querySelectorAll(`[id="${fill}"] stop`)];
    expect(stops.map((s) => s.getAttribute('offset'))).toEqual(['0', '0.3', '1']);
    expect(stops[2]!.getAttribute('style')).toContain('stop-opacity: 0');
    const solid = chart.querySelectorAll('path.recharts-rectangle')[0]!;
    expect(solid.getAttribute('style')).not.toContain('url(');
  });

  it('opens a bar’s figure on click', async () => {
    const user = userEvent.setup();
    const { onOpen, chart } = setup();
    const bar = () => chart.querySelectorAll('path.recharts-rectangle')[1]!;
    // The pointer over a bar shows its quote below the plot (Recharts draws the hovered bar afresh).
    await user.hover(bar());
    expect(readout()).toHaveAttribute('data-row-id', 'second');
    await user.click(bar());
    expect(onOpen).toHaveBeenCalledWith('second');
  });
});

describe('slideLayout', () => {
  const many = Array.from({ length: 6 }, (_, i) => ({
    label: `US demand for Ukrainian mineral rights, reported by paper number ${i + 1}`,
    display: 'more than $100 million',
  })) as unknown as ChartRow[];

  it('keeps a 16:9 slide chart inside its box: the text steps down rather than run into the legend', () => {
    const natural = barLayout(1100, many, { variant: 'slide', fontSize: 26 });
    const height = Math.round(natural.height * 0.85);
    const fitted = slideLayout(1100, many, { height, fontSize: 26, fitHeight: true });
    expect(natural.height).toBeGreaterThan(height);
    expect(fitted.height).toBeLessThanOrEqual(height);
    expect(fitted.fontSize).toBeLessThan(26);
    expect(fitted.fontSize).toBeGreaterThanOrEqual(26 * SLIDE_FIT_FLOOR);
  });

  it('gives the labels a wider column (fewer lines a row) before it makes the text smaller', () => {
    const narrow = barLayout(1800, many, { variant: 'slide', fontSize: 26 });
    const wide = barLayout(1800, many, { variant: 'slide', fontSize: 26, labelEm: 27 });
    expect(wide.height).toBeLessThan(narrow.height);
    const fitted = slideLayout(1800, many, { height: wide.height, fontSize: 26, fitHeight: true });
    expect(fitted.fontSize).toBe(26);
    expect(fitted.height).toBeLessThanOrEqual(wide.height);
    expect(fitted.labelWidth).toBeGreaterThan(narrow.labelWidth);
  });

  it('shrinks no further than the floor, and not at all where the box grows (a phone’s scrolling slide)', () => {
    expect(slideLayout(1100, many, { height: 50, fontSize: 26, fitHeight: true }).fontSize).toBe(26 * SLIDE_FIT_FLOOR);
    expect(slideLayout(1100, many, { height: 50, fontSize: 26 }).fontSize).toBe(26);
  });
});
