import { act, configure, screen, waitFor, within } from '@testing-library/react';
import { Suspense } from 'react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
import measures from '../../../data/measures.json';
import { loadDataset } from '../../model/dataset/load-dataset';
import { renderWithChoices, settleDeferred } from '../../testing/render';
import { useChoices } from '../../state/store';
import { clearFrontlineCache } from '../../model/frontline/frontline-data';
import { pairDifference, readFrontlineSituations } from '../../../scripts/lib/frontline-differences-plugin';

// The differences are computed at build time (scripts/lib/frontline-differences-plugin.ts, not in public/): a
// test is served the pair file the build would emit, made by the same function.
const situations = readFrontlineSituations('public/frontline');
const PAIR = /^\/frontline\/differences\/(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})\.json$/;
const fetchedPairs: string[] = [];

// The app fetches public/frontline/ from its own origin; in tests it is read from the repository, and a
// test may make one file fail as a dropped network would.
const setupFetch = globalThis.fetch;
let failing: RegExp | null = null;
beforeEach(() => {
  failing = null;
  fetchedPairs.length = 0;
  clearFrontlineCache();
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (failing?.test(url)) return Promise.reject(new TypeError('Failed to fetch'));
    const pair = PAIR.exec(url);
    if (pair) {
      fetchedPairs.push(url);
      return Promise.resolve(Response.json(pairDifference(situations, pair[1]!, pair[2]!)));
    }
    return setupFetch(input, init);
  };
});
afterEach(() => {
  globalThis.fetch = setupFetch;
});

const dataset = loadDataset({ sources, topics, countries, units, figures, actors, events, places, measures });
// Fetch the geometry before rendering, so the map draws in the first commit.
await loadGeoData();
const Map = () => (
  <Suspense fallback={<p>Loading the map…</p>}>
    <MapPanel dataset={dataset} />
  </Suspense>
);
// Leaflet in jsdom is slow on a busy machine: give the asynchronous queries room (they pass as soon as they can).
configure({ asyncUtilTimeout: 8000 });

