/**
 * "Since the last briefing", summed up for a briefer: which measures moved (then → now, by claimant, with the
 * change), which measures are new, how many other changes there are, and every change grouped by topic and by
 * measure. Pure; it reads a comparison (briefing-compare.ts) and the registry of measures.
 */
import type { BriefingComparison, Changed } from './briefing-comparison';
import { claimantKey } from '../measures/corroboration';
import { estimateDate } from '../dataset/estimate-date';
import type { Figure, Measure, Source, Topic, UnitInfo } from '../dataset/schema';

export interface ClaimantMove {
  claimant: string;
  /** The claimant's estimate in the briefing (the newest of theirs), or undefined for a claimant new to it. */
  then?: Figure;
  now: Figure;
  /** How far now is from then, as a share of then (0.25 = up 25 %); undefined when there is nothing to compare. */
  change?: number;
  /** Why a change is not given, when there is a then. */
  noChange?: string;
}

export interface MeasureMove {
  measure: string;
  label: string;
  moves: ClaimantMove[];
  /**
   * What the briefing held from the claimants with nothing new (the newest of each), to set the new estimates
   * against: a claimant new to the measure has no then of its own.
   */
  earlier: Figure[];
  /** The largest change of its moves, in absolute terms (0 when only new claimants came in). */
  magnitude: number;
  /** By correction (a person changed a value) rather than a new estimate. */
  corrected: boolean;
}

export interface MeasureGroup {
  measure: string;
  /** The measure's label; for a figure linked to no measure, its own label. */
  label: string;
  /** Is it a measure of the registry? */
  tracked: boolean;
  added: Figure[];
  changed: Changed<Figure>[];
  removed: Figure[];
  /** The stories its figures come from, once each. */
  sourceIds: string[];
}

export interface TopicGroup {
  topic: string;
  label: string;
  measures: MeasureGroup[];
  /** How many figures change in the group. */
  count: number;
}

export interface SinceSummary {
  /** Measures with new estimates or corrected values, the largest move first. */
  moved: MeasureMove[];
  /** Measures of the registry with figures now and none in the briefing. */
  newMeasures: { measure: string; label: string; figures: Figure[] }[];
  /** Everything else, counted. */
  rest: {
    figuresAdded: number;
    figuresChanged: number;
    figuresRemoved: number;
    events: number;
    actors: number;
    statements: number;
    sources: number;
  };
  groups: TopicGroup[];
}

const mid = (f: Pick<Figure, 'value' | 'low' | 'high'>) => f.value ?? ((f.low ?? NaN) + (f.high ?? NaN)) / 2;

/** The share by which `now` differs from `then`, in `then`'s unit; a reason instead when they do not compare. */
export function changeBetween(
  then: Figure,
  now: Figure,
  units: readonly UnitInfo[],
): { change: number } | { noChange: string } {
  let k = 1;
  if (then.unit !== now.unit) {
    const a = units.find((u) => u.id === now.unit);
    const b = units.find((u) => u.id === then.unit);
    if (!a || !b || a.dimension !== b.dimension || !a.scale || !b.scale) return { noChange: 'in another unit' };
    k = a.scale / b.scale;
  }
  const before = mid(then);
  const after = mid(now) * k;
  if (!Number.isFinite(before) || !Number.isFinite(after)) return { noChange: 'no number to compare' };
  if (before === 0) return { noChange: 'from zero' };
  return { change: (after - before) / Math.abs(before) };
}

/** "+25 %", "−3 %", "no change", "×2.4". */
export function changeWords(change: number): string {
  if (Math.abs(change) < 0.005) return 'no change';
  if (change >= 1) return `×${(1 + change).toFixed(1).replace(/\.0$/, '')}`;
  const pct = Math.round(change * 100);
  return `${change > 0 ? '+' : '−'}${Math.abs(pct === 0 ? 1 : pct)} %`;
}

/** The registry's words for a measure, or the figure's own label for one linked to none. */
export function measureLabelOf(measure: string, measures: readonly Pick<Measure, 'id' | 'label'>[], figure?: Figure) {
  return measures.find((m) => m.id === measure)?.label ?? figure?.label ?? measure;
}

/** The group of figures with no topic. */
const OTHER_TOPIC = 'other';

const VALUE_FIELDS = new Set(['value', 'low', 'high', 'unit']);

const measureSets = new WeakMap<readonly Figure[], Set<string>>();

/** The measures a list of figures has, worked out once per list (a briefing's figures do not change). */
function measuresOf(figures: readonly Figure[]): Set<string> {
  let set = measureSets.get(figures);
  if (!set) {
    set = new Set(figures.map((f) => f.measure));
    measureSets.set(figures, set);
  }
  return set;
}

