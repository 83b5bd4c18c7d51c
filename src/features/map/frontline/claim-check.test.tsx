import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import figuresJson from '../../../../data/figures.json';
import checksJson from '../../../../data/checks.json';
import { evaluateCheck, parseChecks } from '../../../model/frontline/checks';
import { parseDailySeries, parseMonthlyGains } from '../../../model/frontline/frontline';
import type { Figure } from '../../../model/dataset/schema';
import { ClaimCheck } from './claim-check';
import { FigureClaimChecks } from './figure-claim-checks';
import { clearFrontlineCache } from '../../../model/frontline/frontline-data';

const root = join(import.meta.dirname, '../../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const figures = figuresJson as Figure[];
const data = {
  figures,
  daily: parseDailySeries(readJson('public/frontline/daily.json')),
  gains: parseMonthlyGains(readJson('public/frontline/gains.json')),
};
const [isw, share] = parseChecks(checksJson, figures).map((check) => evaluateCheck(check, data));

describe('ClaimCheck', () => {
  it('shows the ISW claim beside DeepState’s December and January gains, their difference and the verdict', () => {
    render(<ClaimCheck result={isw!} />);
    const check = screen.getByRole('region', { name: 'Check against the map' });
    expect(within(check).getByRole('heading', { level: 3, name: 'Check against the map' })).toBeInTheDocument();
    expect(check).toHaveTextContent(
      'Disagrees with the map: the map gives 21.3 sq mi fewer; the claim is about 40 sq mi fewer (18.7 sq mi apart).',
    );
    expect(check).toHaveTextContent('Claim (Institute for the Study of War): “about 40 fewer square miles”−40 sq mi');
    expect(check).toHaveTextContent('Net gain, December, 30 Nov 2024 – 30 Dec 2024149.2 sq mi (386.4 km²)');
    expect(check).toHaveTextContent('Net gain, January, 30 Dec 2024 – 31 Jan 2025127.9 sq mi (331.2 km²)');
    expect(check).toHaveTextContent('January minus December−21.3 sq mi (−55.2 km²)');
    expect(check).toHaveTextContent('These are net changes of occupied area, not assessments by the Institute');
    expect(check).toHaveTextContent('Agrees within 5, close within 10 square miles.');
    expect(check).toHaveTextContent(
      'Front line: DeepStateMap.live (via cyterat/deepstate-map-data), situations 30 Nov 2024',
    );
  });

  it('shows the share of Ukraine with its denominator’s source', () => {
    render(<ClaimCheck result={share!} headingLevel={4} />);
    const check = screen.getByRole('region', { name: 'Check against the map' });
    expect(within(check).getByRole('heading', { level: 4 })).toHaveTextContent('Check against the map');
    expect(check).toHaveTextContent(
      'Agrees with the map: the map gives 18.75 %; the claim is about 20 % (1.25 percentage points apart)',
    );
    expect(check).toHaveTextContent('Area of Ukraine597,213 km²');
    expect(check).toHaveTextContent('data/geo/ukraine_oblasts_ne.geojson');
  });
});

describe('FigureClaimChecks', () => {
  beforeEach(() => {
    clearFrontlineCache();
    vi.stubGlobal('fetch', async (url: string) => {
      const path = join(root, 'public', url.replace(/^\//, ''));
      return new Response(readFileSync(path), { status: 200 });
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('fetches the series and shows the check of a figure that has one', async () => {
    render(<FigureClaimChecks figureId="russia-gains-january-vs-december" figures={figures} />);
    expect(screen.getByRole('status')).toHaveTextContent('Checking against the map…');
    const check = await screen.findByRole('region', { name: 'Check against the map' });
    expect(check).toHaveTextContent('21 sq mi fewer, against “about 40 fewer square miles”');
  });

  it('gives the one-line note for a card or slide: verdict, both numbers, difference and source', async () => {
    const { container } = render(
      <FigureClaimChecks figureId="russia-gains-january-vs-december" figures={figures} variant="note" />,
    );
    await screen.findByText('Check against the map.');
    const note = container.querySelector('.claim-check-note')!;
    expect(note).toHaveClass('claim-check-note--disagrees');
    expect(note).toHaveTextContent(
      'Check against the map. Disagrees with the map: the map gives 21.3 sq mi fewer; the claim is about 40 sq mi fewer (18.7 sq mi apart). Front line: DeepStateMap.live',
    );
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
  });

  it('shows nothing, and fetches nothing, for a figure without a check', () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const { container } = render(<FigureClaimChecks figureId="russia-tanks-lost-2024" figures={figures} />);
    expect(container).toBeEmptyDOMElement();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('says so when the data cannot be fetched', async () => {
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 404 }));
    render(<FigureClaimChecks figureId="occupied-share-of-ukraine" figures={figures} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The check against the map failed: Could not load front-line data daily.json (HTTP 404)',
    );
  });
});
