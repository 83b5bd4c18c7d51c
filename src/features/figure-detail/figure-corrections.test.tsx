import 'fake-indexeddb/auto';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { FigureDetail } from './figure-detail';
import { makeDataset, makeFigure, makeMeasure, makeSource } from '../../testing/fixtures';
import { renderWithChoices } from '../../testing/render';
import { resetUserDataForTests, useUserData } from '../../state/user-data';
import { useMergedDataset } from '../../state/merged';
import type { Dataset } from '../../model/dataset/schema';

const base = makeDataset({
  sources: [
    makeSource({ id: 'iiss-story', publisher: 'Reuters', title: 'Russia able to fight on', published: '2025-02-12' }),
    makeSource({ id: 'later-story', publisher: 'BBC', title: 'Losses mount', published: '2025-02-20' }),
  ],
  measures: [
    makeMeasure({ id: 'tank-losses', label: 'Russian tanks lost in a year', scope: 'in a calendar year' }),
    makeMeasure({ id: 'vehicle-losses', label: 'Russian armoured vehicles lost', scope: 'in a calendar year' }),
  ],
  figures: [
    makeFigure({ id: 'tanks', label: 'Russian tanks lost in 2024', sourceId: 'iiss-story', measure: 'tank-losses' }),
    makeFigure({
      id: 'other-tanks',
      label: 'Tanks lost (Oryx)',
      sourceId: 'later-story',
      measure: 'tank-losses',
      value: 3000,
      stated: '3,000',
      quote: 'Oryx counted 3,000 tanks lost',
      claimant: 'Oryx',
    }),
    makeFigure({
      id: 'vehicles',
      label: 'Armoured vehicles lost',
      sourceId: 'later-story',
      measure: 'vehicle-losses',
      value: 1500,
      stated: '1,500',
      quote: 'about 1,500 vehicles were lost',
      claimant: 'Oryx',
    }),
  ],
});

/** The detail over the dataset with the analyst's corrections on top, as the app shows it. */
function Detail({ dataset }: { dataset: Dataset }) {
  return <FigureDetail dataset={useMergedDataset(dataset)} />;
}

