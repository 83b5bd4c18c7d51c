/**
 * Corroboration: do independent sources agree on a measure? Pure.
 *
 * - Independence is by claimant, not by outlet: two outlets quoting one ministry are one source. Claimants
 *   are compared by their words (case, "the", an aside in brackets and punctuation aside).
 * - Two estimates are compared only when they are of the same measure, at about the same time (their dates,
 *   see estimate-date.ts, at most `SAME_TIME_DAYS` apart) and in units that convert into each other.
 * - Each estimate stands for the interval its qualifier allows: "about 600" 540–660, "more than 600" 600 and
 *   up, "nearly 600" 540–600, a range its range. They agree when the intervals meet; else they differ, by the
 *   gap between them.
 */
import { estimateDate } from '../dataset/estimate-date';
import type { Figure, Qualifier, Source, UnitInfo } from '../dataset/schema';

/** Estimates further apart than this in time are not held against each other. */
export const SAME_TIME_DAYS = 31;
/** How far "about" and "nearly" reach either side of the number. */
export const ABOUT = 0.1;

export type Relation = 'agree' | 'differ';

export interface Comparison {
  other: Figure;
  relation: Relation;
  /** For "differ": how much the higher exceeds the lower (0.23 = 23 % more); for "agree", 0. */
  gap: number;
}

export interface Corroboration {
  /** "differ": another source contradicts it; "agree": every source compared agrees; "single": nobody to compare. */
  status: 'agree' | 'differ' | 'single';
  /** The other claimants' estimates compared with this one, agreeing first. */
  compared: Comparison[];
  /** Independent sources agreeing, this one included (1 when none agrees). */
  agreeing: number;
  /** Other claimants' estimates of the measure not compared (another time or another unit), with why. */
  notCompared: { other: Figure; why: string }[];
  /** Other outlets' figures from the same claimant: not independent. */
  sameClaimant: Figure[];
}

/** Claimants compared by their words: "The Ministry of Defence (UK)" and "Ministry of Defence" are one. */
export function claimantKey(claimant: string): string {
  return claimant
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*the\s+/, '')
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const OPEN_ABOVE: readonly Qualifier[] = ['more-than', 'above', 'at-least'];
const OPEN_BELOW: readonly Qualifier[] = ['less-than', 'below', 'at-most', 'up-to'];

/** The interval an estimate allows, in its unit: [low, high], either end possibly infinite. */
export function intervalOf(f: Pick<Figure, 'value' | 'low' | 'high' | 'qualifier'>): [number, number] {
  let lo = f.value ?? f.low ?? NaN;
  let hi = f.value ?? f.high ?? NaN;
  const q = f.qualifier;
  if (q === 'about' || q === 'nearly') lo -= Math.abs(lo) * ABOUT;
  if (q === 'about') hi += Math.abs(hi) * ABOUT;
  if (OPEN_ABOVE.includes(q)) hi = Infinity;
  if (OPEN_BELOW.includes(q)) lo = -Infinity;
  return [lo, hi];
}

/** The factor that takes `unit` to its dimension's base, or null when it does not convert to `other`. */
function factor(unit: string, other: string, units: readonly UnitInfo[]): number | null {
  if (unit === other) return 1;
  const a = units.find((u) => u.id === unit);
  const b = units.find((u) => u.id === other);
  if (!a || !b || a.dimension !== b.dimension || a.scale === undefined || b.scale === undefined) return null;
  return a.scale / b.scale;
}

/** How two estimates in one unit relate: agree when their intervals meet, else differ by the gap. */
export function relate(a: [number, number], b: [number, number]): { relation: Relation; gap: number } {
  if (a[0] <= b[1] && b[0] <= a[1]) return { relation: 'agree', gap: 0 };
  const [lower, higher] = a[1] < b[0] ? [a, b] : [b, a];
  const top = lower[1];
  const bottom = higher[0];
  const gap = top === 0 ? Infinity : (bottom - top) / Math.abs(top);
  return { relation: 'differ', gap };
}

const DAY_MS = 86_400_000;

/**
 * How one figure stands against the other claimants' estimates of its measure (`figures`: the dataset's, any
 * order; `sources` for the dates of estimates given as of their article).
 */
