/**
 * What changed between a saved briefing and the dashboard as it stands (or another briefing): figures added,
 * removed and changed field by field; new estimates of a measure already tracked, beside the old ones; new actors
 * and statements; new events by date; sources added. Pure, no React, no storage; fast enough for 10,000 figures a
 * side (see scripts/bench-since.ts). Field-level differences come from microdiff, not a hand-written deep compare.
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
 * The top-level fields in which two versions of an item differ (statements of actors are compared apart), or null
 * when they say the same. microdiff walks both versions once and, for the many items that did not change, finds
 * nothing and allocates next to nothing: no JSON text of every item, no Set, no field list.
 */
function changedFields<T extends object>(before: T, after: T, skip: ReadonlySet<string>): FieldChange[] | null {
  const diffs = diff(before as Record<string, unknown>, after as Record<string, unknown>, { cyclesFix: false });
  if (diffs.length === 0) return null;
  const fields = new Set<string>();
  for (const d of diffs) {
    const field = String(d.path[0]);
    if (!skip.has(field)) fields.add(field);
  }
  // A key set to undefined on one side and absent on the other (a copy through JSON drops it) is no change.
  const changes = [...fields]
    .map((field) => ({
      field,
      before: (before as Record<string, unknown>)[field],
      after: (after as Record<string, unknown>)[field],
    }))
    .filter((f) => f.before !== undefined || f.after !== undefined);
  if (changes.length === 0) return null;
  // Nor is anything else that a copy through JSON (a save to IndexedDB, an export) would not keep, such as an
  // undefined key deeper down: the same JSON text is the same item. Checked only for the few microdiff flagged.
  return JSON.stringify(before) === JSON.stringify(after) ? null : changes;
}

function compareItems<T extends { id: string }>(
  then: readonly T[],
  now: readonly T[],
  skip: ReadonlySet<string> = PROVENANCE,
): ItemChanges<T> {
  const earlier = new Map<string, T>();
  for (const x of then) earlier.set(x.id, x);
  const later = new Set<string>();
  for (const x of now) later.add(x.id);
  const added: T[] = [];
  const changed: Changed<T>[] = [];
  for (const after of now) {
    const before = earlier.get(after.id);
    if (before === undefined) added.push(after);
    else if (before !== after) {
      const fields = changedFields(before, after, skip);
      if (fields) changed.push({ before, after, fields });
    }
  }
  const removed = then.filter((x) => !later.has(x.id));
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