describe('correcting a figure from its detail', () => {
  afterEach(() => resetUserDataForTests());

  it('saves a correction as a new version with its history, and undoes it', async () => {
    const user = userEvent.setup();
    renderWithChoices(<Detail dataset={base} />, { figure: 'tanks' });
    const dialog = screen.getByRole('dialog', { name: 'Russian tanks lost in 2024' });
    expect(within(dialog).queryByRole('heading', { name: 'History' })).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Edit' }));
    const form = await within(dialog).findByRole('form', { name: 'Edit this figure' });
    await user.selectOptions(within(form).getByLabelText('Unit'), 'armoured-vehicles');
    await user.clear(within(form).getByLabelText('Value'));
    await user.type(within(form).getByLabelText('Value'), '1500');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await within(dialog).findByText(/Saved as a new version/)).toBeInTheDocument();
    expect(dialog.querySelector('.detail-dialog__value')).toHaveTextContent('1,500 armoured vehicles');
    // The quote stays as printed; the detail says the value is a person's correction.
    expect(within(dialog).getByText('“Moscow lost 1,400 tanks in 2024”')).toBeInTheDocument();
    expect(within(dialog).getByText(/Corrected by you on/)).toBeInTheDocument();
    const history = within(dialog).getByRole('heading', { name: 'History' }).parentElement!;
    expect(history).toHaveTextContent('Value: 1,400 → 1,500');
    expect(history).toHaveTextContent('Unit: tanks → armoured vehicles');
    expect(history).toHaveTextContent(/· you/);
    expect(useUserData.getState().edits.corrections).toHaveLength(1);

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    expect(await within(dialog).findByText(/^Undone: the version of/)).toBeInTheDocument();
    expect(dialog.querySelector('.detail-dialog__value')).toHaveTextContent('1,400 tanks');
    // The record stays, marked undone; nothing is left to undo.
    expect(history.querySelectorAll('.correction__undone')).toHaveLength(1);
    expect(history).toHaveTextContent(/undone .* by you/);
    expect(within(dialog).queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('keeps nothing while a field is wrong, and saves nothing when nothing changed', async () => {
    const user = userEvent.setup();
    renderWithChoices(<Detail dataset={base} />, { figure: 'tanks' });
    const dialog = screen.getByRole('dialog', { name: 'Russian tanks lost in 2024' });
    await user.click(within(dialog).getByRole('button', { name: 'Edit' }));
    const form = await within(dialog).findByRole('form', { name: 'Edit this figure' });
    await user.clear(within(form).getByLabelText('Claimant'));
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByLabelText('Claimant')).toHaveAttribute('aria-invalid', 'true');
    expect(within(form).getAllByText(/Say who makes the claim/)).not.toHaveLength(0);
    expect(useUserData.getState().edits.corrections).toHaveLength(0);

    await user.click(within(form).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Edit' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Nothing changed: no new version.')).toBeInTheDocument();
    expect(useUserData.getState().edits.corrections).toHaveLength(0);
  });

  it('shows how the other sources compare, and links a figure to a measure only when asked', async () => {
    const user = userEvent.setup();
    renderWithChoices(<Detail dataset={base} />, { figure: 'vehicles' });
    const dialog = screen.getByRole('dialog', { name: 'Armoured vehicles lost' });
    expect(within(dialog).getByRole('region', { name: /^Sources:/ })).toHaveTextContent('One source');

    // Another measure of the same dimension: link the figure to it, as a correction.
    await user.click(within(dialog).getByRole('button', { name: 'Link to measure' }));
    const link = await within(dialog).findByRole('form', { name: 'Link to measure' });
    await user.selectOptions(within(link).getByLabelText('Measure it estimates'), 'tank-losses');
    await user.click(within(link).getByRole('button', { name: 'Link' }));
    expect(await within(dialog).findByText('Linked to “Russian tanks lost in a year”.')).toBeInTheDocument();
    const sources = within(dialog).getByRole('region', { name: /^Sources:/ });
    // 1,400 (IISS) and 1,500 (Oryx), both for 2024, differ; Oryx's own 3,000 in the same story is not another source.
    expect(sources).toHaveTextContent('Sources differ');
    expect(sources).toHaveTextContent(/Differs by 7 %/);
    expect(within(dialog).getByRole('heading', { name: 'History' }).parentElement).toHaveTextContent(
      'Measure: Russian armoured vehicles lost → Russian tanks lost in a year',
    );
  });

  it('makes a new measure, names it, and merges two measures (undoably)', async () => {
    const user = userEvent.setup();
    renderWithChoices(<Detail dataset={base} />, { figure: 'vehicles' });
    const dialog = screen.getByRole('dialog', { name: 'Armoured vehicles lost' });
    await user.click(within(dialog).getByRole('button', { name: 'Link to measure' }));
    await user.click(within(dialog).getByRole('button', { name: 'New measure' }));
    const form = await within(dialog).findByRole('form', { name: 'New measure' });
    await user.click(within(form).getByRole('button', { name: 'Create and link' }));
    expect(within(form).getByLabelText('Scope')).toHaveAttribute('aria-invalid', 'true');
    await user.type(within(form).getByLabelText('Scope'), 'cumulative since Feb 2022');
    await user.type(within(form).getByLabelText('Definition'), 'Armoured vehicles of every kind, tanks apart.');
    await user.click(within(form).getByRole('button', { name: 'Create and link' }));
    expect(await within(dialog).findByText('Linked to the new measure “Armoured vehicles lost”.')).toBeInTheDocument();
    const created = useUserData.getState().edits.measures;
    expect(created).toHaveLength(1);
    expect(created[0]!.measure).toMatchObject({ label: 'Armoured vehicles lost', dimension: 'count' });
    expect(created[0]!.by).toBe('you');

    await user.click(within(dialog).getByRole('button', { name: 'Rename measure' }));
    const rename = await within(dialog).findByRole('form', { name: 'Rename measure' });
    await user.clear(within(rename).getByLabelText('Label'));
    await user.type(within(rename).getByLabelText('Label'), 'Armoured vehicles lost since 2022');
    await user.click(within(rename).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Measure renamed (a new version of it).')).toBeInTheDocument();
    expect(within(dialog).getByRole('region', { name: 'Measure' })).toHaveTextContent(
      'Armoured vehicles lost since 2022',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Merge measure' }));
    const merge = await within(dialog).findByRole('form', { name: 'Merge measure' });
    await user.selectOptions(within(merge).getByRole('combobox'), 'tank-losses');
    await user.click(within(merge).getByRole('button', { name: 'Merge' }));
    expect(await within(dialog).findByText(/Merged into “Russian tanks lost in a year”/)).toBeInTheDocument();
    const measure = within(dialog).getByRole('region', { name: 'Measure' });
    expect(measure).toHaveTextContent('Russian tanks lost in a year');
    expect(measure).toHaveTextContent('3 estimates.');
    await user.click(within(measure).getByRole('button', { name: 'Undo merge' }));
    expect(await within(dialog).findByText('Merge undone.')).toBeInTheDocument();
    expect(within(dialog).getByRole('region', { name: 'Measure' })).toHaveTextContent(
      'Armoured vehicles lost since 2022',
    );
  });
});
