/**
 * This browser's storage for the analyst's data: IndexedDB through idb-keyval (database "geobrief", object
 * store "packs"; one record per key, see stored-records.ts), and the words for why it failed. The only module
 * that touches IndexedDB: a team server's sync would replace this one.
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { BRIEFING_KEY, recordFor, type Kept } from './stored-records';

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
export async function openStore(): Promise<UseStore> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB?.open !== 'function') {
    throw new MissingStorageError('IndexedDB API missing');
  }
  packStore ??= createStore(DB_NAME, STORE_NAME);
  const store = packStore;
  // Opens the database (idb-keyval keeps the connection) and checks the object store is there.
  connection = await store('readonly', (s) => s.transaction.db);
  return store;
}

/** The keys of saved briefings: from "briefing:" to "briefing:" and the last character there is. */
const BRIEFINGS = () => IDBKeyRange.bound(BRIEFING_KEY, `${BRIEFING_KEY}\uffff`);

/**
 * The records kept, in two reads: every record but the saved briefings (the packs, the pins and the edits: what the
 * dashboard shows), then, after it, the briefings (each a copy of the data: for a team, half of what is stored).
 * `briefings` starts when `rest` has been read; both reject when storage cannot be opened.
 */
export function readInTwo(): { rest: Promise<unknown[]>; briefings: Promise<unknown[]> } {
  const rest = openStore().then((store) =>
    store('readonly', (s) =>
      Promise.all([
        promisifyRequest(s.getAll(IDBKeyRange.upperBound(BRIEFING_KEY, true))),
        promisifyRequest(s.getAll(IDBKeyRange.lowerBound(`${BRIEFING_KEY}\uffff`, true))),
      ]).then(([before, after]) => [...before, ...after] as unknown[]),
    ),
  );
  const briefings = rest.then(() =>
    openStore().then((store) =>
      store('readonly', (s) => promisifyRequest(s.getAll(BRIEFINGS())) as Promise<unknown[]>),
    ),
  );
  return { rest, briefings };
}

/**
 * Writes these keys' in-memory state (a put, or a delete when gone) in ONE transaction: all or nothing. A
 * store made earlier with in-line keys (keyPath "id") is written to as well.
 */
export function writeRecords(store: UseStore, keys: readonly string[], state: Kept): Promise<void> {
  return store('readwrite', (s) => {
    try {
      for (const key of keys) {
        const stored = recordFor(key, state);
        if (!stored) s.delete(key);
        else if (s.keyPath === null) s.put(stored, key);
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

/** For tests: close the database and forget the store (its contents stay). */
export function closeStoreForTests(): void {
  connection?.close();
  connection = null;
  packStore = null;
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
export function openFailure(error: unknown): string {
  const name = errorName(error);
  if (name === 'MissingAPIError') return 'this browser offers no storage here (private browsing or blocked site data)';
  if (name === 'QuotaExceededError') return "the browser's storage for this site is full";
  return `the browser refused its storage, as it does in private browsing or when site data is blocked (${errorText(error).replace(/\.$/, '')})`;
}

/** Why a write failed, in words for the analyst. */
export function writeFailure(error: unknown): string {
  if (errorName(error) === 'QuotaExceededError') return "the browser's storage for this site is full";
  return errorText(error);
}

/**
 * Asks the browser, once there is something to keep, not to clear this site's storage when space runs
 * low (best effort: browsers may decline, and the data is then kept as ordinary site data).
 */
export function askToKeepStorage(): void {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persisted || !storage.persist) return;
  void storage
    .persisted()
    .then((already) => (already ? true : storage.persist()))
    .catch(() => undefined);
}
