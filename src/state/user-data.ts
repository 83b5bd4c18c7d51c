/**
 * The analyst's own data, stored: the articles they brought in (added to the dashboard, or drafts in review),
 * the briefings they saved, their pinned lead figures and their corrections, kept in memory and in this
 * browser's storage (browser-store.ts; the records are described in stored-records.ts). Storage only: load,
 * save, export, import (planned in import-plan.ts) and their status. What a pack edit means is in
 * pack-actions.ts (with the rules in src/model/pack/lifecycle.ts); the merged dataset every view shows is in
 * merged.ts.
 *
 * - Memory first: every change shows at once; it is then written to storage in order, one write at a time.
 * - A failure to store never stops the dashboard and is never silent: `status` and `lastError` say what
 *   was not kept, `unsaved` names the packs whose latest state is only in memory, and every later write
 *   tries them again (storage that frees up catches up by itself).
 * - Storage functions resolve even when the browser refuses to store: the store says so instead.
 */
import { create } from 'zustand';
import { DATA_FORMAT, PACK_VERSION, type DataFile, type Pack } from '../model/pack/pack-schema';
import type { Dataset } from '../model/dataset/schema';
import {
  latestBriefing,
  makeBriefing,
  sameContent,
  type Briefing,
  type BriefingContext,
  type BriefingData,
} from '../model/briefing/briefing';
import type { LeadPin } from '../model/measures/leads';
import { isEmptyEdits, NO_EDITS, type Edits } from '../model/corrections/edits-schema';
import { joinEdits } from '../model/corrections/join-edits';
import {
  askToKeepStorage,
  closeStoreForTests,
  openFailure,
  openStore,
  readInTwo,
  writeFailure,
  writeRecords,
} from './browser-store';
import {
  BRIEFING_KEY,
  briefingKey,
  EDITS_KEY,
  LEADS_KEY,
  readRecords,
  shareWithPacks,
  type Kept,
  type StoredPack,
} from './stored-records';
import { planImport, type ImportResult } from './import-plan';

export type { ImportResult, StoredPack };
export { askToKeepStorage };

export type StorageStatus =
  /** Reading storage; `left: 'briefings'` once the packs, pins and edits are in and only the briefings are left. */
  | { kind: 'loading'; left?: 'briefings' }
  | { kind: 'ok' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'error'; message: string };