/** Render, and let the map's first render (which may suspend on its geometry) settle. */
async function renderMap(choices: Parameters<typeof renderWithChoices>[1] = {}) {
  let result!: ReturnType<typeof renderWithChoices>;
  await act(async () => {
    result = renderWithChoices(<Map />, choices);
  });
  return result;
}
/** The date stamp on the map, once it reads `date`. */
const stampReads = (date: string) =>
  waitFor(() =>
    expect(document.querySelector('.map-overlay-stamp .map-stamp')).toHaveTextContent(
      `Front line as of ${date} · DeepStateMap.live`,
    ),
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
    // The situation shown is known once the list of dates has loaded: the newest on or before the articles.
    await waitFor(() => expect(container.querySelectorAll('path.leaflet-interactive').length).toBeGreaterThan(15));
    const titles = markerTitles(container);
    expect(titles).toContain('Kyiv: 2 events');
    expect(titles.some((t) => t?.startsWith('Taiwan (marker at Taipei)'))).toBe(true);
    expect(screen.getByText(/Front line as of/)).toHaveTextContent('Front line as of 13 Feb 2025 · DeepStateMap.live');
  });

  it('draws place names as drawing, hidden from screen readers (Describe map says it in words)', async () => {
    let container!: HTMLElement;
    await act(async () => {
      container = renderWithChoices(<Map />).container;
    });
    const pane = container.querySelector('.leaflet-map-labels-pane');
    expect(pane).toHaveAttribute('aria-hidden', 'true');
    expect(pane?.querySelectorAll('[role=tooltip]').length).toBeGreaterThan(5);
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

  it('has a keyboard-operable layer control with each layer’s area, and a legend', async () => {
    await renderMap();
    expect(await screen.findByRole('checkbox', { name: /Occupied since 2014: Crimea \(27,115 km²\)/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Offline map (no network needed)' })).toBeChecked();
    expect(screen.getByRole('radio', { name: /OpenStreetMap tiles \(online: needs a network\)/ })).not.toBeChecked();
    expect(screen.getByRole('list', { name: 'Legend' })).toHaveTextContent(
      'Kursk region: held by Ukrainian forces: 432 km²',
    );
  });

  it('describes the visible layers and places in text', async () => {
    const user = userEvent.setup();
    await renderMap({ countries: ['TW'] });
    await user.click(screen.getByRole('button', { name: 'Describe map' }));
    const description = screen.getByRole('heading', { name: 'Places shown' }).parentElement!;
    // The detailed layers are of 13 Feb 2025, the situation of the articles once the list of dates is in.
    await waitFor(() => expect(description).toHaveTextContent('Occupied since 2022: 68,097 km²'));
    const places = within(description).getAllByRole('list')[2]!;
    expect(places).toHaveTextContent(/Taiwan \(marker at Taipei\):.*Taiwan's economy minister briefs reporters/);
    expect(places).not.toHaveTextContent('Kyiv');
  });

  it('requests no tiles until the online layer is chosen', () => {
    const { container } = renderWithChoices(<Map />);
    expect(container.querySelectorAll('img.leaflet-tile')).toHaveLength(0);
  });

  it('draws the situation the store names, with its date on the map and in the attribution', async () => {
    const { container } = await renderMap({ frontline: '2025-01-01' });
    await stampReads('1 Jan 2025');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Front line date' })).toHaveValue('2025-01-01'));
    // The line's pane is created one effect after the map: wait for it.
    await waitFor(() => expect(container.querySelectorAll('path.frontline-line').length).toBeGreaterThan(0));
    expect(container.querySelector('.leaflet-control-attribution')).toHaveTextContent(
      'Front line: DeepStateMap.live (via cyterat/deepstate-map-data), situation 1 Jan 2025',
    );
    const legend = screen.getByRole('list', { name: 'Legend' });
    // index.json: 2025-01-01 areaKm2 111,581.6 (SOURCES.md: 111,581.6 km² full).
    expect(legend).toHaveTextContent('Occupied area, 1 Jan 2025: 111,582 km²');
    // The detailed layers are of 13 Feb 2025 only: not offered for another date.
    expect(screen.queryByRole('checkbox', { name: /Occupied since 2022/ })).not.toBeInTheDocument();
    expect(legend).toHaveTextContent('mapped for 13 Feb 2025 only');
  });

  it('steps the date with the buttons and the select; the as-of date is the default (null)', async () => {
    const user = userEvent.setup();
    await renderMap();
    const select = await screen.findByRole('combobox', { name: 'Front line date' });
    await waitFor(() => expect(select).toHaveValue('2025-02-13'));
    await user.click(screen.getByRole('button', { name: 'Earlier situation' }));
    expect(useChoices.getState().frontline).toBe('2025-02-01');
    await stampReads('1 Feb 2025');
    await user.selectOptions(select, '2024-08-01');
    expect(useChoices.getState().frontline).toBe('2024-08-01');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Earlier situation' })).toBeDisabled());
    await user.selectOptions(select, '2025-02-13');
    expect(useChoices.getState().frontline).toBeNull();
  });

  it('opens on the newest situation on or before the articles, and says when the articles are newer', async () => {
    const newer = (published: string) => ({ ...dataset, sources: dataset.sources.map((s) => ({ ...s, published })) });
    let view!: ReturnType<typeof renderWithChoices>;
    await act(async () => {
      view = renderWithChoices(
        <Suspense fallback={<p>Loading the map…</p>}>
          <MapPanel dataset={newer('2026-02-27')} />
        </Suspense>,
      );
    });
    const select = await screen.findByRole('combobox', { name: 'Front line date' });
    await waitFor(() => expect(select).toHaveValue('2026-02-01'));
    expect(screen.getByRole('option', { name: '1 Feb 2026 (as of the articles)' })).toBeInTheDocument();
    await stampReads('1 Feb 2026');
    expect(screen.queryByText(/Latest front-line data/)).toBeNull();
    view.unmount();

    await act(async () => {
      renderWithChoices(
        <Suspense fallback={<p>Loading the map…</p>}>
          <MapPanel dataset={newer('2026-12-01')} />
        </Suspense>,
      );
    });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Front line date' })).toHaveValue('2026-08-01'));
    expect(screen.getByText(/Latest front-line data/)).toHaveTextContent(
      'Latest front-line data: 1 Aug 2026 (the articles run to 1 Dec 2026).',
    );
    // The default is not written to the URL: the store keeps null for it.
    expect(useChoices.getState().frontline).toBeNull();
  });

  it('compares with an earlier situation: taken and retaken areas in km² and sq mi', async () => {
    const user = userEvent.setup();
    const { container } = await renderMap();
    const compare = await screen.findByRole('combobox', { name: 'Compare with' });
    await waitFor(() => expect(compare).toBeEnabled());
    // Only earlier situations are offered.
    expect(within(compare).queryByRole('option', { name: /2026/ })).not.toBeInTheDocument();
    await user.selectOptions(compare, '2024-08-01');
    expect(useChoices.getState().compare).toBe('2024-08-01');
    const taken = await screen.findByText(/^Taken by Russia:/);
    expect(taken).toHaveTextContent(/^Taken by Russia: [\d,]+ km² \([\d,]+ sq mi\)$/);
    expect(screen.getByText(/^Retaken by Ukraine:/)).toHaveTextContent(/[\d,]+ km² \([\d,]+ sq mi\)/);
    expect(screen.getByText(/^Net change:/)).toHaveTextContent(
      'Net change: +2,767 km² (+1,068 sq mi) on the outlines drawn; +2,757.5 km² (+1,064.7 sq mi) on DeepState’s full outlines',
    );
    expect(screen.getByText(/simplified \(tolerance 0.0041–0.005°/)).toBeInTheDocument();
    expect(screen.getByText('Changes since')).toBeInTheDocument();
    const fills = () => [...container.querySelectorAll('path')].map((p) => p.getAttribute('fill'));
    await waitFor(() => expect(fills()).toContain('url(#map-hatch-taken)'));
    expect(fills()).toContain('#0072B2');
    await user.click(screen.getByRole('button', { name: 'Describe map' }));
    expect(screen.getByText(/^Compared with 1 Aug 2024: ground taken by Russia/)).toBeInTheDocument();
    // One file, the pair's, computed at build time: the situation compared with is not fetched for it.
    expect(fetchedPairs).toEqual(['/frontline/differences/2024-08-01_2025-02-13.json']);
  });

  it('says so when the comparison cannot be loaded, and tries again', async () => {
    failing = /differences\/2024-08-01_2025-02-13/;
    const user = userEvent.setup();
    await renderMap({ compare: '2024-08-01' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The comparison could not be made: Failed to fetch');
    await stampReads('13 Feb 2025');
    failing = null;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/^Taken by Russia:/)).toHaveTextContent(/[\d,]+ km² \([\d,]+ sq mi\)$/);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when a situation cannot be loaded, and keeps the map working', async () => {
    failing = /situations\/2025-01-01/;
    const user = userEvent.setup();
    const { container } = await renderMap({ frontline: '2025-01-01' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The front line of 1 Jan 2025 could not be loaded: Failed to fetch');
    expect(markerTitles(container)).toContain('Kyiv: 2 events');
    failing = null;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await stampReads('1 Jan 2025');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
