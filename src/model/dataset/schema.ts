/**
 * The one schema of the dataset. Every type the app uses for data is inferred from here.
 * Rules that span files (ids that must exist, no duplicates) live in `load-dataset.ts`.
 */
import { z } from './zod';

/** Stable kebab-case id: URLs and tests use them. */
export const Id = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as "russia-tank-losses-2024"'));

/** ISO 3166-1 alpha-2 code; it must also be listed in countries.json. */
export const CountryCode = z.string().check(z.regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "UA"'));

/** A full ISO calendar date (2025-02-12). */
export const IsoDate = z.iso.date();

/** A date as precise as the article states it: a year, a month or a day. */
export const PartialDate = z
  .string()
  .check(
    z.regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'),
  );

/** A verbatim passage from an article: short, never empty. */
export const Quote = z.string().check(
  z.minLength(3),
  z.refine(
    (s: string) => s.trim().split(/\s+/).length <= 40,
    'a quote must be the shortest passage that states it (at most about 30 words)',
  ),
);

/**
 * The unit vocabulary is data (`data/units.json`): a figure's `unit` is the id of one of its entries, and
 * loading cross-checks it. `dimension` groups units that measure the same kind of thing; `scale` converts
 * a unit to its dimension's base unit where that makes sense (square miles → km², hours → days).
 */
export const UnitSchema = z.strictObject({
  id: Id,
  /** Words after the number, plural ("barrels a day"); "" for a bare count. */
  label: z.string(),
  /** Words after the number 1, where they differ ("barrel a day"). */
  singular: z.optional(z.string().check(z.minLength(1))),
  /** A symbol written before the number ("$", "€") or, for "%", after it. */
  symbol: z.optional(z.string().check(z.minLength(1))),
  dimension: Id,
  /** Multiplier to the dimension's base unit, where units of the dimension convert. */
  scale: z.optional(z.number().check(z.positive())),
  /** The words for a chart axis, when they differ from `label`. */
  axis: z.optional(z.string().check(z.minLength(1))),
});
export const Unit = Id;

export const QUALIFIERS = [
  'exact',
  'about',
  'more-than',
  'less-than',
  'at-least',
  'at-most',
  'nearly',
  'below',
  'above',
  'up-to',
  'record',
] as const;
export const Qualifier = z.enum(QUALIFIERS);

/** Where an item stands in review: proposed by the extraction engine, accepted or rejected by the analyst. */
export const ITEM_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export const ItemStatus = z.enum(ITEM_STATUSES);

/** Fields every item the analyst brings in carries: where it stands and when it was added (ISO date-time). */
const Provenance = {
  status: z.optional(ItemStatus),
  addedAt: z.optional(z.iso.datetime({ offset: true })),
};

/**
 * What the extraction is unsure of, for the analyst to check before accepting ("nobody is named as the
 * source"). An item proposed without doubts is one the engine is confident of: "Accept all" takes only those.
 */
const Doubts = { doubts: z.optional(z.array(z.string().check(z.minLength(1)))) };

export const ACTOR_KINDS = ['person', 'government', 'organisation', 'company', 'media', 'think-tank'] as const;
export const ActorKind = z.enum(ACTOR_KINDS);

export const SourceSchema = z.strictObject({
  id: Id,
  /** Who reported the story (the news agency or newspaper). */
  publisher: z.string().check(z.minLength(1)),
  /** Where our copy was published (Daily Maverick compiled Reuters stories). */
  outlet: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  published: IsoDate,
  /** How the publication date is known, when the seed does not print it. */
  publishedNote: z.optional(z.string().check(z.minLength(1))),
  /** File name of the article text in the seeds folder (the two shipped articles). */
  seedFile: z.optional(z.string().check(z.regex(/^[\w.-]+\.txt$/, 'expected a .txt file name'))),
  /** The line of the seed file where this story starts (its headline as printed there). */
  seedStart: z.optional(z.string().check(z.minLength(1))),
  /** File name of the article text in data/articles/ (an article brought in with `npm run import`). */
  articleFile: z.optional(z.string().check(z.regex(/^[\w.-]+\.txt$/, 'expected a .txt file name'))),
  /** Where the article was published online, if the analyst gave it. */
  url: z.optional(z.url()),
  ...Provenance,
});

export const TopicSchema = z.strictObject({
  id: Id,
  label: z.string().check(z.minLength(1)),
  description: z.string().check(z.minLength(1)),
});

export const CountrySchema = z.strictObject({
  id: CountryCode,
  name: z.string().check(z.minLength(1)),
  ...Provenance,
});

export const DerivedSchema = z.strictObject({
  /** The calculation in words and symbols, e.g. "5 % ÷ 2". */
  formula: z.string().check(z.minLength(1)),
  /** The figures whose stated values the calculation uses. */
  from: z.array(Id).check(z.minLength(1)),
});

export const FigureSchema = z
  .strictObject({
    id: Id,
    label: z.string().check(z.minLength(1)),
    /**
     * Figures of one measure estimate the same quantity and can be compared side by side. A figure brought in
     * from an article starts with a measure of its own; it joins a measure already tracked only when a person
     * links it (accepting `measureSuggestion`, or by hand).
     */
    measure: Id,
    /** A measure already tracked that this figure may estimate, suggested by the extraction: unconfirmed. */
    measureSuggestion: z.optional(
      z.strictObject({
        measure: Id,
        /** Why: what agrees (unit, countries, scope, the label's words). */
        reason: z.string().check(z.minLength(1)),
      }),
    ),
    value: z.optional(z.number()),
    low: z.optional(z.number()),
    high: z.optional(z.number()),
    unit: Unit,
    qualifier: Qualifier,
    /** The words of the quote that state the number, e.g. "around a fifth". */
    stated: z.string().check(z.minLength(1)),
    /** How vague words were read as numbers, when they were (e.g. "hundreds" as 100–999). */
    reading: z.optional(z.string().check(z.minLength(1))),
    date: z.optional(IsoDate),
    period: z.optional(z.string().check(z.minLength(1))),
    countries: z.array(CountryCode).check(z.minLength(1)),
    topics: z.array(Id).check(z.minLength(1)),
    actorIds: z.array(Id),
    /** Who makes the claim, as the article attributes it. */
    claimant: z.string().check(z.minLength(1)),
    sourceId: Id,
    quote: Quote,
    derived: z.optional(DerivedSchema),
    /** Rank among the lead figures the dashboard opens with (1 = first). */
    lead: z.optional(z.number().check(z.int(), z.gte(1), z.lte(9))),
    note: z.optional(z.string().check(z.minLength(1))),
    /** How a date given relative to the article ("last month") was worked out. */
    dateNote: z.optional(z.string().check(z.minLength(1))),
    ...Doubts,
    ...Provenance,
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
  context: z.optional(z.string().check(z.minLength(1))),
});

export const ActorSchema = z.strictObject({
  id: Id,
  name: z.string().check(z.minLength(1)),
  kind: ActorKind,
  /** ISO code; null for international bodies and actors the articles tie to no country. */
  country: z.nullable(CountryCode),
  /** In our own words. */
  role: z.string().check(z.minLength(1)),
  topics: z.array(Id).check(z.minLength(1)),
  statements: z.array(StatementSchema),
  /** Other actors this one belongs to or works for (a minister and her government). */
  memberOf: z.optional(z.array(Id)),
  /** Other names the articles use ("Zelenskiy", "the Kremlin"), for matching new articles. */
  aliases: z.optional(z.array(z.string().check(z.minLength(1)))),
  ...Doubts,
  ...Provenance,
});

export const EventSchema = z.strictObject({
  id: Id,
  date: PartialDate,
  endDate: z.optional(PartialDate),
  /** How the date is known when the article gives it relative to its own date ("on Wednesday"). */
  dateNote: z.optional(z.string().check(z.minLength(1))),
  title: z.string().check(z.minLength(1)),
  summary: z.optional(z.string().check(z.minLength(1))),
  placeIds: z.array(Id),
  actorIds: z.array(Id),
  topics: z.array(Id).check(z.minLength(1)),
  sourceIds: z.array(Id).check(z.minLength(1)),
  ...Doubts,
  ...Provenance,
});

export const PlaceSchema = z.strictObject({
  id: Id,
  name: z.string().check(z.minLength(1)),
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lon: z.number().check(z.gte(-180), z.lte(180)),
  country: CountryCode,
  /** Where the coordinate comes from and what the marker stands for. */
  coordinateSource: z.string().check(z.minLength(1)),
  ...Doubts,
  ...Provenance,
});

/**
 * What a figure measures (`data/measures.json`, and the analyst's own measures): figures linked to one measure
 * estimate the same quantity and are compared, charted over time and checked for corroboration together. A
 * figure links to at most one measure (`Figure.measure`), and only a person makes or confirms the link.
 */
export const MeasureSchema = z.strictObject({
  id: Id,
  /** In our own words: "Russian military casualties, total". */
  label: z.string().check(z.minLength(1)),
  /** The dimension of the units its figures are in (a `dimension` of units.json): "count", "money", "share"… */
  dimension: Id,
  /** Whose quantity it is: the countries it is about. */
  countries: z.array(CountryCode).check(z.minLength(1)),
  /** The actor it is about, when one is (the Bank of Russia for its key rate). */
  actorId: z.optional(Id),
  /** The words that fix what is counted and over when: "cumulative since Feb 2022", "per day", "in 2024". */
  scope: z.string().check(z.minLength(1)),
  /** A short definition: what is in, what is out. */
  definition: z.string().check(z.minLength(1)),
  ...Provenance,
});

export const DATA_FILES = {
  sources: SourceSchema,
  topics: TopicSchema,
  countries: CountrySchema,
  units: UnitSchema,
  figures: FigureSchema,
  actors: ActorSchema,
  events: EventSchema,
  places: PlaceSchema,
  measures: MeasureSchema,
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
export type Measure = z.infer<typeof MeasureSchema>;
export type Unit = z.infer<typeof Unit>;
export type UnitInfo = z.infer<typeof UnitSchema>;
export type ItemStatus = z.infer<typeof ItemStatus>;
export type Qualifier = z.infer<typeof Qualifier>;
export type ActorKind = z.infer<typeof ActorKind>;

export interface Dataset {
  sources: Source[];
  topics: Topic[];
  countries: Country[];
  units: UnitInfo[];
  figures: Figure[];
  actors: Actor[];
  events: Event[];
  places: Place[];
  measures: Measure[];
}
