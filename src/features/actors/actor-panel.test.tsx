import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ActorPanel, ROWS_PER_PAGE } from './actor-panel';
import { loadDataset } from '../../model/dataset/load-dataset';
import { renderWithChoices, settleDeferred } from '../../testing/render';
import { useChoices } from '../../state/store';
import { makeActor, makeDataset } from '../../testing/fixtures';
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
/**
 * Let the panel catch up with the store: one frame and task at a time (see settleDeferred) until it is no
 * longer pending. It waits on the panel's own state, never on a clock, so a busy machine only makes it slower.
 */
async function caughtUp() {
  for (let i = 0; i < 50 && document.querySelector('[data-pending]'); i++) await settleDeferred();
  expect(document.querySelector('[data-pending]')).toBeNull();
}

const names = () => screen.getAllByRole('article').map((a) => within(a).getByRole('heading').textContent);

describe('ActorPanel', () => {
  it('lists every actor, grouped by country, with counts', () => {
    renderWithChoices(<ActorPanel dataset={dataset} />);
    expect(screen.getAllByRole('article')).toHaveLength(dataset.actors.length);
    expect(screen.getByRole('status')).toHaveTextContent(`${dataset.actors.length} of ${dataset.actors.length} actors`);
    expect(screen.getByRole('heading', { name: /^Taiwan \(\d+\)$/ })).toBeInTheDocument();
    const putin = screen.getByRole('article', { name: 'Vladimir Putin' });
    expect(putin).toHaveTextContent(/Person · Russia/);
    expect(putin).toHaveTextContent(/\d+ figures?, \d+ events?, \d+ quotes?/);
  });

  it('filters by kind and country: Russian persons include Putin and Peskov, not Zelensky', async () => {
    const user = userEvent.setup();
    renderWithChoices(<ActorPanel dataset={dataset} />);
    await user.selectOptions(screen.getByLabelText('Kind'), 'Person');
    await user.selectOptions(screen.getByLabelText('Country'), 'Russia');
    expect(names()).toEqual(expect.arrayContaining(['Vladimir Putin', 'Dmitry Peskov']));
    expect(names()).not.toContain('Volodymyr Zelensky');
    await user.click(screen.getByRole('button', { name: 'Reset actor filters' }));
    expect(screen.getAllByRole('article')).toHaveLength(dataset.actors.length);
  });

  it('filters by topic and by name', async () => {
    const user = userEvent.setup();
    renderWithChoices(<ActorPanel dataset={dataset} />);
    await user.selectOptions(screen.getByLabelText('Topic'), 'Cybercrime');
    expect(names()).toContain('Alexander Vinnik');
    await user.type(screen.getByLabelText('Find actor'), 'alexander');
    expect(names()).toEqual(['Alexander Vinnik']);
  });

  it('follows the global filters: Taiwan shows Taiwan’s actors and none of Russia’s', () => {
    renderWithChoices(<ActorPanel dataset={dataset} />, { countries: ['TW'] });
    expect(names()).toContain('Kuo Jyh-Huei');
    expect(names()).not.toContain('Vladimir Putin');
    expect(screen.getByRole('status')).toHaveTextContent('· Country: Taiwan');
  });

  it('focuses an actor and opens its statements and relations', async () => {
    const user = userEvent.setup();
    renderWithChoices(<ActorPanel dataset={dataset} />);
    const card = screen.getByRole('article', { name: 'Volodymyr Zelensky' });
    await user.click(within(card).getByRole('button', { name: 'Focus on Volodymyr Zelensky' }));
    expect(useChoices.getState().actor).toBe('volodymyr-zelensky');
    await caughtUp();
    const focus = screen.getByRole('group', { name: 'Focused actor' });
    expect(within(focus).getByRole('heading', { level: 3 })).toHaveTextContent('Focused on Volodymyr Zelensky');
    expect(within(focus).getByRole('heading', { name: 'Statements' })).toBeInTheDocument();
    expect(focus).toHaveTextContent(
      '“If Ukraine is not in Nato, it means that Ukraine will build Nato on its territory.',
    );
    expect(within(focus).getByRole('button', { name: 'Donald Trump' })).toBeInTheDocument();
    await user.click(within(focus).getByRole('button', { name: 'Clear focus' }));
    expect(useChoices.getState().actor).toBeNull();
    await caughtUp();
    expect(screen.queryByRole('group', { name: 'Focused actor' })).toBeNull();
    // The box it was in is gone: the focus goes to that actor's card, not to the page.
    expect(
      within(screen.getByRole('article', { name: 'Volodymyr Zelensky' })).getByRole('button', {
        name: 'Focus on Volodymyr Zelensky',
      }),
    ).toHaveFocus();
  });

  it('after "Clear focus", goes to the panel’s heading when the restored filters hide the actor', async () => {
    const user = userEvent.setup();
    renderWithChoices(
      <section aria-labelledby="region-actors">
        <h2 id="region-actors" tabIndex={-1}>
          Actors
        </h2>
        <ActorPanel dataset={dataset} />
      </section>,
      { countries: ['TW'] },
    );
    // Focus Putin from the filters' point of view: Taiwan is set aside, and comes back when the focus is cleared.
    act(() => useChoices.getState().focusActor('vladimir-putin'));
    await caughtUp();
    await user.click(
      within(screen.getByRole('group', { name: 'Focused actor' })).getByRole('button', { name: 'Clear focus' }),
    );
    expect(useChoices.getState().countries).toEqual(['TW']);
    await caughtUp();
    expect(names()).not.toContain('Vladimir Putin');
    expect(screen.getByRole('heading', { level: 2, name: 'Actors' })).toHaveFocus();
  });

  it('counts each actor’s figures and events under the filters', () => {
    renderWithChoices(<ActorPanel dataset={dataset} />, { topics: ['tariffs'] });
    const kuo = screen.getByRole('article', { name: 'Kuo Jyh-Huei' });
    expect(kuo).toHaveTextContent(/\d+ figures?, \d+ events? in this selection, \d+ quotes?/);
  });

  it('opens a card’s statements without focusing', async () => {
    const user = userEvent.setup();
    renderWithChoices(<ActorPanel dataset={dataset} />);
    const card = screen.getByRole('article', { name: 'Dmitry Peskov' });
    await user.click(within(card).getByRole('button', { name: 'Statements and relations of Dmitry Peskov' }));
    expect(card).toHaveTextContent('very, very meticulous negotiating work');
    expect(useChoices.getState().actor).toBeNull();
  });

  it('shows a long list a page at a time, with "Show more actors", and starts again when the selection changes', async () => {
    const user = userEvent.setup();
    const many = makeDataset({
      actors: Array.from({ length: 300 }, (_, i) => makeActor({ id: `actor-${i}`, name: `Actor ${i}` })),
      figures: [],
      events: [],
    });
    renderWithChoices(<ActorPanel dataset={many} />);
    expect(screen.getByRole('status')).toHaveTextContent('300 of 300 actors');
    const first = screen.getAllByRole('article').length;
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(ROWS_PER_PAGE);
    expect(screen.getByText(`Showing ${first} of 300 actors.`)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Show more actors' }));
    const second = screen.getAllByRole('article').length;
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThanOrEqual(2 * ROWS_PER_PAGE);
    expect(screen.getByRole('article', { name: `Actor ${second - 1}` })).toBeInTheDocument();

    // A search narrows the list to one page: no more button; clearing it starts again at the first page.
    const find = screen.getByLabelText('Find actor');
    fireEvent.change(find, { target: { value: 'Actor 29' } });
    const found = screen.getAllByRole('article');
    expect(found.length).toBeGreaterThanOrEqual(11); // Actor 29 and Actor 290–299
    expect(found.length).toBeLessThan(first);
    expect(screen.queryByRole('button', { name: 'Show more actors' })).toBeNull();
    fireEvent.change(find, { target: { value: '' } });
    expect(screen.getAllByRole('article').length).toBe(first);
  });
});
