/**
 * What is wrong with an item the analyst edits (in review, or correcting it from its detail), by the field
 * they edit, in plain words. Pure.
 */
import {
  ActorSchema,
  EventSchema,
  FigureSchema,
  PlaceSchema,
  type Actor,
  type Event,
  type Figure,
  type Place,
} from '../dataset/schema';
import { quoteIsVerbatim } from '../pack/verbatim';

/** The items besides figures that the analyst can edit field by field. */
export type EntityKind = 'actors' | 'events' | 'places';

const ENTITY_SCHEMAS = { actors: ActorSchema, events: EventSchema, places: PlaceSchema } as const;

/** What is wrong with an edited actor, event or place, by field ("name", "date", "lat"…). */
export function entityProblems(kind: EntityKind, item: Actor | Event | Place): Record<string, string> {
  const parsed = ENTITY_SCHEMAS[kind].safeParse(item);
  const problems: Record<string, string> = {};
  if (parsed.success) return problems;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'item');
    problems[field] ??= issue.message;
  }
  return problems;
}

/** What is wrong with a figure, by the field the analyst edits: value, unit, qualifier, claimant, when… */
export type FigureField =
  'label' | 'value' | 'unit' | 'qualifier' | 'claimant' | 'when' | 'countries' | 'topics' | 'quote';

const FIELD_OF: Record<string, FigureField> = {
  label: 'label',
  value: 'value',
  low: 'value',
  high: 'value',
  unit: 'unit',
  qualifier: 'qualifier',
  claimant: 'claimant',
  date: 'when',
  period: 'when',
  countries: 'countries',
  topics: 'topics',
  quote: 'quote',
  stated: 'quote',
};

const PLAIN: Partial<Record<FigureField, string>> = {
  label: 'Give the figure a short label in your own words.',
  claimant: 'Say who makes the claim (the publisher when nobody is named).',
  countries: 'Choose at least one country.',
  topics: 'Choose at least one topic.',
};

/** Problems by field; `articleText`, when given, must hold the quote word for word (typography aside). */
export function figureProblems(figure: Figure, articleText?: string): Partial<Record<FigureField, string>> {
  const problems: Partial<Record<FigureField, string>> = {};
  const parsed = FigureSchema.safeParse(figure);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])] ?? 'quote';
      if (problems[field]) continue;
      if (field === 'value') {
        problems[field] =
          issue.path[0] === 'low' && issue.code === 'custom'
            ? 'The low end must not be above the high end.'
            : 'Enter the number (or both ends of a range).';
      } else if (field === 'when') problems[field] = 'Give a date or a period.';
      else problems[field] = PLAIN[field] ?? issue.message;
    }
  }
  if (!problems.quote && articleText !== undefined && !quoteIsVerbatim(figure.quote, articleText)) {
    problems.quote = 'The quote must be words of the article, exactly as printed.';
  }
  return problems;
}
