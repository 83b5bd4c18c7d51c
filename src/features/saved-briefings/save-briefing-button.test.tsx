import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shippedDataset } from '../../model/pack/pack.fixtures';
import { renderWithChoices } from '../../testing/render';
import { freshStoredData } from '../../testing/stored-data';
import { resetUserDataForTests } from '../../state/user-data';
import { SaveBriefingButton } from './save-briefing-button';

const base = shippedDataset();

beforeEach(freshStoredData);
afterEach(resetUserDataForTests);

describe('SaveBriefingButton', () => {
  it('saves a named briefing, and says so when nothing changed since', async () => {
    const user = userEvent.setup();
    renderWithChoices(<SaveBriefingButton dataset={base} />);
    await user.click(screen.getByRole('button', { name: 'Save briefing' }));
    const panel = screen.getByRole('dialog', { name: 'Save briefing' });
    const name = within(panel).getByRole('textbox', { name: 'Briefing name' });
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.type(name, 'Weekly');
    await user.click(within(panel).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(within(panel).getByRole('status')).toHaveTextContent(/^Saved “Weekly” in this browser: 44 figures/),
    );
    await user.click(within(panel).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(within(panel).getByRole('status')).toHaveTextContent(
        /^Nothing has changed since “Weekly” \(saved .+\): it was not saved again\.$/,
      ),
    );
    await user.keyboard('{Escape}');
    expect(panel).not.toBeVisible();
    expect(screen.getByRole('button', { name: 'Save briefing' })).toHaveFocus();
  });
});
