/**
 * The front line over time: DeepStateMap.live situations (via cyterat/deepstate-map-data, see
 * data/geo/history/SOURCES.md). Pure: zod schemas for the files in public/frontline/, look-ups, geodesic
 * areas (@turf/area) and differences between two situations (polygon-clipping). No React, no fetching.
 */
import { z } from '../dataset/zod';

/** 1 square mile = 2.589988 km² (the factor SOURCES.md and monthly_gains.json use). */
export const KM2_PER_SQ_MI = 2.589988;

export const km2ToSqMi = (km2: number): number => km2 / KM2_PER_SQ_MI;
export const sqMiToKm2 = (sqMi: number): number => sqMi * KM2_PER_SQ_MI;

/** The attribution SOURCES.md asks for on every layer and chart drawn from this data (add the situation date). */
export const FRONTLINE_ATTRIBUTION = 'Front line: DeepStateMap.live (via cyterat/deepstate-map-data)';

const isoDate = z.iso.date();
const month = z.string().check(z.regex(/^\d{4}-\d{2}$/, 'expected YYYY-MM'));

// ---------------------------------------------------------------------------------------------------------------
// The daily series (occupied_area_daily.json, as in SOURCES.md; public/frontline/daily.json drops `commit`)

const DailyEntryRawSchema = z
  .strictObject({
    situation: isoDate,
    file: z.nullable(z.string()),
    commit: z.optional(z.nullable(z.string())),
    area_km2: z.nullable(z.number().check(z.positive())),
    change_km2: z.nullable(z.number()),
    deepstate_update_utc: z.nullable(z.iso.datetime()),
    gap: z.optional(z.literal(true)),
    missing_file: z.optional(z.string()),
    change_days: z.optional(z.number().check(z.int(), z.positive())),
    suspect: z.optional(z.literal(true)),
    stale_fetch: z.optional(z.literal(true)),
    backfilled: z.optional(z.literal(true)),
    note: z.optional(z.string()),
  })
  .check(
    z.refine((e) => (e.gap === true) === (e.area_km2 === null), {
      message: 'a day has an area exactly when it is not a gap',
    }),
  );

export interface DailyEntry {
  /** The situation date (file date − 1 day). */
  situation: string;
  /** Geodesic area of the unsimplified polygon, km²; null on a gap (nothing is interpolated). */
  areaKm2: number | null;
  changeKm2: number | null;
  /** The change spans this many days (after a gap). */
  changeDays?: number;
  file: string | null;
  deepstateUpdateUtc: string | null;
  gap: boolean;
  /** The file shows the DeepState update before the newest one published at fetch time. */
  staleFetch: boolean;
  /** Committed by hand later (November 2025); time of day of its content unknown. */
  backfilled: boolean;
  /** |change| above 10 × the median |change| (kept, see SOURCES.md "Anomalies"). */
  suspect: boolean;
  note?: string;
}

export const DailySeriesSchema = z
  .pipe(
    z.array(DailyEntryRawSchema).check(z.minLength(1)),
    z.transform((entries: z.infer<typeof DailyEntryRawSchema>[]): DailyEntry[] =>
      entries.map((e) => ({
        situation: e.situation,
        areaKm2: e.area_km2,
        changeKm2: e.change_km2,
        ...(e.change_days !== undefined ? { changeDays: e.change_days } : {}),
        file: e.file,
        deepstateUpdateUtc: e.deepstate_update_utc,
        gap: e.gap === true,
        staleFetch: e.stale_fetch === true,
        backfilled: e.backfilled === true,
        suspect: e.suspect === true,
        ...(e.note !== undefined ? { note: e.note } : {}),
      })),
    ),
  )
  .check(
    z.superRefine((days, ctx) => {
      for (let i = 1; i < days.length; i++) {
        if (addDays(days[i - 1]!.situation, 1) !== days[i]!.situation) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'situation'],
            message: 'days must be consecutive, one entry a day',
          });
          return;
        }
      }
    }),
  );

