import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FilterBar } from './filter-bar';
import { makeCountry, makeDataset, makeFigure, makeTopic } from '../../testing/fixtures';
import { renderWithChoices } from '../../testing/render';
import { useChoices } from '../../state/store';

const dataset = makeDataset({
  countries: [makeCountry({ id: 'RU', name: 'Russia' }), makeCountry({ id: 'TW', name: 'Taiwan' })],
  topics: [makeTopic({ id: 'casualties', label: 'Casualties' }), makeTopic({ id: 'tariffs', label: 'Tariffs' })],
  figures: [
    makeFigure({ id: 'tanks', countries: ['RU'], topics: ['casualties'] }),
    makeFigure({ id: 'surplus', label: 'Trade surplus', countries: ['TW'], topics: ['tariffs'] }),
    makeFigure({ id: 'exports', label: 'Export share', countries: ['TW'], topics: ['tariffs'] }),
  ],
});

describe('FilterBar', () => {
  it('keeps countries and topics behind their buttons: checkboxes named with their figure counts', async () => {
    const user = userEvent.setup();
    renderWithChoices(<FilterBar dataset={dataset} />);
    expect(screen.queryByRole('checkbox', { name: /figures?$/ })).toBeNull();
    const countries = screen.getByRole('button', { name: /^Countries/ });
    expect(countries).toHaveAttribute('aria-expanded', 'false');
    await user.click(countries);
    expect(countries).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('group', { name: 'Countries' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Taiwan 2 figures' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Russia 1 figure' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Topics/ }));
    expect(screen.getByRole('checkbox', { name: 'Tariffs 2 figures' })).toBeInTheDocument();
    // One list open at a time: the other closed when the click landed outside it.
    expect(screen.queryByRole('checkbox', { name: /Taiwan/ })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('3 of 3 figures');
    expect(screen.getByRole('button', { name: 'Clear all' })).toBeDisabled();
  });

  it('chooses a country, shows it as a chip that removes it, and summarises the result', async () => {
    const user = userEvent.setup();
    renderWithChoices(<FilterBar dataset={dataset} />);
    await user.click(screen.getByRole('button', { name: /^Countries/ }));
    await user.click(screen.getByRole('checkbox', { name: /Taiwan/ }));
    expect(useChoices.getState().countries).toEqual(['TW']);
    expect(screen.getByRole('checkbox', { name: /Taiwan/ })).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('2 of 3 figures · Country: Taiwan');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('checkbox', { name: /figures?$/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Countries · 1/ })).toHaveFocus();
    const chips = screen.getByRole('list', { name: 'Active filters' });
    await user.click(within(chips).getByRole('button', { name: 'Remove country: Taiwan' }));
    expect(useChoices.getState().countries).toEqual([]);
    expect(screen.queryByRole('list', { name: 'Active filters' })).toBeNull();
  });

  it('works from the keyboard alone: Esc closes a list and gives the focus back to its button', async () => {
    const user = userEvent.setup();
    renderWithChoices(<FilterBar dataset={dataset} />);
    await user.tab();
    expect(screen.getByRole('searchbox', { name: 'Search figures' })).toHaveFocus();
    await user.keyboard('surplus');
    await user.tab();
    expect(screen.getByRole('button', { name: /^Countries/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    // The list opens with the focus on its first choice.
    expect(screen.getByRole('checkbox', { name: /Russia/ })).toHaveFocus();
    await user.tab();
    await user.keyboard(' ');
    expect(useChoices.getState()).toMatchObject({ q: 'surplus', countries: ['TW'] });
    expect(screen.getByRole('status')).toHaveTextContent('1 of 3 figures · Country: Taiwan · Search: “surplus”');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('checkbox', { name: /figures?$/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^Countries/ })).toHaveFocus();
  });

  it('clears every filter at once', async () => {
    const user = userEvent.setup();
    renderWithChoices(<FilterBar dataset={dataset} />, { countries: ['TW'], topics: ['tariffs'], q: 'x' });
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(useChoices.getState()).toMatchObject({ countries: [], topics: [], q: '', actor: null });
    expect(screen.getByRole('searchbox')).toHaveValue('');
  });

  describe('keeps the keyboard’s focus off the page when a button goes', () => {
    const inRegion = (
      <section aria-labelledby="region-filters">
        <h2 id="region-filters" tabIndex={-1}>
          Filters
        </h2>
        <FilterBar dataset={dataset} />
      </section>
    );

    it('“Clear focus” with other filters left: focus goes to “Clear all”', async () => {
      const user = userEvent.setup();
      renderWithChoices(inRegion, { countries: ['TW'], actor: 'putin' });
      screen.getByRole('button', { name: 'Clear focus' }).focus();
      await user.keyboard('{Enter}');
      expect(useChoices.getState()).toMatchObject({ actor: null, countries: ['TW'] });
      expect(screen.queryByRole('button', { name: 'Clear focus' })).toBeNull();
      expect(document.activeElement).not.toBe(document.body);
      expect(screen.getByRole('button', { name: 'Clear all' })).toHaveFocus();
    });

    it('“Clear focus” as the only filter: focus goes to the Filters heading', async () => {
      const user = userEvent.setup();
      renderWithChoices(inRegion, { actor: 'putin' });
      screen.getByRole('button', { name: 'Clear focus' }).focus();
      await user.keyboard(' ');
      expect(useChoices.getState().actor).toBeNull();
      expect(screen.getByRole('button', { name: 'Clear all' })).toBeDisabled();
      expect(document.activeElement).not.toBe(document.body);
      expect(screen.getByRole('heading', { name: 'Filters' })).toHaveFocus();
    });

    it('“Clear all” (then disabled): focus goes to the Filters heading', async () => {
      const user = userEvent.setup();
      renderWithChoices(inRegion, { topics: ['tariffs'] });
      screen.getByRole('button', { name: 'Clear all' }).focus();
      await user.keyboard('{Enter}');
      expect(screen.getByRole('button', { name: 'Clear all' })).toBeDisabled();
      expect(screen.getByRole('heading', { name: 'Filters' })).toHaveFocus();
    });
  });

  it('filters to the figures that rest on one claimant, and says so in the summary and the URL state', async () => {
    const user = userEvent.setup();
    // Two claimants give the tanks' measure for 2024: those two are not single-source; the others are.
    const twoSources = makeDataset({
      ...dataset,
      measures: undefined,
      figures: [
        ...dataset.figures.map((f) => (f.id === 'tanks' ? f : { ...f, measure: f.id })),
        makeFigure({
          id: 'tanks-oryx',
          claimant: 'Oryx',
          sourceId: 'test-story',
          countries: ['RU'],
          topics: ['casualties'],
        }),
      ],
    });
    renderWithChoices(<FilterBar dataset={twoSources} />);
    const toggle = screen.getByRole('checkbox', { name: 'Single-source only' });
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    expect(useChoices.getState().single).toBe(true);
    expect(await screen.findByText('2 of 4 figures · Single-source only')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(useChoices.getState().single).toBe(false);
    expect(toggle).not.toBeChecked();
  });
});
