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
 */
import diff from 'microdiff';
import type { BriefingData } from './briefing';
import { eventMatches } from '../dataset/event-selectors';
import { formatFigureValue, sourceByline, unitInfo } from '../format/format';
import { selectFigures, type Filters } from '../dataset/selectors';
import { NO_ACTOR_FILTERS, selectActors } from '../dataset/actor-selectors';
import type { Actor, Dataset, Event, Figure, Measure, Source, Statement } from '../dataset/schema';

/** Fields that say where an item stands in review, not what it says: never a change. */
const PROVENANCE = new Set(['status', 'addedAt']);

export interface FieldChange {
  /** The item's top-level field, e.g. "value", "quote", "countries". */
  field: string;
  before: unknown;
  after: unknown;
}

export interface Changed<T> {
  before: T;
  after: T;
  fields: FieldChange[];
}

export interface ItemChanges<T> {
  added: T[];
  removed: T[];
  changed: Changed<T>[];
}

/** New estimates of one measure the briefing already tracked, beside the estimates it held. */
export interface NewEstimate {
  measure: string;
  /** The unit of the first new estimate. */
  unit: string;
  /** The estimates in the briefing (then), in data order. */
  earlier: Figure[];
  /** The estimates added since (now). */
  added: Figure[];
}

export interface NewStatement {
  actorId: string;
  actorName: string;
  /** Is the actor new as well? */
  newActor: boolean;
  statement: Statement;
}

export interface BriefingComparison {
  figures: ItemChanges<Figure>;
  estimates: NewEstimate[];
  actors: ItemChanges<Actor>;
  statements: NewStatement[];
  /** Added events are in date order. */
  events: ItemChanges<Event>;
  sources: { added: Source[]; removed: Source[] };
}

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

// ---- Export: one row per change ----

export const CHANGE_COLUMNS = [
  'change',
  'kind',
  'id',
  'label',
  'field',
  'before',
  'after',
  'claimant_before',
  'claimant_after',
  'quote_before',
  'quote_after',
  'source_before',
  'source_after',
] as const;

export type ChangeRow = Record<(typeof CHANGE_COLUMNS)[number], string>;

