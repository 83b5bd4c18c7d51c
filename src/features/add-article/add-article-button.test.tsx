import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { makePack, shippedDataset } from '../../model/pack/pack.fixtures';
import { resetUserDataForTests, useUserData } from '../../state/user-data';
import { AddArticleButton } from './add-article-button';

afterEach(async () => {
  await resetUserDataForTests();
});

describe('AddArticleButton', () => {
  it('opens the "Add article" dialog, loaded on demand, and closes it keeping what was typed', async () => {
    const user = userEvent.setup();
    render(<AddArticleButton dataset={shippedDataset()} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add article' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add article' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Article text' }), 'Half a thought');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add article' }));
    expect(
      within(await screen.findByRole('dialog', { name: 'Add article' })).getByRole('textbox', { name: 'Article text' }),
    ).toHaveValue('Half a thought');
  });

  it('opens straight into a draft when the user-data store asks to resume it', async () => {
    const pack = makePack();
    useUserData.setState({ packs: [{ id: pack.source.id, pack, state: 'draft', updatedAt: '2026-11-22T10:00:00Z' }] });
    render(<AddArticleButton dataset={shippedDataset()} />);
    act(() => useUserData.getState().setResumeDraft(pack.source.id));
    const dialog = await screen.findByRole('dialog', { name: 'Add article' });
    expect(await within(dialog).findByRole('region', { name: 'Proposed items' })).toBeInTheDocument();
  });
});
