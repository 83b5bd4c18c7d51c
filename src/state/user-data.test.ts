import 'fake-indexeddb/auto';
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makePack, PACK_SOURCE_ID, shippedDataset } from '../model/pack/pack.fixtures';
import { DataFileSchema } from '../model/pack/pack-schema';
import {
  exportData,
  importData,
  load,
  deleteBriefing,
  resetUserDataForTests,
  saveBriefing,
  startReading,
  useUserData,
} from './user-data';
import { addToDashboard, removeItem, removePack, saveDraft } from './pack-actions';
import { mergedDataset } from './merged';
import { NO_FILTERS } from '../model/dataset/selectors';
import { BRIEFING_ID } from '../model/briefing/briefing';
import { BRIEFING_ID as URL_BRIEFING_ID } from './url';
import { emptyStoredData, reloadStoredData } from '../testing/stored-data';

/**
 * Storing the analyst's data: reading it back, export and import, saved briefings, and what happens when the
 * browser refuses to store. The pack actions are tested in pack-actions.test.ts, the corrections layer in
 * user-data-edits.test.ts.
 */
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

beforeEach(emptyStoredData);

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

  it('uses a read started early once, and a later load reads storage afresh', async () => {
    await addToDashboard(pack);
    await resetUserDataForTests();
    startReading();
    // Let the early read begin, then keep another pack behind the module's back: only a fresh read has it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const later = makePack({ source: { ...pack.source, id: 'a-later-story', title: 'Later' } });
    const store = createStore('geobrief', 'packs');
    await store('readwrite', (s) => {
      s.put({ id: 'a-later-story', pack: later, state: 'added', updatedAt: new Date().toISOString() }, 'a-later-story');
      return promisifyRequest(s.transaction);
    });
    (await store('readonly', (s) => s.transaction.db)).close();
    await load();
    expect(useUserData.getState().packs.map((p) => p.id)).toEqual([pack.source.id]);
    await resetUserDataForTests();
    await load();
    expect(useUserData.getState().packs.map((p) => p.id)).toEqual([pack.source.id, 'a-later-story']);
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
    await emptyStoredData();
    await load();

    const result = await importData(text, base);
    expect(result).toMatchObject({ imported: 1, importedTitles: [pack.source.title], errors: [] });
    expect(mergedDataset(base).figures.some((f) => f.id === figureId)).toBe(true);
    await reloadStoredData();
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
    await reloadStoredData();
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
    await reloadStoredData();
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
    await reloadStoredData();
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
    await reloadStoredData();
    expect(useUserData.getState().packs.map((p) => p.id)).toEqual([PACK_SOURCE_ID]);
    expect(useUserData.getState().lastError).toMatch(/could not be read.*broken/);
    // Left alone in storage: it is still there after another reload and another write.
    await saveDraft(makePack({ source: { ...pack.source, id: 'next-story', title: 'Next' } }));
    await reloadStoredData();
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
    await reloadStoredData();
    const [kept] = useUserData.getState().briefings;
    expect(kept).toMatchObject({ id: 'monday', name: 'Monday', frontline: '2024-08-01', slides: ['title', 'since'] });
    expect(kept!.figures).toHaveLength(base.figures.length);
    expect(kept!.filters.topics).toEqual(['casualties']);
    // The packs are read as before: a briefing record is not taken for an unreadable pack.
    expect(useUserData.getState()).toMatchObject({ packs: [], lastError: null });

    await deleteBriefing('monday');
    await reloadStoredData();
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

  it('reads the packs first and the briefings after them, sharing the briefing’s unchanged figures with the packs', async () => {
    await load();
    await addToDashboard(pack);
    await saveBriefing(mergedDataset(base), context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    await resetUserDataForTests();
    const seen: { packs: number; briefings: number; status: string }[] = [];
    const stop = useUserData.subscribe((s) =>
      seen.push({
        packs: s.packs.length,
        briefings: s.briefings.length,
        status:
          s.status.kind === 'loading' ? `loading${s.status.left ? `, ${s.status.left} left` : ''}` : s.status.kind,
      }),
    );
    await load();
    stop();
    // The dashboard's data first, while the briefings are still being read; then the briefings.
    expect(seen).toEqual([
      { packs: 1, briefings: 0, status: 'loading, briefings left' },
      { packs: 1, briefings: 1, status: 'ok' },
    ]);
    // A figure saved as the pack has it is the pack's own object; one the merge changed is the briefing's.
    const { packs, briefings } = useUserData.getState();
    const saved = new Map(briefings[0]!.figures.map((f) => [f.id, f]));
    const asStored = packs[0]!.pack.figures.filter((f) => JSON.stringify(saved.get(f.id)) === JSON.stringify(f));
    expect(asStored.length).toBeGreaterThan(0);
    for (const f of asStored) expect(saved.get(f.id)).toBe(f);
  });

  it('exports briefings inside the data pack and imports them back into an empty browser', async () => {
    await load();
    await addToDashboard(pack);
    await saveBriefing(mergedDataset(base), context, 'Monday', new Date('2026-12-01T09:00:00Z'));
    const file = exportData();
    expect(DataFileSchema.parse(JSON.parse(JSON.stringify(file))).briefings.map((b) => b.name)).toEqual(['Monday']);

    await emptyStoredData();
    await load();
    const result = await importData(JSON.stringify(file), base);
    expect(result).toMatchObject({ imported: 1, importedBriefings: ['Monday'], errors: [] });
    await reloadStoredData();
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
    await emptyStoredData();
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
