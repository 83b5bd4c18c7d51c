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
  const byId = new Map(sources.map((s) => [s.id, s]));
  const when = (f: Figure) => Date.parse(estimateDate(f, byId.get(f.sourceId)).date);
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

/**
 * A figure's corroboration whose lists are worked out when first read (a figure's detail opens them): its status and
 * count known at once. A class, so that a team's 100,000 of them hold six fields each and share their getters.
 */
class ListedLater implements Corroboration {
  private full: Corroboration | undefined;
  constructor(
    readonly status: Corroboration['status'],
    readonly agreeing: number,
    private readonly figure: Figure,
    private readonly list: readonly Figure[],
    private readonly units: readonly UnitInfo[],
    private readonly sources: readonly Pick<Source, 'id' | 'published'>[],
  ) {}
  private detail(): Corroboration {
    return (this.full ??= corroborate(this.figure, this.list, this.units, this.sources));
  }
  get compared() {
    return this.detail().compared;
  }
  get notCompared() {
    return this.detail().notCompared;
  }
  get sameClaimant() {
    return this.detail().sameClaimant;
  }
}

/**
 * Corroboration of every figure, by id: one pass per measure rather than per pair of the dataset. A measure with
 * thousands of estimates (a team's two years) is walked in date order, each figure against the estimates within
 * SAME_TIME_DAYS only, for its status and agreeing claimants; the lists (what it was compared with, what not and
 * why, the same claimant's other reports) are worked out when first read (a figure's detail), as `corroborate`
 * gives them — kept for every figure they would grow with the square of the estimates.
 */
export function corroborateAll(
  figures: readonly Figure[],
  units: readonly UnitInfo[],
  sources: readonly Pick<Source, 'id' | 'published'>[],
): Map<string, Corroboration> {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const byMeasure = new Map<string, Figure[]>();
  for (const f of figures) {
    const list = byMeasure.get(f.measure);
    if (list) list.push(f);
    else byMeasure.set(f.measure, [f]);
  }
  const window = SAME_TIME_DAYS * DAY_MS;
  const out = new Map<string, Corroboration>();
  for (const list of byMeasure.values()) {
    // Claimants numbered within the measure, so that counting the agreeing ones is a mark in an array.
    const claimantIds = new Map<string, number>();
    const facts = list.map((f) => {
      const key = claimantKey(f.claimant);
      if (!claimantIds.has(key)) claimantIds.set(key, claimantIds.size);
      return {
        f,
        at: Date.parse(estimateDate(f, byId.get(f.sourceId)).date),
        claimant: claimantIds.get(key)!,
        interval: intervalOf(f),
      };
    });
    // Estimates alike in all that counts (date, claimant, unit, interval) stand the same: each such kind is
    // worked out once (a team's reports of one number can run into thousands).
    const kinds = new Map<string, (typeof facts)[number] & { figures: Figure[] }>();
    for (const x of facts) {
      if (!Number.isFinite(x.at)) continue;
      const sig = `${x.at}|${x.claimant}|${x.f.unit}|${x.interval[0]}|${x.interval[1]}`;
      const kind = kinds.get(sig);
      if (kind) kind.figures.push(x.f);
      else kinds.set(sig, { ...x, figures: [x.f] });
    }
    const dated = [...kinds.values()].sort((a, b) => a.at - b.at);
    const summary = new Map<Figure, { status: Corroboration['status']; agreeing: number }>();
    const seen = new Int32Array(claimantIds.size).fill(-1);
    const others = claimantIds.size - 1;
    let from = 0;
    dated.forEach((me, stamp) => {
      while (dated[from]!.at < me.at - window) from++;
      let differ = false;
      let compared = false;
      let agreeing = 0;
      for (let j = from; j < dated.length && dated[j]!.at <= me.at + window; j++) {
        const other = dated[j]!;
        if (other.claimant === me.claimant) continue;
        const k = other.f.unit === me.f.unit ? 1 : factor(other.f.unit, me.f.unit, units);
        if (k === null) continue;
        compared = true;
        // relate(), without its objects: the intervals meet (agree) or not (differ).
        if (me.interval[0] <= other.interval[1] * k && other.interval[0] * k <= me.interval[1]) {
          if (seen[other.claimant] !== stamp) {
            seen[other.claimant] = stamp;
            agreeing++;
          }
        } else differ = true;
        // Nothing more can change: it differs, and every other claimant agrees too.
        if (differ && agreeing === others) break;
      }
      const result = { status: differ ? 'differ' : compared ? 'agree' : 'single', agreeing: agreeing + 1 } as const;
      for (const f of me.figures) summary.set(f, result);
    });
    for (const f of list) {
      const { status, agreeing } = summary.get(f) ?? { status: 'single' as const, agreeing: 1 };
      out.set(f.id, new ListedLater(status, agreeing, f, list, units, sources));
    }
  }
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
