/**
 * What changed between a saved briefing and the dashboard as it stands (or another briefing): figures added,
 * removed and changed field by field; new estimates of a measure already tracked, beside the old ones; new actors
 * and statements; new events by date; sources added. Pure, no React, no storage; fast enough for 100,000 figures a
 * side in the view's worker (see scripts/bench-since.ts). Most items of two distinct copies say the same: a cheap
 * walk (`sameData`) proves that without allocating; the fields of the others are those microdiff names (found by
 * a walk of microdiff's rules, or by microdiff itself for anything but plain data).
 *
 * A "measure" is one of the registry (data/measures.json and the analyst's): every figure carries `measure`, the
 * measure a person linked it to, or its own key when it is linked to none (see corrections.ts). A new figure is a
 * new estimate of a tracked measure when the briefing already held a figure of that measure (in any unit of its
 * dimension: the measure fixes the dimension).
 *
 * The comparison's shape is in `briefing-comparison.ts`, its export as rows and CSV in `change-rows.ts`.
 */
import diff from 'microdiff';
import type { BriefingData } from './briefing';
import { eventMatches } from '../dataset/event-selectors';
import { unitInfo } from '../format/format';
import { selectFigures, type Filters } from '../dataset/selectors';
import { NO_ACTOR_FILTERS, selectActors } from '../dataset/actor-selectors';
import type { Actor, Dataset, Event, Figure, Statement } from '../dataset/schema';
import type {
  BriefingComparison,
  Changed,
  FieldChange,
  ItemChanges,
  NewEstimate,
  NewStatement,
} from './briefing-comparison';

/** Fields that say where an item stands in review, not what it says: never a change. */
const PROVENANCE = new Set(['status', 'addedAt']);

/**
 * Do two values of JSON-shaped data hold the same, as microdiff sees it (same keys, `Object.is` on leaves)? True
 * only when microdiff would find no difference; false when they differ, or for anything but plain objects and
 * arrays (microdiff then decides). It walks both once, allocating nothing: most items of two copies are equal.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const u: unknown = a[i];
      const v: unknown = b[i];
      // `===` on leaves first (+0 and -0 pass it: no JSON text tells them apart, so no change either way).
      if (u !== v && !sameData(u, v)) return false;
      // A hole on one side only is a key on one side only, for microdiff (a hole reads undefined).
      if (u === undefined && !(i in a) !== !(i in b)) return false;
    }
    return true;
  }
  if (
    Array.isArray(b) ||
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  ) {
    return false;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    const u = x[key];
    const v = y[key];
    if (u !== v && !sameData(u, v)) return false;
    // A key on one side only (read as undefined on the other).
    if (v === undefined && !(key in y)) return false;
    keys++;
  }
  // Every key of x is in y: the same keys when y has as many.
  for (const _key in y) if (--keys < 0) return false;
  return keys === 0;
}

const plainObject = (x: object) => {
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === Array.prototype;
};

/**
 * Would microdiff find no difference between these two values? As microdiff walks them (`for…in` on both, a key on
 * one side only is a difference, `Object.is` on leaves); null when a value it would walk is not plain data (a
 * Date…), for microdiff itself to judge. Like microdiff, it walks on past a difference.
 */
function sameForMicrodiff(a: unknown, b: unknown): boolean | null {
  const objects = typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
  if (objects && a && !plainObject(a)) return null;
  if (!objects || !a || !b) return Object.is(a, b);
  if (!plainObject(b)) return null;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let same = true;
  for (const key in x) {
    if (!(key in y)) {
      same = false;
      continue;
    }
    const inner = sameForMicrodiff(x[key], y[key]);
    if (inner === null) return null;
    same &&= inner;
  }
  for (const key in y) if (!(key in x)) same = false;
  return same;
}

/**
 * The top-level fields in which microdiff finds two items differ, in the order its differences come (the first
 * item's keys, then those only the second has); null when it must walk them itself.
 */
function microdiffFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] | null {
  const fields: string[] = [];
  for (const key in before) {
    if (!(key in after)) {
      fields.push(key);
      continue;
    }
    const same = sameForMicrodiff(before[key], after[key]);
    if (same === null) return null;
    if (!same) fields.push(key);
  }
  for (const key in after) if (!(key in before)) fields.push(key);
  return fields;
}

/**
 * The top-level fields in which two versions of an item differ (statements of actors are compared apart), or null
 * when they say the same. `sameData` clears the many items that did not change; the fields of the others are
 * those microdiff would name (walked here without its list of every difference; by microdiff for any value that
 * is not plain data).
 */
function changedFields<T extends object>(before: T, after: T, skip: ReadonlySet<string>): FieldChange[] | null {
  if (sameData(before, after)) return null;
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const named = microdiffFields(b, a) ?? diff(b, a, { cyclesFix: false }).map((d) => String(d.path[0]));
  if (named.length === 0) return null;
  const fields = new Set<string>();
  for (const field of named) if (!skip.has(field)) fields.add(field);
  // A key set to undefined on one side and absent on the other (a copy through JSON drops it) is no change.
  const changes = [...fields]
    .map((field) => ({ field, before: b[field], after: a[field] }))
    .filter((f) => f.before !== undefined || f.after !== undefined);
  if (changes.length === 0) return null;
  // Nor is anything else that a copy through JSON (a save to IndexedDB, an export) would not keep, such as an
  // undefined key deeper down: the same JSON text is the same item. Checked only for the few flagged, and only
  // when no field surely reads otherwise in JSON (a value or a quote changed: the usual case).
  if (changes.some((f) => surelyOtherJson(f.before, f.after))) return changes;
  return JSON.stringify(before) === JSON.stringify(after) ? null : changes;
}

/** A value JSON writes as itself, told from another by `!==` alone: a string, a boolean, a finite number but 0. */
const plainLeaf = (x: unknown) =>
  typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x) && x !== 0);

/**
 * Would a top-level field with these two values make the items' JSON texts differ, for sure? Two texts that parse
 * to the same object are... the same object: a field whose values JSON writes differently (or writes on one side
 * only) makes them differ.
 */
function surelyOtherJson(before: unknown, after: unknown): boolean {
  if (before === undefined) return plainLeaf(after);
  if (after === undefined) return plainLeaf(before);
  return plainLeaf(before) && plainLeaf(after) && before !== after;
}

/**
 * A 32-bit FNV-1a hash of a string's length and its last 24 UTF-16 code units (ids differ most at their end; two
 * ids of the same hash are told apart by comparing them).
 */
