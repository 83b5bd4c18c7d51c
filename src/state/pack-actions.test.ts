import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePack, PACK_SOURCE_ID, shippedDataset } from '../model/pack/pack.fixtures';
import { load, resetUserDataForTests, useUserData } from './user-data';
import { addToDashboard, removeItem, removePack, saveDraft } from './pack-actions';
import { mergedDataset, watchMergedDataset } from './merged';
import { emptyStoredData, reloadStoredData } from '../testing/stored-data';

/** The pack actions over the stored data: what each keeps, over a reload, and what the merged dataset shows. */
const base = shippedDataset();
const pack = makePack();
const figureId = pack.figures[0]!.id;

beforeEach(emptyStoredData);

afterEach(async () => {
  await resetUserDataForTests();
});

describe('pack actions, kept in IndexedDB', () => {
  it('adds a pack to the dashboard with addedAt on its accepted items, and keeps it over a reload', async () => {
    await load();
    const before = Date.now();
    await addToDashboard(pack);
    const stored = useUserData.getState().packs[0]!;
    expect(stored).toMatchObject({ id: PACK_SOURCE_ID, state: 'added' });
    const addedAt = Date.parse(stored.pack.figures[0]!.addedAt!);
    expect(addedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(stored.pack.source.addedAt).toBe(stored.pack.figures[0]!.addedAt);
    expect(mergedDataset(base).figures.find((f) => f.id === figureId)?.addedAt).toBe(stored.pack.figures[0]!.addedAt);

    await reloadStoredData();
    expect(useUserData.getState().status).toEqual({ kind: 'ok' });
    expect(useUserData.getState().packs).toEqual([stored]);
    expect(mergedDataset(base).figures.some((f) => f.id === figureId)).toBe(true);
  });

  it('does not stamp proposed or rejected items, which stay out of the dashboard', async () => {
    const reviewed = makePack({
      figures: [pack.figures[0]!, { ...pack.figures[1]!, status: 'rejected' }],
      events: pack.events.map((e) => ({ ...e, status: 'proposed' as const })),
    });
    await addToDashboard(reviewed);
    const stored = useUserData.getState().packs[0]!.pack;
    expect(stored.figures[1]!.addedAt).toBeUndefined();
    expect(stored.events[0]!.addedAt).toBeUndefined();
    const merged = mergedDataset(base);
    expect(merged.figures.some((f) => f.id === pack.figures[1]!.id)).toBe(false);
    expect(merged.events.some((e) => e.id === pack.events[0]!.id)).toBe(false);
  });

  it('keeps drafts out of the dashboard, over a reload, and a late autosave never demotes an added pack', async () => {
    await load();
    await saveDraft(pack);
    await reloadStoredData();
    expect(useUserData.getState().packs.map((p) => p.state)).toEqual(['draft']);
    expect(mergedDataset(base)).toBe(base);

    await addToDashboard(pack);
    await saveDraft(pack);
    await reloadStoredData();
    expect(useUserData.getState().packs.map((p) => p.state)).toEqual(['added']);
  });

  it('removes one item (kept in the pack as rejected) and a whole pack, for good', async () => {
    await addToDashboard(pack);
    await removeItem(PACK_SOURCE_ID, 'figures', figureId);
    await reloadStoredData();
    const kept = useUserData.getState().packs[0]!.pack.figures[0]!;
    expect(kept).toMatchObject({ id: figureId, status: 'rejected' });
    expect(kept.addedAt).toBeUndefined();
    expect(mergedDataset(base).figures.some((f) => f.id === figureId)).toBe(false);
    expect(mergedDataset(base).figures.some((f) => f.id === pack.figures[1]!.id)).toBe(true);

    await removePack(PACK_SOURCE_ID);
    await reloadStoredData();
    expect(useUserData.getState().packs).toEqual([]);
    expect(mergedDataset(base)).toBe(base);
  });

  it('gives the same merged dataset while only drafts change', async () => {
    await addToDashboard(pack);
    const first = mergedDataset(base);
    await saveDraft(makePack({ source: { ...pack.source, id: 'other-story', title: 'Another story' } }));
    expect(mergedDataset(base)).toBe(first);
  });
});

describe('watchMergedDataset', () => {
  it('tells a listener outside React of each new merged dataset, and only when it changes', async () => {
    await load();
    const seen: number[] = [];
    const stop = watchMergedDataset(base, (dataset) => seen.push(dataset.figures.length));
    await saveDraft(pack);
    expect(seen).toEqual([]);
    await addToDashboard(pack);
    expect(seen).toEqual([mergedDataset(base).figures.length]);
    expect(seen[0]).toBeGreaterThan(base.figures.length);
    stop();
    await removePack(PACK_SOURCE_ID);
    expect(seen).toHaveLength(1);
  });
});