/** The front line between the briefing's date and now, as the view computed it (null while it is not known). */
export interface FrontlineChange {
  earlier: string;
  later: string;
  takenKm2: number;
  retakenKm2: number;
  attribution: string;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Every change as rows: figures (added, removed, one row per changed field), new estimates (the earlier
 * estimates before, the new one after), actors, statements, events, sources, the front line.
 */
export function changeRows(
  c: BriefingComparison,
  sources: readonly Source[],
  frontline: FrontlineChange | null = null,
  measures: readonly Pick<Measure, 'id' | 'label'>[] = [],
): ChangeRow[] {
  const measureName = (id: string) => measures.find((m) => m.id === id)?.label ?? id;
  const byId = new Map(sources.map((s) => [s.id, s]));
  const cite = (id: string | undefined) => {
    const s = id === undefined ? undefined : byId.get(id);
    return s ? `${sourceByline(s)}, “${s.title}”, ${s.published}` : (id ?? '');
  };
  const blank: ChangeRow = Object.fromEntries(CHANGE_COLUMNS.map((k) => [k, ''])) as ChangeRow;
  const row = (r: Partial<ChangeRow>): ChangeRow => ({ ...blank, ...r });
  const value = (f: Figure) => `${formatFigureValue(f)}${f.derived ? ' (derived)' : ''}`;
  const rows: ChangeRow[] = [];

  for (const e of c.estimates) {
    for (const f of e.added) {
      rows.push(
        row({
          change: 'new estimate',
          kind: 'figure',
          id: f.id,
          label: f.label,
          field: `measure ${measureName(e.measure)}`,
          before: e.earlier.map(value).join('; '),
          after: value(f),
          claimant_before: e.earlier.map((x) => x.claimant).join('; '),
          claimant_after: f.claimant,
          quote_before: e.earlier.map((x) => x.quote).join(' | '),
          quote_after: f.quote,
          source_before: e.earlier.map((x) => cite(x.sourceId)).join(' | '),
          source_after: cite(f.sourceId),
        }),
      );
    }
  }
  for (const f of c.figures.added) {
    rows.push(
      row({
        change: 'added',
        kind: 'figure',
        id: f.id,
        label: f.label,
        after: value(f),
        claimant_after: f.claimant,
        quote_after: f.quote,
        source_after: cite(f.sourceId),
      }),
    );
  }
  for (const f of c.figures.removed) {
    rows.push(
      row({
        change: 'removed',
        kind: 'figure',
        id: f.id,
        label: f.label,
        before: value(f),
        claimant_before: f.claimant,
        quote_before: f.quote,
        source_before: cite(f.sourceId),
      }),
    );
  }
  for (const x of c.figures.changed) {
    for (const field of x.fields) {
      rows.push(
        row({
          change: 'changed',
          kind: 'figure',
          id: x.after.id,
          label: x.after.label,
          field: field.field,
          before: cell(field.before),
          after: cell(field.after),
          claimant_before: x.before.claimant,
          claimant_after: x.after.claimant,
          quote_before: x.before.quote,
          quote_after: x.after.quote,
          source_before: cite(x.before.sourceId),
          source_after: cite(x.after.sourceId),
        }),
      );
    }
  }
  for (const a of c.actors.added) {
    rows.push(row({ change: 'added', kind: 'actor', id: a.id, label: a.name, after: a.role }));
  }
  for (const a of c.actors.removed) {
    rows.push(row({ change: 'removed', kind: 'actor', id: a.id, label: a.name, before: a.role }));
  }
  for (const x of c.actors.changed) {
    for (const field of x.fields) {
      rows.push(
        row({
          change: 'changed',
          kind: 'actor',
          id: x.after.id,
          label: x.after.name,
          field: field.field,
          before: cell(field.before),
          after: cell(field.after),
        }),
      );
    }
  }
  for (const s of c.statements) {
    rows.push(
      row({
        change: 'added',
        kind: 'statement',
        id: s.actorId,
        label: s.actorName,
        claimant_after: s.actorName,
        quote_after: s.statement.quote,
        source_after: cite(s.statement.sourceId),
      }),
    );
  }
  const eventSources = (e: Event) => e.sourceIds.map(cite).join(' | ');
  for (const e of c.events.added) {
    rows.push(
      row({
        change: 'added',
        kind: 'event',
        id: e.id,
        label: e.title,
        after: e.date,
        source_after: eventSources(e),
      }),
    );
  }
  for (const e of c.events.removed) {
    rows.push(row({ change: 'removed', kind: 'event', id: e.id, label: e.title, before: e.date }));
  }
  for (const x of c.events.changed) {
    for (const field of x.fields) {
      rows.push(
        row({
          change: 'changed',
          kind: 'event',
          id: x.after.id,
          label: x.after.title,
          field: field.field,
          before: cell(field.before),
          after: cell(field.after),
          source_before: eventSources(x.before),
          source_after: eventSources(x.after),
        }),
      );
    }
  }
  for (const s of c.sources.added) {
    rows.push(
      row({ change: 'added', kind: 'source', id: s.id, label: s.title, after: s.published, source_after: cite(s.id) }),
    );
  }
  for (const s of c.sources.removed) {
    rows.push(row({ change: 'removed', kind: 'source', id: s.id, label: s.title, before: s.published }));
  }
  if (frontline) {
    const label = `Front line ${frontline.earlier} → ${frontline.later}`;
    const common = { change: 'changed', kind: 'front line', id: `${frontline.earlier}..${frontline.later}`, label };
    rows.push(
      row({
        ...common,
        field: 'taken km²',
        before: frontline.earlier,
        after: String(Math.round(frontline.takenKm2)),
        source_after: frontline.attribution,
      }),
      row({
        ...common,
        field: 'retaken km²',
        before: frontline.earlier,
        after: String(Math.round(frontline.retakenKm2)),
        source_after: frontline.attribution,
      }),
    );
  }
  return rows;
}

function csvCell(text: string): string {
  // A cell starting with = + - @ could run as a formula in a spreadsheet: prefix it with a quote mark.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function changesToCsv(rows: readonly ChangeRow[]): string {
  const lines = [CHANGE_COLUMNS.join(','), ...rows.map((r) => CHANGE_COLUMNS.map((k) => csvCell(r[k])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
