/**
 * Pure functions of the dataset: what each view shows. No React, no store.
 */
import type { Dataset, Figure, Source } from './schema';
import { corroborationsOf, isSingleSource } from '../measures/corroboration';

/** The lead figures in rank order. */
export function selectLeadFigures(dataset: Pick<Dataset, 'figures'>): Figure[] {
  return dataset.figures.filter((f) => f.lead !== undefined).sort((a, b) => (a.lead ?? 0) - (b.lead ?? 0));
}

/** Other figures of the same measure (other claimants' estimates of one quantity). */
export function selectComparableFigures(dataset: Pick<Dataset, 'figures'>, figure: Figure): Figure[] {
  return dataset.figures.filter((f) => f.measure === figure.measure && f.id !== figure.id);
}

/** Source by id; the loader guarantees every referenced id exists. */
export function sourceById(dataset: Pick<Dataset, 'sources'>): Map<string, Source> {
  return new Map(dataset.sources.map((s) => [s.id, s]));
}

export interface SourceUse {
  source: Source;
  figures: number;
  statements: number;
  events: number;
}

/** Each story with how many figures, statements and events cite it, grouped by publisher. */
export function selectSourceUses(dataset: Dataset): Map<string, SourceUse[]> {
  const groups = new Map<string, SourceUse[]>();
  for (const source of dataset.sources) {
    const use: SourceUse = {
      source,
      figures: dataset.figures.filter((f) => f.sourceId === source.id).length,
      statements: dataset.actors.reduce((n, a) => n + a.statements.filter((s) => s.sourceId === source.id).length, 0),
      events: dataset.events.filter((e) => e.sourceIds.includes(source.id)).length,
    };
    groups.set(source.publisher, [...(groups.get(source.publisher) ?? []), use]);
  }
  return groups;
}

/** What the user filters by; the store's choices satisfy it. */
export interface Filters {
  countries: readonly string[];
  topics: readonly string[];
  actor: string | null;
  q: string;
  /** Only figures that rest on one claimant (see corroboration.ts). */
  single?: boolean;
}

export const NO_FILTERS: Filters = Object.freeze({ countries: [], topics: [], actor: null, q: '', single: false });

type Facet = 'country' | 'topic';

/** Lower case, curly apostrophes as straight ones: how the searched text and the search's words are compared. */
export function normaliseSearch(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'");
}

const haystacks = new WeakMap<Figure, string>();
const actorNameCache = new WeakMap<object, Map<string, string>>();

function actorNames(dataset: Pick<Dataset, 'actors'>): Map<string, string> {
  let names = actorNameCache.get(dataset.actors);
  if (!names) {
    names = new Map(dataset.actors.map((a) => [a.id, a.name]));
    actorNameCache.set(dataset.actors, names);
  }
  return names;
}

/**
 * What a search looks in, as written: the figure's label, quote, claimant, stated words and its actors' names,
 * joined by spaces. The scan below and the index (state/figure-index.ts) both read this.
 */
export function figureSearchText(dataset: Pick<Dataset, 'actors'>, figure: Figure): string {
  const names = actorNames(dataset);
  return [
    figure.label,
    figure.quote,
    figure.claimant,
    figure.stated,
    ...figure.actorIds.map((id) => names.get(id) ?? ''),
  ].join(' ');
}

/** Lower-case text the scan looks in. */
function haystack(dataset: Pick<Dataset, 'actors'>, figure: Figure): string {
  let text = haystacks.get(figure);
  if (text === undefined) {
    text = normaliseSearch(figureSearchText(dataset, figure));
    haystacks.set(figure, text);
  }
  return text;
}

/** For "single-source only": works out every figure's corroboration, when given a whole dataset. */
function knowSources(
  dataset: Pick<Dataset, 'figures'> & Partial<Pick<Dataset, 'units' | 'sources'>>,
  filters: Filters,
) {
  if (filters.single && dataset.units && dataset.sources) {
    corroborationsOf({ figures: dataset.figures, units: dataset.units, sources: dataset.sources });
  }
}

/** Search words: every one must appear (case-insensitive). */
export function queryTerms(q: string): string[] {
  return normaliseSearch(q).split(/\s+/).filter(Boolean);
}

/**
 * The figures a search index found for `q` (state/search-index.ts, in a Web Worker): the selectors below take
 * them instead of scanning. Only hits for the same words as the filters' `q` are used.
 */
export interface SearchHits {
  /** The search they answer. */
  q: string;
  /** Is the figure with this id among them? */
  has(figureId: string): boolean;
}

/** Do the hits answer the search `q` (the same words, whatever the case or spacing)? */
export function hitsAnswer(hits: SearchHits | undefined, q: string): hits is SearchHits {
  return hits !== undefined && queryTerms(hits.q).join(' ') === queryTerms(q).join(' ');
}

/**
 * The search part of the filters as a test of one figure, or null when there is no search. With hits that
 * answer `q` (the index's word-prefix matches), a figure matches when it is among them; without (the index
 * is not ready, failed, or there is no Worker, as in tests), the scan: every word appears somewhere in the
 * figure's lower-cased text, even inside a word.
 */
