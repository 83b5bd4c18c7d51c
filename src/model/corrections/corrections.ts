/**
 * The analyst's layer on top of the data: corrections, their own measures and merges of measures. Pure.
 *
 * - A correction never overwrites: it is a new version of one item (figure, actor, event, place or measure)
 *   with who made it, when, and each field's value before and after. The shipped data and the added packs stay
 *   as they came; `applyEdits` lays the corrections over them, in the order they were made.
 * - "Undo" marks a correction undone (with who and when) and it stops applying; the record stays in the history.
 * - A figure links to at most one measure of the registry (`data/measures.json` ∪ the analyst's measures). The
 *   link is the figure's `measure` field, set by a person (a correction, or "Link to measure" in review). A
 *   figure whose `measure` is in no registry (an id the extraction made up) is a measure of its own: nothing
 *   is grouped with it by guesswork.
 * - A merge sends every figure of one measure to another; undone, they go back.
 */
import { z } from '../dataset/zod';
import {
  ActorSchema,
  EventSchema,
  FigureSchema,
  Id,
  MeasureSchema,
  PlaceSchema,
  type Actor,
  type Dataset,
  type Event,
  type Figure,
  type Measure,
  type Place,
  type Qualifier,
} from '../dataset/schema';
import { formatDate, formatNumber, QUALIFIER_WORDS, unitInfo } from '../format/format';

export const EDIT_KINDS = ['figure', 'actor', 'event', 'place', 'measure'] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** The fields a correction may change. The quote, its source, the stated words and ids never change. */
export const EDITABLE_FIELDS = {
  figure: [
    'label',
    'value',
    'low',
    'high',
    'unit',
    'qualifier',
    'claimant',
    'date',
    'period',
    'countries',
    'topics',
    'measure',
  ],
  actor: ['name', 'kind', 'country', 'role', 'topics'],
  event: ['title', 'date', 'endDate', 'summary', 'topics'],
  place: ['name', 'country', 'lat', 'lon'],
  measure: ['label', 'dimension', 'countries', 'actorId', 'scope', 'definition'],
} as const satisfies Record<EditKind, readonly string[]>;

/** The words for a field in a history ("Value", "Unit"…), as the forms name them. */
export const FIELD_WORDS: Record<string, string> = {
  label: 'Label',
  value: 'Value',
  low: 'Low',
  high: 'High',
  unit: 'Unit',
  qualifier: 'Qualifier',
  claimant: 'Claimant',
  date: 'Date',
  period: 'Period',
  countries: 'Countries',
  topics: 'Topics',
  measure: 'Measure',
  name: 'Name',
  kind: 'Kind',
  country: 'Country',
  role: 'Role',
  title: 'Title',
  endDate: 'Ends',
  summary: 'Summary',
  lat: 'Latitude',
  lon: 'Longitude',
  dimension: 'Dimension',
  actorId: 'Actor',
  scope: 'Scope',
  definition: 'Definition',
};

/** Who made a change: until there are several people, "you". */
export const YOU = 'you';

const Who = z.string().check(z.minLength(1), z.maxLength(120));
const When = z.iso.datetime({ offset: true });
/** A change's id: unique, so that applying it twice (an import, a sync) applies it once. */
const ChangeId = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{6,80}$/, 'expected a change id (6–80 letters, digits, - or _)'));

/** A JSON value a field can hold (a number, words, a list of ids, null). */
const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const FieldChangeSchema = z.strictObject({
  field: z.string().check(z.minLength(1)),
  /** The value it replaced; absent when the field was not set. */
  from: z.optional(FieldValue),
  /** The new value; absent when the correction clears the field. */
  to: z.optional(FieldValue),
});

export const CorrectionSchema = z
  .strictObject({
    id: ChangeId,
    kind: z.enum(EDIT_KINDS),
    itemId: Id,
    at: When,
    by: Who,
    changes: z.array(FieldChangeSchema).check(z.minLength(1, 'a correction changes at least one field')),
    undoneAt: z.optional(When),
    undoneBy: z.optional(Who),
  })
  .check((ctx) => {
    const c = ctx.value;
    const allowed: readonly string[] = EDITABLE_FIELDS[c.kind];
    c.changes.forEach((change, i) => {
      if (!allowed.includes(change.field)) {
        ctx.issues.push({
          code: 'custom',
          input: c,
          path: ['changes', i, 'field'],
          message: `a ${c.kind}'s "${change.field}" cannot be corrected (only ${allowed.join(', ')})`,
        });
      }
    });
  });

