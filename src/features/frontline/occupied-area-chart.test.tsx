import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { parseDailySeries, parseMonthlyGains } from '../../model/frontline';
import { OccupiedAreaChart } from './occupied-area-chart';

const root = join(import.meta.dirname, '../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const daily = parseDailySeries(readJson('public/frontline/daily.json'));
const gains = parseMonthlyGains(readJson('public/frontline/gains.json'));

const draw = () => render(<OccupiedAreaChart daily={daily} gains={gains} asOf="2025-02-13" />);

describe('OccupiedAreaChart', () => {
  it('draws the daily line broken at the gaps, the marked days, the as-of line and the monthly bars', () => {
    const { container } = draw();
    const chart = screen.getByRole('figure', { name: 'Occupied area of Ukraine, by day, and net gains by month' });
    expect(chart).toHaveTextContent('As of 13 Feb 2025');
    const line = container.querySelector('.frontline-line .recharts-line-curve');
    // 5 runs of missing days split the line into 6 pieces: nothing joins across a gap.
    expect(line?.getAttribute('d')?.match(/M/g)).toHaveLength(6);
    const count = (kind: string) => container.querySelectorAll(`.frontline-mark--${kind} .recharts-symbols`).length;
    expect([count('stale-fetch'), count('backfilled'), count('suspect'), count('note')]).toEqual([75, 22, 3, 1]);
    expect(container.querySelectorAll('.recharts-reference-line.frontline-gap, line.frontline-gap').length).toBe(5);
    const area = container.querySelector('[data-panel="area"]')!;
    expect(area).toHaveTextContent('As of 13 Feb 2025');
    expect(area).toHaveTextContent('thousand km²');
    expect(area).toHaveTextContent('Situation date');
    expect(area).toHaveTextContent('Jan 2025');
    const bars = container.querySelectorAll('[data-panel="gains"] .recharts-bar-rectangle');
    expect(bars).toHaveLength(24);
    expect(container.querySelectorAll('[data-panel="gains"] .frontline-bar--flagged')).toHaveLength(7);
    expect(container.querySelector('[data-panel="gains"]')).toHaveTextContent('km²');
  });

  it('names the source and lists what is marked, with counts', () => {
    draw();
    const chart = screen.getByRole('figure', { name: /Occupied area of Ukraine/ });
    expect(chart).toHaveTextContent(
      'Front line: DeepStateMap.live (via cyterat/deepstate-map-data), situations 7 Jul 2024 to 21 Aug 2026.',
    );
    const legend = within(chart).getByRole('list', { name: 'What is marked' });
    expect(legend).toHaveTextContent('No file (7 days): the line breaks');
    expect(legend).toHaveTextContent('Stale fetch: shows DeepState’s previous update (75)');
    expect(legend).toHaveTextContent('Backfilled by hand later (time of day unknown) (22)');
    expect(legend).toHaveTextContent('Large one-day change (kept, checked) (3)');
  });

  it('shows the notes on the data and the monthly table under "Show data"', async () => {
    const user = userEvent.setup();
    draw();
    const chart = screen.getByRole('figure', { name: /Occupied area of Ukraine/ });
    expect(within(chart).queryByRole('table')).toBeNull();
    await user.click(within(chart).getByRole('button', { name: 'Show data' }));
    expect(chart).toHaveTextContent('No file for 7 days. 17–18 Aug 2024, 31 Dec 2024');
    expect(chart).toHaveTextContent('75 stale fetches.');
    expect(chart).toHaveTextContent('December 2024 runs to 30 Dec.');
    const table = within(chart).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(25);
    const dec = within(table).getByRole('row', { name: /^Dec 2024/ });
    expect(dec).toHaveTextContent('30 Nov 2024 – 30 Dec 2024386.4149.2to-file is a stale fetch');
  });

  it('draws at 360 px wide', () => {
    class NarrowObserver {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(element: Element) {
        const height = parseFloat((element as HTMLElement).style.height) || 300;
        const entry = { target: element, contentRect: { width: 360, height } } as unknown as ResizeObserverEntry;
        this.callback([entry], this as unknown as ResizeObserver);
      }
      unobserve() {}
      disconnect() {}
    }
    vi.stubGlobal('ResizeObserver', NarrowObserver);
    const { container } = draw();
    const surfaces = container.querySelectorAll('svg.recharts-surface');
    expect([...surfaces].map((s) => s.getAttribute('width'))).toEqual(['360', '360']);
    expect(container.querySelector('.frontline-line .recharts-line-curve')?.getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+L/,
    );
    expect(container.querySelectorAll('[data-panel="gains"] .recharts-bar-rectangle')).toHaveLength(24);
    vi.unstubAllGlobals();
  });
});
