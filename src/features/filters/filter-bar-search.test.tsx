import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FilterBar } from './filter-bar';
import { makeDataset, makeFigure } from '../../testing/fixtures';
import { renderWithChoices } from '../../testing/render';
import { fakeSearchWorker } from '../../testing/fake-search-worker';
import { useChoices } from '../../state/store';

// The page's index, over a worker in the test's thread whose replies come a task later (jsdom has no Worker).
const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeSearchWorker> | null }));
vi.mock('../../state/search-index', async (original) => {
  const actual = await original<typeof import('../../state/search-index')>();
  return {
    ...actual,
    searchIndex: actual.createSearchIndex(
      () => fake.current!.worker,
      (run) => setTimeout(run, 0),
    ),
  };
});

// "Prussia" has "russia" inside a word: the scan finds it, the index (word starts) does not.
const dataset = makeDataset({
  figures: [
    makeFigure({ id: 'tanks', label: 'Russian tank losses', quote: 'lost tanks', actorIds: [] }),
    makeFigure({ id: 'history', label: 'Prussia', quote: 'an old state', actorIds: [] }),
    makeFigure({ id: 'oil', label: 'Oil exports', quote: 'exports fell', actorIds: [] }),
  ],
});

describe('FilterBar with the search index', () => {
  it('searches with the scan until the index is built, then with the index’s answers as the user types', async () => {
    fake.current = fakeSearchWorker({ auto: true });
    const user = userEvent.setup();
    renderWithChoices(<FilterBar dataset={dataset} />, { q: 'russia' });
    const status = screen.getByRole('status');
    // First paint: the scan (the index is built after it).
    expect(status).toHaveTextContent('2 of 3 figures · Search: “russia”');
    await waitFor(() => expect(fake.current!.delivered.map((r) => r.type)).toContain('built'));
    await waitFor(() => expect(status).toHaveTextContent('1 of 3 figures · Search: “russia”'));

    const box = screen.getByRole('searchbox', { name: 'Search figures' });
    await user.clear(box);
    await user.type(box, 'Oil ex');
    // The box follows the keys at once; the count follows the worker's answer.
    expect(box).toHaveValue('Oil ex');
    expect(useChoices.getState().q).toBe('Oil ex');
    await waitFor(() => expect(status).toHaveTextContent('1 of 3 figures · Search: “Oil ex”'));
    const asked = fake.current.sent.flatMap((m) => (m.type === 'find' ? [m.q] : []));
    expect(asked).toEqual(expect.arrayContaining(['O', 'Oi', 'Oil', 'Oil e', 'Oil ex']));
    // Built once, from all three figures; nothing sent again while the dataset stays the same.
    expect(fake.current.sent.filter((m) => m.type === 'add')).toHaveLength(1);

    await act(async () => useChoices.getState().setQuery('tank nothing'));
    await waitFor(() => expect(status).toHaveTextContent('0 of 3 figures'));
  });
});