/** Orders as `String.prototype.localeCompare` does (the same collator), without making one per call. */
const collator = new Intl.Collator();

/**
 * Each string's place in the collator's order, equal strings to it sharing one: comparing places orders as the
 * collator does, each distinct string collated a few times rather than at every comparison of a long sort.
 */
function collationPlaces(strings: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(strings)].sort(collator.compare);
  const places = new Map<string, number>();
  distinct.forEach((text, i) => {
    const before = distinct[i - 1];
    places.set(text, before !== undefined && collator.compare(before, text) === 0 ? places.get(before)! : i);
  });
  return places;
}

export interface SinceContext {
  /** The registry now and, for measures since merged away or renamed, as it stood in the briefing. */
  measures: readonly Measure[];
  thenMeasures?: readonly Measure[];
  thenFigures: readonly Figure[];
  units: readonly UnitInfo[];
  sources: readonly Pick<Source, 'id' | 'published'>[];
  topics: readonly Pick<Topic, 'id' | 'label'>[];
}

/** Lookups by id keep the first of each id, as a search of the list from its start would find. */
function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const x of items) if (!map.has(x.id)) map.set(x.id, x);
  return map;
}

/** Is a measure of the registry (now or in the briefing), and its words (the figure's own label if not). */
function registryOf(context: Pick<SinceContext, 'measures' | 'thenMeasures'>) {
  const registry = firstById([...context.measures, ...(context.thenMeasures ?? [])]);
  return {
    tracked: (measure: string) => registry.has(measure),
    label: (measure: string, f?: Figure) => registry.get(measure)?.label ?? f?.label ?? measure,
  };
}

const placeOf = (places: Map<string, number>, label: string) => places.get(label)!;

/** `groups: false` leaves `groups` empty (to be made with `groupChanges` where they are shown). */
export function summariseSince(
  c: BriefingComparison,
  context: SinceContext,
  options: { groups?: boolean } = {},
): SinceSummary {
  const { tracked, label } = registryOf(context);
  const sources = firstById(context.sources);
  const dates = new Map<Figure, string>();
  const when = (f: Figure) => {
    let date = dates.get(f);
    if (date === undefined) {
      date = estimateDate(f, sources.get(f.sourceId)).date;
      dates.set(f, date);
    }
    return date;
  };
  const claimantKeys = new Map<string, string>();
  const claimantOf = (f: Figure) => {
    let key = claimantKeys.get(f.claimant);
    if (key === undefined) {
      key = claimantKey(f.claimant);
      claimantKeys.set(f.claimant, key);
    }
    return key;
  };

  const newestByClaimant = (figures: readonly Figure[]) => {
    const newest = new Map<string, Figure>();
    for (const f of figures) {
      const key = claimantOf(f);
      const known = newest.get(key);
      if (!known || when(known) <= when(f)) newest.set(key, f);
    }
    return newest;
  };

  const moved: MeasureMove[] = [];
  /** The first move of each measure, where a corrected value joins. */
  const movedByMeasure = new Map<string, MeasureMove>();
  for (const e of c.estimates) {
    // The briefing's estimates of each claimant, in data order.
    const earlierBy = new Map<string, Figure[]>();
    for (const x of e.earlier) {
      const key = claimantOf(x);
      const list = earlierBy.get(key);
      if (list) list.push(x);
      else earlierBy.set(key, [x]);
    }
    const moves: ClaimantMove[] = e.added.map((now) => {
      // The claimant's newest in the briefing (the last of the newest, as a stable sort by date leaves it).
      let mine: Figure | undefined;
      for (const x of earlierBy.get(claimantOf(now)) ?? []) {
        if (!mine || collator.compare(when(x), when(mine)) >= 0) mine = x;
      }
      if (!mine) return { claimant: now.claimant, now };
      const between = changeBetween(mine, now, context.units);
      return { claimant: now.claimant, then: mine, now, ...between };
    });
    const addedClaimants = new Set(e.added.map(claimantOf));
    let magnitude = 0;
    for (const m of moves) magnitude = Math.max(magnitude, Math.abs(m.change ?? 0));
    const move: MeasureMove = {
      measure: e.measure,
      label: label(e.measure, e.added[0]),
      moves,
      earlier: [...newestByClaimant(e.earlier)].filter(([key]) => !addedClaimants.has(key)).map(([, f]) => f),
      magnitude,
      corrected: false,
    };
    moved.push(move);
    if (!movedByMeasure.has(move.measure)) movedByMeasure.set(move.measure, move);
  }
  // A value a person corrected is a move too: then → now by the same claimant.
  for (const x of c.figures.changed) {
    if (!x.fields.some((f) => VALUE_FIELDS.has(f.field))) continue;
    const between = changeBetween(x.before, x.after, context.units);
    const move: ClaimantMove = { claimant: x.after.claimant, then: x.before, now: x.after, ...between };
    const existing = movedByMeasure.get(x.after.measure);
    if (existing) {
      existing.moves.push(move);
      // The claimant's estimate in the briefing is this move's then, no longer one to set beside it.
      const key = claimantOf(x.after);
      existing.earlier = existing.earlier.filter((f) => f.id !== x.before.id && claimantOf(f) !== key);
      existing.magnitude = Math.max(existing.magnitude, Math.abs(move.change ?? 0));
    } else {
      const corrected: MeasureMove = {
        measure: x.after.measure,
        label: label(x.after.measure, x.after),
        moves: [move],
        earlier: [],
        magnitude: Math.abs(move.change ?? 0),
        corrected: true,
      };
      moved.push(corrected);
      movedByMeasure.set(corrected.measure, corrected);
    }
  }
  const movedPlaces = collationPlaces(moved.map((m) => m.label));
  moved.sort(
    (a, b) =>
      b.magnitude - a.magnitude ||
      b.moves.length - a.moves.length ||
      placeOf(movedPlaces, a.label) - placeOf(movedPlaces, b.label),
  );

  const estimateIds = new Set(c.estimates.flatMap((e) => e.added.map((f) => f.id)));
  const fresh = new Map<string, Figure[]>();
  for (const f of c.figures.added) {
    if (estimateIds.has(f.id) || !tracked(f.measure) || measuresOf(context.thenFigures).has(f.measure)) continue;
    const list = fresh.get(f.measure);
    if (list) list.push(f);
    else fresh.set(f.measure, [f]);
  }
  const newMeasures = [...fresh].map(([measure, figures]) => ({ measure, label: label(measure, figures[0]), figures }));

  const inSummary = new Set([...estimateIds, ...[...fresh.values()].flat().map((f) => f.id)]);
  const rest = {
    figuresAdded: c.figures.added.filter((f) => !inSummary.has(f.id)).length,
    figuresChanged: c.figures.changed.filter((x) => !x.fields.some((f) => VALUE_FIELDS.has(f.field))).length,
    figuresRemoved: c.figures.removed.length,
    events: c.events.added.length + c.events.changed.length + c.events.removed.length,
    actors: c.actors.added.length + c.actors.changed.length + c.actors.removed.length,
    statements: c.statements.length,
    sources: c.sources.added.length + c.sources.removed.length,
  };

  return { moved, newMeasures, rest, groups: options.groups === false ? [] : groupChanges(c, context) };
}

