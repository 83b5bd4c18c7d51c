/**
 * A saved briefing: a named, dated snapshot of what the dashboard showed, kept so that the next briefing can
 * say what changed since ("Since the last briefing"). It holds the ids and full content of every figure, actor,
 * event and source as they stood (shipped data ∪ the analyst's added articles), the front-line situation date,
 * and the deck's filters and slides. Pure: no storage, no React.
 */
import diff from 'microdiff';
import { z } from '../dataset/zod';
import {
  ActorSchema,
  CountryCode,
  EventSchema,
  FigureSchema,
  Id,
  IsoDate,
  MeasureSchema,
  SourceSchema,
} from '../dataset/schema';
import type { Dataset } from '../dataset/schema';
import { formatDate, formatDateTime, plural } from '../format/format';
import { NAME_SLUG, slugify } from '../format/ids';
import type { Filters } from '../dataset/selectors';
import { LeadPinsSchema, type LeadPin } from '../measures/leads';

/** Briefing ids: lower-case letters, digits and hyphens, 1–80 characters (the same rule as the URL's `since=`). */
export const BRIEFING_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export const BriefingFiltersSchema = z.strictObject({
  countries: z.array(CountryCode),
  topics: z.array(Id),
  actor: z.nullable(Id),
  q: z.string(),
});

/** Ids must be unique within each list of a briefing: the comparison matches items by id. */
function uniqueIds(list: 'figures' | 'actors' | 'events' | 'sources') {
  return (items: readonly { id: string }[], ctx: z.core.$RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `duplicate id "${item.id}" (already ${list}[${first}])`,
        });
      } else seen.set(item.id, i);
    });
  };
}

export const BriefingSchema = z.strictObject({
  id: z
    .string()
    .check(z.regex(BRIEFING_ID, 'expected a briefing id: lower-case letters, digits and hyphens (at most 80)')),
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'a briefing needs a name'),
      z.maxLength(120, 'a briefing name is at most 120 characters'),
    ),
  /** When it was saved (ISO date-time). */
  savedAt: z.iso.datetime({ offset: true }),
  /** The dashboard's "as of" date then: the newest story it held. */
  asOf: IsoDate,
  /** The front-line situation the map showed (YYYY-MM-DD). */
  frontline: IsoDate,
  /** The filters and focus in force. */
  filters: BriefingFiltersSchema,
  /** The deck's slides in the chosen order; null = the default deck. */
  slides: z.nullable(z.array(z.string().check(z.minLength(1)))),
  /** The lead figures the analyst had pinned (absent: the default leads, or a briefing saved before pins). */
  leads: z.optional(LeadPinsSchema),
  figures: z.array(FigureSchema).check(z.superRefine(uniqueIds('figures'))),
  actors: z.array(ActorSchema).check(z.superRefine(uniqueIds('actors'))),
  events: z.array(EventSchema).check(z.superRefine(uniqueIds('events'))),
  sources: z.array(SourceSchema).check(z.superRefine(uniqueIds('sources'))),
  /** The measures as they stood (absent in a briefing saved before measures were data). */
  measures: z.optional(z.array(MeasureSchema)),
});

export type Briefing = z.infer<typeof BriefingSchema>;
/** What a comparison needs of either side: a briefing, or the dashboard's dataset as it stands. */
export type BriefingData = Pick<Dataset, 'figures' | 'actors' | 'events' | 'sources'> &
  Partial<Pick<Dataset, 'measures'>>;

/** What a snapshot records besides the data. */
export interface BriefingContext {
  frontline: string;
  filters: Filters;
  slides: readonly string[] | null;
  /** The analyst's pinned lead figures; null for the default leads. */
  leads?: readonly LeadPin[] | null;
}

/**
 * A new briefing's id: the name's slug ("Weekly brief, 4 Dec" → "weekly-brief-4-dec", at most 60 characters,
 * "briefing" when the name has no letter or digit), with "-2", "-3"… when one of that id is kept already.
 */
export function briefingId(name: string, taken: Iterable<string>): string {
  const ids = new Set(taken);
  const base = slugify(name, 60, NAME_SLUG) || 'briefing';
  if (!ids.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!ids.has(id)) return id;
  }
}

/** "Briefing 4 Dec 2026, 14:05", in the analyst's time zone: the name offered when saving. */
export function defaultBriefingName(now: Date): string {
  return `Briefing ${formatDateTime(now.toISOString())}`;
}

/** Copies as JSON keeps them (a key set to undefined is dropped), so a briefing reads the same after an export. */
const plain = <T>(items: readonly T[]): T[] => JSON.parse(JSON.stringify(items)) as T[];

/** A snapshot of the dataset as it stands, with the front-line date, filters and slides. */
export function makeBriefing(
  data: BriefingData,
  context: BriefingContext,
  name: string,
  now: Date,
  taken: Iterable<string>,
): Briefing {
  const trimmed = name.trim();
  return {
    id: briefingId(trimmed, taken),
    name: trimmed,
    savedAt: now.toISOString(),
    asOf: data.sources.reduce((max, s) => (s.published > max ? s.published : max), ''),
    frontline: context.frontline,
    filters: {
      countries: [...context.filters.countries],
      topics: [...context.filters.topics],
      actor: context.filters.actor,
      q: context.filters.q,
    },
    slides: context.slides ? [...context.slides] : null,
    ...(context.leads ? { leads: context.leads.map((p) => ({ ...p })) } : {}),
    figures: plain(data.figures),
    actors: plain(data.actors),
    events: plain(data.events),
    sources: plain(data.sources),
    ...(data.measures ? { measures: plain(data.measures) } : {}),
  };
}

/** What a briefing keeps, without its name and date: two briefings with the same content say the same. */
function content(
  b: Pick<Briefing, 'frontline' | 'filters' | 'slides' | 'figures' | 'actors' | 'events' | 'sources'> &
    Partial<Pick<Briefing, 'leads' | 'measures'>>,
) {
  return {
    frontline: b.frontline,
    filters: b.filters,
    slides: b.slides,
    leads: b.leads ?? null,
    figures: b.figures,
    actors: b.actors,
    events: b.events,
    sources: b.sources,
    measures: b.measures ?? null,
  };
}

/** Do two briefings hold the same data, front-line date, filters and slides (name and date aside)? */
export function sameContent(
  a: Pick<Briefing, 'frontline' | 'filters' | 'slides' | 'figures' | 'actors' | 'events' | 'sources'> &
    Partial<Pick<Briefing, 'leads' | 'measures'>>,
  b: Pick<Briefing, 'frontline' | 'filters' | 'slides' | 'figures' | 'actors' | 'events' | 'sources'> &
    Partial<Pick<Briefing, 'leads' | 'measures'>>,
): boolean {
  return diff(content(a), content(b)).length === 0;
}

/** The most recently saved of a list of briefings, or undefined. */
export function latestBriefing<B extends Pick<Briefing, 'savedAt'>>(briefings: readonly B[]): B | undefined {
  return briefings.reduce<B | undefined>(
    (latest, b) => (!latest || b.savedAt > latest.savedAt ? b : latest),
    undefined,
  );
}

/** "44 figures, 69 actors, 44 events, 9 sources · front line 13 Feb 2025". */
export function briefingContents(b: Pick<Briefing, 'figures' | 'actors' | 'events' | 'sources' | 'frontline'>): string {
  return `${plural(b.figures.length, 'figure')}, ${plural(b.actors.length, 'actor')}, ${plural(b.events.length, 'event')}, ${plural(b.sources.length, 'source')} · front line ${formatDate(b.frontline)}`;
}
