/**
 * The analyst's own data: the articles they brought in (added to the dashboard, or drafts in review) and the
 * briefings they saved, kept in this browser's IndexedDB (idb-keyval: database "geobrief", store "packs"; a
 * briefing's record is keyed "briefing:<id>") and in memory. The ONE storage module.
 *
 * - Memory first: every change shows at once; it is then written to IndexedDB in order, one write at a time.
 * - A failure to store never stops the dashboard and is never silent: `status` and `lastError` say what
 *   was not kept, `unsaved` names the packs whose latest state is only in memory, and every later write
 *   tries them again (storage that frees up catches up by itself).
 * - Storage functions resolve even when the browser refuses to store: the store says so instead.
 */
import { createStore, promisifyRequest, values, type UseStore } from 'idb-keyval';
import { useMemo } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { z } from '../model/dataset/zod';
import { parseDataFile } from '../model/pack/pack';
import {
  DATA_FORMAT,
  PACK_FORMAT,
  PACK_VERSION,
  PackSchema,
  type DataFile,
  type Pack,
} from '../model/pack/pack-schema';
import { mergeDataset } from '../model/pack/merge';
import type { Dataset, ItemStatus } from '../model/dataset/schema';
import {
  BriefingSchema,
  briefingId,
  latestBriefing,
  makeBriefing,
  sameContent,
  type Briefing,
  type BriefingContext,
  type BriefingData,
} from '../model/briefing/briefing';
import { LeadPinsSchema, type LeadPin } from '../model/measures/leads';
import { applyEdits, EditsSchema, isEmptyEdits, NO_EDITS, type Edits } from '../model/corrections/corrections';

export interface StoredPack {
  /** The pack's source id. */
  id: string;
  pack: Pack;
  state: 'draft' | 'added';
  /** ISO date-time of the last change. */
  updatedAt: string;
}

export type StorageStatus =
  { kind: 'loading' } | { kind: 'ok' } | { kind: 'unavailable'; message: string } | { kind: 'error'; message: string };

export type ItemKind = 'figures' | 'actors' | 'events' | 'places' | 'statements';

export interface UserDataState {
  /** Every pack, added and draft, in the order they were first kept. */
  packs: StoredPack[];
  /** Saved briefings, oldest first. */
  briefings: Briefing[];
  /** The lead figures the analyst pinned, in order; null until they pin or unpin one (the default leads). */
  leads: LeadPin[] | null;
  /** The analyst's layer on top of the data: corrections (with their history), measures made, merges. */
  edits: Edits;
  status: StorageStatus;
  /** The last failure to store or read, in words; null once dismissed or when nothing failed. */
  lastError: string | null;
  /** Ids of packs (and "briefing:<id>" keys) whose latest change or removal is only in memory: lost when the tab closes. */
  unsaved: string[];
  /** A draft another part of the app asked to resume in review ("Your data" → "Resume review"), or null. */
  resumeDraftId: string | null;
  setResumeDraft: (id: string | null) => void;
  /** Hide the last error (the status still says whether storage works). */
  dismissError: () => void;
}

export interface ImportResult {
  /** How many packs went in. */
  imported: number;
  /** The titles of the packs that went in. */
  importedTitles: string[];
  /** Packs and items left out because the dashboard already has them, each named. */
  skipped: string[];
  /** Problems by item and field; the packs they are in did not go in. */
  errors: string[];
  /** The names of the saved briefings that went in. */
  importedBriefings?: string[];
}

export const useUserData = create<UserDataState>()((set) => ({
  packs: [],
  briefings: [],
  leads: null,
  edits: NO_EDITS,
  status: { kind: 'loading' },
  lastError: null,
  unsaved: [],
  resumeDraftId: null,
  setResumeDraft: (resumeDraftId) => set({ resumeDraftId }),
  dismissError: () => set({ lastError: null }),
}));

// ---- IndexedDB ----

/** Database "geobrief", object store "packs": one record per pack, keyed by its source id. */
const DB_NAME = 'geobrief';
const STORE_NAME = 'packs';

let packStore: UseStore | null = null;
/** The open connection, once opened (kept to close it in tests). */
let connection: IDBDatabase | null = null;

/** Thrown when this browser (or context) has no IndexedDB at all. */
class MissingStorageError extends Error {
  override name = 'MissingAPIError';
}

