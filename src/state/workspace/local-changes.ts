/**
 * The analyst's local data turned into workspace changes: what changed between two snapshots of the stored data
 * (`localChanges`, for every edit made while signed in) and everything at once (`uploadChanges`, when a person
 * signs in to a workspace for the first time in this browser). Pure. Drafts are personal: never sent.
 *
 * Change ids: a correction or a merge keeps its own id; a change that undoes one, a measure, a briefing and a
 * pack get an id made from what they are (`stableId`), so that sending the same thing again is answered
 * "duplicate" instead of applied twice.
 */
import type { Pack } from '../../model/pack/pack-schema';
import type { Briefing } from '../../model/briefing/briefing';
import type { Edits } from '../../model/corrections/edits-schema';
import type { Change } from '../../model/workspace/protocol';

/** What the workspace shares of the stored data. */
export interface SharedSnapshot {
  /** Added packs only (drafts stay personal). */
  packs: ReadonlyMap<string, Pack>;
  briefings: readonly Briefing[];
  edits: Edits;
}

/** Two 32-bit FNV-1a hashes of the text, as 16 hex digits. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193 + 0x3c6ef372) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** A change id that the same content always gets: `prefix-<hash of the parts>`. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${hash(parts.join('\u0000'))}`;
}

const samePack = (a: Pack, b: Pack) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Every change that turns `before` into `after`, in an order the server can apply (packs before corrections). */
export function localChanges(before: SharedSnapshot, after: SharedSnapshot, now: string): Change[] {
  const out: Change[] = [];
  for (const [id, pack] of after.packs) {
    const was = before.packs.get(id);
    if (!was || !samePack(was, pack)) {
      out.push({ id: stableId('put', id, now, JSON.stringify(pack)), at: now, type: 'pack.put', pack });
    }
  }
  for (const id of before.packs.keys()) {
    if (!after.packs.has(id)) out.push({ id: stableId('remove', id, now), at: now, type: 'pack.remove', packId: id });
  }
  out.push(...editChanges(before.edits, after.edits, now));
  const kept = new Map(before.briefings.map((b) => [b.id, b]));
  for (const briefing of after.briefings) {
    const was = kept.get(briefing.id);
    if (!was || JSON.stringify(was) !== JSON.stringify(briefing)) {
      out.push({
        id: stableId('brief', briefing.id, now, JSON.stringify(briefing)),
        at: now,
        type: 'briefing.save',
        briefing,
      });
    }
  }
  const still = new Set(after.briefings.map((b) => b.id));
  for (const briefing of before.briefings) {
    if (!still.has(briefing.id)) {
      out.push({
        id: stableId('unbrief', briefing.id, now),
        at: now,
        type: 'briefing.remove',
        briefingId: briefing.id,
      });
    }
  }
  return out;
}

function editChanges(before: Edits, after: Edits, now: string): Change[] {
  const out: Change[] = [];
  const measures = new Set(before.measures.map((m) => m.measure.id));
  for (const created of after.measures) {
    if (!measures.has(created.measure.id)) {
      out.push({ id: stableId('measure', created.measure.id), at: now, type: 'measure.create', measure: created });
    }
  }
  const corrections = new Map(before.corrections.map((c) => [c.id, c]));
  for (const correction of after.corrections) {
    const was = corrections.get(correction.id);
    // A correction made undone in the same step is sent, then undone.
    const { undoneAt: _at, undoneBy: _by, ...made } = correction;
    if (!was) out.push({ id: correction.id, at: now, type: 'correction', correction: made });
    if (correction.undoneAt !== undefined && was?.undoneAt === undefined) {
      out.push({ id: stableId('undo', correction.id), at: now, type: 'correction.undo', correctionId: correction.id });
    }
  }
  const merges = new Map(before.merges.map((m) => [m.id, m]));
  for (const merge of after.merges) {
    const was = merges.get(merge.id);
    const { undoneAt: _at, undoneBy: _by, ...made } = merge;
    if (!was) out.push({ id: merge.id, at: now, type: 'merge', merge: made });
    if (merge.undoneAt !== undefined && was?.undoneAt === undefined) {
      out.push({ id: stableId('unmerge', merge.id), at: now, type: 'merge.undo', mergeId: merge.id });
    }
  }
  return out;
}

export const EMPTY_SNAPSHOT: SharedSnapshot = {
  packs: new Map(),
  briefings: [],
  edits: { corrections: [], measures: [], merges: [] },
};

/**
 * Everything of the local data that `known` (what the workspace and the outbox already hold; nothing by default)
 * lacks, as changes to upload once (a first sign-in in this browser). Never a removal: what this browser lacks is
 * not assumed removed. `userId` makes the ids of this person's upload stable: sending it again (a reload in the
 * middle) is a duplicate.
 */
export function uploadChanges(
  local: SharedSnapshot,
  userId: string,
  now: string,
  known: SharedSnapshot = EMPTY_SNAPSHOT,
): Change[] {
  return localChanges(known, local, now)
    .filter((change) => change.type !== 'pack.remove' && change.type !== 'briefing.remove')
    .map((change) =>
      change.type === 'correction' || change.type === 'merge'
        ? change
        : { ...change, id: stableId('up', userId, JSON.stringify({ ...change, id: '', at: '' })) },
    );
}

const ADDED = new Set<Change['type']>(['pack.put', 'correction', 'measure.create', 'merge', 'briefing.save']);

/** What `local` adds or corrects beyond `known` (made while nobody was signed in): never a removal or an undo. */
export const localAdditions = (known: SharedSnapshot, local: SharedSnapshot, now: string): Change[] =>
  localChanges(known, local, now).filter((change) => ADDED.has(change.type));
