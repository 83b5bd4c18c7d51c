import 'fake-indexeddb/auto';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makePack, shippedDataset } from '../../model/pack/pack.fixtures';
import { load, resetUserDataForTests, setEdits, useUserData } from '../../state/user-data';
import { YOU, type Correction } from '../../model/corrections/edits-schema';
import { addToDashboard, saveDraft } from '../../state/pack-actions';
import { YourDataMenu } from './your-data-menu';
import { freshStoredData } from '../../testing/stored-data';
import { StorageNotice } from './storage-notice';

const base = shippedDataset();
const pack = makePack();

beforeEach(freshStoredData);

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await resetUserDataForTests();
});

const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;

describe('YourDataMenu', () => {
  it('opens and closes with the keyboard; Esc returns focus to its button', async () => {
    const user = userEvent.setup();
    render(<YourDataMenu base={base} />);
    const toggle = screen.getByRole('button', { name: 'Your data' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    toggle.focus();
    await user.keyboard('{Enter}');
    const panel = screen.getByRole('dialog', { name: 'Your data' });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(within(panel).getByText('Saved in this browser as you go.')).toBeVisible();
    await user.tab();
    expect(within(panel).getByRole('button', { name: 'Export data pack' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Your data' })).toBeNull();
    expect(toggle).toHaveFocus();
  });

  it('imports a pack file and lists what went in, then lists the article with its items', async () => {
    const user = userEvent.setup();
    render(<YourDataMenu base={base} />);
    await user.click(screen.getByRole('button', { name: 'Your data' }));
    const file = new File([JSON.stringify(pack)], 'reuters.json', { type: 'application/json' });
    await user.upload(fileInput(), file);
    const panel = screen.getByRole('dialog', { name: 'Your data' });
    await within(panel).findByText(`Imported 1 article from “reuters.json”: ${pack.source.title}.`);
    const list = within(panel).getByRole('list', { name: 'Added articles' });
    expect(list).toHaveTextContent(pack.source.title);
    expect(list).toHaveTextContent('2 figures, 1 actor, 1 event, 1 quote');
  });

  it('names a file that is not JSON, and what is wrong with a pack, by item and field', async () => {
    const user = userEvent.setup();
    render(<YourDataMenu base={base} />);
    await user.click(screen.getByRole('button', { name: 'Your data' }));
    await user.upload(fileInput(), new File(['{ oops'], 'broken.json', { type: 'application/json' }));
    await screen.findByText('Nothing was imported from “broken.json”.');
    expect(screen.getByText(/not JSON/)).toBeVisible();

    const bad = { ...pack, figures: [{ ...pack.figures[0], unit: 'zorkmids' }] };
    await user.upload(fileInput(), new File([JSON.stringify(bad)], 'bad.json', { type: 'application/json' }));
    await screen.findByText('Nothing was imported from “bad.json”.');
    expect(screen.getByText(/pack\.figures\[0\]\.unit: unknown unit "zorkmids"/)).toBeVisible();
    expect(useUserData.getState().packs).toEqual([]);
  });

  it('removes an added article only after confirmation', async () => {
    const user = userEvent.setup();
    await addToDashboard(pack);
    render(<YourDataMenu base={base} />);
    await user.click(screen.getByRole('button', { name: 'Your data' }));
    await user.click(screen.getByRole('button', { name: `Remove: ${pack.source.title}` }));
    expect(useUserData.getState().packs).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: `Remove: ${pack.source.title}` }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(useUserData.getState().packs).toEqual([]));
    expect(screen.getByText(/None yet/)).toBeVisible();
  });

  it('asks the review to resume a draft, and closes', async () => {
    const user = userEvent.setup();
    await saveDraft({ ...pack, figures: pack.figures.map((f) => ({ ...f, status: 'proposed' as const })) });
    render(<YourDataMenu base={base} />);
    await user.click(screen.getByRole('button', { name: 'Your data' }));
    const drafts = screen.getByRole('list', { name: 'Drafts in review' });
    expect(drafts).toHaveTextContent('3 of 5 items reviewed');
    await user.click(within(drafts).getByRole('button', { name: `Resume review: ${pack.source.title}` }));
    expect(useUserData.getState().resumeDraftId).toBe(pack.source.id);
    expect(screen.queryByRole('dialog', { name: 'Your data' })).toBeNull();
  });

  it('downloads every pack as geobrief-data-YYYY-MM-DD.json', async () => {
    const user = userEvent.setup();
    await addToDashboard(pack);
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:test');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<YourDataMenu base={base} />);
    await user.click(screen.getByRole('button', { name: 'Your data' }));
    await user.click(screen.getByRole('button', { name: 'Export data pack' }));
    expect(click).toHaveBeenCalledTimes(1);
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toMatch(/^geobrief-data-\d{4}-\d{2}-\d{2}\.json$/);
    const blob = createObjectURL.mock.calls[0]![0];
    const file = JSON.parse(await blob.text()) as { format: string; packs: { source: { id: string } }[] };
    expect(file.format).toBe('geobrief-data');
    expect(file.packs.map((p) => p.source.id)).toEqual([pack.source.id]);
    expect(screen.getByText(`Exported 1 article to ${anchor.download}.`)).toBeVisible();
  });
});

describe('StorageNotice', () => {
  it('is silent while storage works', async () => {
    await addToDashboard(pack);
    render(<StorageNotice />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says what was not kept when the browser refuses to store, and the menu says so too', async () => {
    await resetUserDataForTests();
    vi.stubGlobal('indexedDB', undefined);
    await load();
    render(
      <>
        <StorageNotice />
        <YourDataMenu base={base} />
      </>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
    await act(() => addToDashboard(pack));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      `Your data could not be saved in this browser: this browser offers no storage here (private browsing or blocked site data). Not kept after this tab closes: ${pack.source.title}. Export a data pack to keep it.`,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Your data' }));
    expect(screen.getByText(/^Not saved in this browser/)).toBeVisible();
  });
});

describe('YourDataMenu: corrections that cannot apply', () => {
  it('names a kept correction whose item is not in the dashboard, and says nothing when all apply', async () => {
    const user = userEvent.setup();
    const shipped = base.figures[0]!;
    const correction = (id: string, itemId: string): Correction => ({
      id,
      kind: 'figure',
      itemId,
      at: '2025-03-01T10:00:00.000Z',
      by: YOU,
      changes: [{ field: 'label', from: 'Old words', to: 'New words' }],
    });
    await setEdits({ corrections: [correction('applies', shipped.id)], measures: [], merges: [] });
    const { unmount } = render(<YourDataMenu base={base} />);
    await user.click(screen.getByRole('button', { name: 'Your data' }));
    expect(screen.queryByText('Corrections kept but not applied:')).not.toBeInTheDocument();
    unmount();

    await setEdits({
      corrections: [correction('applies', shipped.id), correction('waits', 'figure-of-a-removed-article')],
      measures: [],
      merges: [],
    });
    render(<YourDataMenu base={base} />);
    await user.click(screen.getByRole('button', { name: 'Your data' }));
    const report = screen.getByText('Corrections kept but not applied:').closest('div')!;
    expect(
      within(report)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Corrections of the figure “figure-of-a-removed-article” wait for it: it is not in the dashboard now']);
    // Kept: nothing is dropped from the analyst's data.
    expect(useUserData.getState().edits.corrections.map((c) => c.id)).toEqual(['applies', 'waits']);
  });
});