/**
 * Opens the store (again, after an earlier failure or a closed connection); rejects when the browser
 * refuses storage. A write that fails after this is a write failure, not missing storage.
 */
async function openStore(): Promise<UseStore> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB?.open !== 'function') {
    throw new MissingStorageError('IndexedDB API missing');
  }
  packStore ??= createStore(DB_NAME, STORE_NAME);
  const store = packStore;
  // Opens the database (idb-keyval keeps the connection) and checks the object store is there.
  connection = await store('readonly', (s) => s.transaction.db);
  return store;
}

/** Briefings share the packs' object store under keys no pack id can take (pack ids have no colon). */
const BRIEFING_KEY = 'briefing:';
const briefingKey = (id: string) => `${BRIEFING_KEY}${id}`;

interface StoredBriefing {
  id: string;
  kind: 'briefing';
  briefing: Briefing;
}

/** The pinned lead figures, one record under a key no pack id can take. */
const LEADS_KEY = 'settings:leads';

interface StoredLeads {
  id: typeof LEADS_KEY;
  kind: 'leads';
  pins: LeadPin[];
}

/** The analyst's corrections, measures and merges, one record under a key no pack id can take. */
const EDITS_KEY = 'settings:edits';

interface StoredEdits {
  id: typeof EDITS_KEY;
  kind: 'edits';
  edits: Edits;
}

type Kept = Pick<UserDataState, 'packs' | 'briefings' | 'leads' | 'edits'>;

/** The record kept for a key, from the in-memory state; undefined when it is gone. */
function recordFor(key: string, state: Kept): StoredPack | StoredBriefing | StoredLeads | StoredEdits | undefined {
  if (key === LEADS_KEY) return state.leads ? { id: LEADS_KEY, kind: 'leads', pins: state.leads } : undefined;
  if (key === EDITS_KEY)
    return isEmptyEdits(state.edits) ? undefined : { id: EDITS_KEY, kind: 'edits', edits: state.edits };
  if (key.startsWith(BRIEFING_KEY)) {
    const briefing = state.briefings.find((b) => briefingKey(b.id) === key);
    return briefing && { id: key, kind: 'briefing', briefing };
  }
  return state.packs.find((p) => p.id === key);
}

/**
 * Writes these packs' and briefings' in-memory state (a put, or a delete when gone) in ONE transaction: all or
 * nothing. A store made earlier with in-line keys (keyPath "id") is written to as well.
 */
function writePacks(store: UseStore, ids: readonly string[], state: Kept): Promise<void> {
  return store('readwrite', (s) => {
    try {
      for (const id of ids) {
        const stored = recordFor(id, state);
        if (!stored) s.delete(id);
        else if (s.keyPath === null) s.put(stored, id);
        else s.put(stored);
      }
    } catch (error) {
      // A request refused at once (e.g. a value that cannot be stored): keep nothing of this batch.
      s.transaction.abort();
      throw error;
    }
    return promisifyRequest(s.transaction).then(() => undefined);
  });
}

function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : '';
}

function errorText(error: unknown): string {
  const { message, name } = (error ?? {}) as { message?: unknown; name?: unknown };
  if (typeof message === 'string' && message) return message;
  if (typeof name === 'string' && name) return name;
  return String(error);
}

/** Why the database could not be opened, in words for the analyst. */
function openFailure(error: unknown): string {
  const name = errorName(error);
  if (name === 'MissingAPIError') return 'this browser offers no storage here (private browsing or blocked site data)';
  if (name === 'QuotaExceededError') return "the browser's storage for this site is full";
  return `the browser refused its storage, as it does in private browsing or when site data is blocked (${errorText(error).replace(/\.$/, '')})`;
}

/** Why a write failed, in words for the analyst. */
function writeFailure(error: unknown): string {
  if (errorName(error) === 'QuotaExceededError') return "the browser's storage for this site is full";
  return errorText(error);
}

const StoredPackSchema = z.object({
  id: z.string().check(z.minLength(1)),
  pack: PackSchema,
  state: z.enum(['draft', 'added']),
  updatedAt: z.string().check(z.minLength(1)),
});

const StoredLeadsSchema = z.strictObject({
  id: z.literal(LEADS_KEY),
  kind: z.literal('leads'),
  pins: LeadPinsSchema,
});

