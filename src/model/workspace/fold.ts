/**
 * The workspace's change log folded into what the dashboard shows: the packs on the dashboard, the saved
 * briefings, the layer of corrections, measures and merges, who added, edited and approved each item, the
 * conflicts waiting for a reviewer, and the activity. Pure: the page folds what it pulled (and what waits in its
 * outbox), and the server folds its log for the export, with the same function.
 *
 * A correction keeps `by` = "you" when the current person made it, and takes its author's name otherwise.
 */
import type { Pack } from '../pack/pack-schema';
import type { Briefing } from '../briefing/briefing';
import { isAccepted } from '../pack/lifecycle';
import { NO_EDITS, YOU, type Correction, type Edits } from '../corrections/edits-schema';
import { formatNumber } from '../format/format';
import { provenanceKey, type Provenance } from './provenance';
import { REVIEW_KINDS, type Conflict, type LogEntry, type ReviewKind } from './protocol';

export { provenanceKey, type Provenance };

/** A conflict still open, with when it was recorded. */
export interface OpenConflict extends Conflict {
  at: string;
}

/** One line of the activity, structured: `activityWords` puts it in words with the dataset's labels. */
export interface ActivityLine {
  version: number;
  at: string;
  /** The person's name ("you" for the current person). */
  by: string;
  type: LogEntry['change']['type'];
  /** The item or thing it is about: a pack's source title, a briefing's name, an item's kind and id. */
  kind?: string;
  itemId?: string;
  title?: string;
  fields?: string[];
  /** A correction's (or a resolution's) values, before → after, for the words. */
  changes?: { field: string; from?: unknown; to?: unknown }[];
}

export interface Folded {
  /** The packs on the dashboard, by source id (removed ones are gone). */
  packs: Map<string, Pack>;
  briefings: Briefing[];
  edits: Edits;
  /** Keyed `${kind}:${id}` (kind: figure, actor, event, place). */
  provenance: Map<string, Provenance>;
  /** By conflict id, oldest first. */
  conflicts: Map<string, OpenConflict>;
  /** Oldest first (the UI shows it newest first). */
  activity: ActivityLine[];
  /** The highest version folded (0: none). */
  version: number;
}

export const EMPTY_FOLD: Folded = Object.freeze({
  packs: new Map(),
  briefings: [],
  edits: NO_EDITS,
  provenance: new Map(),
  conflicts: new Map(),
  activity: [],
  version: 0,
}) as Folded;

const isReviewKind = (kind: string): kind is ReviewKind => (REVIEW_KINDS as readonly string[]).includes(kind);

/** The review kinds as the pack names its lists. */
const PACK_LISTS: readonly [ReviewKind, 'figures' | 'actors' | 'events' | 'places'][] = [
  ['figure', 'figures'],
  ['actor', 'actors'],
  ['event', 'events'],
  ['place', 'places'],
];

function packItems(pack: Pack): [ReviewKind, string][] {
  return PACK_LISTS.flatMap(([kind, list]) =>
    (pack[list] as readonly { id: string; status?: 'proposed' | 'accepted' | 'rejected' }[])
      .filter(isAccepted)
      .map((item): [ReviewKind, string] => [kind, item.id]),
  );
}

/**
 * Folds `entries` (in version order; entries of the outbox not yet sent may follow with version 0) onto
 * `from`. `meId` is the current person's id: what they did is "you".
 */
