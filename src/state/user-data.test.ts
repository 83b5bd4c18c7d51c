import 'fake-indexeddb/auto';
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makePack, PACK_SOURCE_ID, shippedDataset } from '../model/pack/pack.fixtures';
import { DataFileSchema } from '../model/pack/pack-schema';
import {
  addToDashboard,
  exportData,
  importData,
  load,
  mergedDataset,
  removeItem,
  removePack,
  deleteBriefing,
  resetUserDataForTests,
  saveBriefing,
  saveDraft,
  useUserData,
} from './user-data';
import { NO_FILTERS } from '../model/dataset/selectors';
import { joinEdits, setEdits } from './user-data';
import { NO_EDITS, undoChange, YOU, type Correction, type Edits } from '../model/corrections/corrections';
import { BRIEFING_ID } from '../model/briefing/briefing';
import { BRIEFING_ID as URL_BRIEFING_ID } from './url';

const base = shippedDataset();
const pack = makePack();
const figureId = pack.figures[0]!.id;

/**
 * Storage that fails on demand: while `failWrites.error` is set, every write transaction the module starts
 * is aborted (nothing of it is kept, as when the browser refuses it) and rejects with that error.
 */
const failWrites = vi.hoisted(() => ({ error: null as unknown }));

vi.mock('idb-keyval', async (importOriginal) => {
  const actual = await importOriginal<typeof import('idb-keyval')>();
  const failing =
    (store: UseStore): UseStore =>
    (mode, callback) =>
      mode === 'readwrite' && failWrites.error !== null
        ? store(mode, (s) => {
            void Promise.resolve(callback(s)).catch(() => undefined);
            s.transaction.abort();
            return Promise.reject(failWrites.error);
          })
        : store(mode, callback);
  return { ...actual, createStore: (db: string, name: string) => failing(actual.createStore(db, name)) };
});

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    request.onblocked = () => reject(new Error(`${name} is still open`));
  });
}

/** A reload: memory is gone, the database is read again. */
async function reload() {
  await resetUserDataForTests();
  await load();
}

beforeEach(async () => {
  await resetUserDataForTests();
  await deleteDatabase('geobrief');
});

afterEach(async () => {
  failWrites.error = null;
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  await resetUserDataForTests();
});