/** A measure the analyst made, with who made it and when. */
export const CreatedMeasureSchema = z.strictObject({
  measure: MeasureSchema,
  at: When,
  by: Who,
});

/** Every figure of `from` counts as an estimate of `into` from `at` (until undone). */
export const MergeSchema = z.strictObject({
  id: ChangeId,
  from: Id,
  into: Id,
  at: When,
  by: Who,
  undoneAt: z.optional(When),
  undoneBy: z.optional(Who),
});

export const EditsSchema = z.strictObject({
  corrections: z._default(z.array(CorrectionSchema), []),
  measures: z._default(z.array(CreatedMeasureSchema), []),
  merges: z._default(z.array(MergeSchema), []),
});

export type FieldChange = z.infer<typeof FieldChangeSchema>;
export type Correction = z.infer<typeof CorrectionSchema>;
export type CreatedMeasure = z.infer<typeof CreatedMeasureSchema>;
export type Merge = z.infer<typeof MergeSchema>;
export type Edits = z.infer<typeof EditsSchema>;
export type FieldValue = z.infer<typeof FieldValue>;

export const NO_EDITS: Edits = Object.freeze({ corrections: [], measures: [], merges: [] }) as Edits;

export const isEmptyEdits = (e: Edits) =>
  e.corrections.length === 0 && e.measures.length === 0 && e.merges.length === 0;

type Item = Figure | Actor | Event | Place | Measure;
const SCHEMAS = {
  figure: FigureSchema,
  actor: ActorSchema,
  event: EventSchema,
  place: PlaceSchema,
  measure: MeasureSchema,
} as const;

