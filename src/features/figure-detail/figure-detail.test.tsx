import 'fake-indexeddb/auto';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FigureDetail } from './figure-detail';
import { makeActor, makeCountry, makeDataset, makeFigure, makeSource, makeTopic } from '../../testing/fixtures';
import { renderWithChoices } from '../../testing/render';
import { useChoices } from '../../state/store';
import * as packActions from '../../state/pack-actions';
import { resetUserDataForTests, useUserData } from '../../state/user-data';
import { addedOn } from '../../state/user-data-labels';
import { makePack } from '../../model/pack/pack.fixtures';

const dataset = makeDataset({
  sources: [
    makeSource({
      id: 'iiss-story',
      publisher: 'Reuters',
      outlet: 'Daily Maverick',
      title: 'Russia able to fight on',
      published: '2025-02-12',
    }),
  ],
  countries: [makeCountry({ id: 'RU', name: 'Russia' })],
  topics: [makeTopic({ id: 'casualties', label: 'Casualties' })],
  actors: [makeActor({ id: 'iiss', name: 'International Institute for Strategic Studies' })],
  figures: [
    makeFigure({ id: 'tanks', label: 'Russian tanks lost in 2024', sourceId: 'iiss-story', actorIds: ['iiss'] }),
    makeFigure({
      id: 'backlog',
      label: 'US arms ordered by Taiwan, stuck in a backlog',
      sourceId: 'iiss-story',
      measure: 'backlog',
      unit: 'usd',
      value: undefined,
      low: 1e9,
      high: 999e9,
      qualifier: 'about',
      stated: 'billions of dollars',
      quote: 'billions of dollars worth of orders of American military equipment are stuck in a backlog',
      reading: '"billions" read as 1 billion to 999 billion',
    }),
    makeFigure({
      id: 'surplus',
      label: 'Taiwan trade surplus',
      sourceId: 'iiss-story',
      unit: 'usd',
      value: 74e9,
      qualifier: 'record',
      stated: 'record $74 billion',
      quote: 'a record $74 billion',
    }),
  ],
});

describe('FigureDetail', () => {
  it('is closed while no figure is chosen', () => {
    renderWithChoices(<FigureDetail dataset={dataset} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the quote, the story, countries, topics and actors of the chosen figure', () => {
    renderWithChoices(<FigureDetail dataset={dataset} />, { figure: 'tanks' });
    const dialog = screen.getByRole('dialog', { name: 'Russian tanks lost in 2024' });
    expect(within(dialog).getByText('“Moscow lost 1,400 tanks in 2024”')).toBeVisible();
    expect(dialog).toHaveTextContent('IISS, in Russia able to fight on (Reuters via Daily Maverick, 12 Feb 2025)');
    expect(dialog).toHaveTextContent('CountriesRussia');
    expect(dialog).toHaveTextContent('TopicsCasualties');
    expect(dialog).toHaveTextContent('ActorsInternational Institute for Strategic Studies');
  });

  it('shows words given instead of a number first, and the reading as a number on demand', async () => {
    const user = userEvent.setup();
    renderWithChoices(<FigureDetail dataset={dataset} />, { figure: 'backlog' });
    const dialog = screen.getByRole('dialog', { name: 'US arms ordered by Taiwan, stuck in a backlog' });
    expect(dialog.querySelector('.detail-dialog__value')).toHaveTextContent('“billions of dollars”');
    expect(dialog).not.toHaveTextContent('about $1–999 billion');
    const reading = within(dialog).getByText(/Drawn as \$1 to 999 billion, not a measurement/);
    expect(reading).not.toBeVisible();
    await user.click(within(dialog).getByText('Reading: how we drew these words as a number'));
    expect(reading).toBeVisible();
    expect(dialog).toHaveTextContent('PrecisionStated in words; approximate (“about”)');
  });

  it('says what a record means', () => {
    renderWithChoices(<FigureDetail dataset={dataset} />, { figure: 'surplus' });
    const dialog = screen.getByRole('dialog', { name: 'Taiwan trade surplus' });
    expect(dialog).toHaveTextContent('PrecisionStated as a record');
    expect(dialog.querySelector('.detail-dialog__value')).toHaveTextContent('record $74 billion');
  });

  it('copies a citation with publisher, headline, date and quote', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithChoices(<FigureDetail dataset={dataset} />, { figure: 'tanks' });
    await user.click(screen.getByRole('button', { name: 'Copy citation' }));
    expect(writeText).toHaveBeenCalledWith(
      '“Moscow lost 1,400 tanks in 2024” (IISS). Reuters via Daily Maverick, “Russia able to fight on”, 12 Feb 2025.',
    );
    expect(screen.getByText('Citation copied.')).toHaveAttribute('role', 'status');
  });

  it('offers the citation to copy by hand when the clipboard is blocked', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockRejectedValue(new Error('denied'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithChoices(<FigureDetail dataset={dataset} />, { figure: 'tanks' });
    await user.click(screen.getByRole('button', { name: 'Copy citation' }));
    expect(screen.getByText(/Copying is blocked/)).toHaveAttribute('role', 'status');
    expect(screen.getByRole('textbox')).toHaveValue(
      '“Moscow lost 1,400 tanks in 2024” (IISS). Reuters via Daily Maverick, “Russia able to fight on”, 12 Feb 2025.',
    );
  });

  it('closes with its button and clears the chosen figure', async () => {
    const user = userEvent.setup();
    renderWithChoices(<FigureDetail dataset={dataset} />, { figure: 'tanks' });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(useChoices.getState().figure).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('follows the store when another part of the page chooses a figure', () => {
    renderWithChoices(<FigureDetail dataset={dataset} />);
    act(() => useChoices.getState().openFigure('tanks'));
    expect(screen.getByRole('dialog')).toBeVisible();
  });
});

describe('FigureDetail of a figure the analyst added', () => {
  const addedAt = '2026-11-22T10:00:00.000Z';
  const pack = makePack();
  const added = makeDataset({
    sources: [makeSource({ id: pack.source.id, title: 'Russia able to fight on', addedAt })],
    countries: [makeCountry({ id: 'RU', name: 'Russia' })],
    topics: [makeTopic({ id: 'casualties', label: 'Casualties' })],
    actors: [makeActor({ id: 'iiss', name: 'IISS', statements: [] })],
    figures: [makeFigure({ id: 'added-tanks', sourceId: pack.source.id, actorIds: ['iiss'], addedAt })],
  });

  afterEach(() => resetUserDataForTests());

  it('says when and from which story it was added', () => {
    renderWithChoices(<FigureDetail dataset={added} />, { figure: 'added-tanks' });
    expect(screen.getByRole('dialog')).toHaveTextContent(`Added ${addedOn(addedAt)} from Russia able to fight on`);
    // Not in this browser's data (e.g. imported on the command line): nothing to remove here.
    expect(screen.queryByRole('button', { name: 'Remove' })).toBeNull();
  });

  it('removes it from the analyst’s data after confirmation, and closes', async () => {
    const user = userEvent.setup();
    useUserData.setState({
      packs: [{ id: pack.source.id, pack, state: 'added', updatedAt: addedAt }],
    });
    renderWithChoices(<FigureDetail dataset={added} />, { figure: 'added-tanks' });
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.getByRole('group', { name: 'Confirm removing this figure' })).toBeVisible();
    const removed = vi.spyOn(packActions, 'removeItem');
    await user.click(screen.getByRole('button', { name: 'Yes, remove' }));
    expect(useChoices.getState().figure).toBeNull();
    expect(removed).toHaveBeenCalledWith(pack.source.id, 'figures', 'added-tanks');
  });
});
