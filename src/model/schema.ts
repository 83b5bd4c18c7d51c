/**
 * The one schema of the dataset. Every type the app uses for data is inferred from here.
 * Rules that span files (ids that must exist, no duplicates) live in `load-dataset.ts`.
 */
import { z } from 'zod';

/** Stable kebab-case id: URLs and tests use them. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as "russia-tank-losses-2024"');

/** ISO 3166-1 alpha-2 code; it must also be listed in countries.json. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "UA"');

/** A full ISO calendar date (2025-02-12). */
export const IsoDate = z.iso.date();

/** A date as precise as the article states it: a year, a month or a day. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');

/** A verbatim passage from an article: short, never empty. */
export const Quote = z
  .string()
  .min(3)
  .refine(
    (s) => s.trim().split(/\s+/).length <= 40,
    'a quote must be the shortest passage that states it (at most about 30 words)',
  );

export const UNITS = [
  'usd',
  'percent',
  'percent-of-gdp',
  'barrels-per-day',
  'tanks',
  'tankers',
  'casualties',
  'casualties-per-day',
  'square-miles',
  'yards-per-day',
  'years',
  'months',
  'hours',
  'people',
  'countries',
  'steps',
  'followers',
] as const;
export const Unit = z.enum(UNITS);

export const QUALIFIERS = ['exact', 'about', 'more-than', 'at-least', 'nearly', 'below', 'record'] as const;
export const Qualifier = z.enum(QUALIFIERS);

export const ACTOR_KINDS = ['person', 'government', 'organisation', 'company', 'media', 'think-tank'] as const;
export const ActorKind = z.enum(ACTOR_KINDS);

export const SourceSchema = z.strictObject({
  id: Id,
  /** Who reported the story (the news agency or newspaper). */
  publisher: z.string().min(1),
  /** Where our copy was published (Daily Maverick compiled Reuters stories). */
  outlet: z.string().min(1),
  title: z.string().min(1),
  published: IsoDate,
  /** How the publication date is known, when the seed does not print it. */
  publishedNote: z.string().min(1).optional(),
  /** File name of the article text in the seeds folder. */
  seedFile: z.string().regex(/^[\w.-]+\.txt$/, 'expected a .txt file name'),
  /** The line of the seed file where this story starts (its headline as printed there). */
  seedStart: z.string().min(1),
});

export const TopicSchema = z.strictObject({
  id: Id,
  label: z.string().min(1),
  description: z.string().min(1),
});

export const CountrySchema = z.strictObject({
  id: CountryCode,
  name: z.string().min(1),
});

export const DerivedSchema = z.strictObject({
  /** The calculation in words and symbols, e.g. "5 % ÷ 2". */
  formula: z.string().min(1),
  /** The figures whose stated values the calculation uses. */
  from: z.array(Id).min(1),
});

export const FigureSchema = z
  .strictObject({
    id: Id,
    label: z.string().min(1),
    /** Figures of one measure estimate the same quantity and can be compared side by side. */
    measure: Id,
    value: z.number().finite().optional(),
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    unit: Unit,
    qualifier: Qualifier,
    /** The words of the quote that state the number, e.g. "around a fifth". */
    stated: z.string().min(1),
    /** How vague words were read as numbers, when they were (e.g. "hundreds" as 100–999). */
    reading: z.string().min(1).optional(),
    date: IsoDate.optional(),
    period: z.string().min(1).optional(),
    countries: z.array(CountryCode).min(1),
    topics: z.array(Id).min(1),
    actorIds: z.array(Id),
    /** Who makes the claim, as the article attributes it. */
    claimant: z.string().min(1),
    sourceId: Id,
    quote: Quote,
    derived: DerivedSchema.optional(),
    /** Rank among the lead figures the dashboard opens with (1 = first). */
    lead: z.number().int().min(1).max(9).optional(),
    note: z.string().min(1).optional(),
  })
  .check((ctx) => {
    const f = ctx.value;
    const hasValue = f.value !== undefined;
    const hasRange = f.low !== undefined && f.high !== undefined;
    if (hasValue === hasRange || (!hasRange && (f.low !== undefined || f.high !== undefined))) {
      ctx.issues.push({
        code: 'custom',
        input: f,
        path: ['value'],
        message: 'expected either "value" or both "low" and "high"',
      });
    }
    if (hasRange && f.low! > f.high!) {
      ctx.issues.push({ code: 'custom', input: f, path: ['low'], message: '"low" must not exceed "high"' });
    }
    if (f.date === undefined && f.period === undefined) {
      ctx.issues.push({ code: 'custom', input: f, path: ['date'], message: 'expected "date" or "period"' });
    }
    if (!f.quote.includes(f.stated)) {
      ctx.issues.push({
        code: 'custom',
        input: f,
        path: ['stated'],
        message: `"stated" must be words of the quote; "${f.stated}" is not in it`,
      });
    }
  });

export const StatementSchema = z.strictObject({
  quote: Quote,
  sourceId: Id,
  /** Our own words on the context (to whom, where, when). */
  context: z.string().min(1).optional(),
});

export const ActorSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  kind: ActorKind,
  /** ISO code; null for international bodies and actors the articles tie to no country. */
  country: CountryCode.nullable(),
  /** In our own words. */
  role: z.string().min(1),
  topics: z.array(Id).min(1),
  statements: z.array(StatementSchema),
  /** Other actors this one belongs to or works for (a minister and her government). */
  memberOf: z.array(Id).optional(),
});

export const EventSchema = z.strictObject({
  id: Id,
  date: PartialDate,
  endDate: PartialDate.optional(),
  /** How the date is known when the article gives it relative to its own date ("on Wednesday"). */
  dateNote: z.string().min(1).optional(),
  title: z.string().min(1),
  summary: z.string().min(1).optional(),
  placeIds: z.array(Id),
  actorIds: z.array(Id),
  topics: z.array(Id).min(1),
  sourceIds: z.array(Id).min(1),
});

export const PlaceSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  country: CountryCode,
  /** Where the coordinate comes from and what the marker stands for. */
  coordinateSource: z.string().min(1),
});

export const DATA_FILES = {
  sources: SourceSchema,
  topics: TopicSchema,
  countries: CountrySchema,
  figures: FigureSchema,
  actors: ActorSchema,
  events: EventSchema,
  places: PlaceSchema,
} as const;

export type DataFileName = keyof typeof DATA_FILES;
export type Source = z.infer<typeof SourceSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Country = z.infer<typeof CountrySchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type Event = z.infer<typeof EventSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type Unit = z.infer<typeof Unit>;
export type Qualifier = z.infer<typeof Qualifier>;
export type ActorKind = z.infer<typeof ActorKind>;

export interface Dataset {
  sources: Source[];
  topics: Topic[];
  countries: Country[];
  figures: Figure[];
  actors: Actor[];
  events: Event[];
  places: Place[];
}
