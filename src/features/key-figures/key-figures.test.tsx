import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyFigures } from './key-figures';
import { COMPARE_SHOWN, FigureCard } from './figure-card';
import { formatNumber } from '../../model/format/format';
import { makeCountry, makeDataset, makeFigure, makeSource } from '../../testing/fixtures';
import { renderWithChoices, settleDeferred } from '../../testing/render';
import { useChoices } from '../../state/store';
import { addedOn } from '../../state/user-data-labels';
import { resetUserDataForTests, useUserData } from '../../state/user-data';

const dataset = makeDataset({
  sources: [makeSource({ id: 'test-story', title: 'Russia able to fight on', published: '2025-02-12' })],
  countries: [makeCountry({ id: 'RU', name: 'Russia' }), makeCountry({ id: 'TW', name: 'Taiwan' })],
  figures: [
    makeFigure({ id: 'tanks', label: 'Tanks lost', lead: 2 }),
    makeFigure({
      id: 'casualties-western',
      label: 'Casualties a day (Western officials)',
      measure: 'casualties-per-day',
      unit: 'casualties-per-day',
      value: 1000,
      qualifier: 'about',
      stated: '1,000',
      quote: 'roughly 1,000 casualties a day',
      claimant: 'Western officials',
      lead: 1,
    }),
    makeFigure({
      id: 'casualties-analysts',
      label: 'Casualties a day (analysts)',
      measure: 'casualties-per-day',
      unit: 'casualties-per-day',
      value: undefined,
      low: 100,
      high: 999,
      qualifier: 'at-least',
      stated: 'at least in the hundreds daily',
      quote: 'estimated by military analysts as at least in the hundreds daily',
      reading: '"hundreds" read as 100 to 999; "at least" means the true number may be higher',
      claimant: 'Military analysts',
    }),
    makeFigure({ id: 'surplus', label: 'Taiwan surplus', countries: ['TW'], measure: 'surplus' }),
  ],
});

const headings = () => screen.getAllByRole('article').map((c) => within(c).getByRole('heading').textContent);

describe('KeyFigures', () => {
  it('shows the lead figures first, in rank order, then every other figure', () => {
    renderWithChoices(<KeyFigures dataset={dataset} />);
    expect(headings()).toEqual([
      'Casualties a day (Western officials)',
      'Tanks lost',
      'Casualties a day (analysts)',
      'Taiwan surplus',
    ]);
    expect(screen.getByRole('list', { name: 'Lead figures' })).toBeInTheDocument();
  });

  it('shows value, qualifier and claimant, and compares other estimates of the same measure', () => {
    renderWithChoices(<KeyFigures dataset={dataset} />);
    const card = screen.getByRole('article', { name: 'Casualties a day (Western officials)' });
    expect(card).toHaveTextContent('Claimed by Western officials, when: 2024');
    expect(within(card).getAllByText('about')[0]).toBeVisible();
    expect(card).toHaveTextContent('Other estimate: “at least in the hundreds daily” (Military analysts)');
    expect(card).not.toHaveTextContent('100–999');
  });

  it('names a few other estimates on a lead card and opens the figure for the rest', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    const lead = makeFigure({ id: 'lead', label: 'Tanks lost' });
    const others = Array.from({ length: 1203 }, (_, i) =>
      makeFigure({ id: `other-${i}`, value: 1000 + i, stated: String(1000 + i), claimant: `Outlet ${i}` }),
    );
    render(<FigureCard figure={lead} lead compare={others} onOpen={onOpen} />);
    const card = screen.getByRole('article', { name: 'Tanks lost' });
    expect(within(card).getAllByText(/^Other estimate:/)).toHaveLength(COMPARE_SHOWN);
    expect(card).toHaveTextContent('(Outlet 0)');
    expect(card).not.toHaveTextContent(`(Outlet ${COMPARE_SHOWN})`);
    await user.click(
      within(card).getByRole('button', { name: `${formatNumber(1203 - COMPARE_SHOWN)} more estimates of Tanks lost` }),
    );
    expect(onOpen).toHaveBeenCalledWith('lead');
  });

  it('follows the filters in the store', async () => {
    renderWithChoices(<KeyFigures dataset={dataset} />, { countries: ['TW'] });
    expect(headings()).toEqual(['Taiwan surplus']);
    act(() => useChoices.getState().toggleCountry('TW'));
    await settleDeferred();
    expect(headings()).toHaveLength(4);
  });

  it('names the filters when nothing matches and resets them in one click', async () => {
    const user = userEvent.setup();
    renderWithChoices(<KeyFigures dataset={dataset} />, { countries: ['TW'], q: 'zebra' });
    expect(screen.getByText('Country: Taiwan · Search: “zebra”')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));
    expect(useChoices.getState().countries).toEqual([]);
    await settleDeferred();
    expect(headings()).toHaveLength(4);
  });

  it('opens a figure’s detail from its card', async () => {
    const user = userEvent.setup();
    renderWithChoices(<KeyFigures dataset={dataset} />);
    await user.click(screen.getByRole('button', { name: 'Quote and source: Tanks lost' }));
    expect(useChoices.getState().figure).toBe('tanks');
  });

  it('renders markup in data as text, never as HTML', () => {
    const hostile = makeDataset({
      figures: [
        makeFigure({
          label: '<img src=x onerror=alert(1)>Tanks',
          quote: '<b>1,400</b> tanks',
          stated: '1,400',
          lead: 1,
        }),
      ],
    });
    const { container } = renderWithChoices(<KeyFigures dataset={hostile} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(screen.getByRole('heading', { name: '<img src=x onerror=alert(1)>Tanks' })).toBeInTheDocument();
  });
});

