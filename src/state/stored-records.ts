/**
 * What the analyst's data look like in storage: one record per key (a pack under its source id, a briefing
 * under "briefing:<id>", the pinned leads and the edits under "settings:…" keys no pack id can take), and how
 * records read back, checked, with what could not be read named. Pure: no storage API here, so the same
 * records can go to this browser's IndexedDB (browser-store.ts) or, later, to a team server.
 */
import { z } from '../model/dataset/zod';
import { PackSchema, type Pack } from '../model/pack/pack-schema';
import { BriefingSchema, type Briefing } from '../model/briefing/briefing';
import { LeadPinsSchema, type LeadPin } from '../model/measures/leads';
import { EditsSchema, isEmptyEdits, type Edits } from '../model/corrections/edits-schema';
import { sameData } from '../model/briefing/briefing-compare';
import type { Event, Figure } from '../model/dataset/schema';

export interface StoredPack {
  /** The pack's source id. */
  id: string;
  pack: Pack;
  state: 'draft' | 'added';
  /** ISO date-time of the last change. */
  updatedAt: string;
}

/** Everything kept: the records are made from this, and read back into it. */
export interface Kept {
  packs: StoredPack[];
  briefings: Briefing[];
  leads: LeadPin[] | null;
  edits: Edits;
}

/** Briefings share the packs' object store under keys no pack id can take (pack ids have no colon). */
export const BRIEFING_KEY = 'briefing:';
export const briefingKey = (id: string) => `${BRIEFING_KEY}${id}`;

/** The pinned lead figures, one record under a key no pack id can take. */
export const LEADS_KEY = 'settings:leads';

/** The analyst's corrections, measures and merges, one record under a key no pack id can take. */
export const EDITS_KEY = 'settings:edits';

interface StoredBriefing {
  id: string;
  kind: 'briefing';
  briefing: Briefing;
}

interface StoredLeads {
  id: typeof LEADS_KEY;
  kind: 'leads';
  pins: LeadPin[];
}

interface StoredEdits {
  id: typeof EDITS_KEY;
  kind: 'edits';
  edits: Edits;
}

export type StoredRecord = StoredPack | StoredBriefing | StoredLeads | StoredEdits;

/** The record kept for a key, from the in-memory state; undefined when it is gone. */
export function recordFor(key: string, state: Kept): StoredRecord | undefined {
  if (key === LEADS_KEY) return state.leads ? { id: LEADS_KEY, kind: 'leads', pins: state.leads } : undefined;
  if (key === EDITS_KEY)
    return isEmptyEdits(state.edits) ? undefined : { id: EDITS_KEY, kind: 'edits', edits: state.edits };
  if (key.startsWith(BRIEFING_KEY)) {
    const briefing = state.briefings.find((b) => briefingKey(b.id) === key);
    return briefing && { id: key, kind: 'briefing', briefing };
  }
  return state.packs.find((p) => p.id === key);
}

const StoredPackSchema = z.object({
  id: z.string().check(z.minLength(1)),
  pack: PackSchema,
  state: z.enum(['draft', 'added']),
  updatedAt: z.string().check(z.minLength(1)),
});

const StoredLeadsSchema = z.strictObject({
  id: z.literal(LEADS_KEY),
  kind: z.literal('leads'),
  pins: LeadPinsSchema,
});

const StoredEditsSchema = z.strictObject({
  id: z.literal(EDITS_KEY),
  kind: z.literal('edits'),
  edits: EditsSchema,
});

const StoredBriefingSchema = z.strictObject({
  id: z.string().check(z.startsWith(BRIEFING_KEY)),
  kind: z.literal('briefing'),
  briefing: BriefingSchema,
});

/** What was read: packs and briefings oldest first, leads and edits when kept, and what could not be read. */
export interface ReadRecords {
  packs: StoredPack[];
  briefings: Briefing[];
  leads: LeadPin[] | null;
  edits: Edits | null;
  /** Each record that could not be read, in words with the first problem ("the lead figures you pinned (…)"). */
  unreadable: string[];
}

const firstIssue = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }) => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable';
};

/** Reads stored records back, each checked against its schema; one that fails is named and left out. */
export function readRecords(rows: readonly unknown[]): ReadRecords {
  const out: ReadRecords = { packs: [], briefings: [], leads: null, edits: null, unreadable: [] };
  for (const row of rows) {
    const kind = (row as { kind?: unknown } | null)?.kind;
    if (kind === 'edits') {
      const edits = StoredEditsSchema.safeParse(row);
      if (edits.success) out.edits = edits.data.edits;
      else out.unreadable.push(`your corrections and measures (${firstIssue(edits.error)})`);
    } else if (kind === 'leads') {
      const leads = StoredLeadsSchema.safeParse(row);
      if (leads.success) out.leads = leads.data.pins;
      else out.unreadable.push(`the lead figures you pinned (${firstIssue(leads.error)})`);
    } else if (kind === 'briefing') {
      const briefing = StoredBriefingSchema.safeParse(row);
      if (briefing.success) out.briefings.push(briefing.data.briefing);
      else {
        const name = (row as { briefing?: { name?: unknown } }).briefing?.name;
        out.unreadable.push(
          `the briefing ${typeof name === 'string' ? `“${name}”` : 'saved'} (${firstIssue(briefing.error)})`,
        );
      }
    } else {
      const parsed = StoredPackSchema.safeParse(row);
      if (parsed.success) out.packs.push(parsed.data);
      else {
        const id = (row as { id?: unknown } | null)?.id;
        out.unreadable.push(`${typeof id === 'string' ? id : 'a saved pack'} (${firstIssue(parsed.error)})`);
      }
    }
  }
  out.packs.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  out.briefings.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  return out;
}

/**
 * A saved briefing keeps every figure and event as it stood then, and most still stand so in the stored packs: each
 * one that holds exactly the same (`sameData`) is the pack's own object, so that a team's briefings do not hold
 * their data a second time in memory (two briefings of a team's two years held 100,000 figures more). Nothing is
 * changed: a briefing still has every item as it was saved.
 */
export function shareWithPacks(briefings: readonly Briefing[], packs: readonly StoredPack[]): Briefing[] {
  if (briefings.length === 0 || packs.length === 0) return [...briefings];
  const figures = new Map<string, Figure>();
  const events = new Map<string, Event>();
  for (const { pack } of packs) {
    for (const f of pack.figures) figures.set(f.id, f);
    for (const e of pack.events) events.set(e.id, e);
  }
  const share = <T extends { id: string }>(items: readonly T[], pool: ReadonlyMap<string, T>): T[] =>
    items.map((item) => {
      const kept = pool.get(item.id);
      return kept && sameData(kept, item) ? kept : item;
    });
  return briefings.map((b) => ({ ...b, figures: share(b.figures, figures), events: share(b.events, events) }));
}
