import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { parseDailySeries, parseMonthlyGains } from '../../../model/frontline/frontline';
import { OccupiedAreaChart } from './occupied-area-chart';

const root = join(import.meta.dirname, '../../../..');
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
    const count = (kind: string) => container.querySelectorAll(`.recharts-line-dots .frontline-mark--${kind}`).length;
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
    // No Recharts tooltip: the values are read out under the panels.
    expect(container.querySelector('.recharts-tooltip-wrapper')).toBeNull();
  });

  it('reads out a day from the keyboard: the as-of day first, then arrows, Page Up/Down, Home and End', async () => {
    const user = userEvent.setup();
    const { container } = draw();
    const line = screen.getByRole('application', { name: 'Occupied area by day, 776 days' });
    const readout = () => container.querySelector('[data-readout="area"]')!;
    expect(readout()).toHaveTextContent('Point at, tap or focus the line to read a day’s area.');
    expect(container.querySelector('.frontline-cursor')).toBeNull();
    await user.tab();
    expect(line).toHaveFocus();
    expect(readout()).toHaveTextContent('Situation 13 Feb 2025: 111,963.6 km² · 43,229.4 sq mi');
    expect(container.querySelector('.frontline-cursor')).not.toBeNull();
    expect(container.querySelectorAll('.recharts-line-dots .frontline-picked')).toHaveLength(1);
    await user.keyboard('{ArrowLeft}');
    expect(readout()).toHaveTextContent(
      'Situation 12 Feb 2025: 111,944 km² · 43,221.8 sq mi · Stale fetch: shows DeepState’s previous update',
    );
    // The live region says it too, while the keyboard is on the chart.
    expect(screen.getByText(/^Situation 12 Feb 2025: 111,944 km² · 43,221.8 sq mi\. Stale fetch/)).toHaveClass(
      'visually-hidden',
    );
    await user.keyboard('{ArrowRight}{ArrowRight}{PageUp}');
    expect(readout()).toHaveTextContent(/^Situation 15 Jan 2025: /);
    await user.keyboard('{Home}');
    expect(readout()).toHaveTextContent(/^Situation 7 Jul 2024: /);
    // A gap is read out as a gap: 17 Aug 2024 is 41 days after the first day drawn.
    await user.keyboard('{PageDown}' + '{ArrowRight}'.repeat(11));
    expect(readout()).toHaveTextContent('Situation 17 Aug 2024: No file for this day (gap)');
    await user.keyboard('{End}');
    expect(readout()).toHaveTextContent(/^Situation 21 Aug 2026: /);
    await user.keyboard('{Escape}');
    expect(readout()).toHaveTextContent('Point at, tap or focus the line');
  });

  it('reads out a month’s net gain from the keyboard, with its dates and flags', async () => {
    const user = userEvent.setup();
    const { container } = draw();
    const bars = screen.getByRole('application', { name: 'Net gain by month, 24 months' });
    await user.tab();
    await user.tab();
    expect(bars).toHaveFocus();
    const readout = () => container.querySelector('[data-readout="gains"]')!;
    expect(readout()).toHaveTextContent(/^Feb 2025, net gain: /);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(readout()).toHaveTextContent(
      'Dec 2024, net gain: +386.4 km² · +149.2 sq mi · 30 Nov 2024 to 30 Dec 2024 (30 days) · to-file is a stale fetch',
    );
    expect(container.querySelectorAll('[data-panel="gains"] .frontline-bar--picked')).toHaveLength(1);
    await user.keyboard('{Home}');
    expect(readout()).toHaveTextContent(/^Aug 2024, net gain: /);
  });

  it('has no readout and takes no keys on a slide', () => {
    const { container } = render(<OccupiedAreaChart daily={daily} gains={gains} asOf="2025-02-13" slide />);
    expect(screen.queryByRole('application')).toBeNull();
    expect(container.querySelector('[data-readout]')).toBeNull();
    expect(container.querySelectorAll('.recharts-line-dots .frontline-mark--suspect')).toHaveLength(3);
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
