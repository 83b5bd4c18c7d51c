import { act, screen, within } from '@testing-library/react';
import { Suspense } from 'react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import MapPanel from './map-panel';
import { loadGeoData } from './geo-data';
import sources from '../../../data/sources.json';
import topics from '../../../data/topics.json';
import countries from '../../../data/countries.json';
import units from '../../../data/units.json';
import figures from '../../../data/figures.json';
import actors from '../../../data/actors.json';
import events from '../../../data/events.json';
import places from '../../../data/places.json';
import { loadDataset } from '../../model/load-dataset';
import { renderWithChoices, settleDeferred } from '../../testing/render';
import { useChoices } from '../../state/store';

const dataset = loadDataset({ sources, topics, countries, units, figures, actors, events, places });
// Fetch the geometry before rendering, so the map draws in the first commit.
await loadGeoData();
const Map = () => (
  <Suspense fallback={<p>Loading the map…</p>}>
    <MapPanel dataset={dataset} />
  </Suspense>
);
const markerTitles = (container: HTMLElement) =>
  [...container.querySelectorAll('.leaflet-marker-icon')].map((m) => m.getAttribute('title'));

describe('MapPanel (jsdom, SVG renderer)', () => {
  it('draws the front-line polygons and a marker per place with events', async () => {
    // The first render suspends until React has seen the geometry promise settle.
    let container!: HTMLElement;
    await act(async () => {
      container = renderWithChoices(<Map />).container;
    });
    expect(container.querySelectorAll('path.leaflet-interactive').length).toBeGreaterThan(15);
    const titles = markerTitles(container);
    expect(titles).toContain('Kyiv: 2 events');
    expect(titles.some((t) => t?.startsWith('Taiwan (marker at Taipei)'))).toBe(true);
    expect(screen.getByText(/Front line as of/)).toHaveTextContent('Front line as of 13 Feb 2025 · DeepStateMap.live');
  });

  it('markers follow the filters: Taiwan shows its marker and hides Kyiv', async () => {
    const { container } = renderWithChoices(<Map />, { countries: ['TW'] });
    const titles = markerTitles(container);
    expect(titles.some((t) => t?.startsWith('Taiwan'))).toBe(true);
    expect(titles.some((t) => t?.startsWith('Kyiv'))).toBe(false);
    act(() => useChoices.getState().clearFilters());
    await settleDeferred();
    expect(markerTitles(container).some((t) => t?.startsWith('Kyiv'))).toBe(true);
  });

  it('has a keyboard-operable layer control with each layer’s area, and a legend', () => {
    renderWithChoices(<Map />);
    expect(screen.getByRole('checkbox', { name: /Occupied since 2014: Crimea \(27,115 km²\)/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Offline map (no network needed)' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /OpenStreetMap tiles \(online: needs a network\)/ })).not.toBeChecked();
    expect(screen.getByRole('list', { name: 'Legend' })).toHaveTextContent(
      'Kursk region: held by Ukrainian forces: 432 km²',
    );
  });

  it('describes the visible layers and places in text', async () => {
    const user = userEvent.setup();
    renderWithChoices(<Map />, { countries: ['TW'] });
    await user.click(screen.getByRole('button', { name: 'Describe map' }));
    const description = screen.getByRole('heading', { name: 'Places shown' }).parentElement!;
    expect(description).toHaveTextContent('Occupied since 2022: 68,097 km²');
    const places = within(description).getAllByRole('list')[1]!;
    expect(places).toHaveTextContent(/Taiwan \(marker at Taipei\):.*Taiwan's economy minister briefs reporters/);
    expect(places).not.toHaveTextContent('Kyiv');
  });

  it('requests no tiles until the online layer is chosen', () => {
    const { container } = renderWithChoices(<Map />);
    expect(container.querySelectorAll('img.leaflet-tile')).toHaveLength(0);
  });
});
