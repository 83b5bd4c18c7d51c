/**
 * The workspace's storage in this browser, apart from the analyst's own records (browser-store.ts): the outbox
 * of changes waiting to be sent (database "geobrief-outbox"), and what was pulled (database "geobrief-sync": the
 * log entries, so the fold is rebuilt after a reload, the last version, who has uploaded their local data, and
 * each person's changes the server did not apply).
 * Each change is kept under its unique id, in the order it was made, with who made it in which workspace: it is
 * sent only while that person is signed in to that workspace (another account signing in on this browser never
 * sends it under its own name), and survives a reload until the server has answered for it.
 */
import { clear, createStore, del, delMany, entries, get, set, setMany, type UseStore } from 'idb-keyval';
import type { Change, LogEntry } from '../../model/workspace/protocol';
import type { NotApplied } from './workspace-store';

let outboxStore: UseStore | null = null;
let syncStore: UseStore | null = null;
const outbox = () => (outboxStore ??= createStore('geobrief-outbox', 'changes'));
const sync = () => (syncStore ??= createStore('geobrief-sync', 'state'));

/** Who made a change: the signed-in person and their workspace. */
export interface Maker {
  userId: string;
  workspaceId: string;
}

/** A change waiting, with who made it (absent in entries kept before changes were tagged: anyone's to send). */
export interface Waiting {
  order: number;
  change: Change;
  userId?: string;
  workspaceId?: string;
}

let lastOrder = 0;

/** Keeps changes in the outbox, after every change already waiting, as made by `by`. */
export async function addToOutbox(changes: readonly Change[], by: Maker): Promise<void> {
  if (changes.length === 0) return;
  const base = Math.max(Date.now() * 1000, lastOrder + 1);
  lastOrder = base + changes.length;
  await setMany(
    changes.map((change, i): [string, Waiting] => [
      change.id,
      { order: base + i, change, userId: by.userId, workspaceId: by.workspaceId },
    ]),
    outbox(),
  );
}

/** Everything waiting, whoever made it, oldest first. */
export async function outboxEntries(): Promise<Waiting[]> {
  const rows = (await entries<string, Waiting>(outbox())).map(([, w]) => w);
  rows.sort((a, b) => a.order - b.order);
  if (rows.length > 0) lastOrder = Math.max(lastOrder, rows.at(-1)!.order);
  return rows;
}

/** Did `by` make this change (an untagged one, kept from before, goes with whoever signs in first)? */
export const madeBy = (w: Waiting, by: Maker): boolean =>
  w.userId === undefined || (w.userId === by.userId && w.workspaceId === by.workspaceId);

/** The changes waiting (only those `by` made, when given), oldest first. */
export async function waitingChanges(by?: Maker): Promise<Change[]> {
  return (await outboxEntries()).filter((w) => !by || madeBy(w, by)).map((w) => w.change);
}

/** The changes waiting: `mine` (made by `by`, to send now) and how many `others` wait for their account. */
export async function waitingSplit(by: Maker): Promise<{ mine: Change[]; others: number }> {
  const rows = await outboxEntries();
  const mine = rows.filter((w) => madeBy(w, by)).map((w) => w.change);
  return { mine, others: rows.length - mine.length };
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

/** This person's changes the server refused, kept until they dismiss them. */
export async function readNotApplied(userId: string): Promise<NotApplied[]> {
  return (await get<NotApplied[]>(`not-applied:${userId}`, sync())) ?? [];
}

export function writeNotApplied(userId: string, list: readonly NotApplied[]): Promise<void> {
  return list.length === 0 ? del(`not-applied:${userId}`, sync()) : set(`not-applied:${userId}`, list, sync());
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
