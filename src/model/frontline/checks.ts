/**
 * Claims checked against the front-line geometry. A check is data (data/checks.json: which figure, which
 * computation, which tolerance and why); this module computes the map's value and compares it with the
 * figure's stated value. It never adjusts the claim. Pure, no React.
 */
import { z } from '../dataset/zod';
import {
  FRONTLINE_ATTRIBUTION,
  dailyEntry,
  km2ToSqMi,
  monthlyGain,
  type DailyEntry,
  type MonthlyGains,
} from './frontline';
import { formatDate } from '../format/format';
import { MONTH_NAMES } from '../format/calendar';
import type { Figure, Qualifier } from '../dataset/schema';

const id = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id'));
const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'));

const ToleranceSchema = z
  .strictObject({
    unit: z.enum(['square-miles', 'percentage-points']),
    /** |computed − claim| at most this: 'agrees'. */
    agrees: z.number().check(z.nonnegative()),
    /** At most this: 'close'; beyond: 'disagrees'. */
    close: z.number().check(z.nonnegative()),
    /** Why these bounds, in plain words (shown with the check). */
    why: z.string().check(z.minLength(20)),
  })
  .check(z.refine((t) => t.close >= t.agrees, { message: '"close" must be at least "agrees"', path: ['close'] }));

const MonthlyGainDifferenceSchema = z
  .strictObject({
    id,
    figureId: id,
    kind: z.literal('monthly-gain-difference'),
    /** later month's net gain minus the earlier month's, as "N fewer/more in <later> than in <earlier>" claims. */
    earlierMonth: month,
    laterMonth: month,
    unit: z.literal('square-miles'),
    tolerance: ToleranceSchema,
    note: z.string().check(z.minLength(1)),
  })
  .check(
    z.refine((c) => c.earlierMonth < c.laterMonth, { message: 'earlierMonth must come first', path: ['laterMonth'] }),
  );

const OccupiedShareSchema = z.strictObject({
  id,
  figureId: id,
  kind: z.literal('occupied-share'),
  situation: z.iso.date(),
  situationWhy: z.string().check(z.minLength(1)),
  /** Ukraine's area, with its source: the shipped base map measured like the occupied area, or a cited figure. */
  ukraineArea: z
    .strictObject({
      km2: z.number().check(z.positive()),
      basis: z.enum(['base-map', 'cited']),
      file: z.optional(z.string()),
      source: z.string().check(z.minLength(20)),
    })
    .check(
      z.refine((a) => a.basis !== 'base-map' || a.file, { message: 'a base-map area names its file', path: ['file'] }),
    ),
  tolerance: ToleranceSchema,
  note: z.string().check(z.minLength(1)),
});

export const CheckSchema = z.discriminatedUnion('kind', [MonthlyGainDifferenceSchema, OccupiedShareSchema]);
export type Check = z.infer<typeof CheckSchema>;
export type CheckKind = Check['kind'];

