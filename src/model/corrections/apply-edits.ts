/**
 * The analyst's layer laid over the data (`applyEdits`): measures made and renamed, merges followed, and every
 * correction in force applied in the order it was made; a correction that cannot apply is named, not applied.
 * Pure.
 */
import {
  ActorSchema,
  EventSchema,
  FigureSchema,
  MeasureSchema,
  PlaceSchema,
  type Dataset,
  type Measure,
} from '../dataset/schema';
import {
  EDITABLE_FIELDS,
  type Correction,
  type EditableItem as Item,
  type EditKind,
  type Edits,
  type FieldChange,
} from './edits-schema';
import { byTime, isActive, measureResolver, ownMeasureKey } from './resolve-measure';

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

/** The item with a correction's changes laid over it. */
function applyChanges<T extends Item>(item: T, changes: readonly FieldChange[]): T {
  const next: Record<string, unknown> = { ...item };
  for (const c of changes) {
    if (c.to === undefined) delete next[c.field];
    else next[c.field] = c.to;
  }
  return next as T;
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
  const resolve = measureResolver(merges);
  const mergedAway = new Set(merges.map((m) => m.from).filter((id) => resolve(id) !== id));
  const measures = correctAll('measure', [...shippedMeasures, ...created]).filter((m) => !mergedAway.has(m.id));
  const registry = new Set(measures.map((m) => m.id));

  const figureIds = new Set(dataset.figures.map((f) => f.id));
  const figures = correctAll('figure', dataset.figures).map((f) => {
    const resolved = taken.has(f.measure) ? resolve(f.measure) : f.measure;
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
