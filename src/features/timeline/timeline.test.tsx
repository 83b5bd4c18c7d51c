import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Timeline } from './timeline';
import { loadDataset } from '../../model/dataset/load-dataset';
import { renderWithChoices } from '../../testing/render';
import { useChoices } from '../../state/store';
import sources from '../../../data/sources.json';
import topics from '../../../data/topics.json';
import countries from '../../../data/countries.json';
import units from '../../../data/units.json';
import figures from '../../../data/figures.json';
import actors from '../../../data/actors.json';
import events from '../../../data/events.json';
import places from '../../../data/places.json';
import measures from '../../../data/measures.json';

const dataset = loadDataset({ sources, topics, countries, units, figures, actors, events, places, measures });
const days = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('Timeline', () => {
  it('shows this week by default, grouped by day in order', () => {
    renderWithChoices(<Timeline dataset={dataset} />);
    expect(screen.getByRole('radio', { name: 'The week of the newest article (10–16 Feb 2025)' })).toBeChecked();
    const shown = days();
    expect(shown).toContain('12 Feb 2025');
    expect(shown).toContain('14 Feb 2025');
    expect(shown).not.toContain('2014');
    // Long events that began earlier come first, under the week's start, not as "Feb 2022".
    expect(shown[0]).toBe('Under way on 10 Feb 2025');
    expect(shown.some((d) => /20(22|24)|Jan 2025/.test(d ?? ''))).toBe(false);
    const ongoing = screen.getByRole('heading', { name: 'Under way on 10 Feb 2025' }).closest('li')!;
    expect(
      within(ongoing).getByRole('button', { name: 'US-led effort to isolate Russia diplomatically' }),
    ).toBeInTheDocument();
    expect(ongoing).toHaveTextContent('(Feb 2022 – 12 Feb 2025)');
    expect(screen.getByRole('button', { name: 'Trump and Putin speak by phone' })).toBeInTheDocument();
  });

  it('switches to the whole war, from 2014 on, including the context dates', async () => {
    const user = userEvent.setup();
    renderWithChoices(<Timeline dataset={dataset} />);
    await user.click(screen.getByRole('radio', { name: 'The war (2014 onward)' }));
    const shown = days();
    expect(shown[0]).toBe('2014');
    for (const d of ['2017', 'Feb 2022', '2023', 'May 2024', 'Jan 2025', '12 Feb 2025']) expect(shown).toContain(d);
    expect(screen.getByRole('status')).toHaveTextContent(`${dataset.events.length} events`);
  });

  it('follows the focused actor and links each event to its actors and sources', async () => {
    const user = userEvent.setup();
    renderWithChoices(<Timeline dataset={dataset} />, { actor: 'alexander-vinnik' });
    await user.click(screen.getByRole('radio', { name: 'The war (2014 onward)' }));
    const items = screen.getAllByRole('listitem').filter((li) => li.hasAttribute('data-event-id'));
    expect(items.every((li) => within(li).queryByRole('button', { name: 'Alexander Vinnik' }))).toBe(true);
    expect(items[0]).toHaveTextContent(
      /Source: Reuters via Daily Maverick, “Russia to get back jailed cybercrime boss from US”/,
    );
    await user.click(within(items[0]!).getAllByRole('button')[0]!);
    expect(useChoices.getState().event).toBe(items[0]!.getAttribute('data-event-id'));
  });

  it('offers the war when nothing matches this week, and names the filters when nothing matches at all', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithChoices(<Timeline dataset={dataset} />, {
      topics: ['cybercrime'],
      countries: ['GR'],
    });
    await user.click(screen.getByRole('button', { name: 'Show the war' }));
    expect(days()).toEqual(['2017']);
    unmount();
    renderWithChoices(<Timeline dataset={dataset} />, { q: 'no such event' });
    expect(screen.getByText('Search: “no such event”')).toBeInTheDocument();
  });
});

describe('Timeline axis', () => {
  it('labels its dates and lets the keyboard step through its dots and jump to a day', async () => {
    const user = userEvent.setup();
    renderWithChoices(<Timeline dataset={dataset} />);
    const axis = screen.getByRole('toolbar', { name: 'Events by date, 10 Feb 2025 to 16 Feb 2025' });
    const dots = within(axis).getAllByRole('button');
    expect(dots[0]).toHaveAccessibleName(/^Under way on 10 Feb 2025: \d+ events$/);
    expect(dots.map((d) => d.getAttribute('aria-label'))).toContain('14 Feb 2025: 2 events');
    // One Tab stop: only the current dot is in the tab order.
    expect(dots.filter((d) => d.tabIndex === 0)).toHaveLength(1);
    expect(screen.getByText('10 Feb')).toBeInTheDocument();
    expect(screen.getByText('16 Feb')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'The week of the newest article (10–16 Feb 2025)' }));
    await user.tab();
    expect(dots[0]).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(dots[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(dots.at(-1)).toHaveFocus();
    expect(dots.at(-1)!.tabIndex).toBe(0);
    await user.keyboard('{Home}{ArrowLeft}');
    expect(dots[0]).toHaveFocus();

    const twelfth = dots.find((d) => d.getAttribute('aria-label')?.startsWith('12 Feb 2025'))!;
    twelfth.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('heading', { name: '12 Feb 2025' })).toHaveFocus();
  });

  it('labels the war’s axis by year', async () => {
    renderWithChoices(<Timeline dataset={dataset} />, { scale: 'war' });
    const axis = screen.getByRole('toolbar', { name: /^Events by date, 2014 to 16 Feb 2025$/ });
    expect(within(axis).getAllByRole('button').length).toBeGreaterThan(5);
    for (const year of ['2014', '2016', '2024'])
      expect(screen.getByText(year, { selector: 'span' })).toBeInTheDocument();
  });
});
