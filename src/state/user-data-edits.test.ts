import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, promisifyRequest } from 'idb-keyval';
import { makePack, shippedDataset } from '../model/pack/pack.fixtures';
import { DataFileSchema } from '../model/pack/pack-schema';
import { exportData, importData, load, resetUserDataForTests, setEdits, useUserData } from './user-data';
import { addToDashboard } from './pack-actions';
import { mergedDataset } from './merged';
import { undoChange } from '../model/corrections/corrections';
import { NO_EDITS, YOU, type Correction, type Edits } from '../model/corrections/edits-schema';
import { emptyStoredData, reloadStoredData } from '../testing/stored-data';

/** The analyst's corrections, measures and merges as stored: kept, exported, imported and joined, and merged. */
const base = shippedDataset();
const pack = makePack();

beforeEach(emptyStoredData);

afterEach(async () => {
  await resetUserDataForTests();
});

describe("corrections, measures and merges (the analyst's layer)", () => {
  const shippedFigure = base.figures.find((f) => f.id === 'americans-released')!;
  const correction = (
    id: string,
    itemId: string,
    field: string,
    from: number | string,
    to: number | string,
    at: string,
  ) => ({ id, kind: 'figure', itemId, at, by: YOU, changes: [{ field, from, to }] }) satisfies Correction;
  const c1 = correction('change-one', shippedFigure.id, 'value', 2, 3, '2025-03-01T10:00:00.000Z');
  const c2 = correction(
    'change-two',
    shippedFigure.id,
    'unit',
    'people',
    'artillery-systems',
    '2025-03-02T10:00:00.000Z',
  );
  const c3 = correction('change-three', 'fogel-age', 'value', 63, 64, '2025-03-03T10:00:00.000Z');
  const edits = (...corrections: Correction[]): Edits => ({ corrections, measures: [], merges: [] });
  const undone = (c: Correction, at = '2025-03-04T10:00:00.000Z'): Correction => ({
    ...c,
    undoneAt: at,
    undoneBy: YOU,
  });
  const ids = () => useUserData.getState().edits.corrections.map((c) => c.id);
  const fileWith = (e: Edits) => JSON.stringify({ ...exportData(), packs: [], edits: e });

  it('exports the edits in the data file, and leaves them out while there are none', async () => {
    await load();
    expect('edits' in exportData()).toBe(false);
    const mine: Edits = {
      corrections: [c1, undone(c2)],
      measures: [
        {
          measure: {
            id: 'my-measure',
            label: 'Mine',
            dimension: 'count',
            countries: ['RU'],
            scope: 'now',
            definition: 'Mine.',
          },
          at: '2025-03-01T09:00:00.000Z',
          by: YOU,
        },
      ],
      merges: [{ id: 'merge-one', from: 'fogel-age', into: 'my-measure', at: '2025-03-01T11:00:00.000Z', by: YOU }],
    };
    await setEdits(mine);
    const file = exportData();
    expect(file.edits).toEqual(mine);
    const parsed = DataFileSchema.safeParse(JSON.parse(JSON.stringify(file)));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.edits).toEqual(mine);
  });

  it('keeps the edits over a reload, undone state and all', async () => {
    await load();
    await setEdits(edits(c1, undone(c2)));
    await reloadStoredData();
    expect(useUserData.getState().edits).toEqual(edits(c1, undone(c2)));
    expect(useUserData.getState().lastError).toBeNull();
  });

  it('mergedDataset applies the edits over the shipped data and the added packs, leaving them as they were', async () => {
    await load();
    await addToDashboard(pack);
    const added = useUserData.getState().packs[0]!.pack.figures[0]!;
    const onAdded = correction(
      'change-added',
      added.id,
      'label',
      added.label,
      'A better label',
      '2025-03-01T12:00:00.000Z',
    );
    await setEdits(edits(c1, c2, onAdded));
    const merged = mergedDataset(base);
    expect(merged.figures.find((f) => f.id === shippedFigure.id)).toMatchObject({
      value: 3,
      unit: 'artillery-systems',
      quote: shippedFigure.quote,
    });
    expect(merged.figures.find((f) => f.id === added.id)?.label).toBe('A better label');
    expect(base.figures.find((f) => f.id === shippedFigure.id)).toEqual(shippedFigure);
    expect(shippedFigure.value).toBe(2);
    expect(useUserData.getState().packs[0]!.pack.figures[0]!.label).toBe(added.label);
    // The same object while nothing changes; a new one once a correction is undone.
    expect(mergedDataset(base)).toBe(merged);
    await setEdits(undoChange(useUserData.getState().edits, 'change-two', { at: '2025-03-05T00:00:00.000Z', by: YOU }));
    const after = mergedDataset(base);
    expect(after).not.toBe(merged);
    expect(after.figures.find((f) => f.id === shippedFigure.id)).toMatchObject({ value: 3, unit: 'people' });
  });

  it('importing a file with edits joins them: each change once, the undone state kept', async () => {
    await load();
    await setEdits(edits(c1, c2));
    const result = await importData(fileWith(edits(undone(c1), c2, c3)), base);
    expect(result.errors).toEqual([]);
    expect(ids()).toEqual(['change-one', 'change-two', 'change-three']);
    const kept = useUserData.getState().edits.corrections;
    expect(kept[0]).toEqual(undone(c1));
    expect(kept[1]).toEqual(c2);
    expect(mergedDataset(base).figures.find((f) => f.id === shippedFigure.id)).toMatchObject({
      value: 2,
      unit: 'artillery-systems',
    });
    await reloadStoredData();
    expect(useUserData.getState().edits.corrections).toEqual([undone(c1), c2, c3]);

    // The same file again adds nothing.
    await importData(fileWith(edits(undone(c1), c2, c3)), base);
    expect(ids()).toEqual(['change-one', 'change-two', 'change-three']);
  });

  it('keeps a change undone when the file has it still in force', async () => {
    await load();
    await setEdits(edits(undone(c1)));
    await importData(fileWith(edits(c1, c3)), base);
    expect(useUserData.getState().edits.corrections).toEqual([undone(c1), c3]);
  });

  it('takes an undoing from a file that brings nothing else new, and keeps it', async () => {
    await load();
    await setEdits(edits(c1));
    const result = await importData(fileWith(edits(undone(c1))), base);
    expect(result.errors).toEqual([]);
    expect(useUserData.getState().edits.corrections).toEqual([undone(c1)]);
    expect(mergedDataset(base).figures.find((f) => f.id === shippedFigure.id)?.value).toBe(2);
    await reloadStoredData();
    expect(useUserData.getState().edits.corrections).toEqual([undone(c1)]);
  });

  it('imports edits into an empty browser from an exported file', async () => {
    await load();
    await setEdits(edits(c1, c3));
    const text = JSON.stringify(exportData());
    await emptyStoredData();
    await load();
    expect(useUserData.getState().edits).toEqual(NO_EDITS);
    await importData(text, base);
    expect(useUserData.getState().edits).toEqual(edits(c1, c3));
    expect(mergedDataset(base).figures.find((f) => f.id === 'fogel-age')?.value).toBe(64);
  });

  it('refuses a file whose edits break the rules, naming the path, and keeps the edits there were', async () => {
    await load();
    await setEdits(edits(c1));
    const bad = { ...c3, changes: [{ field: 'quote', from: 'a', to: 'b' }] };
    const result = await importData(
      JSON.stringify({ ...exportData(), packs: [], edits: { corrections: [bad] } }),
      base,
    );
    expect(result.errors).toEqual([expect.stringMatching(/^data\.edits\.corrections\[0\]\.changes\[0\]\.field: /)]);
    expect(useUserData.getState().edits).toEqual(edits(c1));
  });

  it('does not show stored edits it cannot read, and says so', async () => {
    await load();
    const raw = createStore('geobrief', 'packs');
    await raw('readwrite', (s) => {
      s.put({ id: 'settings:edits', kind: 'edits', edits: { corrections: [{ id: 'x' }] } }, 'settings:edits');
      return promisifyRequest(s.transaction);
    });
    await raw('readonly', (s) => s.transaction.db.close());
    await reloadStoredData();
    expect(useUserData.getState().edits).toEqual(NO_EDITS);
    expect(useUserData.getState().lastError).toMatch(/could not be read.*corrections/);
  });
});
