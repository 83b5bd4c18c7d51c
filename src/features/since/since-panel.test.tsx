import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePack, shippedDataset } from '../../model/pack.fixtures';
import { NO_FILTERS } from '../../model/selectors';
import { renderWithChoices } from '../../testing/render';
import { useChoices } from '../../state/store';
import { addToDashboard, load, mergedDataset, resetUserDataForTests, saveBriefing } from '../../state/user-data';
import { SincePanel } from './since-panel';
import { SaveBriefingButton } from './save-briefing-button';

const base = shippedDataset();
const pack = makePack();
const context = { frontline: '2025-02-13', filters: NO_FILTERS, slides: null };

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    request.onblocked = () => reject(new Error(`${name} is still open`));
  });
}

beforeEach(async () => {
  await resetUserDataForTests();
  await deleteDatabase('geobrief');
  await load();
});

afterEach(async () => {
  await resetUserDataForTests();
});

describe('SincePanel', () => {
  it('says plainly when the briefing is not in this browser, and offers the saved ones', async () => {
    await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    renderWithChoices(<SincePanel dataset={base} briefingId="nope" />, { since: 'nope' });
    expect(screen.getByRole('alert')).toHaveTextContent('No saved briefing “nope” in this browser.');
    const picker = screen.getByRole('combobox', { name: 'Compare with briefing' });
    await userEvent.setup().selectOptions(picker, 'monday');
    expect(useChoices.getState().since).toBe('monday');
  });

  it('lists what an added article brought, with links to each figure’s quote and source', async () => {
    await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    await addToDashboard(pack);
    const now = mergedDataset(base);
    renderWithChoices(<SincePanel dataset={now} briefingId="monday" />, { since: 'monday' });
    const added = screen.getByRole('list', { name: 'Figures added' });
    const ids = within(added)
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-figure-id'));
    expect(ids).toEqual(pack.figures.map((f) => f.id));
    expect(screen.getByTestId('since-summary')).toHaveTextContent(/figures? added/);
    // The same front-line date on both sides (the situation of the articles' date, once the list of dates is
    // loaded): said so, nothing to compute.
    expect(await screen.findByText(/both show the front line of 13 Feb 2025/)).toBeInTheDocument();
    const user = userEvent.setup();
    const first = pack.figures[0]!;
    await user.click(within(added).getByRole('button', { name: `Quote and source: ${first.label}` }));
    expect(useChoices.getState().figure).toBe(first.id);
    await user.click(screen.getByRole('button', { name: 'Close comparison' }));
    expect(useChoices.getState().since).toBeNull();
  });

  it('applies the filters: a country none of the new figures concerns shows no added figures', async () => {
    await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    await addToDashboard(pack);
    const country = base.countries.find((c) => !pack.figures.some((f) => f.countries.includes(c.id)))!;
    renderWithChoices(<SincePanel dataset={mergedDataset(base)} briefingId="monday" />, {
      since: 'monday',
      countries: [country.id],
    });
    expect(screen.queryByRole('list', { name: 'Figures added' })).toBeNull();
    expect(screen.getByTestId('since-summary')).toHaveTextContent(`Under the filters Country: ${country.name}`);
  });
});

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
