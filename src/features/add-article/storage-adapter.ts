/**
 * The one place the add-article feature reaches the analyst's storage (src/state/user-data.ts) and its pack
 * actions (src/state/pack-actions.ts).
 */
import { useShallow } from 'zustand/react/shallow';
import { useUserData, type StoredPack } from '../../state/user-data';

export type { StoredPack };
export { addToDashboard, removePack, saveDraft } from '../../state/pack-actions';

/** Drafts in review, newest first. */
export function useDrafts(): StoredPack[] {
  const drafts = useUserData(useShallow((s) => s.packs.filter((p) => p.state === 'draft')));
  return [...drafts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** A draft another part of the app asked to resume ("Your data" → "Resume review"), or null. */
export function useResumeDraftId(): string | null {
  return useUserData((s) => s.resumeDraftId);
}

export function clearResumeDraftId(): void {
  useUserData.getState().setResumeDraft(null);
}

/** Why the latest state of this pack is only in memory (storage refused it), or null when it is stored. */
export function unsavedReason(id: string): string | null {
  const { unsaved, lastError, status } = useUserData.getState();
  if (!unsaved.includes(id)) return null;
  return lastError ?? ('message' in status ? status.message : 'the browser did not store it');
}
