/**
 * The briefing deck: which slides exist, which the user kept and in what order, and the notes a
 * speaker reads from. Pure.
 */
import type { Actor, Dataset, Event, Figure, Source } from '../dataset/schema';
import { ACTOR_KIND_WORDS, formatEventDate, formatFigureValue, sourceByline } from '../format/format';

export interface SlideDef {
  id: string;
  title: string;
}

/** Every slide the deck can show, in the default order. */
export const ALL_SLIDES: readonly SlideDef[] = [
  { id: 'title', title: 'Briefing' },
  // What changed since a saved briefing (only when one is saved): see src/features/since.
  { id: 'since', title: 'Since the last briefing' },
  { id: 'key-figures', title: 'Key figures' },
  // How estimates moved: one slide per measure with estimates at different dates (only when there are some).
  { id: 'chart-over-time', title: 'Estimates over time' },
  { id: 'chart-casualties', title: 'Casualty estimates' },
  { id: 'chart-war-economy', title: "Russia's war economy and energy" },
  { id: 'chart-money', title: 'Money at stake' },
  { id: 'chart-taiwan', title: 'Taiwan and the United States' },
  { id: 'chart-territory', title: 'Territory' },
  // The topics of the analyst's own articles that no chart above covers: one slide per topic.
  { id: 'chart-topics', title: 'Charts of your articles’ topics' },
  { id: 'occupied-area', title: 'Occupied area over time' },
  { id: 'claim-checks', title: 'Claims checked against the map' },
  { id: 'map', title: 'Front line and places' },
  { id: 'actors', title: 'Actors' },
  { id: 'timeline', title: 'Timeline' },
  { id: 'sources', title: 'Sources' },
];

/**
 * The slides to show: the user's order (unknown ids dropped), or all of them; then only those that
 * have something to show under the current filters.
 */
export function deckSlides(custom: readonly string[] | null, available: (id: string) => boolean): SlideDef[] {
  const byId = new Map(ALL_SLIDES.map((s) => [s.id, s]));
  const order = custom ? custom.filter((id) => byId.has(id)) : ALL_SLIDES.map((s) => s.id);
  const unique = [...new Set(order)];
  return unique.map((id) => byId.get(id)!).filter((s) => available(s.id));
}

