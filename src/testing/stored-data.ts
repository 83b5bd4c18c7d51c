/**
 * A clean browser store for each test that touches the analyst's data: the IndexedDB database deleted
 * (fake-indexeddb in jsdom) and the user-data store reset and loaded again.
 */
import { load, resetUserDataForTests } from '../state/user-data';

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    request.onblocked = () => reject(new Error(`${name} is still open`));
  });
}

/** Nothing stored, and the store not loaded yet (a test that watches loading starts here). */
export async function emptyStoredData(): Promise<void> {
  await resetUserDataForTests();
  await deleteDatabase('geobrief');
}

/** Before each test: nothing stored, the store loaded from the empty database. */
export async function freshStoredData(): Promise<void> {
  await emptyStoredData();
  await load();
}

/** A reload: memory is gone, the database is read again. */
export async function reloadStoredData(): Promise<void> {
  await resetUserDataForTests();
  await load();
}