describe('KeyFigures with many figures', () => {
  const many = makeDataset({
    figures: Array.from({ length: 14 }, (_, i) => makeFigure({ id: `f-${i}`, label: `Figure ${i}` })),
  });

  it('keeps the other figures behind “More figures”, the first twelve, and all of them on request', async () => {
    const user = userEvent.setup();
    const { container } = renderWithChoices(<KeyFigures dataset={many} />);
    const more = container.querySelector('details.key-figures__more')!;
    expect(more).not.toHaveAttribute('open');
    // No lead figure among them: the list is all there is, “Figures (14)”.
    const summary = more.querySelector('summary')!;
    expect(summary).toHaveTextContent('Figures (14)');
    await user.click(summary);
    expect(more).toHaveAttribute('open');
    expect(within(screen.getByRole('list', { name: 'More figures' })).getAllByRole('article')).toHaveLength(12);
    await user.click(screen.getByRole('button', { name: 'Show all 14 figures' }));
    expect(within(screen.getByRole('list', { name: 'More figures' })).getAllByRole('article')).toHaveLength(14);
  });

  it('under a filter, fills the first row with matching figures, the rest behind “More figures”', () => {
    renderWithChoices(<KeyFigures dataset={many} />, { q: 'figure' });
    expect(within(screen.getByRole('list', { name: 'Lead figures' })).getAllByRole('article')).toHaveLength(5);
    expect(within(screen.getByRole('list', { name: 'More figures' })).getAllByRole('article')).toHaveLength(9);
    expect(
      screen.getByText(/No lead figure matches: the row shows the matching figures, newest first/),
    ).toBeInTheDocument();
  });
});

describe('KeyFigures with a figure the analyst added', () => {
  it('shows it first, saying when and from which story it was added; shipped figures say nothing of the kind', () => {
    const addedAt = '2026-11-22T10:00:00.000Z';
    const withAdded = makeDataset({
      sources: [makeSource(), makeSource({ id: 'added-story', title: 'The next article', addedAt })],
      figures: [makeFigure({ id: 'shipped' }), makeFigure({ id: 'added', sourceId: 'added-story', addedAt })],
    });
    renderWithChoices(<KeyFigures dataset={withAdded} />);
    const cards = screen.getAllByRole('article');
    expect(cards.map((c) => c.getAttribute('data-figure-id'))).toEqual(['added', 'shipped']);
    expect(cards[0]).toHaveTextContent(`Added ${addedOn(addedAt)} from The next article`);
    expect(cards[1]).not.toHaveTextContent('Added');
  });
});