/**
 * Every figure change, by topic (its first) and by measure: the summary's `groups`, for "All changes". Apart, so
 * that the page can group what its worker sent (the worker sends the first screen's summary without them).
 */
export function groupChanges(
  c: Pick<BriefingComparison, 'figures'>,
  context: Pick<SinceContext, 'measures' | 'thenMeasures' | 'topics'>,
): TopicGroup[] {
  const { tracked, label } = registryOf(context);
  const topics = firstById(context.topics);
  const topicLabel = (id: string) => topics.get(id)?.label ?? (id === OTHER_TOPIC ? 'Other' : id);
  const groups = new Map<string, Map<string, MeasureGroup>>();
  const groupOf = (f: Figure): MeasureGroup => {
    const topic = f.topics[0] ?? OTHER_TOPIC;
    const byMeasure = groups.get(topic) ?? new Map<string, MeasureGroup>();
    groups.set(topic, byMeasure);
    let g = byMeasure.get(f.measure);
    if (!g) {
      g = {
        measure: f.measure,
        label: label(f.measure, f),
        tracked: tracked(f.measure),
        added: [],
        changed: [],
        removed: [],
        sourceIds: [],
      };
      byMeasure.set(f.measure, g);
    }
    if (!g.sourceIds.includes(f.sourceId)) g.sourceIds.push(f.sourceId);
    return g;
  };
  for (const f of c.figures.added) groupOf(f).added.push(f);
  for (const x of c.figures.changed) groupOf(x.after).changed.push(x);
  for (const f of c.figures.removed) groupOf(f).removed.push(f);
  const groupPlaces = collationPlaces(
    [...groups.values()].flatMap((byMeasure) => [...byMeasure.values()].map((g) => g.label)),
  );
  const topicGroups: TopicGroup[] = [...groups].map(([topic, byMeasure]) => {
    const measures = [...byMeasure.values()].sort(
      (a, b) => Number(b.tracked) - Number(a.tracked) || placeOf(groupPlaces, a.label) - placeOf(groupPlaces, b.label),
    );
    const count = measures.reduce((n, g) => n + g.added.length + g.changed.length + g.removed.length, 0);
    return { topic, label: topicLabel(topic), measures, count };
  });
  topicGroups.sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));

  return topicGroups;
}