export interface UserDataState extends Kept {
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

// ---- Writes: memory first, then storage, in order ----

let queue: Promise<void> = Promise.resolve();

function markUnsaved(ids: readonly string[], message: string, kind: 'unavailable' | 'error') {
  useUserData.setState((s) => ({
    unsaved: [...new Set([...s.unsaved, ...ids])],
    status: { kind, message },
    lastError: message,
  }));
}

/** Writes the in-memory state of these keys (a put, or a delete when gone), with any not yet saved. */
function persist(ids: readonly string[]): Promise<void> {
  const run = queue.then(async () => {
    const pending = [...new Set([...useUserData.getState().unsaved, ...ids])];
    let store: Awaited<ReturnType<typeof openStore>>;
    try {
      store = await openStore();
    } catch (error) {
      markUnsaved(pending, openFailure(error), 'unavailable');
      return;
    }
    try {
      await writeRecords(store, pending, useUserData.getState());
      useUserData.setState((s) => {
        const unsaved = s.unsaved.filter((id) => !pending.includes(id));
        // Still reading: the read says when it is done (the workspace waits for it, briefings included).
        const status = s.status.kind !== 'loading' && unsaved.length === 0 ? ({ kind: 'ok' } as const) : s.status;
        return { unsaved, status };
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

/** A read started before `load` asked for it (see `startReading`). */
let early: ReturnType<typeof readInTwo> | null = null;

/**
 * Starts reading what this browser kept, for the next `load` to use: the page calls it first thing, so that the
 * browser reads storage (seconds for a team's two years) while the page's code loads and hydrates.
 */
export function startReading(): void {
  if (early) return;
  early = readInTwo();
  // Handled by `load`, which says what failed; not unhandled rejections meanwhile.
  early.rest.catch(() => undefined);
  early.briefings.catch(() => undefined);
}

/** Storage could not be opened or read: say so; everything keeps working in memory. */
function readFailed(error: unknown) {
  const message = openFailure(error);
  useUserData.setState((s) => ({
    status: { kind: 'unavailable', message },
    // Only a failure that loses something is an error to show; the status says storage is off.
    lastError: s.packs.length > 0 || s.briefings.length > 0 ? message : s.lastError,
    unsaved: [...new Set([...s.unsaved, ...s.packs.map((p) => p.id), ...s.briefings.map((b) => briefingKey(b.id))])],
  }));
}

const unreadableWords = (unreadable: readonly string[]) =>
  `Some saved data could not be read and is not shown (it stays in storage): ${unreadable.join('; ')}`;

/**
 * Reads what this browser kept, in two steps: first the packs, the pinned leads and the edits (the dashboard shows
 * them at once; the status stays "loading", with only the briefings left), then the saved briefings, each a copy of
 * the data (for a team, half of what is stored). The dashboard does not wait for it: user data joins when it is
 * read. On failure the status says storage is unavailable and everything keeps working in memory.
 */
export async function load(): Promise<void> {
  const reading = early ?? readInTwo();
  early = null;
  // Awaited below unless the first read fails (which says so): not an unhandled rejection then.
  reading.briefings.catch(() => undefined);
  let rows: unknown[];
  try {
    rows = await reading.rest;
  } catch (error) {
    readFailed(error);
    return;
  }
  const read = readRecords(rows);
  useUserData.setState((s) => {
    // What changed in memory before the read finished is newer than what was stored.
    const inMemory = new Map(s.packs.map((p) => [p.id, p]));
    const packs = [...read.packs.filter((p) => !inMemory.has(p.id)), ...s.packs];
    // Pins changed in memory before the read finished are newer than what was stored.
    const leads = s.unsaved.includes(LEADS_KEY) ? s.leads : (read.leads ?? s.leads);
    // Corrections made before the read finished come after the stored ones.
    const edits = read.edits ? joinEdits(read.edits, s.edits).edits : s.edits;
    return {
      packs,
      leads,
      edits,
      lastError: read.unreadable.length > 0 ? unreadableWords(read.unreadable) : s.lastError,
      status: s.status.kind === 'loading' ? { kind: 'loading', left: 'briefings' } : s.status,
    };
  });

  let briefingRows: unknown[];
  try {
    briefingRows = await reading.briefings;
  } catch (error) {
    readFailed(error);
    return;
  }
  const readBriefings = readRecords(briefingRows);
  // Their items that still stand as in the stored packs are the packs' own (see shareWithPacks).
  const stored = shareWithPacks(readBriefings.briefings, useUserData.getState().packs);
  useUserData.setState((s) => {
    const briefingsInMemory = new Set(s.briefings.map((b) => b.id));
    const gone = new Set(s.unsaved.filter((k) => k.startsWith(BRIEFING_KEY)));
    const briefings = [
      ...stored.filter((b) => !briefingsInMemory.has(b.id) && !gone.has(briefingKey(b.id))),
      ...s.briefings,
    ];
    const unreadable = [...read.unreadable, ...readBriefings.unreadable];
    return {
      briefings,
      lastError: readBriefings.unreadable.length > 0 ? unreadableWords(unreadable) : s.lastError,
      // Anything kept only in memory meanwhile is written just below; a failure there says so.
      status: s.status.kind === 'loading' ? { kind: 'ok' } : s.status,
    };
  });
  const pending = useUserData.getState().unsaved;
  if (pending.length > 0) await persist([]);
}

/** Keeps a pack as it now is, in review (draft) or on the dashboard (added); see pack-actions.ts for the rules. */
export function savePack(pack: Pack, state: StoredPack['state']): Promise<void> {
  put(pack, state);
  return persist([pack.source.id]);
}

/** Deletes a pack (added or draft) from memory and from storage. */
export function deletePack(id: string): Promise<void> {
  useUserData.setState((s) => ({
    packs: s.packs.filter((p) => p.id !== id),
    resumeDraftId: s.resumeDraftId === id ? null : s.resumeDraftId,
  }));
  return persist([id]);
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

/** Keeps the analyst's layer as it now stands (every change to it goes through here). */
export function setEdits(edits: Edits): Promise<void> {
  useUserData.setState({ edits });
  askToKeepStorage();
  return persist([EDITS_KEY]);
}

/** Keeps the analyst's lead figures (null: back to the default leads). */
export function setLeads(pins: readonly LeadPin[] | null): Promise<void> {
  useUserData.setState({ leads: pins ? [...pins] : null });
  askToKeepStorage();
  return persist([LEADS_KEY]);
}

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
 * Imports a pack or a geobrief data file with the same checks as `npm run import` (see `planImport`): what
 * went in shows at once and is stored; the result names what went in, what was skipped and every problem.
 */
export async function importData(raw: unknown, base: Dataset): Promise<ImportResult> {
  const plan = planImport(raw, useUserData.getState(), base, new Date().toISOString());
  if (plan.keys.length > 0) {
    useUserData.setState(plan.kept);
    askToKeepStorage();
    await persist(plan.keys);
  }
  return plan.result;
}

/** The part of the analyst's data a team workspace shares: the added packs, the briefings and the edits. */
export interface SharedData {
  packs: readonly Pack[];
  briefings: readonly Briefing[];
  edits: Edits;
}

/**
 * Replaces the shared part with the workspace's (src/state/workspace), in memory and in storage: the added packs,
 * the briefings and the edits. Drafts and pinned leads are personal and stay. Only what differs is written.
 */
export function replaceShared(shared: SharedData): Promise<void> {
  const s = useUserData.getState();
  const keys: string[] = [];
  const now = new Date().toISOString();
  const incoming = new Map(shared.packs.map((p) => [p.source.id, p]));
  const packs: StoredPack[] = [];
  for (const p of s.packs) {
    const next = incoming.get(p.id);
    if (next) {
      incoming.delete(p.id);
      if (p.state === 'added' && (p.pack === next || JSON.stringify(p.pack) === JSON.stringify(next))) packs.push(p);
      else {
        packs.push({ id: p.id, pack: next, state: 'added', updatedAt: now });
        keys.push(p.id);
      }
    } else if (p.state === 'draft') packs.push(p);
    else keys.push(p.id);
  }
  for (const [id, pack] of incoming) {
    packs.push({ id, pack, state: 'added', updatedAt: now });
    keys.push(id);
  }
  const before = new Map(s.briefings.map((b) => [b.id, b]));
  const after = new Set(shared.briefings.map((b) => b.id));
  for (const b of shared.briefings) {
    const was = before.get(b.id);
    if (!was || JSON.stringify(was) !== JSON.stringify(b)) keys.push(briefingKey(b.id));
  }
  for (const b of s.briefings) if (!after.has(b.id)) keys.push(briefingKey(b.id));
  const editsChanged = JSON.stringify(s.edits) !== JSON.stringify(shared.edits);
  if (editsChanged) keys.push(EDITS_KEY);
  if (keys.length === 0) return Promise.resolve();
  useUserData.setState({
    packs,
    briefings: keys.some((k) => k.startsWith(BRIEFING_KEY)) ? [...shared.briefings] : s.briefings,
    edits: editsChanged ? shared.edits : s.edits,
  });
  return persist(keys);
}

/** For tests: forget everything in memory and close the database (its contents stay). */
export async function resetUserDataForTests(): Promise<void> {
  await queue;
  await early?.rest.catch(() => undefined);
  await early?.briefings.catch(() => undefined);
  early = null;
  closeStoreForTests();
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
