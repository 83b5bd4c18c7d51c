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
 *
 * The format is in `edits-schema.ts`, the merges followed in `resolve-measure.ts`, the layer laid over the data
 * in `apply-edits.ts`; this file makes, undoes and reads the corrections, and words their fields.
 */
import type { Dataset, Figure, Qualifier } from '../dataset/schema';
import { formatDate, formatNumber, QUALIFIER_WORDS, unitInfo } from '../format/format';
import { NAME_SLUG, slugify } from '../format/ids';
import {
  EDITABLE_FIELDS,
  type Correction,
  type CreatedMeasure,
  type EditableItem as Item,
  type EditKind,
  type Edits,
  type FieldChange,
  type FieldValue,
  type Merge,
} from './edits-schema';
import { byTime, isActive } from './resolve-measure';

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
  const base = slugify(label, 50, NAME_SLUG) || 'measure';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export function withMeasure(edits: Edits, created: CreatedMeasure): Edits {
  return { ...edits, measures: [...edits.measures, created] };
}

export function withMerge(edits: Edits, merge: Merge): Edits {
  return { ...edits, merges: [...edits.merges, merge] };
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
