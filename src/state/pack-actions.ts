/**
 * What the analyst does with an article's pack, as actions on their stored data: keep it in review, add it to
 * the dashboard, take one item off again, remove it. The rules are pure functions of src/model/pack/
 * (lifecycle.ts); storing is user-data.ts.
 */
import type { Pack } from '../model/pack/pack-schema';
import { withAddedAt, withoutItem, type ItemKind } from '../model/pack/lifecycle';
import { askToKeepStorage, deletePack, savePack, useUserData, type StoredPack } from './user-data';

/** Keeps a pack in review (autosave; the caller debounces). A pack already added stays added. */
export function saveDraft(pack: Pack): Promise<void> {
  const existing = useUserData.getState().packs.find((p) => p.id === pack.source.id);
  // A late autosave must not take an added article off the dashboard.
  if (existing?.state === 'added') return Promise.resolve();
  return savePack(pack, 'draft');
}

/** Puts the pack's accepted items into every view; they carry `addedAt` = now. */
export function addToDashboard(pack: Pack): Promise<void> {
  const saved = savePack(withAddedAt(pack, new Date().toISOString()), 'added');
  askToKeepStorage();
  return saved;
}

/** Removes a pack (added or draft) from the dashboard and from storage. */
export function removePack(id: string): Promise<void> {
  return deletePack(id);
}

/** Takes one added item off the dashboard; the pack keeps it, marked rejected, with its article. */
export function removeItem(packId: string, kind: ItemKind, itemId: string): Promise<void> {
  const stored = useUserData.getState().packs.find((p) => p.id === packId);
  if (!stored) return Promise.resolve();
  return savePack(withoutItem(stored.pack, kind, itemId), stored.state);
}

/** The stored pack an added item came from (by its source id), if it is in the analyst's data. */
export function useAddedPack(sourceId: string | undefined): StoredPack | undefined {
  return useUserData((s) => (sourceId ? s.packs.find((p) => p.id === sourceId && p.state === 'added') : undefined));
}
