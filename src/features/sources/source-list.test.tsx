import 'fake-indexeddb/auto';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_STORIES, SourceList } from './source-list';
import { makeDataset, makeEvent, makeFigure, makeSource } from '../../testing/fixtures';
import { renderWithChoices, settleDeferred } from '../../testing/render';
import { useChoices } from '../../state/store';
import { makePack } from '../../model/pack/pack.fixtures';
import * as packActions from '../../state/pack-actions';
import * as sourceSelectors from '../../model/dataset/source-selectors';
import { resetUserDataForTests, useUserData } from '../../state/user-data';
import { addedOn } from '../../state/user-data-labels';

const addedAt = '2026-11-22T10:00:00.000Z';
const pack = makePack();
const dataset = makeDataset({
  sources: [makeSource(), makeSource({ id: pack.source.id, title: 'The next article', addedAt })],
  figures: [makeFigure(), makeFigure({ id: 'added', sourceId: pack.source.id, addedAt })],
});

afterEach(() => resetUserDataForTests());

describe('SourceList', () => {
  it('marks the stories the analyst added, and removes one only after confirmation', async () => {
    const user = userEvent.setup();
    useUserData.setState({ packs: [{ id: pack.source.id, pack, state: 'added', updatedAt: addedAt }] });
    renderWithChoices(<SourceList dataset={dataset} />);
    const shipped = screen.getByText('Test headline about the war').closest('li')!;
    const added = screen.getByText('The next article').closest('li')!;
    expect(shipped).not.toHaveTextContent('added');
    expect(added).toHaveTextContent(`added ${addedOn(addedAt)}`);

    const removePack = vi.spyOn(packActions, 'removePack');
    await user.click(within(added).getByRole('button', { name: 'Remove: The next article' }));
    expect(removePack).not.toHaveBeenCalled();
    await user.click(within(added).getByRole('button', { name: 'Yes, remove' }));
    expect(removePack).toHaveBeenCalledWith(pack.source.id);
  });

  it('offers no "Remove" for an added story that is not in this browser’s data', () => {
    renderWithChoices(<SourceList dataset={dataset} />);
    expect(screen.getByText('The next article').closest('li')).toHaveTextContent('added');
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
  });
});

describe('SourceList under the filters', () => {
  const stories = makeDataset({
    sources: [
      makeSource({ id: 'kyiv', title: 'A story about Kyiv' }),
      makeSource({ id: 'taipei', title: 'A story about Taipei', publisher: 'The New York Times' }),
    ],
    figures: [
      makeFigure({ id: 'k1', sourceId: 'kyiv', countries: ['UA'] }),
      makeFigure({ id: 'k2', sourceId: 'kyiv', countries: ['UA'] }),
      makeFigure({ id: 't1', sourceId: 'taipei', countries: ['TW'] }),
    ],
    events: [makeEvent({ sourceIds: ['kyiv'], placeIds: [], actorIds: [] })],
  });

  it('lists only the stories behind what is shown, with their counts under the filters, and catches up', async () => {
    renderWithChoices(<SourceList dataset={stories} />);
    expect(screen.getByText('A story about Kyiv').closest('li')).toHaveTextContent('2 figures, 0 quotes, 1 event');
    expect(screen.getByText('A story about Taipei')).toBeInTheDocument();

    act(() => useChoices.getState().toggleCountry('TW'));
    await settleDeferred();
    expect(screen.queryByText('A story about Kyiv')).toBeNull();
    expect(screen.getByText('A story about Taipei').closest('li')).toHaveTextContent('1 figure, 0 quotes, 0 events');
    expect(screen.getByRole('status')).toHaveTextContent('1 of 2 stories contributes to this selection');
  });

  it('leaves the list alone in the filter click itself, marks it busy, and works it out once after', async () => {
    const select = vi.spyOn(sourceSelectors, 'selectSourcesInView');
    const { container } = renderWithChoices(<SourceList dataset={stories} />);
    const before = select.mock.calls.length;
    act(() => useChoices.getState().toggleCountry('TW'));
    expect(select.mock.calls.length).toBe(before);
    expect(container.querySelector('.deferred-panel')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('A story about Kyiv')).toBeInTheDocument();
    await settleDeferred();
    expect(select.mock.calls.length).toBe(before + 1);
    expect(container.querySelector('.deferred-panel')).toHaveAttribute('aria-busy', 'false');
    expect(screen.queryByText('A story about Kyiv')).toBeNull();
  });

  it('says so when no story contributes', () => {
    renderWithChoices(<SourceList dataset={stories} />, { q: 'nothing like this' });
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent(
      'No story contributes to this selection · Search: “nothing like this”',
    );
  });
});

describe('SourceList at a team’s scale', () => {
  it('shows a publisher’s first stories and the others on demand', async () => {
    const user = userEvent.setup();
    const many = makeDataset({
      sources: Array.from({ length: FIRST_STORIES + 130 }, (_, i) =>
        makeSource({ id: `story-${i}`, title: `Story ${i}`, publisher: 'Reuters', outlet: 'Reuters' }),
      ),
      figures: [makeFigure({ sourceId: 'story-0' })],
    });
    renderWithChoices(<SourceList dataset={many} />);
    const rows = () => screen.getAllByRole('listitem').length;
    expect(rows()).toBe(FIRST_STORIES);
    await user.click(screen.getByRole('button', { name: 'Show 100 more stories from Reuters (130 not shown)' }));
    expect(rows()).toBe(FIRST_STORIES + 100);
    await user.click(screen.getByRole('button', { name: 'Show the other 30 stories from Reuters' }));
    expect(rows()).toBe(FIRST_STORIES + 130);
    expect(screen.getByText(`Story ${FIRST_STORIES + 129}`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Show/ })).toBeNull();
  });
});