const StoredEditsSchema = z.strictObject({
  id: z.literal(EDITS_KEY),
  kind: z.literal('edits'),
  edits: EditsSchema,
});

const StoredBriefingSchema = z.strictObject({
  id: z.string().check(z.startsWith(BRIEFING_KEY)),
  kind: z.literal('briefing'),
  briefing: BriefingSchema,
});

// ---- Writes: memory first, then IndexedDB, in order ----

let queue: Promise<void> = Promise.resolve();

function markUnsaved(ids: readonly string[], message: string, kind: 'unavailable' | 'error') {
  useUserData.setState((s) => ({
    unsaved: [...new Set([...s.unsaved, ...ids])],
    status: { kind, message },
    lastError: message,
  }));
}

/** Writes the in-memory state of these packs (a put, or a delete when gone), with any not yet saved. */
function persist(ids: readonly string[]): Promise<void> {
  const run = queue.then(async () => {
    const pending = [...new Set([...useUserData.getState().unsaved, ...ids])];
    let store: UseStore;
    try {
      store = await openStore();
    } catch (error) {
      markUnsaved(pending, openFailure(error), 'unavailable');
      return;
    }
    try {
      await writePacks(store, pending, useUserData.getState());
      useUserData.setState((s) => {
        const unsaved = s.unsaved.filter((id) => !pending.includes(id));
        return { unsaved, status: unsaved.length === 0 ? { kind: 'ok' } : s.status };
      });
    } catch (error) {
      markUnsaved(pending, writeFailure(error), 'error');
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

function put(pack: Pack, state: StoredPack['state']): StoredPack {
  const stored: StoredPack = { id: pack.source.id, pack, state, updatedAt: new Date().toISOString() };
  useUserData.setState((s) => {
    const at = s.packs.findIndex((p) => p.id === stored.id);
    const packs = at < 0 ? [...s.packs, stored] : s.packs.map((p, i) => (i === at ? stored : p));
    return { packs };
  });
  return stored;
}

// ---- The API ----

/**
 * Reads what this browser kept. The dashboard does not wait for it: user data joins when it is read.
 * On failure the status says storage is unavailable and everything keeps working in memory.
 */
export async function load(): Promise<void> {
  let rows: unknown[];
  try {
    rows = await values(await openStore());
  } catch (error) {
    const message = openFailure(error);
    useUserData.setState((s) => ({
      status: { kind: 'unavailable', message },
      // Only a failure that loses something is an error to show; the status says storage is off.
      lastError: s.packs.length > 0 ? message : s.lastError,
      unsaved: [...new Set([...s.unsaved, ...s.packs.map((p) => p.id)])],
    }));
    return;
  }

  const kept: StoredPack[] = [];
  const keptBriefings: Briefing[] = [];
  let keptLeads: LeadPin[] | null = null;
  let keptEdits: Edits | null = null;
  const unreadable: string[] = [];
  for (const row of rows) {
    if ((row as { kind?: unknown } | null)?.kind === 'edits') {
      const edits = StoredEditsSchema.safeParse(row);
      if (edits.success) keptEdits = edits.data.edits;
      else {
        const issue = edits.error.issues[0];
        unreadable.push(
          `your corrections and measures (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'})`,
        );
      }
      continue;
    }
    if ((row as { kind?: unknown } | null)?.kind === 'leads') {
      const leads = StoredLeadsSchema.safeParse(row);
      if (leads.success) keptLeads = leads.data.pins;
      else {
        const issue = leads.error.issues[0];
        unreadable.push(
          `the lead figures you pinned (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'})`,
        );
      }
      continue;
    }
    if ((row as { kind?: unknown } | null)?.kind === 'briefing') {
      const briefing = StoredBriefingSchema.safeParse(row);
      if (briefing.success) keptBriefings.push(briefing.data.briefing);
      else {
        const issue = briefing.error.issues[0];
        const name = (row as { briefing?: { name?: unknown } }).briefing?.name;
        unreadable.push(
          `the briefing ${typeof name === 'string' ? `“${name}”` : 'saved'} (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'})`,
        );
      }
      continue;
    }
    const parsed = StoredPackSchema.safeParse(row);
    if (parsed.success) kept.push(parsed.data);
    else {
      const id = (row as { id?: unknown } | null)?.id;
      const issue = parsed.error.issues[0];
      unreadable.push(
        `${typeof id === 'string' ? id : 'a saved pack'} (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'})`,
      );
    }
  }
  kept.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  keptBriefings.sort((a, b) => a.savedAt.localeCompare(b.savedAt));

  useUserData.setState((s) => {
    // What changed in memory before the read finished is newer than what was stored.
    const inMemory = new Map(s.packs.map((p) => [p.id, p]));
    const packs = [...kept.filter((p) => !inMemory.has(p.id)), ...s.packs];
    const briefingsInMemory = new Set(s.briefings.map((b) => b.id));
    const gone = new Set(s.unsaved.filter((k) => k.startsWith(BRIEFING_KEY)));
    const briefings = [
      ...keptBriefings.filter((b) => !briefingsInMemory.has(b.id) && !gone.has(briefingKey(b.id))),
      ...s.briefings,
    ];
    const lastError =
      unreadable.length > 0
        ? `Some saved data could not be read and is not shown (it stays in storage): ${unreadable.join('; ')}`
        : s.lastError;
    // Pins changed in memory before the read finished are newer than what was stored.
    const leads = s.unsaved.includes(LEADS_KEY) ? s.leads : (keptLeads ?? s.leads);
    // Corrections made before the read finished come after the stored ones.
    const edits = keptEdits ? joinEdits(keptEdits, s.edits).edits : s.edits;
    return { packs, briefings, leads, edits, lastError, status: s.unsaved.length > 0 ? s.status : { kind: 'ok' } };
  });
  const pending = useUserData.getState().unsaved;
  if (pending.length > 0) await persist([]);
}

/** Keeps a pack in review (autosave; the caller debounces). A pack already added stays added. */
export function saveDraft(pack: Pack): Promise<void> {
  const existing = useUserData.getState().packs.find((p) => p.id === pack.source.id);
  // A late autosave must not take an added article off the dashboard.
  if (existing?.state === 'added') return Promise.resolve();
  put(pack, 'draft');
  return persist([pack.source.id]);
}

const isAccepted = (item: { status?: ItemStatus }) => item.status === undefined || item.status === 'accepted';

function stampAdded<T extends { status?: ItemStatus; addedAt?: string }>(items: readonly T[], now: string): T[] {
  return items.map((item) => (isAccepted(item) && item.addedAt === undefined ? { ...item, addedAt: now } : item));
}

/** The pack with `addedAt` set on its accepted items (and source) that do not have one yet. */
export function withAddedAt(pack: Pack, now: string): Pack {
  return {
    ...pack,
    source: pack.source.addedAt === undefined ? { ...pack.source, addedAt: now } : pack.source,
    figures: stampAdded(pack.figures, now),
    actors: stampAdded(pack.actors, now),
    events: stampAdded(pack.events, now),
    places: stampAdded(pack.places, now),
    statements: stampAdded(pack.statements, now),
    countries: stampAdded(pack.countries, now),
  };
}

/**
 * Asks the browser, once there is something to keep, not to clear this site's storage when space runs
 * low (best effort: browsers may decline, and the data is then kept as ordinary site data).
 */
function askToKeepStorage(): void {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persisted || !storage.persist) return;
  void storage
    .persisted()
    .then((already) => (already ? true : storage.persist()))
    .catch(() => undefined);
}

/** Puts the pack's accepted items into every view; they carry `addedAt` = now. */
export function addToDashboard(pack: Pack): Promise<void> {
  put(withAddedAt(pack, new Date().toISOString()), 'added');
  askToKeepStorage();
  return persist([pack.source.id]);
}

/** Removes a pack (added or draft) from the dashboard and from storage. */
export function removePack(id: string): Promise<void> {
  useUserData.setState((s) => ({
    packs: s.packs.filter((p) => p.id !== id),
    resumeDraftId: s.resumeDraftId === id ? null : s.resumeDraftId,
  }));
  return persist([id]);
}

/**
 * The pack with one item rejected (so it leaves every view; what referred to it is dropped by the merge).
 * Statements have no id: `itemId` is the statement's quote.
 */
export function withoutItem(pack: Pack, kind: ItemKind, itemId: string): Pack {
  const reject = <T extends { status?: ItemStatus; addedAt?: string }>(item: T): T => {
    const { addedAt: _addedAt, ...rest } = item;
    return { ...rest, status: 'rejected' } as T;
  };
  switch (kind) {
    case 'statements':
      return { ...pack, statements: pack.statements.map((s) => (s.quote === itemId ? reject(s) : s)) };
    case 'figures':
      return { ...pack, figures: pack.figures.map((x) => (x.id === itemId ? reject(x) : x)) };
    case 'actors':
      return { ...pack, actors: pack.actors.map((x) => (x.id === itemId ? reject(x) : x)) };
    case 'events':
      return { ...pack, events: pack.events.map((x) => (x.id === itemId ? reject(x) : x)) };
    case 'places':
      return { ...pack, places: pack.places.map((x) => (x.id === itemId ? reject(x) : x)) };
  }
}

/** Takes one added item off the dashboard; the pack keeps it, marked rejected, with its article. */
export function removeItem(packId: string, kind: ItemKind, itemId: string): Promise<void> {
  const stored = useUserData.getState().packs.find((p) => p.id === packId);
  if (!stored) return Promise.resolve();
  put(withoutItem(stored.pack, kind, itemId), stored.state);
  return persist([packId]);
}

/** Every pack, drafts too, as one geobrief data file. */
export function exportData(): DataFile {
  const packs = useUserData.getState().packs;
  return {
    format: DATA_FORMAT,
    version: PACK_VERSION,
    exportedAt: new Date().toISOString(),
    packs: [...packs.filter((p) => p.state === 'added'), ...packs.filter((p) => p.state === 'draft')].map(
      (p) => p.pack,
    ),
    briefings: useUserData.getState().briefings,
    ...(useUserData.getState().leads ? { leads: useUserData.getState().leads! } : {}),
    ...(isEmptyEdits(useUserData.getState().edits) ? {} : { edits: useUserData.getState().edits }),
  };
}

// ---- Corrections, measures and merges ----

/** Keeps the analyst's layer as it now stands (every change to it goes through here). */
export function setEdits(edits: Edits): Promise<void> {
  useUserData.setState({ edits });
  askToKeepStorage();
  return persist([EDITS_KEY]);
}

/**
 * `extra`'s changes and measures joined to `kept`: a change already kept (same id) is kept once, with its
 * undoing if either side undid it; a measure whose id is kept with other content is left out and named.
 */
export function joinEdits(kept: Edits, extra: Edits): { edits: Edits; added: number; skipped: string[] } {
  const skipped: string[] = [];
  let added = 0;
  const join = <T extends { id: string; undoneAt?: string | undefined }>(a: readonly T[], b: readonly T[]): T[] => {
    const out = [...a];
    for (const x of b) {
      const at = out.findIndex((y) => y.id === x.id);
      if (at < 0) {
        out.push(x);
        added++;
      } else if (out[at]!.undoneAt === undefined && x.undoneAt !== undefined) out[at] = x;
    }
    return out;
  };
  const measures = [...kept.measures];
  for (const m of extra.measures) {
    const same = measures.find((k) => k.measure.id === m.measure.id);
    if (!same) {
      measures.push(m);
      added++;
    } else if (JSON.stringify(same) !== JSON.stringify(m)) {
      skipped.push(
        `Measure “${m.measure.label}”: another measure of yours has its id (${m.measure.id}); yours is kept`,
      );
    }
  }
  return {
    edits: {
      corrections: join(kept.corrections, extra.corrections),
      measures,
      merges: join(kept.merges, extra.merges),
    },
    added,
    skipped,
  };
}

// ---- Lead figures ----

/** Keeps the analyst's lead figures (null: back to the default leads). */
export function setLeads(pins: readonly LeadPin[] | null): Promise<void> {
  useUserData.setState({ leads: pins ? [...pins] : null });
  askToKeepStorage();
  return persist([LEADS_KEY]);
}

// ---- Saved briefings ----

export type SaveBriefingResult =
  | { kind: 'saved'; briefing: Briefing }
  /** Nothing changed since the last briefing saved: not saved again. */
  | { kind: 'unchanged'; briefing: Briefing };

/**
 * Saves a named, dated snapshot of the data as it stands (`data`: the merged dataset), with the front-line
 * date, filters and slides. When nothing changed since the last briefing saved, it is not saved again and the
 * result says which briefing already holds it.
 */
export function saveBriefing(
  data: BriefingData,
  context: BriefingContext,
  name: string,
  now: Date = new Date(),
): Promise<SaveBriefingResult> {
  const { briefings } = useUserData.getState();
  const briefing = makeBriefing(
    data,
    context,
    name,
    now,
    briefings.map((b) => b.id),
  );
  const last = latestBriefing(briefings);
  if (last && sameContent(last, briefing)) return Promise.resolve({ kind: 'unchanged', briefing: last });
  useUserData.setState((s) => ({ briefings: [...s.briefings, briefing] }));
  askToKeepStorage();
  return persist([briefingKey(briefing.id)]).then(() => ({ kind: 'saved', briefing }));
}

/** Deletes a saved briefing from this browser. */
export function deleteBriefing(id: string): Promise<void> {
  useUserData.setState((s) => ({ briefings: s.briefings.filter((b) => b.id !== id) }));
  return persist([briefingKey(id)]);
}

/**
 * Keeps the briefings of an imported file: one already kept with the same content is skipped and named; one
 * whose id is taken by another gets a new id. Returns the keys written.
 */
function keepImportedBriefings(incoming: readonly Briefing[], skipped: string[]): { keys: string[]; names: string[] } {
  const keys: string[] = [];
  const names: string[] = [];
  for (const b of incoming) {
    const kept = useUserData.getState().briefings;
    const same = kept.find((k) => k.id === b.id || k.savedAt === b.savedAt);
    if (same && same.name === b.name && sameContent(same, b)) {
      skipped.push(`Briefing “${b.name}”: already in your data`);
      continue;
    }
    const taken = kept.map((k) => k.id);
    const briefing = taken.includes(b.id) ? { ...b, id: briefingId(b.name, taken) } : b;
    useUserData.setState((s) => ({
      briefings: [...s.briefings, briefing].sort((x, y) => x.savedAt.localeCompare(y.savedAt)),
    }));
    keys.push(briefingKey(briefing.id));
    names.push(briefing.name);
  }
  return { keys, names };
}

/** The source id and title of each pack in a file, read loosely (before the checks) to spot what is kept already. */
function packHeads(raw: unknown): { index: number | null; id: string; title: string }[] {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return [];
    }
  }
  const head = (p: unknown, index: number | null) => {
    const source = (p as { source?: { id?: unknown; title?: unknown } } | null)?.source;
    return typeof source?.id === 'string'
      ? [{ index, id: source.id, title: typeof source.title === 'string' ? source.title : source.id }]
      : [];
  };
  const obj = value as { format?: unknown; packs?: unknown } | null;
  if (obj?.format === PACK_FORMAT) return head(obj, null);
  if (obj?.format === DATA_FORMAT && Array.isArray(obj.packs)) return obj.packs.flatMap((p, i) => head(p, i));
  return [];
}

/** Does the pack bring anything into the dashboard, or is it still all in review? */
function isReviewed(pack: Pack): boolean {
  const items = [...pack.figures, ...pack.actors, ...pack.events, ...pack.places, ...pack.statements];
  return items.some((item) => item.addedAt !== undefined || item.status === undefined || item.status === 'accepted');
}

/**
 * Imports a pack or a geobrief data file with the same checks as `npm run import`. Packs already in the
 * analyst's data are skipped and named; a pack with problems is left out whole, its problems listed by item
 * and field; the result names every pack that went in.
 */
export async function importData(raw: unknown, base: Dataset): Promise<ImportResult> {
  const kept = useUserData.getState().packs;
  const keptIds = new Map(kept.map((p) => [p.id, p]));
  const skipped: string[] = [];
  const heads = packHeads(raw);
  const already = heads.filter((h) => keptIds.has(h.id));
  for (const h of already) {
    const state = keptIds.get(h.id)!.state === 'draft' ? 'as a draft in review' : 'on the dashboard';
    skipped.push(`“${h.title}”: already in your data (${state})`);
  }

  let input: unknown = raw;
  if (already.length > 0) {
    if (already.some((h) => h.index === null)) {
      return { imported: 0, importedTitles: [], skipped, errors: [] };
    }
    const skip = new Set(already.map((h) => h.index));
    const value = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { packs: unknown[] };
    input = { ...value, packs: value.packs.filter((_, i) => !skip.has(i)) };
  }

  const added = kept.filter((p) => p.state === 'added').map((p) => p.pack);
  const checked = parseDataFile(input, mergeDataset(base, added));
  const now = new Date().toISOString();
  const ids: string[] = [];
  // A file with a problem in a briefing is refused whole: parseDataFile then returns no packs and no briefings.
  const briefings = keepImportedBriefings(checked.briefings, skipped);
  ids.push(...briefings.keys);
  if (checked.leads && checked.errors.length === 0) {
    if (useUserData.getState().leads === null) {
      useUserData.setState({ leads: checked.leads });
      ids.push(LEADS_KEY);
    } else if (JSON.stringify(useUserData.getState().leads) !== JSON.stringify(checked.leads)) {
      skipped.push('Lead figures: yours are kept; the file’s were not applied');
    }
  }
  if (checked.edits && checked.errors.length === 0) {
    const current = useUserData.getState().edits;
    const joined = joinEdits(current, checked.edits);
    skipped.push(...joined.skipped);
    // New changes, or a change the file has undone (no new id, but an undoing to keep).
    if (joined.added > 0 || JSON.stringify(joined.edits) !== JSON.stringify(current)) {
      useUserData.setState({ edits: joined.edits });
      ids.push(EDITS_KEY);
    }
  }
  for (const pack of checked.packs) {
    if (isReviewed(pack)) put(withAddedAt(pack, now), 'added');
    else put(pack, 'draft');
    ids.push(pack.source.id);
  }
  if (ids.length > 0) {
    askToKeepStorage();
    await persist(ids);
  }
  return {
    imported: checked.packs.length,
    importedTitles: checked.packs.map((p) => p.source.title),
    skipped: [...skipped, ...checked.warnings],
    errors: checked.errors,
    importedBriefings: briefings.names,
  };
}

// ---- The merged dataset ----

let lastMerge: {
  base: Dataset;
  added: readonly StoredPack[];
  edits: Edits;
  dataset: Dataset;
  problems: string[];
} | null = null;

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The shipped data with the accepted items of every added pack; the same object while nothing changes. */
export function mergedDataset(
  base: Dataset,
  packs: readonly StoredPack[] = useUserData.getState().packs,
  edits: Edits = useUserData.getState().edits,
): Dataset {
  return mergedWithProblems(base, packs, edits).dataset;
}

/** The merged dataset and the corrections that could not apply (named for "Your data"). */
function mergedWithProblems(
  base: Dataset,
  packs: readonly StoredPack[],
  edits: Edits,
): { dataset: Dataset; problems: string[] } {
  const added = packs.filter((p) => p.state === 'added');
  if (lastMerge && lastMerge.base === base && lastMerge.edits === edits && sameList(lastMerge.added, added)) {
    return lastMerge;
  }
  const merged = mergeDataset(
    base,
    added.map((p) => p.pack),
  );
  const { dataset, problems } = applyEdits(merged, edits);
  lastMerge = { base, added, edits, dataset, problems };
  return lastMerge;
}

/**
 * The dataset every view shows: shipped data ∪ added packs, with the analyst's corrections, measures and merges
 * on top. Re-renders only when an added pack or the corrections change.
 */
export function useMergedDataset(base: Dataset): Dataset {
  const added = useUserData(useShallow((s) => s.packs.filter((p) => p.state === 'added')));
  const edits = useUserData((s) => s.edits);
  return useMemo(() => mergedDataset(base, added, edits), [base, added, edits]);
}

/** Corrections that could not apply to the data as it stands, in words. */
export function useEditProblems(base: Dataset): string[] {
  const added = useUserData(useShallow((s) => s.packs.filter((p) => p.state === 'added')));
  const edits = useUserData((s) => s.edits);
  return useMemo(() => mergedWithProblems(base, added, edits).problems, [base, added, edits]);
}

/** The stored pack an added item came from (by its source id), if it is in the analyst's data. */
export function useAddedPack(sourceId: string | undefined): StoredPack | undefined {
  return useUserData((s) => (sourceId ? s.packs.find((p) => p.id === sourceId && p.state === 'added') : undefined));
}

/** For tests: forget everything in memory and close the database (its contents stay). */
export async function resetUserDataForTests(): Promise<void> {
  await queue;
  connection?.close();
  connection = null;
  packStore = null;
  lastMerge = null;
  useUserData.setState({
    packs: [],
    briefings: [],
    leads: null,
    edits: NO_EDITS,
    status: { kind: 'loading' },
    lastError: null,
    unsaved: [],
    resumeDraftId: null,
  });
}