export function fold(entries: readonly LogEntry[], meId: string | null, from: Folded = EMPTY_FOLD): Folded {
  const packs = new Map(from.packs);
  let briefings = [...from.briefings];
  let corrections = [...from.edits.corrections];
  let measures = [...from.edits.measures];
  let merges = [...from.edits.merges];
  const provenance = new Map(from.provenance);
  const conflicts = new Map(from.conflicts);
  const activity = [...from.activity];
  let version = from.version;

  const edited = (kind: string, itemId: string, by: string, at: string) => {
    if (!isReviewKind(kind)) return;
    const key = provenanceKey(kind, itemId);
    const { approvedBy: _by, approvedAt: _at, ...before } = provenance.get(key) ?? { status: 'pending' as const };
    provenance.set(key, { ...before, editedBy: by, editedAt: at, status: 'pending' });
  };
  const applyCorrection = (correction: Correction, by: string) => {
    if (corrections.some((c) => c.id === correction.id)) return;
    corrections.push({ ...correction, by });
    edited(correction.kind, correction.itemId, by, correction.at);
  };

  for (const entry of entries) {
    const { change } = entry;
    const by = meId !== null && entry.by.id === meId ? YOU : entry.by.name;
    const at = entry.at;
    version = Math.max(version, entry.version);
    const line: ActivityLine = { version: entry.version, at, by, type: change.type };
    switch (change.type) {
      case 'pack.put': {
        packs.set(change.pack.source.id, change.pack);
        for (const [kind, id] of packItems(change.pack)) {
          const key = provenanceKey(kind, id);
          if (!provenance.get(key)?.addedBy) {
            provenance.set(key, { ...provenance.get(key), addedBy: by, addedAt: at, status: 'pending' });
          }
        }
        line.itemId = change.pack.source.id;
        line.title = change.pack.source.title;
        break;
      }
      case 'pack.remove': {
        const pack = packs.get(change.packId);
        if (pack) for (const [kind, id] of packItems(pack)) provenance.delete(provenanceKey(kind, id));
        packs.delete(change.packId);
        line.itemId = change.packId;
        line.title = pack?.source.title ?? change.packId;
        break;
      }
      case 'correction': {
        applyCorrection(change.correction, by);
        for (const conflict of entry.conflicts ?? []) conflicts.set(conflict.id, { ...conflict, at });
        line.kind = change.correction.kind;
        line.itemId = change.correction.itemId;
        line.fields = change.correction.changes.map((c) => c.field);
        line.changes = change.correction.changes;
        break;
      }
      case 'correction.undo': {
        const undone = corrections.find((c) => c.id === change.correctionId && c.undoneAt === undefined);
        if (undone) {
          corrections = corrections.map((c) => (c === undone ? { ...c, undoneAt: at, undoneBy: by } : c));
          edited(undone.kind, undone.itemId, by, at);
          line.kind = undone.kind;
          line.itemId = undone.itemId;
          line.fields = undone.changes.map((c) => c.field);
        }
        break;
      }
      case 'measure.create': {
        const created = { ...change.measure, by };
        measures = [...measures.filter((m) => m.measure.id !== created.measure.id), created];
        line.kind = 'measure';
        line.itemId = created.measure.id;
        line.title = created.measure.label;
        break;
      }
      case 'merge': {
        if (!merges.some((m) => m.id === change.merge.id)) merges.push({ ...change.merge, by });
        line.kind = 'measure';
        line.itemId = change.merge.into;
        line.title = change.merge.from;
        break;
      }
      case 'merge.undo': {
        merges = merges.map((m) =>
          m.id === change.mergeId && m.undoneAt === undefined ? { ...m, undoneAt: at, undoneBy: by } : m,
        );
        break;
      }
      case 'briefing.save': {
        briefings = [...briefings.filter((b) => b.id !== change.briefing.id), change.briefing];
        line.itemId = change.briefing.id;
        line.title = change.briefing.name;
        break;
      }
      case 'briefing.remove': {
        line.itemId = change.briefingId;
        line.title = briefings.find((b) => b.id === change.briefingId)?.name ?? change.briefingId;
        briefings = briefings.filter((b) => b.id !== change.briefingId);
        break;
      }
      case 'approve': {
        const key = provenanceKey(change.item.kind, change.item.id);
        provenance.set(key, { ...provenance.get(key), approvedBy: by, approvedAt: at, status: 'approved' });
        line.kind = change.item.kind;
        line.itemId = change.item.id;
        break;
      }
      case 'conflict.resolve': {
        const conflict = conflicts.get(change.conflictId);
        conflicts.delete(change.conflictId);
        if (entry.resolution) applyCorrection(entry.resolution, by);
        line.kind = conflict?.kind ?? entry.resolution?.kind;
        line.itemId = conflict?.itemId ?? entry.resolution?.itemId;
        line.fields = conflict ? [conflict.field] : entry.resolution?.changes.map((c) => c.field);
        if (entry.resolution) line.changes = entry.resolution.changes;
        break;
      }
    }
    activity.push(line);
  }
  return { packs, briefings, edits: { corrections, measures, merges }, provenance, conflicts, activity, version };
}

/** A line of the activity in words: "Ana added “Kyiv talks”", "Ben corrected Troops's value". */
/** A field's value in the activity's words (a number as the dashboard writes it, a list joined, none: "none"). */
function valueWords(v: unknown): string {
  if (v === undefined || v === null || v === '') return 'none';
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

export function activityWords(
  line: ActivityLine,
  labelOf: (kind: string, id: string) => string | undefined = () => undefined,
): string {
  const who = line.by === YOU ? 'You' : line.by;
  const label = line.kind && line.itemId ? (labelOf(line.kind, line.itemId) ?? line.itemId) : (line.itemId ?? '');
  const fields = line.fields && line.fields.length > 0 ? `'s ${line.fields.join(', ')}` : '';
  // The values themselves, when one field changed: "…'s value: 1,500 → 1,600".
  const only = line.changes?.length === 1 ? line.changes[0]! : undefined;
  const values = only ? `: ${valueWords(only.from)} → ${valueWords(only.to)}` : '';
  switch (line.type) {
    case 'pack.put':
      return `${who} added “${line.title}”`;
    case 'pack.remove':
      return `${who} removed “${line.title}”`;
    case 'correction':
      return `${who} corrected ${label}${fields}${values}`;
    case 'correction.undo':
      return `${who} undid a correction of ${label}${fields}`;
    case 'measure.create':
      return `${who} made the measure “${line.title}”`;
    case 'merge':
      return `${who} merged the measure ${line.title} into ${label}`;
    case 'merge.undo':
      return `${who} undid a merge of measures`;
    case 'briefing.save':
      return `${who} saved the briefing “${line.title}”`;
    case 'briefing.remove':
      return `${who} deleted the briefing “${line.title}”`;
    case 'approve':
      return `${who} approved ${label}`;
    case 'conflict.resolve':
      return `${who} resolved a conflict on ${label}${fields}${values}`;
  }
}