function searchTest(dataset: Pick<Dataset, 'actors'>, q: string, hits?: SearchHits): ((f: Figure) => boolean) | null {
  const terms = queryTerms(q);
  if (terms.length === 0) return null;
  if (hitsAnswer(hits, q)) return (figure) => hits.has(figure.id);
  return (figure) => {
    const text = haystack(dataset, figure);
    return terms.every((t) => text.includes(t));
  };
}

function matches(figure: Figure, filters: Filters, search: ((f: Figure) => boolean) | null, except?: Facet): boolean {
  if (except !== 'country' && filters.countries.length > 0) {
    if (!figure.countries.some((c) => filters.countries.includes(c))) return false;
  }
  if (except !== 'topic' && filters.topics.length > 0) {
    if (!figure.topics.some((t) => filters.topics.includes(t))) return false;
  }
  if (filters.actor && !figure.actorIds.includes(filters.actor)) return false;
  if (filters.single && !isSingleSource(figure)) return false;
  return search === null || search(figure);
}

/**
 * The figures that match the filters: lead figures first in rank order, then the others in data order.
 * Within a facet (countries, topics) any choice matches; across facets all must. `hits`: the search index's
 * answer for `filters.q`, if it has one (else the search scans).
 */
export function selectFigures(
  dataset: Pick<Dataset, 'figures' | 'actors'>,
  filters: Filters,
  hits?: SearchHits,
): Figure[] {
  knowSources(dataset, filters);
  const search = searchTest(dataset, filters.q, hits);
  const matching = dataset.figures.filter((f) => matches(f, filters, search));
  const leads = matching.filter((f) => f.lead !== undefined).sort((a, b) => (a.lead ?? 0) - (b.lead ?? 0));
  return [...leads, ...matching.filter((f) => f.lead === undefined)];
}

export interface FacetCounts {
  countries: Map<string, number>;
  topics: Map<string, number>;
}

/**
 * For each country and topic: how many figures would show with it chosen, given the other filters.
 * (The count ignores the option's own facet, so it does not fall to zero when another option is on.)
 */
export function selectFacetCounts(
  dataset: Pick<Dataset, 'figures' | 'actors'>,
  filters: Filters,
  hits?: SearchHits,
): FacetCounts {
  knowSources(dataset, filters);
  const search = searchTest(dataset, filters.q, hits);
  const countries = new Map<string, number>();
  const topics = new Map<string, number>();
  for (const figure of dataset.figures) {
    if (matches(figure, filters, search, 'country')) {
      for (const c of figure.countries) countries.set(c, (countries.get(c) ?? 0) + 1);
    }
    if (matches(figure, filters, search, 'topic')) {
      for (const t of figure.topics) topics.set(t, (topics.get(t) ?? 0) + 1);
    }
  }
  return { countries, topics };
}

/** Is any filter on? */
export function hasFilters(filters: Filters): boolean {
  return (
    filters.countries.length > 0 ||
    filters.topics.length > 0 ||
    filters.actor !== null ||
    filters.q.trim() !== '' ||
    filters.single === true
  );
}

/** The filters in words: ["Country: Taiwan", "Topic: Tariffs, Casualties", "Search: “oil”"]. */
export function describeFilters(dataset: Pick<Dataset, 'countries' | 'topics' | 'actors'>, filters: Filters): string[] {
  const name = (list: readonly { id: string; name?: string; label?: string }[], id: string) => {
    const item = list.find((x) => x.id === id);
    return item?.name ?? item?.label ?? id;
  };
  const parts: string[] = [];
  if (filters.countries.length > 0) {
    const label = filters.countries.length === 1 ? 'Country' : 'Countries';
    parts.push(`${label}: ${filters.countries.map((c) => name(dataset.countries, c)).join(', ')}`);
  }
  if (filters.topics.length > 0) {
    const label = filters.topics.length === 1 ? 'Topic' : 'Topics';
    parts.push(`${label}: ${filters.topics.map((t) => name(dataset.topics, t)).join(', ')}`);
  }
  if (filters.actor) parts.push(`Actor: ${name(dataset.actors, filters.actor)}`);
  if (filters.q.trim()) parts.push(`Search: “${filters.q.trim()}”`);
  if (filters.single) parts.push('Single-source only');
  return parts;
}

/** "12 of 44 figures · Country: Taiwan". */
export function filterSummary(
  dataset: Pick<Dataset, 'figures' | 'countries' | 'topics' | 'actors'>,
  filters: Filters,
  shown: number,
): string {
  const head = `${shown} of ${dataset.figures.length} figures`;
  return [head, ...describeFilters(dataset, filters)].join(' · ');
}

/** The display names of ids in a list (countries and actors by name, topics by label), in the ids' order. */
export function namesOf(
  list: readonly { id: string; name?: string; label?: string }[],
  ids: readonly string[],
): string[] {
  return ids
    .map((id) => list.find((x) => x.id === id))
    .filter((x) => x !== undefined)
    .map((x) => x.name ?? x.label ?? x.id);
}