// ---------------------------------------------------------------------------------------------------------------
// Monthly gains (monthly_gains.json)

const MonthlyGainRawSchema = z.strictObject({
  month,
  from_situation: isoDate,
  to_situation: isoDate,
  days: z.number().check(z.int(), z.positive()),
  from_area_km2: z.number().check(z.positive()),
  to_area_km2: z.number().check(z.positive()),
  gain_km2: z.number(),
  gain_sq_mi: z.number(),
  from_file: z.string(),
  to_file: z.string(),
  from_deepstate_update_utc: z.nullable(z.iso.datetime()),
  to_deepstate_update_utc: z.nullable(z.iso.datetime()),
  flags: z.optional(z.array(z.string())),
});

const RawArchiveGainSchema = z.strictObject({
  month,
  from_update_utc: z.iso.datetime(),
  to_update_utc: z.iso.datetime(),
  gain_km2: z.number(),
  gain_sq_mi: z.number(),
  diff_vs_main_km2: z.number(),
});

export interface MonthlyGain {
  /** YYYY-MM */
  month: string;
  fromSituation: string;
  toSituation: string;
  days: number;
  fromAreaKm2: number;
  toAreaKm2: number;
  /** Net change of the occupied area over the month, km² (positive = net Russian gain). */
  gainKm2: number;
  /** Endpoint problems in SOURCES.md's words (stale fetch, month end without a file); empty when none. */
  flags: string[];
}

export interface RawArchiveGain {
  month: string;
  fromUpdateUtc: string;
  toUpdateUtc: string;
  gainKm2: number;
}

export interface MonthlyGains {
  description: string;
  months: MonthlyGain[];
  /** The same computation from the second archive's exact month-end updates (2024-08 … 2025-07), for checks. */
  rawArchive: RawArchiveGain[];
}

const MonthlyGainsRawSchema = z.strictObject({
  description: z.string(),
  sq_mi_per_km2: z.literal('1 sq mi = 2.589988 km2'),
  area_definition: z.string(),
  months: z.array(MonthlyGainRawSchema).check(z.minLength(1)),
  december_vs_january: z.unknown(),
  cross_check_raw_archive: z.strictObject({ note: z.string(), months: z.array(RawArchiveGainSchema) }),
});

export const MonthlyGainsSchema = z.pipe(
  MonthlyGainsRawSchema,
  z.transform((g: z.infer<typeof MonthlyGainsRawSchema>): MonthlyGains => ({
    description: g.description,
    months: g.months.map((m) => ({
      month: m.month,
      fromSituation: m.from_situation,
      toSituation: m.to_situation,
      days: m.days,
      fromAreaKm2: m.from_area_km2,
      toAreaKm2: m.to_area_km2,
      gainKm2: m.gain_km2,
      flags: m.flags ?? [],
    })),
    rawArchive: g.cross_check_raw_archive.months.map((r) => ({
      month: r.month,
      fromUpdateUtc: r.from_update_utc,
      toUpdateUtc: r.to_update_utc,
      gainKm2: r.gain_km2,
    })),
  })),
);

// ---------------------------------------------------------------------------------------------------------------
// The index of situations (public/frontline/index.json, written by scripts/build-frontline.ts)

export const SITUATION_FLAGS = ['stale-fetch', 'backfilled', 'suspect', 'note'] as const;
export type SituationFlag = (typeof SITUATION_FLAGS)[number];

export const SituationSchema = z.strictObject({
  /** Situation date (the evening of that day, see SOURCES.md "Situation date convention"). */
  date: isoDate,
  /** Path of the GeoJSON, relative to index.json. */
  file: z.string().check(z.regex(/^situations\/\d{4}-\d{2}-\d{2}\.geojson$/)),
  bytes: z.number().check(z.int(), z.positive()),
  /** Geodesic area of the unsimplified polygon (from the daily series), km². */
  areaKm2: z.number().check(z.positive()),
  /** Geodesic area of the simplified polygon that is drawn, km² (measured at build time). */
  drawnAreaKm2: z.number().check(z.positive()),
  /** The cyterat file and commit the situation comes from. */
  sourceFile: z.string(),
  commit: z.string().check(z.regex(/^[0-9a-f]{40}$/)),
  deepstateUpdateUtc: z.nullable(z.iso.datetime()),
  /** 'month' = the first available situation of a month; 'exact' = a requested date (2025-01-31, 2025-02-13). */
  kind: z.enum(['month', 'exact']),
  flags: z.array(z.enum(SITUATION_FLAGS)),
  note: z.optional(z.string()),
});
export type Situation = z.infer<typeof SituationSchema>;