/** Move a slide one step up (-1) or down (+1) in a deck order. */
export function moveSlide(order: readonly string[], id: string, step: -1 | 1): string[] {
  const i = order.indexOf(id);
  const j = i + step;
  if (i < 0 || j < 0 || j >= order.length) return [...order];
  const next = [...order];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** Keep the slide number within the deck: 1..length (1 for an empty deck). */
export function clampSlide(slide: number, length: number): number {
  return Math.min(Math.max(1, Math.round(slide)), Math.max(1, length));
}

/**
 * A figure's value as a slide shows it: the source's own words when the number is a reading of vague
 * words ("hundreds" read as 100–999), so a range we chose never passes for a measurement, or when it is a
 * negative change (no double negatives); otherwise the
 * value with its qualifier; a derived value says so.
 */
export function slideValue(figure: Figure): string {
  // A negative amount reads in the source's words too: "about 40 fewer square miles", not "about −40".
  const words = figure.reading !== undefined || (figure.value !== undefined && figure.value < 0);
  const shown = words ? `“${figure.stated}”` : formatFigureValue(figure);
  return figure.derived ? `${shown} (derived)` : shown;
}

/** What the speaker says for a set of figures: value, claimant and the quote that states it. */
export function speakerNotes(figures: readonly Figure[], sources: readonly Source[]): string[] {
  return figures.map((f) => {
    const source = sources.find((s) => s.id === f.sourceId);
    const byline = source ? sourceByline(source) : '';
    // "per The New York Times", not "per The New York Times (The New York Times)".
    const where = byline && !f.claimant.includes(source!.publisher) ? ` (${byline})` : '';
    return `${f.label}: ${slideValue(f)}, per ${f.claimant}${where}: “${f.quote}”`;
  });
}

/**
 * Split a list into `ceil(length / most)` slides of nearly equal length (never more than `most` each):
 * 13 items at 6 a slide make 5 + 4 + 4, not 6 + 6 + 1. An empty list makes no slide.
 */
export function paginate<T>(items: readonly T[], most: number): T[][] {
  const per = Math.max(1, Math.floor(most));
  const pages = Math.ceil(items.length / per);
  const out: T[][] = [];
  let start = 0;
  for (let i = 0; i < pages; i++) {
    const size = Math.ceil((items.length - start) / (pages - i));
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}

/**
 * A list summarised for slides: at most `slides` slides of `most` items each, the first items (the caller
 * ranks them); `more` counts the rest, which the handout and the exports keep in full. When some are left
 * out, the last slide holds one item fewer: its last line says how many more there are.
 */
export function summarise<T>(items: readonly T[], most: number, slides: number): { pages: T[][]; more: number } {
  const size = Math.max(2, Math.floor(most));
  const room = size * Math.max(1, Math.floor(slides));
  const shown = items.length > room ? items.slice(0, room - 1) : items.slice();
  return { pages: paginate(shown, size), more: items.length - shown.length };
}

/**
 * One figure per measure, for a summary: the newest estimate of each (`newest` picks it), the measures of the
 * newest stories first.
 */
export function topByMeasure(
  figures: readonly Figure[],
  sources: readonly Pick<Source, 'id' | 'published'>[],
  newest: (estimates: readonly Figure[]) => Figure | undefined,
): Figure[] {
  const published = new Map(sources.map((s) => [s.id, s.published]));
  const byMeasure = new Map<string, Figure[]>();
  for (const f of figures) byMeasure.set(f.measure, [...(byMeasure.get(f.measure) ?? []), f]);
  const top = [...byMeasure.values()].map((list) => newest(list) ?? list[0]!);
  return top
    .map((f, i) => ({ f, i, date: published.get(f.sourceId) ?? '' }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.i - b.i)
    .map(({ f }) => f);
}

/** "Actors (2/3)" when a list runs over several slides, "Actors" when it fits on one. */
export function partTitle(title: string, index: number, total: number): string {
  return total > 1 ? `${title} (${index + 1}/${total})` : title;
}

/**
 * The stories that contribute to what the filters show: those that state a shown figure or report a
 * shown event, in the dataset's order.
 */
export function contributingSources<S extends Pick<Source, 'id'>>(
  sources: readonly S[],
  figures: readonly Pick<Figure, 'sourceId'>[],
  events: readonly { sourceIds: readonly string[] }[],
): S[] {
  const used = new Set([...figures.map((f) => f.sourceId), ...events.flatMap((e) => e.sourceIds)]);
  return sources.filter((s) => used.has(s.id));
}

/** A story as the title slide, the sources slide and the handout list it. */
export interface StoryRow {
  id: string;
  byline: string;
  title: string;
  published: string;
  /** How many of the shown figures, events and quoted statements it supplies. */
  figures: number;
  events: number;
  statements: number;
}

export interface ActorRow {
  id: string;
  name: string;
  /** "Person · Russia". */
  kind: string;
  role: string;
  /** Counts under the current filters. */
  figures: number;
  events: number;
  statements: number;
}

export interface EventRow {
  id: string;
  /** As precise as the article dates it: "12 Feb 2025", "May 2024". */
  date: string;
  title: string;
  /** Names of the actors involved. */
  who: string[];
}

/** Each story with what it supplies to the shown figures, events and actors' statements, in data order. */
export function storyRows(
  sources: readonly Source[],
  shown: { figures: readonly Figure[]; events: readonly Event[]; actors: readonly Actor[] },
): StoryRow[] {
  return sources.map((s) => ({
    id: s.id,
    byline: sourceByline(s),
    title: s.title,
    published: s.published,
    figures: shown.figures.filter((f) => f.sourceId === s.id).length,
    events: shown.events.filter((e) => e.sourceIds.includes(s.id)).length,
    statements: shown.actors.reduce((n, a) => n + a.statements.filter((st) => st.sourceId === s.id).length, 0),
  }));
}

/**
 * The shown actors with what they appear in under the filters, most involved first (figures, events and
 * quotes together), then by name: the first slide of a long list carries the main players.
 */
export function actorRows(
  dataset: Pick<Dataset, 'countries'>,
  actors: readonly Actor[],
  shown: { figures: readonly Figure[]; events: readonly Event[] },
): ActorRow[] {
  const countries = new Map(dataset.countries.map((c) => [c.id, c.name]));
  const rows = actors.map((a) => ({
    id: a.id,
    name: a.name,
    kind: [ACTOR_KIND_WORDS[a.kind], a.country ? (countries.get(a.country) ?? a.country) : null]
      .filter(Boolean)
      .join(' · '),
    role: a.role,
    figures: shown.figures.filter((f) => f.actorIds.includes(a.id)).length,
    events: shown.events.filter((e) => e.actorIds.includes(a.id)).length,
    statements: a.statements.length,
  }));
  const weight = (r: ActorRow) => r.figures + r.events + r.statements;
  return rows.sort((a, b) => weight(b) - weight(a) || a.name.localeCompare(b.name));
}

/** Events as rows: their date as precise as known, title, and the names of the actors involved. */
export function eventRows(dataset: Pick<Dataset, 'actors'>, events: readonly Event[]): EventRow[] {
  const names = new Map(dataset.actors.map((a) => [a.id, a.name]));
  return events.map((e) => ({
    id: e.id,
    date: formatEventDate(e),
    title: e.title,
    who: e.actorIds.map((id) => names.get(id)).filter((n): n is string => n !== undefined),
  }));
}
