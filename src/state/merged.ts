/**
 * The dataset every view shows, computed in one place: the shipped data with the accepted items of every
 * added pack and the analyst's corrections, measures and merges on top (`mergeWithEdits`, src/model/pack/
 * merge.ts), over the analyst's stored data (user-data.ts). The last result is kept, so the app's hook, the
 * address's vocabulary (boot.tsx) and a saved briefing all get the same object while nothing changes.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { mergeWithEdits } from '../model/pack/merge';
import type { Dataset } from '../model/dataset/schema';
import type { Edits } from '../model/corrections/edits-schema';
import { useUserData, type StoredPack } from './user-data';
import { approvedOnly } from '../model/workspace/approved-only';
import { useWorkspace } from './workspace/workspace-store';

let lastMerge: {
  base: Dataset;
  added: readonly StoredPack[];
  edits: Edits;
  dataset: Dataset;
  problems: string[];
} | null = null;

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

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
  const { dataset, problems } = mergeWithEdits(
    base,
    added.map((p) => p.pack),
    edits,
  );
  lastMerge = { base, added, edits, dataset, problems };
  return lastMerge;
}

/** The shipped data with the accepted items of every added pack; the same object while nothing changes. */
export function mergedDataset(
  base: Dataset,
  packs: readonly StoredPack[] = useUserData.getState().packs,
  edits: Edits = useUserData.getState().edits,
): Dataset {
  return mergedWithProblems(base, packs, edits).dataset;
}

/**
 * The dataset every view shows: shipped data ∪ added packs, with the analyst's corrections, measures and merges
 * on top. Re-renders only when an added pack or the corrections change.
 */
export function useMergedDataset(base: Dataset): Dataset {
  const added = useUserData(useShallow((s) => s.packs.filter((p) => p.state === 'added')));
  const edits = useUserData((s) => s.edits);
  // A workspace viewer limited to approved items does not see the others. A presentation rule, not a security
  // boundary: the server still sends every item to every member.
  const limitTo = useWorkspace((s) =>
    s.workspace?.role === 'viewer' && s.workspace.viewersApprovedOnly ? s.provenance : null,
  );
  return useMemo(() => {
    const merged = mergedDataset(base, added, edits);
    return limitTo ? approvedOnly(merged, limitTo) : merged;
  }, [base, added, edits, limitTo]);
}

/** Corrections that could not apply to the data as it stands, in words. */
export function useEditProblems(base: Dataset): string[] {
  const added = useUserData(useShallow((s) => s.packs.filter((p) => p.state === 'added')));
  const edits = useUserData((s) => s.edits);
  return useMemo(() => mergedWithProblems(base, added, edits).problems, [base, added, edits]);
}

/**
 * Calls `listener` with the merged dataset each time it changes (a pack added or removed, a correction made),
 * outside React: the address's vocabulary follows it (boot.tsx). Returns the unsubscribe.
 */
export function watchMergedDataset(base: Dataset, listener: (dataset: Dataset) => void): () => void {
  let current = mergedDataset(base);
  return useUserData.subscribe(() => {
    const next = mergedDataset(base);
    if (next === current) return;
    current = next;
    listener(next);
  });
}