export const FrontlineIndexSchema = z
  .strictObject({
    format: z.literal('geobrief-frontline'),
    version: z.literal(1),
    attribution: z.literal(FRONTLINE_ATTRIBUTION),
    licence: z.string(),
    /** The dashboard's as-of date: the default situation. */
    asOf: isoDate,
    daily: z.literal('daily.json'),
    gains: z.literal('gains.json'),
    differences: z.string(),
    situations: z.array(SituationSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((index, ctx) => {
      const dates = index.situations.map((s) => s.date);
      dates.forEach((date, i) => {
        if (i > 0 && date <= dates[i - 1]!) {
          ctx.addIssue({
            code: 'custom',
            path: ['situations', i, 'date'],
            message: 'situations must be in date order',
          });
        }
      });
      if (!dates.includes(index.asOf)) {
        ctx.addIssue({ code: 'custom', path: ['asOf'], message: `no situation for the as-of date ${index.asOf}` });
      }
    }),
  );
export type FrontlineIndex = z.infer<typeof FrontlineIndexSchema>;

/** zod's issues as one readable line: `situations.3.date: situations must be in date order`. */
function describe(error: z.core.$ZodError, label: string): string {
  const issues = error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return `${label}: ${issues.join('; ')}`;
}

function parseWith<T>(schema: z.ZodMiniType<T>, raw: unknown, label: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(describe(result.error, label));
  return result.data;
}

export const parseDailySeries = (raw: unknown, label = 'daily.json'): DailyEntry[] =>
  parseWith(DailySeriesSchema, raw, label);
export const parseMonthlyGains = (raw: unknown, label = 'gains.json'): MonthlyGains =>
  parseWith(MonthlyGainsSchema, raw, label);
export const parseFrontlineIndex = (raw: unknown, label = 'index.json'): FrontlineIndex =>
  parseWith(FrontlineIndexSchema, raw, label);

// ---------------------------------------------------------------------------------------------------------------
// Look-ups

/** The situations in date order. */
export function situations(index: FrontlineIndex): readonly Situation[] {
  return index.situations;
}

export function situationAt(index: FrontlineIndex, date: string): Situation | undefined {
  return index.situations.find((s) => s.date === date);
}

/**
 * The situation the dashboard opens on for data as of `asOf` (the newest article's date): the newest one on
 * or before that date; the earliest one when every situation is later.
 */
export function situationOnOrBefore(index: FrontlineIndex, asOf: string): Situation {
  let best: Situation | undefined;
  for (const s of index.situations) if (s.date <= asOf && (!best || s.date > best.date)) best = s;
  return best ?? index.situations.reduce((a, b) => (b.date < a.date ? b : a));
}

/** The newest situation of the index: past it, the articles are newer than any front line we have. */
export function latestSituation(index: FrontlineIndex): Situation {
  return index.situations.reduce((a, b) => (b.date > a.date ? b : a));
}

/** The daily entry of a situation date (gaps included, with a null area). */
export function dailyEntry(daily: readonly DailyEntry[], date: string): DailyEntry | undefined {
  return daily.find((d) => d.situation === date);
}

export function monthlyGain(gains: MonthlyGains, monthId: string): MonthlyGain | undefined {
  return gains.months.find((m) => m.month === monthId);
}

/** '2025-01-31' + 1 → '2025-02-01' (UTC calendar arithmetic). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------------
// Geometry: areas and differences, by libraries only