describe('FigureCard values', () => {
  const words = makeDataset({
    sources: [makeSource({ id: 'test-story' })],
    countries: [makeCountry({ id: 'UA', name: 'Ukraine' })],
    figures: [
      makeFigure({
        id: 'fifth',
        label: 'Share of Ukraine occupied by Russia',
        measure: 'occupied',
        unit: 'percent',
        value: 20,
        qualifier: 'about',
        stated: 'around a fifth',
        quote: 'Russia occupies around a fifth of Ukraine',
        reading: '"a fifth" read as 20 percent',
        lead: 1,
      }),
      makeFigure({
        id: 'surplus',
        label: 'Taiwan trade surplus with the US',
        measure: 'surplus',
        unit: 'usd',
        value: 74e9,
        qualifier: 'record',
        stated: 'record $74 billion',
        quote: 'a record $74 billion last year',
        lead: 2,
      }),
      makeFigure({
        id: 'fewer',
        label: 'Fewer square miles captured in January than in December',
        measure: 'gains-change',
        unit: 'square-miles',
        value: -40,
        qualifier: 'about',
        stated: 'about 40 fewer square miles',
        quote: 'Russia captured about 40 fewer square miles than in December',
      }),
    ],
  });

  it('shows words given instead of a number as those words, the reading behind a disclosure', async () => {
    const user = userEvent.setup();
    renderWithChoices(<KeyFigures dataset={words} />);
    const card = screen.getByRole('article', { name: 'Share of Ukraine occupied by Russia' });
    expect(card).toHaveTextContent('“around a fifth”');
    expect(card).toHaveTextContent('Stated in words; approximate (“about”)');
    const reading = within(card).getByText('"a fifth" read as 20 percent. Drawn as 20%, not a measurement.');
    expect(reading).not.toBeVisible();
    await user.click(within(card).getByText('Reading'));
    expect(reading).toBeVisible();
  });

  it('says what a record qualifier means and writes a fall without a double negative', () => {
    renderWithChoices(<KeyFigures dataset={words} />);
    const surplus = screen.getByRole('article', { name: 'Taiwan trade surplus with the US' });
    // The qualifier's badge says it (the detail has the sentence, “Stated as a record”).
    expect(within(surplus).getByText('record')).toHaveClass('qualifier');
    const fewer = screen.getByRole('article', { name: /Fewer square miles/ });
    expect(within(fewer).getByLabelText('about 40 sq mi fewer')).toHaveTextContent('about40sq mi fewer');
    expect(fewer).not.toHaveTextContent('−');
  });
});

describe('KeyFigures lead figures the analyst chooses', () => {
  const added = makeFigure({
    id: 'tanks-2025',
    label: 'Tanks lost in 2025',
    measure: 'tank-losses',
    period: undefined,
    date: '2025-12-31',
    sourceId: 'newer',
    addedAt: '2026-12-01T10:00:00Z',
  });
  const data = makeDataset({
    sources: [makeSource(), makeSource({ id: 'newer', published: '2026-01-05', addedAt: '2026-12-01T10:00:00Z' })],
    figures: [
      makeFigure({ id: 'tanks', label: 'Tanks lost', lead: 1 }),
      added,
      makeFigure({ id: 'other', measure: 'other', label: 'Other figure' }),
    ],
  });
  const leadIds = () =>
    within(screen.getByRole('list', { name: 'Lead figures' }))
      .getAllByRole('article')
      .map((a) => a.getAttribute('data-figure-id'));

  beforeEach(async () => {
    await resetUserDataForTests();
  });

  it('shows the newest estimate of a pinned measure, pins and unpins, keeps the pins, and goes back to the default', async () => {
    const user = userEvent.setup();
    renderWithChoices(<KeyFigures dataset={data} />);
    // The default pins the shipped lead's measure: its newest estimate leads.
    expect(leadIds()).toEqual(['tanks-2025']);
    expect(screen.getByText(/Lead figures: the default set/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pin as lead: Other figure' }));
    expect(leadIds()).toEqual(['tanks-2025', 'other']);
    expect(useUserData.getState().leads).toEqual([{ measure: 'tank-losses' }, { measure: 'other' }]);
    await user.click(screen.getByRole('button', { name: 'Unpin: Tanks lost in 2025' }));
    expect(leadIds()).toEqual(['other']);
    expect(screen.getByText(/Lead figures you pinned/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use the default lead figures' }));
    expect(leadIds()).toEqual(['tanks-2025']);
    expect(useUserData.getState().leads).toBeNull();
  });
});