export const ChecksFileSchema = z
  .strictObject({
    format: z.literal('geobrief-checks'),
    version: z.literal(1),
    description: z.string(),
    checks: z.array(CheckSchema),
  })
  .check(
    z.superRefine((file, ctx) => {
      const seen = new Set<string>();
      file.checks.forEach((c, i) => {
        if (seen.has(c.id))
          ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate id ${c.id}` });
        seen.add(c.id);
      });
    }),
  );
export type ChecksFile = z.infer<typeof ChecksFileSchema>;

/** Validates checks.json and that every check's figure exists, naming the path of any problem. */
export function parseChecks(raw: unknown, figures: readonly Pick<Figure, 'id'>[]): Check[] {
  const result = ChecksFileSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`checks.json: ${issues.join('; ')}`);
  }
  const ids = new Set(figures.map((f) => f.id));
  result.data.checks.forEach((c, i) => {
    if (!ids.has(c.figureId)) throw new Error(`checks.json: checks.${i}.figureId: unknown figure "${c.figureId}"`);
  });
  return result.data.checks;
}

export function checksForFigure(checks: readonly Check[], figureId: string): Check[] {
  return checks.filter((c) => c.figureId === figureId);
}

// ---------------------------------------------------------------------------------------------------------------

export type Agreement = 'agrees' | 'close' | 'disagrees';
export type ResultUnit = 'square-miles' | 'km2' | 'percent' | 'percentage-points';

export interface Quantity {
  value: number;
  unit: ResultUnit;
}

/** One value the map gives, with the dates it comes from. */
export interface ComputedValue extends Quantity {
  id: string;
  label: string;
  /** Situation dates (evening, UTC) the value spans or is taken at. */
  from?: string;
  to?: string;
  date?: string;
  /** The same value in km² where the value is an area. */
  km2?: number;
}

export interface CheckResult {
  checkId: string;
  figureId: string;
  kind: CheckKind;
  /** The figure exactly as stated: never adjusted. */
  claim: {
    value?: number;
    low?: number;
    high?: number;
    unit: string;
    qualifier: Qualifier;
    stated: string;
    claimant: string;
  };
  /** The map's value in the claim's terms (e.g. January minus December, sq mi). */
  computed: Quantity;
  /** Every value used, with dates. */
  values: ComputedValue[];
  /** computed − claim (0 when a stated range holds the computed value). */
  difference: Quantity;
  agree: Agreement;
  tolerance: { agrees: number; close: number; unit: string; why: string };
  /** One plain-language paragraph. */
  sentence: string;
  /** What the reader must know about the data (boundary days, stale fetches, what the area includes). */
  caveats: string[];
  attribution: string;
}

export interface CheckData {
  figures: readonly Figure[];
  daily: readonly DailyEntry[];
  gains: MonthlyGains;
}

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The distance from the claim: 0 inside a stated range, else computed − nearest stated value. */
function distance(computed: number, figure: Pick<Figure, 'value' | 'low' | 'high'>): number {
  if (figure.value !== undefined) return computed - figure.value;
  if (figure.low !== undefined && computed < figure.low) return computed - figure.low;
  if (figure.high !== undefined && computed > figure.high) return computed - figure.high;
  return 0;
}

export function agreement(diff: number, tolerance: { agrees: number; close: number }): Agreement {
  // A value exactly on a bound counts as inside it (1e-9 absorbs floating-point noise).
  const d = Math.abs(diff) - 1e-9;
  if (d <= tolerance.agrees) return 'agrees';
  if (d <= tolerance.close) return 'close';
  return 'disagrees';
}

const monthName = (m: string) => MONTH_NAMES[Number(m.slice(5, 7)) - 1] ?? m;
const lastDayOf = (m: string) => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, mm, 0)).toISOString().slice(0, 10);
};

function claimOf(figure: Figure): CheckResult['claim'] {
  return {
    ...(figure.value !== undefined ? { value: figure.value } : {}),
    ...(figure.low !== undefined ? { low: figure.low } : {}),
    ...(figure.high !== undefined ? { high: figure.high } : {}),
    unit: figure.unit,
    qualifier: figure.qualifier,
    stated: figure.stated,
    claimant: figure.claimant,
  };
}

const VERDICT_WORDS: Record<Agreement, string> = {
  agrees: 'they agree',
  close: 'they are close',
  disagrees: 'they disagree',
};

function evaluateMonthlyGainDifference(
  check: Extract<Check, { kind: 'monthly-gain-difference' }>,
  figure: Figure,
  data: CheckData,
): CheckResult {
  const earlier = monthlyGain(data.gains, check.earlierMonth);
  const later = monthlyGain(data.gains, check.laterMonth);
  if (!earlier || !later) {
    throw new Error(`check ${check.id}: no monthly gain for ${earlier ? check.laterMonth : check.earlierMonth}`);
  }
  const earlierMi = km2ToSqMi(earlier.gainKm2);
  const laterMi = km2ToSqMi(later.gainKm2);
  const diffKm2 = later.gainKm2 - earlier.gainKm2;
  const computedMi = laterMi - earlierMi;
  const difference = distance(computedMi, figure);
  const agree = agreement(difference, check.tolerance);
  const values: ComputedValue[] = [
    {
      id: check.earlierMonth,
      label: `Net gain, ${monthName(check.earlierMonth)}`,
      value: round(earlierMi, 1),
      unit: 'square-miles',
      km2: earlier.gainKm2,
      from: earlier.fromSituation,
      to: earlier.toSituation,
    },
    {
      id: check.laterMonth,
      label: `Net gain, ${monthName(check.laterMonth)}`,
      value: round(laterMi, 1),
      unit: 'square-miles',
      km2: later.gainKm2,
      from: later.fromSituation,
      to: later.toSituation,
    },
    {
      id: 'difference',
      label: `${monthName(check.laterMonth)} minus ${monthName(check.earlierMonth)}`,
      value: round(computedMi, 1),
      unit: 'square-miles',
      km2: round(diffKm2, 1),
    },
  ];

  // The second archive's exact month-end updates, when it covers both months: the boundary's uncertainty.
  const rawEarlier = data.gains.rawArchive.find((r) => r.month === check.earlierMonth);
  const rawLater = data.gains.rawArchive.find((r) => r.month === check.laterMonth);
  const caveats: string[] = [];
  const span = (g: typeof earlier) => {
    const from =
      g.fromSituation.slice(0, 4) === g.toSituation.slice(0, 4)
        ? formatDate(g.fromSituation).slice(0, -5)
        : formatDate(g.fromSituation);
    const end =
      g.toSituation === lastDayOf(g.month) ? '' : `; no file for ${formatDate(lastDayOf(g.month)).slice(0, -5)}`;
    return `${from} to ${formatDate(g.toSituation)}${end}`;
  };
  for (const g of [earlier, later]) {
    for (const flag of g.flags) caveats.push(`${monthName(g.month)} ${g.month.slice(0, 4)}: ${flag}.`);
  }
  if (rawEarlier && rawLater) {
    const rawDiff = km2ToSqMi(rawLater.gainKm2 - rawEarlier.gainKm2);
    values.push({
      id: 'difference-exact-month-ends',
      label: `${monthName(check.laterMonth)} minus ${monthName(check.earlierMonth)}, exact month-end updates (second archive)`,
      value: round(rawDiff, 1),
      unit: 'square-miles',
      km2: round(rawLater.gainKm2 - rawEarlier.gainKm2, 1),
      from: rawEarlier.fromUpdateUtc.slice(0, 10),
      to: rawLater.toUpdateUtc.slice(0, 10),
    });
    if (Math.abs(rawDiff - computedMi) >= 0.5) {
      caveats.push(
        `With DeepState's exact month-end updates (a second archive, DanielRose2310/deepstatemaps-history), ` +
          `the difference is ${whole.format(Math.abs(rawDiff))} sq mi ${rawDiff < 0 ? 'fewer' : 'more'}.`,
      );
    }
  }
  const fewer = (n: number) => `${whole.format(Math.abs(n))} sq mi ${n < 0 ? 'fewer' : 'more'}`;
  const sameDirection = figure.value === undefined || Math.sign(figure.value) === Math.sign(computedMi);
  const later_ = monthName(check.laterMonth);
  const earlier_ = monthName(check.earlierMonth);
  const sentence =
    `DeepState's own maps give a net gain of ${whole.format(earlierMi)} sq mi (${whole.format(earlier.gainKm2)} km²) ` +
    `in ${earlier_} (${span(earlier)}) and ${whole.format(laterMi)} sq mi ` +
    `(${whole.format(later.gainKm2)} km²) in ${later_} (${span(later)}): ` +
    `${fewer(computedMi)}, against “${figure.stated}” from the ${figure.claimant}. ` +
    (agree === 'agrees'
      ? `They agree within ${check.tolerance.agrees} sq mi. `
      : `The map's difference is ${whole.format(Math.abs(difference))} sq mi ` +
        `${Math.abs(computedMi) < Math.abs(figure.value ?? 0) ? 'smaller' : 'larger'}: ${VERDICT_WORDS[agree]}` +
        `${sameDirection ? `, though both have ${later_} ${computedMi < 0 ? 'below' : 'above'} ${earlier_}` : ''}. `) +
    `These are net changes of occupied area, not assessments by the ${figure.claimant}.`;
  return {
    checkId: check.id,
    figureId: figure.id,
    kind: check.kind,
    claim: claimOf(figure),
    computed: { value: round(computedMi, 1), unit: 'square-miles' },
    values,
    difference: { value: round(difference, 1), unit: 'square-miles' },
    agree,
    tolerance: check.tolerance,
    sentence,
    caveats: [check.note, ...caveats],
    attribution: `${FRONTLINE_ATTRIBUTION}, situations ${formatDate(earlier.fromSituation)} to ${formatDate(later.toSituation)}`,
  };
}

function evaluateOccupiedShare(
  check: Extract<Check, { kind: 'occupied-share' }>,
  figure: Figure,
  data: CheckData,
): CheckResult {
  const day = dailyEntry(data.daily, check.situation);
  if (!day || day.areaKm2 === null) throw new Error(`check ${check.id}: no occupied area for ${check.situation}`);
  const sharePct = (day.areaKm2 / check.ukraineArea.km2) * 100;
  const difference = distance(sharePct, figure);
  const agree = agreement(difference, check.tolerance);
  const stated = figure.value ?? figure.low ?? 0;
  const values: ComputedValue[] = [
    {
      id: 'occupied-area',
      label: 'Occupied area',
      value: round(km2ToSqMi(day.areaKm2), 1),
      unit: 'square-miles',
      km2: day.areaKm2,
      date: check.situation,
    },
    {
      id: 'ukraine-area',
      label: 'Area of Ukraine',
      value: check.ukraineArea.km2,
      unit: 'km2',
      km2: check.ukraineArea.km2,
    },
    {
      id: 'share',
      label: 'Share of Ukraine occupied',
      value: round(sharePct, 2),
      unit: 'percent',
      date: check.situation,
    },
  ];
  const caveats = [check.note, `Ukraine's area: ${check.ukraineArea.source}`];
  if (day.staleFetch)
    caveats.push(`The ${formatDate(check.situation)} file is a stale fetch (one DeepState update behind).`);
  const side =
    difference === 0
      ? 'within the stated range'
      : `${oneDecimal.format(Math.abs(difference))} percentage points ${difference < 0 ? 'lower' : 'higher'}`;
  const sentence =
    `DeepState's map of ${formatDate(check.situation)} shows ${whole.format(day.areaKm2)} km² ` +
    `(${whole.format(km2ToSqMi(day.areaKm2))} sq mi) occupied: ${oneDecimal.format(sharePct)} % of Ukraine's ` +
    `${whole.format(check.ukraineArea.km2)} km² (${check.ukraineArea.basis === 'base-map' ? 'the shipped base map, measured the same way' : 'a cited figure'}), ` +
    `against “${figure.stated}” (${whole.format(stated)} %) from ${figure.claimant}: ${side}, so ${VERDICT_WORDS[agree]}. ` +
    `The occupied area includes Crimea and the areas held before 2022.`;
  return {
    checkId: check.id,
    figureId: figure.id,
    kind: check.kind,
    claim: claimOf(figure),
    computed: { value: round(sharePct, 2), unit: 'percent' },
    values,
    difference: { value: round(difference, 2), unit: 'percentage-points' },
    agree,
    tolerance: check.tolerance,
    sentence,
    caveats,
    attribution: `${FRONTLINE_ATTRIBUTION}, situation ${formatDate(check.situation)}`,
  };
}

/** The unit a figure must be stated in for each kind of check (the claim is compared as stated, never converted). */
const CLAIM_UNIT: Record<CheckKind, string> = {
  'monthly-gain-difference': 'square-miles',
  'occupied-share': 'percent',
};

/** Computes the map's value for a check and compares it with the figure's stated value. */
export function evaluateCheck(check: Check, data: CheckData): CheckResult {
  const figure = data.figures.find((f) => f.id === check.figureId);
  if (!figure) throw new Error(`check ${check.id}: unknown figure "${check.figureId}"`);
  const unit = CLAIM_UNIT[check.kind];
  if (figure.unit !== unit) {
    throw new Error(`check ${check.id}: figure ${figure.id} is in ${figure.unit}, a ${check.kind} check needs ${unit}`);
  }
  switch (check.kind) {
    case 'monthly-gain-difference':
      return evaluateMonthlyGainDifference(check, figure, data);
    case 'occupied-share':
      return evaluateOccupiedShare(check, figure, data);
  }
}
