/**
 * The workspace's storage in this browser, apart from the analyst's own records (browser-store.ts): the outbox
 * of changes waiting to be sent (database "geobrief-outbox"), and what was pulled (database "geobrief-sync": the
 * log entries, so the fold is rebuilt after a reload, the last version, and who has uploaded their local data).
 * Each change is kept under its unique id, in the order it was made; it survives a reload until the server has
 * answered for it.
 */
import { clear, createStore, del, delMany, entries, get, set, setMany, type UseStore } from 'idb-keyval';
import type { Change, LogEntry } from '../../model/workspace/protocol';

let outboxStore: UseStore | null = null;
let syncStore: UseStore | null = null;
const outbox = () => (outboxStore ??= createStore('geobrief-outbox', 'changes'));
const sync = () => (syncStore ??= createStore('geobrief-sync', 'state'));

interface Waiting {
  order: number;
  change: Change;
}

let lastOrder = 0;

/** Keeps changes in the outbox, after every change already waiting. */
export async function addToOutbox(changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  const base = Math.max(Date.now() * 1000, lastOrder + 1);
  lastOrder = base + changes.length;
  await setMany(
    changes.map((change, i): [string, Waiting] => [change.id, { order: base + i, change }]),
    outbox(),
  );
}

/** The changes waiting, oldest first. */
export async function waitingChanges(): Promise<Change[]> {
  const rows = (await entries<string, Waiting>(outbox())).map(([, w]) => w);
  rows.sort((a, b) => a.order - b.order);
  if (rows.length > 0) lastOrder = Math.max(lastOrder, rows.at(-1)!.order);
  return rows.map((w) => w.change);
}

/** Takes the changes the server answered for out of the outbox. */
export function removeFromOutbox(ids: readonly string[]): Promise<void> {
  return delMany([...ids], outbox());
}

export interface SyncRecord {
  /** The workspace these entries belong to (another workspace starts again from 0). */
  workspaceId: string;
  version: number;
  log: LogEntry[];
}

/** What was pulled for this browser, or null. */
export async function readSync(): Promise<SyncRecord | null> {
  return (await get<SyncRecord>('log', sync())) ?? null;
}

export function writeSync(record: SyncRecord): Promise<void> {
  return set('log', record, sync());
}

/** Has this person uploaded this browser's local data to this workspace already? */
export async function uploaded(userId: string, workspaceId: string): Promise<boolean> {
  return (await get<boolean>(`uploaded:${workspaceId}:${userId}`, sync())) === true;
}

export function markUploaded(userId: string, workspaceId: string): Promise<void> {
  return set(`uploaded:${workspaceId}:${userId}`, true, sync());
}

/** Forgets what was pulled (signing out, or another workspace); the outbox stays. */
export function forgetSync(): Promise<void> {
  return del('log', sync());
}

/** For tests: empty both stores (`keep`: only forget what is in memory, as a reload does). */
export async function resetOutboxForTests(keep = false): Promise<void> {
  if (!keep) await Promise.all([clear(outbox()), clear(sync())]);
  lastOrder = 0;
}