const KIND_WORDS: Record<EditKind, string> = {
  figure: 'figure',
  actor: 'actor',
  event: 'event',
  place: 'place',
  measure: 'measure',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The correction that turns `before` into `after` (only the editable fields that differ), or null when
 * nothing changed.
 */
export function makeCorrection(
  kind: EditKind,
  before: Item,
  after: Item,
  meta: { id: string; at: string; by: string },
): Correction | null {
  const changes: FieldChange[] = [];
  const b = before as unknown as Record<string, FieldValue | undefined>;
  const a = after as unknown as Record<string, FieldValue | undefined>;
  for (const field of EDITABLE_FIELDS[kind]) {
    if (same(b[field], a[field])) continue;
    changes.push({
      field,
      ...(b[field] === undefined ? {} : { from: b[field] }),
      ...(a[field] === undefined ? {} : { to: a[field] }),
    });
  }
  if (changes.length === 0) return null;
  return { id: meta.id, kind, itemId: before.id, at: meta.at, by: meta.by, changes };
}

/** The item with a correction's changes laid over it. */
function applyChanges<T extends Item>(item: T, changes: readonly FieldChange[]): T {
  const next: Record<string, unknown> = { ...item };
  for (const c of changes) {
    if (c.to === undefined) delete next[c.field];
    else next[c.field] = c.to;
  }
  return next as T;
}

export const isActive = (x: { undoneAt?: string | undefined }) => x.undoneAt === undefined;

/** Oldest first by the moment (times may be written with different offsets), then as written. */
const byTime = (a: { at: string }, b: { at: string }) =>
  Date.parse(a.at) - Date.parse(b.at) || a.at.localeCompare(b.at);

/** The corrections of one item, oldest first (undone ones too: they are part of its history). */
export function historyOf(edits: Edits, kind: EditKind, itemId: string): Correction[] {
  return edits.corrections.filter((c) => c.kind === kind && c.itemId === itemId).sort(byTime);
}

/** The newest correction of an item still in force: what "Undo" undoes. */
export function lastActive(edits: Edits, kind: EditKind, itemId: string): Correction | undefined {
  return historyOf(edits, kind, itemId).filter(isActive).at(-1);
}

export function withCorrection(edits: Edits, correction: Correction): Edits {
  return { ...edits, corrections: [...edits.corrections, correction] };
}

/** Marks a correction (or a merge) undone: it stays in the record and no longer applies. */
export function undoChange(edits: Edits, id: string, meta: { at: string; by: string }): Edits {
  const undo = <T extends { id: string; undoneAt?: string }>(x: T): T =>
    x.id === id && isActive(x) ? { ...x, undoneAt: meta.at, undoneBy: meta.by } : x;
  return { ...edits, corrections: edits.corrections.map(undo), merges: edits.merges.map(undo) };
}

/** A kebab-case id for a new measure from its label, not taken by any id in `taken`. */
export function measureIdFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'measure';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function withMeasure(edits: Edits, created: CreatedMeasure): Edits {
  return { ...edits, measures: [...edits.measures, created] };
}

export function withMerge(edits: Edits, merge: Merge): Edits {
  return { ...edits, merges: [...edits.merges, merge] };
}

/**
 * Where a measure's figures go: along the merges in force. A merge that would close a cycle (its target
 * already goes into its source) is left out, so that every chain ends in a measure that stays.
 */
export function resolveMeasure(id: string, merges: readonly Merge[]): string {
  const into = new Map<string, string>();
  const end = (from: string) => {
    const seen = new Set<string>([from]);
    let at = from;
    for (;;) {
      const next = into.get(at);
      if (next === undefined || seen.has(next)) return at;
      seen.add(next);
      at = next;
    }
  };
  for (const m of [...merges].filter(isActive).sort(byTime)) {
    const before = into.get(m.from);
    into.delete(m.from);
    if (end(m.into) !== m.from) into.set(m.from, m.into);
    else if (before !== undefined) into.set(m.from, before);
  }
  return end(id);
}

/**
 * The key a figure of no registered measure is grouped under: its own id (never another figure's, nor a
 * registered measure's; `figureIds`: every figure's id).
 */
export function ownMeasureKey(
  figure: Pick<Figure, 'id'>,
  registry: ReadonlySet<string>,
  figureIds: ReadonlySet<string> = new Set(),
): string {
  if (!registry.has(figure.id)) return figure.id;
  for (let n = 1; ; n++) {
    const key = n === 1 ? `${figure.id}-own` : `${figure.id}-own-${n}`;
    if (!registry.has(key) && !figureIds.has(key)) return key;
  }
}

export interface EditsApplied {
  dataset: Dataset;
  /** Corrections that could not apply (the item is gone, or the result breaks a rule), in words. */
  problems: string[];
  /** Figure ids whose values differ from what their article states (a person corrected them). */
  corrected: ReadonlySet<string>;
}

/**
 * The dataset with the analyst's layer on top: measures made and renamed, merges followed, and every
 * correction in force applied in the order it was made. A correction whose result breaks the schema (or
 * whose item is gone) is not applied and is named in `problems`. Each figure's `measure` becomes the
 * registered measure it links to, or its own key when it links to none.
 */
export function applyEdits(dataset: Dataset, edits: Edits): EditsApplied {
  const problems: string[] = [];
  const byItem = new Map<string, Correction[]>();
  for (const c of [...edits.corrections].filter(isActive).sort(byTime)) {
    const key = `${c.kind}\u0000${c.itemId}`;
    byItem.set(key, [...(byItem.get(key) ?? []), c]);
  }
  const used = new Set<string>();
  const corrected = new Set<string>();

  const correctAll = <T extends Item>(kind: EditKind, items: readonly T[]): T[] =>
    items.map((item) => {
      const list = byItem.get(`${kind}\u0000${item.id}`);
      if (!list) return item;
      used.add(`${kind}\u0000${item.id}`);
      let current = item;
      for (const c of list) {
        const allowed: readonly string[] = EDITABLE_FIELDS[kind];
        const locked = c.changes.find((x) => !allowed.includes(x.field));
        if (locked) {
          problems.push(
            `A correction of the ${KIND_WORDS[kind]} “${item.id}” (${c.at.slice(0, 10)}) is not applied: its “${locked.field}” cannot be corrected`,
          );
          continue;
        }
        const next = applyChanges(current, c.changes);
        const checked = SCHEMAS[kind].safeParse(next);
        if (checked.success) {
          current = next;
          if (kind === 'figure' && c.changes.some((x) => ['value', 'low', 'high'].includes(x.field))) {
            corrected.add(item.id);
          }
        } else {
          const issue = checked.error.issues[0];
          problems.push(
            `A correction of the ${KIND_WORDS[kind]} “${item.id}” (${c.at.slice(0, 10)}) is not applied: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'it breaks a rule'}`,
          );
        }
      }
      return current;
    });

  const shippedMeasures = dataset.measures;
  const taken = new Set(shippedMeasures.map((m) => m.id));
  const created: Measure[] = [];
  for (const c of edits.measures) {
    if (taken.has(c.measure.id)) {
      problems.push(
        `The measure “${c.measure.label}” you made has the id of one already kept (${c.measure.id}): left out`,
      );
      continue;
    }
    taken.add(c.measure.id);
    created.push({ ...c.measure, addedAt: c.measure.addedAt ?? c.at });
  }
  const merges = edits.merges.filter((m) => isActive(m) && taken.has(m.from) && taken.has(m.into));
  const mergedAway = new Set(merges.map((m) => m.from).filter((id) => resolveMeasure(id, merges) !== id));
  const measures = correctAll('measure', [...shippedMeasures, ...created]).filter((m) => !mergedAway.has(m.id));
  const registry = new Set(measures.map((m) => m.id));

  const figureIds = new Set(dataset.figures.map((f) => f.id));
  const figures = correctAll('figure', dataset.figures).map((f) => {
    const resolved = taken.has(f.measure) ? resolveMeasure(f.measure, merges) : f.measure;
    const measure = registry.has(resolved) ? resolved : ownMeasureKey(f, registry, figureIds);
    return measure === f.measure ? f : { ...f, measure };
  });
  const actors = correctAll('actor', dataset.actors);
  const events = correctAll('event', dataset.events);
  const places = correctAll('place', dataset.places);

  for (const key of byItem.keys()) {
    if (used.has(key)) continue;
    const [kind, id] = key.split('\u0000') as [EditKind, string];
    problems.push(`Corrections of the ${KIND_WORDS[kind]} “${id}” wait for it: it is not in the dashboard now`);
  }
  // Nothing changed: the very same dataset, so that what depends on it need not recompute.
  const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  const unchanged =
    same(figures, dataset.figures) &&
    same(actors, dataset.actors) &&
    same(events, dataset.events) &&
    same(places, dataset.places) &&
    same(measures, dataset.measures);
  if (unchanged) return { dataset, problems, corrected };
  return { dataset: { ...dataset, figures, actors, events, places, measures }, problems, corrected };
}

/** The measure's figures now (after the layer), for counts in words. */
export function figuresOfMeasure(dataset: Pick<Dataset, 'figures'>, measureId: string): Figure[] {
  return dataset.figures.filter((f) => f.measure === measureId);
}

const nameOf = (list: readonly { id: string; name?: string; label?: string }[], id: string) => {
  const item = list.find((x) => x.id === id);
  return item?.name ?? item?.label ?? id;
};

/** A field's value in words, for a history: "artillery systems", "Ukraine, Russia", "12 Feb 2025", "—". */
export function fieldValueWords(
  dataset: Pick<Dataset, 'countries' | 'topics' | 'measures' | 'actors'>,
  field: string,
  value: FieldValue | undefined,
): string {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return '—';
  if (Array.isArray(value)) {
    if (field === 'countries') return value.map((id) => nameOf(dataset.countries, id)).join(', ');
    if (field === 'topics') return value.map((id) => nameOf(dataset.topics, id)).join(', ');
    return value.join(', ');
  }
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value !== 'string') return String(value);
  switch (field) {
    case 'unit':
      return unitInfo(value).axis ?? (unitInfo(value).label || value);
    case 'qualifier':
      return QUALIFIER_WORDS[value as Qualifier] ?? value;
    case 'country':
      return nameOf(dataset.countries, value);
    case 'measure':
      return dataset.measures.find((m) => m.id === value)?.label ?? 'its own measure (linked to none)';
    case 'actorId':
      return nameOf(dataset.actors, value);
    case 'date':
    case 'endDate':
      return formatDate(value);
    default:
      return value;
  }
}