export function corroborate(
  figure: Figure,
  figures: readonly Figure[],
  units: readonly UnitInfo[],
  sources: readonly Pick<Source, 'id' | 'published'>[],
): Corroboration {
  const sourceOf = (f: Figure) => sources.find((s) => s.id === f.sourceId);
  const when = (f: Figure) => Date.parse(estimateDate(f, sourceOf(f)).date);
  const mine = claimantKey(figure.claimant);
  const at = when(figure);
  const compared: Comparison[] = [];
  const notCompared: { other: Figure; why: string }[] = [];
  const sameClaimant: Figure[] = [];
  for (const other of figures) {
    if (other.id === figure.id || other.measure !== figure.measure) continue;
    if (claimantKey(other.claimant) === mine) {
      if (other.sourceId !== figure.sourceId) sameClaimant.push(other);
      continue;
    }
    const days = Math.abs(when(other) - at) / DAY_MS;
    if (!(days <= SAME_TIME_DAYS)) {
      notCompared.push({ other, why: Number.isFinite(days) ? `${Math.round(days)} days apart` : 'no date to compare' });
      continue;
    }
    const k = factor(other.unit, figure.unit, units);
    if (k === null) {
      notCompared.push({ other, why: 'in a unit that does not convert' });
      continue;
    }
    const [lo, hi] = intervalOf(other);
    const { relation, gap } = relate(intervalOf(figure), [lo * k, hi * k]);
    compared.push({ other, relation, gap });
  }
  compared.sort((a, b) => (a.relation === b.relation ? a.gap - b.gap : a.relation === 'agree' ? -1 : 1));
  const agreeingClaimants = new Set(
    compared.filter((c) => c.relation === 'agree').map((c) => claimantKey(c.other.claimant)),
  );
  // A number another source contradicts is contested, whoever else agrees: "differ" comes first.
  const status = compared.some((c) => c.relation === 'differ') ? 'differ' : compared.length > 0 ? 'agree' : 'single';
  return { status, compared, agreeing: agreeingClaimants.size + 1, notCompared, sameClaimant };
}

/** Corroboration of every figure, by id: one pass per measure rather than per pair of the dataset. */
export function corroborateAll(
  figures: readonly Figure[],
  units: readonly UnitInfo[],
  sources: readonly Pick<Source, 'id' | 'published'>[],
): Map<string, Corroboration> {
  const byMeasure = new Map<string, Figure[]>();
  for (const f of figures) byMeasure.set(f.measure, [...(byMeasure.get(f.measure) ?? []), f]);
  const out = new Map<string, Corroboration>();
  for (const list of byMeasure.values()) for (const f of list) out.set(f.id, corroborate(f, list, units, sources));
  return out;
}

/** "23 %" or "2.1 times": how far apart two estimates that differ are. */
export function gapWords(gap: number): string {
  if (!Number.isFinite(gap)) return 'one is zero';
  if (gap >= 1) return `${(1 + gap).toFixed(1).replace(/\.0$/, '')} times`;
  return `${Math.max(1, Math.round(gap * 100))} %`;
}

/** The mark on a card or a chart: "2 sources agree", "Sources differ", "One source". */
export function corroborationWords(c: Corroboration): string {
  if (c.status === 'agree') return `${c.agreeing} sources agree`;
  if (c.status === 'differ') return `Sources differ${c.agreeing > 1 ? ` · ${c.agreeing} agree` : ''}`;
  return 'One source';
}

const cache = new WeakMap<readonly Figure[], Map<string, Corroboration>>();
/** Each figure's status, as last computed for a dataset holding it (for filters given a subset of figures). */
const statusByFigure = new WeakMap<Figure, Corroboration['status']>();

/** Does the figure rest on one claimant? Known once its dataset's corroboration was computed; else false. */
export function isSingleSource(figure: Figure): boolean {
  return statusByFigure.get(figure) === 'single';
}

/** Every figure's corroboration in a dataset, computed once per list of figures. */
export function corroborationsOf(dataset: {
  figures: readonly Figure[];
  units: readonly UnitInfo[];
  sources: readonly Pick<Source, 'id' | 'published'>[];
}): Map<string, Corroboration> {
  let out = cache.get(dataset.figures);
  if (!out) {
    out = corroborateAll(dataset.figures, dataset.units, dataset.sources);
    cache.set(dataset.figures, out);
    for (const f of dataset.figures) statusByFigure.set(f, out.get(f.id)!.status);
  }
  return out;
}
