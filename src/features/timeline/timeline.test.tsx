import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Timeline } from './timeline';
import { loadDataset } from '../../model/load-dataset';
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

const dataset = loadDataset({ sources, topics, countries, units, figures, actors, events, places });
const days = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('Timeline', () => {
  it('shows this week by default, grouped by day in order', () => {
    renderWithChoices(<Timeline dataset={dataset} />);
    expect(screen.getByRole('radio', { name: 'This week (11–16 Feb 2025)' })).toBeChecked();
    const shown = days();
    expect(shown).toContain('12 Feb 2025');
    expect(shown).toContain('14 Feb 2025');
    expect(shown).not.toContain('2014');
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
