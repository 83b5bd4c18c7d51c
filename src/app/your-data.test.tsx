import 'fake-indexeddb/auto';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shippedDataset } from '../model/pack/pack.fixtures';
import { NO_FILTERS } from '../model/dataset/selectors';
import { resetUserDataForTests, saveBriefing, useUserData } from '../state/user-data';
import { useChoices } from '../state/store';
import { freshStoredData } from '../testing/stored-data';
import { YourData } from './your-data';

const base = shippedDataset();

beforeEach(freshStoredData);
afterEach(resetUserDataForTests);

describe('Your data: briefings', () => {
  it('lists saved briefings, opens the comparison with one, and deletes one after asking', async () => {
    const context = { frontline: '2024-08-01', filters: NO_FILTERS, slides: null };
    await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    await saveBriefing(
      { ...base, figures: base.figures.slice(1) },
      context,
      'Tuesday',
      new Date('2026-12-02T09:00:00Z'),
    );
    const user = userEvent.setup();
    useChoices.setState({ since: null });
    render(<YourData base={base} />);
    await user.click(screen.getByRole('button', { name: 'Your data' }));
    const list = screen.getByRole('list', { name: 'Briefings' });
    const items = within(list).getAllByRole('listitem');
    // Newest first.
    expect(items.map((li) => li.getAttribute('data-briefing-id'))).toEqual(['tuesday', 'monday']);
    expect(items[1]).toHaveTextContent(`${base.figures.length} figures · front line 1 Aug 2024`);

    const compare = within(items[1]!).getByRole('button', { name: 'Compare with briefing' });
    expect(compare).toHaveAccessibleDescription('Monday');
    await user.click(compare);
    expect(useChoices.getState().since).toBe('monday');

    await user.click(screen.getByRole('button', { name: 'Your data' }));
    await user.click(within(list).getByRole('button', { name: 'Delete briefing: Monday' }));
    await user.click(within(list).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(useUserData.getState().briefings.map((b) => b.id)).toEqual(['tuesday']));
    // The comparison with a deleted briefing closes.
    expect(useChoices.getState().since).toBeNull();
  });

  it('says what “Save briefing” is for when there is none', async () => {
    const user = userEvent.setup();
    render(<YourData base={base} />);
    await user.click(screen.getByRole('button', { name: 'Your data' }));
    expect(screen.getByText(/^No briefing saved yet\. “Save briefing” keeps/)).toBeInTheDocument();
  });
});
