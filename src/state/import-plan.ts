/**
 * What importing a pack or a geobrief data file into the analyst's data does, worked out without touching
 * storage: the same checks as `npm run import` (`parseDataFile`), packs already kept skipped and named, saved
 * briefings, pinned leads and corrections joined to those kept. Pure; `importData` (user-data.ts) applies the
 * plan and stores the keys it names.
 */
import { packHeads, parseDataFile } from '../model/pack/pack';
import type { Pack } from '../model/pack/pack-schema';
import { mergeDataset } from '../model/pack/merge';
import { isReviewed, withAddedAt } from '../model/pack/lifecycle';
import type { Dataset } from '../model/dataset/schema';
import { briefingId, sameContent, type Briefing } from '../model/briefing/briefing';
import { joinEdits } from '../model/corrections/join-edits';
import { briefingKey, EDITS_KEY, LEADS_KEY, type Kept, type StoredPack } from './stored-records';

export interface ImportResult {
  /** How many packs went in. */
  imported: number;
  /** The titles of the packs that went in. */
  importedTitles: string[];
  /** Packs and items left out because the dashboard already has them, each named. */
  skipped: string[];
  /** Problems by item and field; the packs they are in did not go in. */
  errors: string[];
  /** The names of the saved briefings that went in. */
  importedBriefings?: string[];
}

export interface ImportPlan {
  /** The analyst's data with the import in it (the same objects where nothing changed). */
  kept: Kept;
  /** The storage keys to write; none when nothing went in. */
  keys: string[];
  result: ImportResult;
}

/** The pack kept as `state`: replacing the one of its id, or after the others. */
function withPack(packs: readonly StoredPack[], pack: Pack, state: StoredPack['state'], now: string): StoredPack[] {
  const stored: StoredPack = { id: pack.source.id, pack, state, updatedAt: now };
  const at = packs.findIndex((p) => p.id === stored.id);
  return at < 0 ? [...packs, stored] : packs.map((p, i) => (i === at ? stored : p));
}

/**
 * The briefings of an imported file joined to those kept: one already kept with the same content is skipped
 * and named; one whose id is taken by another gets a new id. Oldest first.
 */
function joinBriefings(
  kept: Briefing[],
  incoming: readonly Briefing[],
  skipped: string[],
): { briefings: Briefing[]; keys: string[]; names: string[] } {
  let briefings = [...kept];
  const keys: string[] = [];
  const names: string[] = [];
  for (const b of incoming) {
    const same = briefings.find((k) => k.id === b.id || k.savedAt === b.savedAt);
    if (same && same.name === b.name && sameContent(same, b)) {
      skipped.push(`Briefing “${b.name}”: already in your data`);
      continue;
    }
    const taken = briefings.map((k) => k.id);
    const briefing = taken.includes(b.id) ? { ...b, id: briefingId(b.name, taken) } : b;
    briefings = [...briefings, briefing].sort((x, y) => x.savedAt.localeCompare(y.savedAt));
    keys.push(briefingKey(briefing.id));
    names.push(briefing.name);
  }
  return { briefings: keys.length > 0 ? briefings : kept, keys, names };
}

/**
 * Plans the import of `raw` (a pack or a data file, as text or parsed) into `kept`. Packs already in the
 * analyst's data are skipped and named; a pack with problems is left out whole, its problems listed by item
 * and field; a reviewed pack goes onto the dashboard (stamped `now`), one still all in review is a draft.
 */
export function planImport(raw: unknown, kept: Kept, base: Dataset, now: string): ImportPlan {
  const keptIds = new Map(kept.packs.map((p) => [p.id, p]));
  const skipped: string[] = [];
  const already = packHeads(raw).filter((h) => keptIds.has(h.id));
  for (const h of already) {
    const state = keptIds.get(h.id)!.state === 'draft' ? 'as a draft in review' : 'on the dashboard';
    skipped.push(`“${h.title}”: already in your data (${state})`);
  }

  let input: unknown = raw;
  if (already.length > 0) {
    if (already.some((h) => h.index === null)) {
      return { kept, keys: [], result: { imported: 0, importedTitles: [], skipped, errors: [] } };
    }
    const skip = new Set(already.map((h) => h.index));
    const value = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { packs: unknown[] };
    input = { ...value, packs: value.packs.filter((_, i) => !skip.has(i)) };
  }

  const added = kept.packs.filter((p) => p.state === 'added').map((p) => p.pack);
  const checked = parseDataFile(input, mergeDataset(base, added));
  // A file with a problem in a briefing is refused whole: parseDataFile then returns no packs and no briefings.
  const briefings = joinBriefings(kept.briefings, checked.briefings, skipped);
  const keys = [...briefings.keys];
  let { leads, edits, packs } = kept;
  if (checked.leads && checked.errors.length === 0) {
    if (leads === null) {
      leads = checked.leads;
      keys.push(LEADS_KEY);
    } else if (JSON.stringify(leads) !== JSON.stringify(checked.leads)) {
      skipped.push('Lead figures: yours are kept; the file’s were not applied');
    }
  }
  if (checked.edits && checked.errors.length === 0) {
    const joined = joinEdits(edits, checked.edits);
    skipped.push(...joined.skipped);
    // New changes, or a change the file has undone (no new id, but an undoing to keep).
    if (joined.added > 0 || JSON.stringify(joined.edits) !== JSON.stringify(edits)) {
      edits = joined.edits;
      keys.push(EDITS_KEY);
    }
  }
  for (const pack of checked.packs) {
    packs = isReviewed(pack)
      ? withPack(packs, withAddedAt(pack, now), 'added', now)
      : withPack(packs, pack, 'draft', now);
    keys.push(pack.source.id);
  }
  return {
    kept: { packs, briefings: briefings.briefings, leads, edits },
    keys,
    result: {
      imported: checked.packs.length,
      importedTitles: checked.packs.map((p) => p.source.title),
      skipped: [...skipped, ...checked.warnings],
      errors: checked.errors,
      importedBriefings: briefings.names,
    },
  };
}