describe('user data kept in IndexedDB', () => {
  it('loads an empty store, and says storage works', async () => {
    expect(useUserData.getState().status).toEqual({ kind: 'loading' });
    await load();
    expect(useUserData.getState()).toMatchObject({ packs: [], status: { kind: 'ok' }, lastError: null });
  });

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

    await reload();
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
    await reload();
    expect(useUserData.getState().packs.map((p) => p.state)).toEqual(['draft']);
    expect(mergedDataset(base)).toBe(base);

    await addToDashboard(pack);
    await saveDraft(pack);
    await reload();
    expect(useUserData.getState().packs.map((p) => p.state)).toEqual(['added']);
  });

  it('removes one item (kept in the pack as rejected) and a whole pack, for good', async () => {
    await addToDashboard(pack);
    await removeItem(PACK_SOURCE_ID, 'figures', figureId);
    await reload();
    const kept = useUserData.getState().packs[0]!.pack.figures[0]!;
    expect(kept).toMatchObject({ id: figureId, status: 'rejected' });
    expect(kept.addedAt).toBeUndefined();
    expect(mergedDataset(base).figures.some((f) => f.id === figureId)).toBe(false);
    expect(mergedDataset(base).figures.some((f) => f.id === pack.figures[1]!.id)).toBe(true);

    await removePack(PACK_SOURCE_ID);
    await reload();
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

describe('export and import', () => {
  it('exports every pack, drafts too, as a geobrief data file', async () => {
    await addToDashboard(pack);
    const draft = makePack({ source: { ...pack.source, id: 'a-draft-story', title: 'A draft' } });
    await saveDraft(draft);
    const file = exportData();
    expect(DataFileSchema.safeParse(file).success).toBe(true);
    expect(file.packs).toHaveLength(2);
    expect((file.packs[1] as typeof draft).source.id).toBe('a-draft-story');
  });

  it('imports an exported file into an empty browser, and skips what is already there by name', async () => {
    await addToDashboard(pack);
    const text = JSON.stringify(exportData());
    await resetUserDataForTests();
    await deleteDatabase('geobrief');
    await load();

    const result = await importData(text, base);
    expect(result).toMatchObject({ imported: 1, importedTitles: [pack.source.title], errors: [] });
    expect(mergedDataset(base).figures.some((f) => f.id === figureId)).toBe(true);
    await reload();
    expect(useUserData.getState().packs.map((p) => p.state)).toEqual(['added']);

    const again = await importData(text, base);
    expect(again.imported).toBe(0);
    expect(again.skipped).toEqual([`“${pack.source.title}”: already in your data (on the dashboard)`]);
    expect(useUserData.getState().packs).toHaveLength(1);
  });

  it('imports a pack whose items carry no review status as added, stamping addedAt', async () => {
    const plain = makePack({ figures: pack.figures.map(({ status: _status, ...f }) => f) });
    const result = await importData(plain, base);
    expect(result.imported).toBe(1);
    expect(useUserData.getState().packs[0]!.pack.figures[0]!.addedAt).toBeDefined();
  });

  it('imports an all-proposed pack as a draft in review', async () => {
    const proposed = makePack({
      figures: pack.figures.map((f) => ({ ...f, status: 'proposed' as const })),
      actors: pack.actors.map((a) => ({ ...a, status: 'proposed' as const })),
      events: pack.events.map((e) => ({ ...e, status: 'proposed' as const })),
      statements: pack.statements.map((s) => ({ ...s, status: 'proposed' as const })),
    });
    await importData(proposed, base);
    expect(useUserData.getState().packs.map((p) => p.state)).toEqual(['draft']);
  });

  it('never half-imports silently: a bad pack is left out whole, named by item and field, the good one goes in', async () => {
    const bad = makePack({
      source: { ...pack.source, id: 'bad-story', title: 'A bad story' },
      figures: [{ ...pack.figures[0]!, id: 'bad-figure', sourceId: 'bad-story', unit: 'zorkmids' }],
      actors: [],
      events: [],
      statements: [],
    });
    const file = { ...exportData(), packs: [bad, pack] };
    const result = await importData(file, base);
    expect(result.imported).toBe(1);
    expect(result.importedTitles).toEqual([pack.source.title]);
    expect(result.errors.join('\n')).toContain('packs[0].figures[0].unit: unknown unit "zorkmids"');
    expect(useUserData.getState().packs.map((p) => p.id)).toEqual([PACK_SOURCE_ID]);
  });

  it('names bad JSON and a wrong format, and keeps what was there', async () => {
    await addToDashboard(pack);
    const json = await importData('{ not json', base);
    expect(json.imported).toBe(0);
    expect(json.errors[0]).toMatch(/not JSON/);
    const wrong = await importData({ format: 'something-else' }, base);
    expect(wrong.errors[0]).toMatch(/format is "something-else"/);
    expect(useUserData.getState().packs).toHaveLength(1);
  });
});

describe('when the browser refuses to store', () => {
  it('says storage is unavailable when there is no IndexedDB, keeps working in memory and names what was not kept', async () => {
    vi.stubGlobal('indexedDB', undefined);
    await load();
    expect(useUserData.getState().status).toEqual({
      kind: 'unavailable',
      message: 'this browser offers no storage here (private browsing or blocked site data)',
    });
    expect(useUserData.getState().lastError).toBeNull();

    await addToDashboard(pack);
    const state = useUserData.getState();
    expect(state.status.kind).toBe('unavailable');
    expect(state.lastError).toMatch(/no storage here/);
    expect(state.unsaved).toEqual([PACK_SOURCE_ID]);
    expect(mergedDataset(base).figures.some((f) => f.id === figureId)).toBe(true);
  });

  it('says storage is unavailable when the database refuses to open, and catches up once it opens', async () => {
    const open = vi.spyOn(IDBFactory.prototype, 'open').mockImplementation(() => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    });
    await load();
    await addToDashboard(pack);
    expect(useUserData.getState()).toMatchObject({
      status: {
        kind: 'unavailable',
        message:
          'the browser refused its storage, as it does in private browsing or when site data is blocked (The user denied permission to access the database)',
      },
      unsaved: [PACK_SOURCE_ID],
    });

    open.mockRestore();
    await removeItem(PACK_SOURCE_ID, 'figures', figureId);
    expect(useUserData.getState()).toMatchObject({ status: { kind: 'ok' }, unsaved: [] });
    await reload();
    expect(useUserData.getState().packs.map((p) => p.id)).toEqual([PACK_SOURCE_ID]);
    expect(useUserData.getState().packs[0]!.pack.figures[0]).toMatchObject({ id: figureId, status: 'rejected' });
  });

  it('says so when a write fails (storage full), keeps the data in memory, and saves it once storage works', async () => {
    await load();
    await saveDraft(makePack({ source: { ...pack.source, id: 'kept-story', title: 'Kept' } }));
    failWrites.error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    await addToDashboard(pack);
    await removePack('kept-story');
    expect(useUserData.getState()).toMatchObject({
      status: { kind: 'error', message: "the browser's storage for this site is full" },
      lastError: "the browser's storage for this site is full",
      unsaved: [PACK_SOURCE_ID, 'kept-story'],
    });
    expect(useUserData.getState().packs.map((p) => p.id)).toEqual([PACK_SOURCE_ID]);
    expect(mergedDataset(base).figures.some((f) => f.id === figureId)).toBe(true);

    failWrites.error = null;
    await saveDraft(makePack({ source: { ...pack.source, id: 'next-story', title: 'Next' } }));
    expect(useUserData.getState()).toMatchObject({ status: { kind: 'ok' }, unsaved: [] });
    await reload();
    expect(
      useUserData
        .getState()
        .packs.map((p) => p.id)
        .sort(),
    ).toEqual(['next-story', PACK_SOURCE_ID]);
  });

  it('writes a batch all or nothing: a pack the browser cannot store keeps the others of its batch unsaved too', async () => {
    await load();
    failWrites.error = new DOMException('The transaction was aborted.', 'AbortError');
    await saveDraft(makePack({ source: { ...pack.source, id: 'first-story', title: 'First' } }));
    expect(useUserData.getState()).toMatchObject({
      status: { kind: 'error', message: 'The transaction was aborted.' },
      unsaved: ['first-story'],
    });
    failWrites.error = null;
    // A value IndexedDB cannot clone: its put is refused at once, in the same batch as "first-story".
    await saveDraft({ ...pack, uncloneable: () => undefined } as unknown as typeof pack);
    const state = useUserData.getState();
    expect(state.status.kind).toBe('error');
    expect(state.lastError).toBeTruthy();
    expect([...state.unsaved].sort()).toEqual(['first-story', PACK_SOURCE_ID]);
    await reload();
    expect(useUserData.getState().packs).toEqual([]);
  });

  it('does not show a stored pack it cannot read, and says so', async () => {
    await load();
    const raw = createStore('geobrief', 'packs');
    await raw('readwrite', (s) => {
      s.put({ id: 'broken', pack: { format: 'nope' }, state: 'added', updatedAt: '2026-01-01' }, 'broken');
      return promisifyRequest(s.transaction);
    });
    await raw('readonly', (s) => s.transaction.db.close());
    await addToDashboard(pack);
    await reload();
    expect(useUserData.getState().packs.map((p) => p.id)).toEqual([PACK_SOURCE_ID]);
    expect(useUserData.getState().lastError).toMatch(/could not be read.*broken/);
    // Left alone in storage: it is still there after another reload and another write.
    await saveDraft(makePack({ source: { ...pack.source, id: 'next-story', title: 'Next' } }));
    await reload();
    expect(useUserData.getState().lastError).toMatch(/could not be read.*broken/);
  });
});

describe('saved briefings', () => {
  it('have ids that the URL accepts as since=', () => {
    expect(BRIEFING_ID.source).toBe(URL_BRIEFING_ID.source);
  });

  const context = {
    frontline: '2024-08-01',
    filters: { ...NO_FILTERS, topics: ['casualties'] },
    slides: ['title', 'since'],
  };

  it('saves a snapshot of the merged data, keeps it over a reload, and deletes it for good', async () => {
    await load();
    const result = await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    expect(result.kind).toBe('saved');
    await reload();
    const [kept] = useUserData.getState().briefings;
    expect(kept).toMatchObject({ id: 'monday', name: 'Monday', frontline: '2024-08-01', slides: ['title', 'since'] });
    expect(kept!.figures).toHaveLength(base.figures.length);
    expect(kept!.filters.topics).toEqual(['casualties']);
    // The packs are read as before: a briefing record is not taken for an unreadable pack.
    expect(useUserData.getState()).toMatchObject({ packs: [], lastError: null });

    await deleteBriefing('monday');
    await reload();
    expect(useUserData.getState().briefings).toEqual([]);
  });

  it('says so, and saves nothing, when nothing changed since the last briefing', async () => {
    await load();
    await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    const again = await saveBriefing(base, context, 'Tuesday', new Date('2026-12-02T09:00:00Z'));
    expect(again).toMatchObject({ kind: 'unchanged', briefing: { id: 'monday' } });
    expect(useUserData.getState().briefings).toHaveLength(1);
    // Once an article is added, the data changed: it saves.
    await addToDashboard(pack);
    const merged = mergedDataset(base);
    const third = await saveBriefing(merged, context, 'Monday', new Date('2026-12-03T09:00:00Z'));
    expect(third).toMatchObject({ kind: 'saved', briefing: { id: 'monday-2' } });
  });

  it('exports briefings inside the data pack and imports them back into an empty browser', async () => {
    await load();
    await addToDashboard(pack);
    await saveBriefing(mergedDataset(base), context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    const file = exportData();
    expect(DataFileSchema.parse(JSON.parse(JSON.stringify(file))).briefings.map((b) => b.name)).toEqual(['Monday']);

    await resetUserDataForTests();
    await deleteDatabase('geobrief');
    await load();
    const result = await importData(JSON.stringify(file), base);
    expect(result).toMatchObject({ imported: 1, importedBriefings: ['Monday'], errors: [] });
    await reload();
    expect(useUserData.getState().briefings.map((b) => b.id)).toEqual(['monday']);

    // Importing the same file again skips the briefing by name.
    const twice = await importData(JSON.stringify(file), base);
    expect(twice.importedBriefings).toEqual([]);
    expect(twice.skipped).toContain('Briefing “Monday”: already in your data');
  });

  it('refuses a file with a bad briefing whole, naming the briefing, the item and the field', async () => {
    await load();
    await saveBriefing(base, context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    const file = JSON.parse(JSON.stringify(exportData()));
    file.briefings[0].figures[2].unit = 7;
    file.packs = [makePack()];
    await resetUserDataForTests();
    await deleteDatabase('geobrief');
    await load();
    const result = await importData(JSON.stringify(file), base);
    expect(result.imported).toBe(0);
    expect(result.importedBriefings).toEqual([]);
    expect(result.errors).toEqual([
      expect.stringMatching(/^data \(briefing “Monday”\)\.briefings\[0\]\.figures\[2\]\.unit: /),
    ]);
    expect(useUserData.getState()).toMatchObject({ packs: [], briefings: [] });
  });
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
    await reload();
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
    await reload();
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
    await reload();
    expect(useUserData.getState().edits.corrections).toEqual([undone(c1)]);
  });

  it('imports edits into an empty browser from an exported file', async () => {
    await load();
    await setEdits(edits(c1, c3));
    const text = JSON.stringify(exportData());
    await resetUserDataForTests();
    await deleteDatabase('geobrief');
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

  it('joinEdits keeps a measure of its own over the file’s with the same id, and says so', () => {
    const measure = {
      id: 'mine',
      label: 'Mine',
      dimension: 'count',
      countries: ['RU'],
      scope: 'now',
      definition: 'Mine.',
    };
    const kept: Edits = { ...NO_EDITS, measures: [{ measure, at: '2025-03-01T09:00:00.000Z', by: YOU }] };
    const other: Edits = {
      ...NO_EDITS,
      measures: [{ measure: { ...measure, label: 'Theirs' }, at: '2025-03-01T09:00:00.000Z', by: YOU }],
    };
    const same = joinEdits(kept, kept);
    expect(same).toEqual({ edits: kept, added: 0, skipped: [] });
    const clash = joinEdits(kept, other);
    expect(clash.edits.measures).toEqual(kept.measures);
    expect(clash.skipped).toHaveLength(1);
    expect(clash.skipped[0]).toContain('mine');
  });

  it('does not show stored edits it cannot read, and says so', async () => {
    await load();
    const raw = createStore('geobrief', 'packs');
    await raw('readwrite', (s) => {
      s.put({ id: 'settings:edits', kind: 'edits', edits: { corrections: [{ id: 'x' }] } }, 'settings:edits');
      return promisifyRequest(s.transaction);
    });
    await raw('readonly', (s) => s.transaction.db.close());
    await reload();
    expect(useUserData.getState().edits).toEqual(NO_EDITS);
    expect(useUserData.getState().lastError).toMatch(/could not be read.*corrections/);
  });
});
