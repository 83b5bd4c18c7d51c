/**
 * URL ⇄ choices, as two pure functions. Defaults are left out of the URL; unknown values are dropped
 * and reported (the caller warns once), never fatal.
 */
import { DEFAULT_CHOICES, type Choices, type TimelineScale, type View } from './store';

/** The ids a URL may name; anything else is dropped. */
export interface Vocabulary {
  countries: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  actors: ReadonlySet<string>;
  figures: ReadonlySet<string>;
  events: ReadonlySet<string>;
}

const VIEWS: readonly View[] = ['explore', 'brief'];
const SCALES: readonly TimelineScale[] = ['week', 'war'];
/** Briefing ids: lower-case letters, digits and hyphens, 1–80 characters. */
export const BRIEFING_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}
const MAX_QUERY = 200;

/** Choices → query string without "?" ("" for all defaults). Lists keep their order. */
export function stateToSearch(choices: Choices): string {
  const params = new URLSearchParams();
  if (choices.countries.length > 0) params.set('country', choices.countries.join(','));
  if (choices.topics.length > 0) params.set('topic', choices.topics.join(','));
  if (choices.actor) params.set('actor', choices.actor);
  if (choices.q.trim()) params.set('q', choices.q);
  if (choices.single) params.set('single', '1');
  if (choices.view !== DEFAULT_CHOICES.view) params.set('view', choices.view);
  if (choices.slide !== DEFAULT_CHOICES.slide) params.set('slide', String(choices.slide));
  if (choices.figure) params.set('figure', choices.figure);
  if (choices.event) params.set('event', choices.event);
  if (choices.frontline) params.set('frontline', choices.frontline);
  if (choices.compare) params.set('compare', choices.compare);
  if (choices.since) params.set('since', choices.since);
  if (choices.scale !== DEFAULT_CHOICES.scale) params.set('scale', choices.scale);
  // Commas in lists are ours: keep them readable.
  return params.toString().replace(/%2C/g, ',');
}

export interface ParsedSearch {
  choices: Choices;
  /** One line per value that was ignored, e.g. `country=ZZ (unknown country)`. */
  dropped: string[];
}

function list(value: string | null): string[] {
  if (value === null) return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Query string (with or without "?") → choices. Never throws. */
export function searchToState(search: string, vocab: Vocabulary): ParsedSearch {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const dropped: string[] = [];
  const choices: Choices = { ...DEFAULT_CHOICES, countries: [], topics: [] };

  const known = (
    key: string,
    values: string[],
    set: ReadonlySet<string>,
    what: string,
    normalise = (v: string) => v,
  ) => {
    const kept: string[] = [];
    for (const raw of values) {
      const value = normalise(raw);
      if (set.has(value) && !kept.includes(value)) kept.push(value);
      else if (!set.has(value)) dropped.push(`${key}=${raw} (unknown ${what})`);
    }
    return kept;
  };

  choices.countries = known('country', list(params.get('country')), vocab.countries, 'country', (v) => v.toUpperCase());
  choices.topics = known('topic', list(params.get('topic')), vocab.topics, 'topic', (v) => v.toLowerCase());

  const actor = params.get('actor');
  if (actor !== null) {
    if (vocab.actors.has(actor)) choices.actor = actor;
    else dropped.push(`actor=${actor} (unknown actor)`);
  }

  const q = params.get('q');
  if (q !== null) choices.q = q.slice(0, MAX_QUERY);

  const view = params.get('view');
  if (view !== null) {
    if ((VIEWS as readonly string[]).includes(view)) choices.view = view as View;
    else dropped.push(`view=${view} (expected explore or brief)`);
  }

  const slide = params.get('slide');
  if (slide !== null) {
    const n = Number(slide);
    if (/^\d+$/.test(slide) && Number.isSafeInteger(n) && n >= 1) choices.slide = n;
    else dropped.push(`slide=${slide} (expected a whole number from 1)`);
  }

  const figure = params.get('figure');
  if (figure !== null) {
    if (vocab.figures.has(figure)) choices.figure = figure;
    else dropped.push(`figure=${figure} (unknown figure)`);
  }

  const event = params.get('event');
  if (event !== null) {
    if (vocab.events.has(event)) choices.event = event;
    else dropped.push(`event=${event} (unknown event)`);
  }

  for (const key of ['frontline', 'compare'] as const) {
    const value = params.get(key);
    if (value === null) continue;
    if (isCalendarDate(value)) choices[key] = value;
    else dropped.push(`${key}=${value} (expected a date as YYYY-MM-DD)`);
  }

  const since = params.get('since');
  if (since !== null) {
    // Briefings live in the browser's storage, which is read later: only the shape is checked here.
    if (BRIEFING_ID.test(since)) choices.since = since;
    else dropped.push(`since=${since} (expected a briefing id)`);
  }

  const single = params.get('single');
  if (single !== null) {
    if (single === '1') choices.single = true;
    else if (single !== '0') dropped.push(`single=${single} (expected 1)`);
  }

  const scale = params.get('scale');
  if (scale !== null) {
    if ((SCALES as readonly string[]).includes(scale)) choices.scale = scale as TimelineScale;
    else dropped.push(`scale=${scale} (expected week or war)`);
  }

  const allowed = new Set([
    'country',
    'topic',
    'actor',
    'q',
    'single',
    'view',
    'slide',
    'figure',
    'event',
    'frontline',
    'compare',
    'since',
    'scale',
  ]);
  for (const key of new Set(params.keys())) {
    if (!allowed.has(key)) dropped.push(`${key} (unknown parameter)`);
  }
  return { choices, dropped };
}

/** Are two sets of choices the same as far as the URL is concerned? */
export function sameSearch(a: Choices, b: Choices): boolean {
  return stateToSearch(a) === stateToSearch(b);
}

/** The ids of a dataset that a URL may name. */
export function vocabularyOf(dataset: {
  countries: readonly { id: string }[];
  topics: readonly { id: string }[];
  actors: readonly { id: string }[];
  figures: readonly { id: string }[];
  events: readonly { id: string }[];
}): Vocabulary {
  const ids = (list: readonly { id: string }[]) => new Set(list.map((x) => x.id));
  return {
    countries: ids(dataset.countries),
    topics: ids(dataset.topics),
    actors: ids(dataset.actors),
    figures: ids(dataset.figures),
    events: ids(dataset.events),
  };
}