function hashOf(text: string): number {
  let h = Math.imul(0x811c9dc5 ^ text.length, 0x01000193);
  for (let i = Math.max(0, text.length - 24); i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * The position of each id in a list, in an open-addressed table of positions: for 100,000 items it is built and
 * read several times faster than a Map of strings, and leaves next to no garbage. The last of a repeated id wins
 * (as `Map.set` would have it).
 */
function buildIndex(items: readonly { id: string }[]) {
  let size = 16;
  while (size < items.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const hashes = new Int32Array(items.length);
  let repeated = false;
  const find = (id: string, h: number): number => {
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const i = slots[at]!;
      if (i === -1 || (hashes[i] === h && items[i]!.id === id)) return at;
    }
  };
  for (let i = 0; i < items.length; i++) {
    const id = items[i]!.id;
    const h = hashOf(id);
    hashes[i] = h;
    const at = find(id, h);
    if (slots[at] !== -1) repeated = true;
    slots[at] = i;
  }
  return {
    /** Whether some id came more than once. */
    repeated,
    /** The position of the (last) item of an id, or -1. */
    get: (id: string): number => slots[find(id, hashOf(id))]!,
  };
}

type IdIndex = ReturnType<typeof buildIndex>;
const indexes = new WeakMap<readonly { id: string }[], IdIndex>();

/** The index of a list, built once per list (a briefing's lists do not change, and serve many comparisons). */
function indexById(items: readonly { id: string }[]): IdIndex {
  let index = indexes.get(items);
  if (!index) {
    index = buildIndex(items);
    indexes.set(items, index);
  }
  return index;
}

/** Indexes a briefing's lists ahead of its comparisons (where it is held for them, as in the view's worker). */
export function prepareBriefing(then: Pick<BriefingData, 'figures' | 'actors' | 'events'>): void {
  indexById(then.figures);
  indexById(then.actors);
  indexById(then.events);
}

function compareItems<T extends { id: string }>(
  then: readonly T[],
  now: readonly T[],
  skip: ReadonlySet<string> = PROVENANCE,
): ItemChanges<T> {
  const earlier = indexById(then);
  /** The briefing's items whose id the dashboard still has. */
  const kept = new Uint8Array(then.length);
  const added: T[] = [];
  const changed: Changed<T>[] = [];
  for (const after of now) {
    const at = earlier.get(after.id);
    if (at === -1) {
      added.push(after);
      continue;
    }
    kept[at] = 1;
    const before = then[at]!;
    if (before !== after) {
      const fields = changedFields(before, after, skip);
      if (fields) changed.push({ before, after, fields });
    }
  }
  // An item is removed when the dashboard has no item of its id (of a repeated id, the last was marked).
  const removed: T[] = [];
  for (let i = 0; i < then.length; i++) {
    const x = then[i]!;
    if (!kept[earlier.repeated ? earlier.get(x.id) : i]) removed.push(x);
  }
  return { added, removed, changed };
}

/** A measure fixes a dimension: a figure in a unit of another dimension is not one of its estimates. */
const measureKey = (f: Pick<Figure, 'measure' | 'unit'>) => `${f.measure}\u0000${unitInfo(f.unit).dimension}`;
const statementKey = (s: Pick<Statement, 'quote' | 'sourceId'>) => `${s.sourceId}\u0000${s.quote}`;

/** Sorted by date (as precise as known), then in data order. */
function byDate(events: readonly Event[]): Event[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map(({ e }) => e);
}

/** What changed from `then` (a saved briefing) to `now` (the dashboard as it stands). */
export function compareBriefing(then: BriefingData, now: BriefingData): BriefingComparison {
  const figures = compareItems(then.figures, now.figures);

  // Only the briefing's figures of a measure some added figure has can be earlier estimates: key just those.
  const addedMeasures = new Set(figures.added.map((f) => f.measure));
  const tracked = new Map<string, Figure[]>();
  for (const f of then.figures) {
    if (!addedMeasures.has(f.measure)) continue;
    const key = measureKey(f);
    const list = tracked.get(key);
    if (list) list.push(f);
    else tracked.set(key, [f]);
  }
  const estimates = new Map<string, NewEstimate>();
  for (const f of figures.added) {
    const key = measureKey(f);
    const earlier = tracked.get(key);
    if (!earlier) continue;
    const entry = estimates.get(key);
    if (entry) entry.added.push(f);
    else estimates.set(key, { measure: f.measure, unit: f.unit, earlier, added: [f] });
  }

  const actors = compareItems(then.actors, now.actors, new Set([...PROVENANCE, 'statements']));
  const thenActors = new Map(then.actors.map((a) => [a.id, a]));
  const statements: NewStatement[] = [];
  for (const actor of now.actors) {
    const before = thenActors.get(actor.id);
    if (before === actor) continue;
    const known = new Set((before?.statements ?? []).map(statementKey));
    for (const s of actor.statements) {
      if (!known.has(statementKey(s))) {
        statements.push({ actorId: actor.id, actorName: actor.name, newActor: before === undefined, statement: s });
      }
    }
  }

  const events = compareItems(then.events, now.events);
  const thenSources = new Set(then.sources.map((s) => s.id));
  const nowSources = new Set(now.sources.map((s) => s.id));
  return {
    figures,
    estimates: [...estimates.values()],
    actors,
    statements,
    events: { ...events, added: byDate(events.added) },
    sources: {
      added: now.sources.filter((s) => !thenSources.has(s.id)),
      removed: then.sources.filter((s) => !nowSources.has(s.id)),
    },
  };
}

/** How many changes of each kind, and whether there are any. */
export function countChanges(c: BriefingComparison) {
  const counts = {
    figuresAdded: c.figures.added.length,
    figuresRemoved: c.figures.removed.length,
    figuresChanged: c.figures.changed.length,
    estimates: c.estimates.reduce((n, e) => n + e.added.length, 0),
    actorsAdded: c.actors.added.length,
    actorsRemoved: c.actors.removed.length,
    actorsChanged: c.actors.changed.length,
    statements: c.statements.length,
    eventsAdded: c.events.added.length,
    eventsRemoved: c.events.removed.length,
    eventsChanged: c.events.changed.length,
    sourcesAdded: c.sources.added.length,
    sourcesRemoved: c.sources.removed.length,
  };
  const total = Object.entries(counts).reduce((n, [k, v]) => (k === 'estimates' ? n : n + v), 0);
  return { ...counts, total };
}

/**
 * The comparison under the filters, as every view applies them: figures by country, topic, actor and search
 * (removed ones as they stood), events likewise, actors and their new statements by country, topic and search
 * (and the focused actor). A new estimate stays when one of its new figures does; its earlier ones stay beside it.
 */
export function filterComparison(
  c: BriefingComparison,
  filters: Filters,
  context: Pick<Dataset, 'actors' | 'places'>,
): BriefingComparison {
  const figureOk = (list: readonly Figure[]) =>
    new Set(selectFigures({ figures: [...list], actors: context.actors }, filters));
  const keepFigures = <T>(items: readonly T[], get: (x: T) => Figure) => {
    const ok = figureOk(items.map(get));
    return items.filter((x) => ok.has(get(x)));
  };
  const eventOk = (e: Event) => eventMatches(context, e, filters);
  const actorOk = (list: readonly Actor[]) => {
    const ok = new Set(selectActors({ actors: [...list] }, filters, NO_ACTOR_FILTERS));
    return (a: Actor) => ok.has(a) && (!filters.actor || a.id === filters.actor);
  };
  const addedActorOk = actorOk(c.actors.added);
  const removedActorOk = actorOk(c.actors.removed);
  const changedActorOk = actorOk(c.actors.changed.map((x) => x.after));
  const statementActorOk = actorOk(context.actors);
  const byId = new Map(context.actors.map((a) => [a.id, a]));

  return {
    figures: {
      added: keepFigures(c.figures.added, (f) => f),
      removed: keepFigures(c.figures.removed, (f) => f),
      changed: keepFigures(c.figures.changed, (x) => x.after),
    },
    estimates: c.estimates
      .map((e) => ({ ...e, added: keepFigures(e.added, (f) => f) }))
      .filter((e) => e.added.length > 0),
    actors: {
      added: c.actors.added.filter(addedActorOk),
      removed: c.actors.removed.filter(removedActorOk),
      changed: c.actors.changed.filter((x) => changedActorOk(x.after)),
    },
    statements: c.statements.filter((s) => {
      const actor = byId.get(s.actorId);
      return actor !== undefined && statementActorOk(actor);
    }),
    events: {
      added: c.events.added.filter(eventOk),
      removed: c.events.removed.filter(eventOk),
      changed: c.events.changed.filter((x) => eventOk(x.after)),
    },
    sources: c.sources,
  };
}

/** The two front-line dates in order, and whether they are the same. */
export function frontlineSpan(then: string, now: string): { earlier: string; later: string; same: boolean } {
  return then <= now ? { earlier: then, later: now, same: then === now } : { earlier: now, later: then, same: false };
}

/** The stories the changes come from: every story of an added or changed item, new statement or source. */
export function comparisonSourceIds(c: BriefingComparison): string[] {
  const ids = new Set<string>();
  for (const f of [...c.figures.added, ...c.figures.changed.map((x) => x.after), ...c.figures.removed]) {
    ids.add(f.sourceId);
  }
  for (const e of c.estimates) for (const f of e.earlier) ids.add(f.sourceId);
  for (const s of c.statements) ids.add(s.statement.sourceId);
  for (const e of [...c.events.added, ...c.events.changed.map((x) => x.after)])
    for (const id of e.sourceIds) ids.add(id);
  for (const s of c.sources.added) ids.add(s.id);
  return [...ids];
}
