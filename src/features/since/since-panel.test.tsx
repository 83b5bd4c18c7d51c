import 'fake-indexeddb/auto';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  makePack,
  makePackFigure,
  PACK_ARTICLE_TEXT,
  PACK_SOURCE_ID,
  shippedDataset,
} from '../../model/pack/pack.fixtures';
import { NO_FILTERS } from '../../model/dataset/selectors';
import { renderWithChoices } from '../../testing/render';
import { useChoices } from '../../state/store';
import { resetUserDataForTests, saveBriefing } from '../../state/user-data';
import { addToDashboard } from '../../state/pack-actions';
import { mergedDataset } from '../../state/merged';
import { freshStoredData } from '../../testing/stored-data';
import { SincePanel } from './since-panel';
import { TestWorker } from './test-worker';
import { EAGER_CHANGES } from './since-all-changes';

const base = shippedDataset();
const pack = makePack();
const context = { frontline: '2025-02-13', filters: NO_FILTERS, slides: null };

beforeEach(freshStoredData);

afterEach(async () => {
  await resetUserDataForTests();
});

describe('SincePanel', () => {
  it('says plainly when the briefing is not in this browser, and offers the saved ones', async () => {
    await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    renderWithChoices(<SincePanel dataset={base} briefingId="nope" />, { since: 'nope' });
    expect(screen.getByRole('alert')).toHaveTextContent('No saved briefing “nope” in this browser.');
    const picker = screen.getByRole('combobox', { name: 'Compare with briefing' });
    await userEvent.setup().selectOptions(picker, 'monday');
    expect(useChoices.getState().since).toBe('monday');
  });

  it('lists what an added article brought, grouped by topic and measure, with links to each figure’s quote', async () => {
    await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    await addToDashboard(pack);
    const now = mergedDataset(base);
    renderWithChoices(<SincePanel dataset={now} briefingId="monday" />, { since: 'monday' });
    const all = screen.getByRole('region', { name: 'All changes' });
    const ids = [...all.querySelectorAll('[data-change="added"]')].map((li) => li.getAttribute('data-figure-id'));
    expect(ids.sort()).toEqual(pack.figures.map((f) => f.id).sort());
    expect(screen.getByTestId('since-summary')).toHaveTextContent(/figures? added/);
    // The same front-line date on both sides (the situation of the articles' date, once the list of dates is
    // loaded): said so, nothing to compute.
    expect(await screen.findByText(/both show the front line of 13 Feb 2025/)).toBeInTheDocument();
    const user = userEvent.setup();
    const first = pack.figures[0]!;
    // The groups are collapsed; opening one shows its figures, each with its quote and source.
    const group = all.querySelector<HTMLDetailsElement>('details[data-topic="military-balance"]')!;
    expect(group.open).toBe(false);
    await user.click(within(group).getByText('Military balance'));
    expect(group.open).toBe(true);
    await user.click(within(group).getByRole('button', { name: `Quote and source: ${first.label}` }));
    expect(useChoices.getState().figure).toBe(first.id);
    await user.click(screen.getByRole('button', { name: 'Close comparison' }));
    expect(useChoices.getState().since).toBeNull();
  });

  it('opens on what moved: then → now by claimant with the change, headed by measure labels, groups collapsed', async () => {
    await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    const western = base.figures.find((f) => f.id === 'russia-casualties-per-day-western')!;
    const quote = 'Western officials now put Russian casualties at about 1,250 a day';
    const again = makePackFigure({
      id: `${PACK_SOURCE_ID}-casualties-western`,
      label: 'Russian casualties a day (Western officials, February)',
      measure: 'russia-casualties-per-day',
      value: 1250,
      unit: 'casualties-per-day',
      qualifier: 'about',
      stated: 'about 1,250 a day',
      topics: ['casualties'],
      countries: ['RU'],
      claimant: 'Western officials',
      quote,
    });
    await addToDashboard(
      makePack({
        figures: [...pack.figures, again],
        article: { ...pack.article, text: `${PACK_ARTICLE_TEXT}\n${quote}.` },
      }),
    );
    renderWithChoices(<SincePanel dataset={mergedDataset(base)} briefingId="monday" />, { since: 'monday' });

    const moved = screen.getByRole('region', { name: 'What moved' });
    const row = moved.querySelector(`tr[data-figure-id="${again.id}"]`)!;
    expect(row).not.toBeNull();
    const cells = within(row as HTMLElement);
    expect(cells.getByText('Western officials')).toBeInTheDocument();
    expect(western.value).toBe(1000);
    expect(row).toHaveTextContent('about 1,000 casualties a day');
    expect(row).toHaveTextContent('about 1,250 casualties a day');
    expect(row).toHaveTextContent('+25 %');
    // Headed by the registry's label, never by words made from the id.
    const group = moved.querySelector('tbody[data-measure="russia-casualties-per-day"]')!;
    expect(within(group as HTMLElement).getByRole('rowheader')).toHaveTextContent('Russian military casualties a day');
    expect(screen.queryByText(/Russia casualties per day/i)).toBeNull();
    // The other claimant the briefing held stands beside it.
    expect(group).toHaveTextContent(/In the briefing: at least 100–999 casualties a day \(Military analysts\)/);
    await userEvent.setup().click(cells.getByRole('button', { name: `Quote and source: ${again.label}` }));
    expect(useChoices.getState().figure).toBe(again.id);

    // The rest, counted in one line.
    expect(screen.getByTestId('since-rest')).toHaveTextContent(/^Also: .*1 statement.*1 source/);

    // Every change below, grouped by topic (collapsed) and by measure, the story named once per measure.
    const all = screen.getByRole('region', { name: 'All changes' });
    const groups = [...all.querySelectorAll('details')];
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.every((d) => !d.open)).toBe(true);
    const casualties = all.querySelector('details[data-topic="casualties"]')!;
    expect(casualties.querySelector('summary')).toHaveTextContent('Casualties (1)');
    const measureGroup = within(casualties as HTMLElement).getByRole('region', {
      name: 'Russian military casualties a day',
    });
    expect(within(measureGroup).getAllByRole('listitem')).toHaveLength(1);
    expect(measureGroup.querySelectorAll('cite')).toHaveLength(1);
    expect(measureGroup.querySelector('cite')).toHaveTextContent(pack.source.title);
    // A figure linked to no measure is headed by its own label.
    expect(within(all).getByRole('heading', { name: /^Length of the full-scale war/ })).toBeInTheDocument();
  });

  it('applies the filters: a country none of the new figures concerns shows no added figures', async () => {
    await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    await addToDashboard(pack);
    const country = base.countries.find((c) => !pack.figures.some((f) => f.countries.includes(c.id)))!;
    renderWithChoices(<SincePanel dataset={mergedDataset(base)} briefingId="monday" />, {
      since: 'monday',
      countries: [country.id],
    });
    expect(document.querySelector('[data-figure-id]')).toBeNull();
    expect(screen.getByRole('region', { name: 'What moved' })).toHaveTextContent(
      'No measure has a new estimate or a corrected value.',
    );
    expect(screen.getByTestId('since-summary')).toHaveTextContent(`Under the filters Country: ${country.name}`);
  });

  it('at a team’s scale, makes a group’s rows when it is opened (or printed), not the thousands hidden at once', async () => {
    await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    const tanks = base.figures.find((f) => f.topics[0] === 'military-balance')!;
    const many = Array.from({ length: EAGER_CHANGES + 10 }, (_, i) => ({ ...tanks, id: `${tanks.id}-copy-${i}` }));
    const now = { ...base, figures: [...base.figures, ...many] };
    renderWithChoices(<SincePanel dataset={now} briefingId="monday" />, { since: 'monday' });
    const all = screen.getByRole('region', { name: 'All changes' });
    const group = all.querySelector<HTMLDetailsElement>('details[data-topic="military-balance"]')!;
    expect(group.querySelector('summary')).toHaveTextContent(`(${many.length})`);
    expect(all.querySelectorAll('[data-change]')).toHaveLength(0);
    await userEvent.setup().click(within(group).getByText('Military balance'));
    await waitFor(() => expect(group.querySelectorAll('[data-change="added"]')).toHaveLength(many.length));
    // On paper, every group is laid out and open.
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect([...all.querySelectorAll('details')].every((d) => d.open)).toBe(true);
    expect(all.querySelectorAll('[data-change="added"]')).toHaveLength(many.length);
  });

  describe('with a Web Worker (the page’s case; jsdom has none, so a stand-in runs the real worker module)', () => {
    beforeEach(() => {
      TestWorker.reset();
      // A Worker of its own for each test: the page keeps one client per Worker.
      vi.stubGlobal('Worker', class extends TestWorker {});
    });
    afterEach(() => {
      vi.unstubAllGlobals();
      TestWorker.reset();
    });

    it('says what it is comparing while the worker works, never a blank, then shows what changed', async () => {
      await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
      await addToDashboard(pack);
      const now = mergedDataset(base);
      renderWithChoices(<SincePanel dataset={now} briefingId="monday" />, { since: 'monday' });
      expect(screen.getByTestId('since-working')).toHaveTextContent(
        `Comparing ${now.figures.length} figures with the ${base.figures.length} in “Monday”…`,
      );
      // The briefing is named, and another can be chosen or the view closed, meanwhile.
      expect(screen.getByText('“Monday”', { selector: 'strong' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Close comparison' })).toBeInTheDocument();
      const all = await screen.findByRole('region', { name: 'All changes' });
      const ids = [...all.querySelectorAll('[data-change="added"]')].map((li) => li.getAttribute('data-figure-id'));
      expect(ids.sort()).toEqual(pack.figures.map((f) => f.id).sort());
      expect(screen.queryByTestId('since-working')).toBeNull();
      // The sides went to the worker once; a change of the filters sends only the filters.
      const worker = TestWorker.started[0]!;
      const country = base.countries.find((c) => !pack.figures.some((f) => f.countries.includes(c.id)))!;
      useChoices.setState({ countries: [country.id] });
      // The answer for the filters before stands, marked, until the new one comes.
      expect(await screen.findByText('Updating the comparison…')).toBeInTheDocument();
      await waitFor(() => expect(screen.queryByText('Updating the comparison…')).toBeNull());
      expect(screen.getByTestId('since-summary')).toHaveTextContent(`Under the filters Country: ${country.name}`);
      expect(worker.kinds()).toEqual([
        'part briefing',
        'hold briefing',
        'part dataset',
        'hold dataset',
        'compare',
        'compare',
      ]);
      expect(document.querySelector('[data-figure-id]')).toBeNull();
    });

    it('names what failed when the worker cannot do its work, and tries again', async () => {
      await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
      await addToDashboard(pack);
      TestWorker.failToStart = 'Failed to load since-worker.js';
      renderWithChoices(<SincePanel dataset={mergedDataset(base)} briefingId="monday" />, { since: 'monday' });
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(
        'The comparison with “Monday” could not be made: starting the comparison’s worker failed (Failed to load since-worker.js).',
      );
      TestWorker.failToStart = null;
      await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
      expect(await screen.findByRole('region', { name: 'All changes' })).toBeInTheDocument();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(TestWorker.started).toHaveLength(2);
    });
  });
});
