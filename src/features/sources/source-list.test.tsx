import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SourceList } from './source-list';
import { makeDataset, makeFigure, makeSource } from '../../testing/fixtures';
import { renderWithChoices } from '../../testing/render';
import { makePack } from '../../model/pack.fixtures';
import * as userData from '../../state/user-data';
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

    const removePack = vi.spyOn(userData, 'removePack');
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
