import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Charts } from './charts';
import { makeCountry, makeDataset, makeFigure, makeSource } from '../../testing/fixtures';
import { renderWithChoices, settleDeferred } from '../../testing/render';
import { useChoices } from '../../state/store';

const dataset = makeDataset({
  sources: [
    makeSource({ id: 's', publisher: 'The New York Times', outlet: 'The New York Times', published: '2025-02-14' }),
  ],
  countries: [makeCountry({ id: 'RU', name: 'Russia' }), makeCountry({ id: 'TW', name: 'Taiwan' })],
  figures: [
    makeFigure({
      id: 'west',
      label: 'Western estimate',
      measure: 'russia-casualties-per-day',
      unit: 'casualties-per-day',
      value: 1000,
      qualifier: 'about',
      claimant: 'Western officials',
      sourceId: 's',
      quote: 'roughly 1,000 casualties a day',
      stated: '1,000',
    }),
    makeFigure({
      id: 'analysts',
      label: 'Analysts estimate',
      measure: 'russia-casualties-per-day',
      unit: 'casualties-per-day',
      value: undefined,
      low: 100,
      high: 999,
      qualifier: 'at-least',
      claimant: 'Military analysts',
      sourceId: 's',
      quote: 'estimated by military analysts as at least in the hundreds daily',
      stated: 'at least in the hundreds daily',
      reading: '"hundreds" read as 100 to 999; "at least" means the true number may be higher',
    }),
    makeFigure({
      id: 'exports',
      label: 'Export share to the US',
      measure: 'taiwan-export-share-us',
      unit: 'percent',
      value: 25,
      qualifier: 'nearly',
      countries: ['TW'],
      sourceId: 's',
      quote: 'nearly a quarter',
      stated: 'a quarter',
    }),
  ],
});

describe('Charts', () => {
  it('draws each chart with title, unit, as-of date, source line and one bar per figure', () => {
    const { container } = renderWithChoices(<Charts dataset={dataset} />);
    const chart = screen.getByRole('figure', { name: 'Russian casualties a day, by who estimates them' });
    expect(chart).toHaveTextContent('Unit: casualties a day · As of 14 Feb 2025');
    expect(chart).toHaveTextContent('Source: The New York Times.');
    expect(container.querySelectorAll('[data-chart-id="casualties"] .recharts-bar-rectangle')).toHaveLength(2);
    const drawing = chart.querySelector('.chart-panel')!;
    expect(drawing).toHaveTextContent(/Western officials.*Military analysts/);
    // The analysts gave words, not a number: the chart shows their words, never "100–999".
    expect(drawing).toHaveTextContent(/about 1,000 casualties a day.*“at least in the hundreds daily”/);
    expect(drawing).not.toHaveTextContent('100–999');
  });

  it('offers the data as a table, with each row opening the figure', async () => {
    const user = userEvent.setup();
    renderWithChoices(<Charts dataset={dataset} />);
    const chart = screen.getByRole('figure', { name: /casualties a day/ });
    const toggle = within(chart).getByRole('button', { name: 'Show data' });
    await user.click(toggle);
    const table = within(chart).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(table).toHaveTextContent('“at least in the hundreds daily”');
    expect(table).toHaveTextContent('Drawn as 100 to 999 casualties a day, not a measurement.');
    await user.click(within(table).getByRole('button', { name: 'Detail: Military analysts' }));
    expect(useChoices.getState().figure).toBe('analysts');
  });

  it('follows the filters and says how many charts are left', () => {
    renderWithChoices(<Charts dataset={dataset} />, { countries: ['TW'] });
    expect(screen.queryByRole('figure', { name: /casualties/ })).toBeNull();
    expect(screen.getByRole('figure', { name: 'Taiwan and the United States' })).toBeInTheDocument();
    expect(screen.getByText('1 of 5 charts have figures that match the filters.')).toBeInTheDocument();
  });

  it('shows an empty state naming the filters when nothing is charted', async () => {
    const user = userEvent.setup();
    renderWithChoices(<Charts dataset={dataset} />, { q: 'no such words' });
    expect(screen.getByText('Search: “no such words”')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    await settleDeferred();
    expect(screen.getAllByRole('figure').length).toBeGreaterThan(1);
    act(() => useChoices.getState().clearFilters());
  });
});
