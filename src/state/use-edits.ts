/**
 * The analyst's corrections, measures and merges as actions: each makes a new version, with who ("you", until
 * there are several people) and when, and keeps it with the analyst's data (user-data.ts). Nothing here
 * changes a number by itself: every action is a person's.
 */
import {
  historyOf,
  lastActive,
  makeCorrection,
  measureIdFor,
  undoChange,
  withCorrection,
  withMeasure,
  withMerge,
} from '../model/corrections/corrections';
import { YOU, type Correction, type EditKind, type Merge } from '../model/corrections/edits-schema';
import type { Actor, Event, Figure, Measure, Place } from '../model/dataset/schema';
import { setEdits, useUserData } from './user-data';

/** A unique id for a change, so that an import or a sync applies it once. */
function changeId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

const stamp = () => ({ id: changeId(), at: new Date().toISOString(), by: YOU });

type Item = Figure | Actor | Event | Place | Measure;

/** Saves `after` as a new version of `before`; "unchanged" when no editable field differs. */
export async function saveCorrection(kind: EditKind, before: Item, after: Item): Promise<'saved' | 'unchanged'> {
  const correction = makeCorrection(kind, before, after, stamp());
  if (!correction) return 'unchanged';
  await setEdits(withCorrection(useUserData.getState().edits, correction));
  return 'saved';
}

/** Undoes the newest correction of an item still in force (it stays in the history, marked undone). */
export async function undoLastCorrection(kind: EditKind, itemId: string): Promise<Correction | undefined> {
  const edits = useUserData.getState().edits;
  const last = lastActive(edits, kind, itemId);
  if (!last) return undefined;
  const { at, by } = stamp();
  await setEdits(undoChange(edits, last.id, { at, by }));
  return last;
}

/** The versions of one item, oldest first. */
export function useHistory(kind: EditKind, itemId: string | undefined): Correction[] {
  const edits = useUserData((s) => s.edits);
  return itemId ? historyOf(edits, kind, itemId) : [];
}

/** Makes a measure of the analyst's and returns its id (not taken by any measure in `taken`). */
export async function createMeasure(
  fields: Omit<Measure, 'id' | 'addedAt' | 'status'>,
  taken: Iterable<string>,
): Promise<string> {
  const edits = useUserData.getState().edits;
  const ids = new Set([...taken, ...edits.measures.map((m) => m.measure.id)]);
  const { at, by } = stamp();
  const id = measureIdFor(fields.label, ids);
  await setEdits(withMeasure(edits, { measure: { ...fields, id, addedAt: at }, at, by }));
  return id;
}

/** Links a figure to a measure (or unlinks it: `measure` = the figure's own id), as a correction. */
export function linkToMeasure(figure: Figure, measure: string): Promise<'saved' | 'unchanged'> {
  return saveCorrection('figure', figure, { ...figure, measure });
}

/** Counts every figure of `from` as an estimate of `into`, from now on (undoable). */
export async function mergeMeasures(from: string, into: string): Promise<Merge> {
  const merge: Merge = { ...stamp(), from, into };
  await setEdits(withMerge(useUserData.getState().edits, merge));
  return merge;
}

/** Undoes a merge: the figures go back to their measure. */
export async function undoMerge(id: string): Promise<void> {
  const { at, by } = stamp();
  await setEdits(undoChange(useUserData.getState().edits, id, { at, by }));
}

/** The merges in force into a measure (to show and undo them). */
export function useMergesInto(measure: string | undefined): Merge[] {
  const merges = useUserData((s) => s.edits.merges);
  return measure ? merges.filter((m) => m.into === measure && m.undoneAt === undefined) : [];
}
