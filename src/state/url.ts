/**
 * URL ⇄ choices, from one table (URL_PARAMS): for each choice, its parameter's name, its default, and how it is
 * written and read. Defaults are left out of the URL; unknown values are dropped and reported (the caller warns
 * once), never fatal. A new choice of the store needs one row here, and `tsc` fails until it has one.
 */
import type { Choices, TimelineScale, View } from './store';

/** The kinds of ids a URL may name. */
const VOCABULARY_KINDS = ['countries', 'topics', 'actors', 'figures', 'events'] as const;

/** The ids a URL may name; anything else is dropped. */
export type UrlVocabulary = Record<(typeof VOCABULARY_KINDS)[number], ReadonlySet<string>>;

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

/** What reading a parameter may use: the ids a URL may name, and a way to say why a value was dropped. */
export interface ReadContext {
  vocab: UrlVocabulary;
  /**
   * Drops `value` with the reason in words, reported as `key=value (why)` (e.g. `country=ZZ (unknown country)`);
   * returns undefined, which `decode` may return in turn to keep the default.
   */
  drop: (value: string, why: string) => undefined;
}

/** One URL parameter: its name, the choice's default, and how the choice is written and read. */
export interface ParamSpec<T> {
  /** The parameter's name in the address ("country"). */
  key: string;
  /** The choice when the address does not give it (or gives nothing usable). */
  default: T;
  /** The choice as written in the address; null leaves the parameter out. */
  encode: (value: T) => string | null;
  /** The address's text as the choice; undefined keeps the default (after `drop`, when the text was wrong). */
  decode: (text: string, context: ReadContext) => T | undefined;
}

/** The table's type: one row for every choice of the store, and no other. */
export type UrlParams = { readonly [K in keyof Choices]: ParamSpec<Choices[K]> };

/** Comma-separated ids of one kind, kept in order, each once; `normalise` forgives case ("country=tw"). */
function idList(
  key: string,
  kind: keyof UrlVocabulary,
  what: string,
  normalise: (id: string) => string,
): ParamSpec<string[]> {
  return {
    key,
    default: [],
    // Commas in lists are ours: stateToSearch keeps them readable.
    encode: (ids) => (ids.length > 0 ? ids.join(',') : null),
    decode: (text, { vocab, drop }) => {
      const kept: string[] = [];
      for (const raw of text.split(',').map((v) => v.trim())) {
        if (!raw) continue;
        const id = normalise(raw);
        if (!vocab[kind].has(id)) drop(raw, `unknown ${what}`);
        else if (!kept.includes(id)) kept.push(id);
      }
      return kept;
    },
  };
}

/** One id of one kind, or null for none. */
function oneId(key: string, kind: keyof UrlVocabulary, what: string): ParamSpec<string | null> {
  return {
    key,
    default: null,
    encode: (id) => id || null,
    decode: (text, { vocab, drop }) => (vocab[kind].has(text) ? text : drop(text, `unknown ${what}`)),
  };
}

/** One of a few words, the first being the default. */
function oneOf<T extends string>(key: string, words: readonly [T, ...T[]]): ParamSpec<T> {
  const [first] = words;
  return {
    key,
    default: first,
    encode: (word) => (word !== first ? word : null),
    decode: (text, { drop }) =>
      (words as readonly string[]).includes(text) ? (text as T) : drop(text, `expected ${words.join(' or ')}`),
  };
}

/** A calendar date, or null for none. */
function calendarDate(key: string): ParamSpec<string | null> {
  return {
    key,
    default: null,
    encode: (date) => date || null,
    decode: (text, { drop }) => (isCalendarDate(text) ? text : drop(text, 'expected a date as YYYY-MM-DD')),
  };
}

/**
 * Every choice's parameter, in the order the address lists them ("country=TW&topic=tariffs&view=brief"). Its type
 * has a row for each choice of the store: a choice without a row, or a row without a choice, fails `tsc`.
 */
export const URL_PARAMS: UrlParams = {
  countries: idList('country', 'countries', 'country', (id) => id.toUpperCase()),
  topics: idList('topic', 'topics', 'topic', (id) => id.toLowerCase()),
  actor: oneId('actor', 'actors', 'actor'),
  q: {
    key: 'q',
    default: '',
    encode: (q) => (q.trim() ? q : null),
    decode: (text) => text.slice(0, MAX_QUERY),
  },
  single: {
    key: 'single',
    default: false,
    encode: (single) => (single ? '1' : null),
    decode: (text, { drop }) => (text === '1' ? true : text === '0' ? undefined : drop(text, 'expected 1')),
  },
  view: oneOf<View>('view', ['explore', 'brief']),
  slide: {
    key: 'slide',
    default: 1,
    encode: (slide) => (slide !== 1 ? String(slide) : null),
    decode: (text, { drop }) => {
      const n = Number(text);
      return /^\d+$/.test(text) && Number.isSafeInteger(n) && n >= 1 ? n : drop(text, 'expected a whole number from 1');
    },
  },
  figure: oneId('figure', 'figures', 'figure'),
  event: oneId('event', 'events', 'event'),
  frontline: calendarDate('frontline'),
  compare: calendarDate('compare'),
  since: {
    key: 'since',
    default: null,
    encode: (id) => id || null,
    // Briefings live in the browser's storage, which is read later: only the shape is checked here.
    decode: (text, { drop }) => (BRIEFING_ID.test(text) ? text : drop(text, 'expected a briefing id')),
  },
  scale: oneOf<TimelineScale>('scale', ['week', 'war']),
};

/** The store's choices, in the table's order. */
export const CHOICE_KEYS = Object.keys(URL_PARAMS) as (keyof Choices)[];

/**
 * An invite link's token (`?join=<token>`, made by the workspace's "Invite link"): read once at start and then
 * dropped from the address; not a choice, so it has no row in URL_PARAMS.
 */
export const JOIN_KEY = 'join';
const JOIN_TOKEN = /^[A-Za-z0-9_-]{8,200}$/;

/** The invite token an address carries, or null (a malformed one is null too). */
export function joinTokenOf(search: string): string | null {
  const token = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search).get(JOIN_KEY);
  return token !== null && JOIN_TOKEN.test(token) ? token : null;
}

/** The parameters an address may have; any other is dropped as unknown. */
const KNOWN_KEYS: ReadonlySet<string> = new Set([...CHOICE_KEYS.map((name) => URL_PARAMS[name].key), JOIN_KEY]);

/** Every choice at its default, with lists of their own (the caller may change them). */
export function defaultChoices(): Choices {
  const choices = {} as Record<keyof Choices, unknown>;
  for (const name of CHOICE_KEYS) {
    const value = URL_PARAMS[name].default;
    choices[name] = Array.isArray(value) ? [...value] : value;
  }
  return choices as Choices;
}

/** Choices → query string without "?" ("" for all defaults). Lists keep their order. */
export function stateToSearch(choices: Choices): string {
  const params = new URLSearchParams();
  const write = <K extends keyof Choices>(name: K) => {
    const spec: ParamSpec<Choices[K]> = URL_PARAMS[name];
    const text = spec.encode(choices[name]);
    if (text !== null) params.set(spec.key, text);
  };
  for (const name of CHOICE_KEYS) write(name);
  // Commas in lists are ours: keep them readable.
  return params.toString().replace(/%2C/g, ',');
}

export interface ParsedSearch {
  choices: Choices;
  /** One line per value that was ignored, e.g. `country=ZZ (unknown country)`. */
  dropped: string[];
}

/** Query string (with or without "?") → choices. Never throws. */
export function searchToState(search: string, vocab: UrlVocabulary): ParsedSearch {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const dropped: string[] = [];
  const choices = defaultChoices();
  const read = <K extends keyof Choices>(name: K) => {
    const spec: ParamSpec<Choices[K]> = URL_PARAMS[name];
    const text = params.get(spec.key);
    if (text === null) return;
    const drop = (value: string, why: string) => {
      dropped.push(`${spec.key}=${value} (${why})`);
      return undefined;
    };
    const value = spec.decode(text, { vocab, drop });
    if (value !== undefined) choices[name] = value;
  };
  for (const name of CHOICE_KEYS) read(name);
  for (const key of new Set(params.keys())) {
    if (!KNOWN_KEYS.has(key)) dropped.push(`${key} (unknown parameter)`);
  }
  return { choices, dropped };
}

/** Are two sets of choices the same as far as the URL is concerned? */
export function sameSearch(a: Choices, b: Choices): boolean {
  return stateToSearch(a) === stateToSearch(b);
}

/** The ids of a dataset that a URL may name. */
export function vocabularyOf(dataset: Record<keyof UrlVocabulary, readonly { id: string }[]>): UrlVocabulary {
  const vocab = {} as Record<keyof UrlVocabulary, ReadonlySet<string>>;
  for (const kind of VOCABULARY_KINDS) vocab[kind] = new Set(dataset[kind].map((x) => x.id));
  return vocab;
}

/** A vocabulary that always reads the one `current` gives now (the ids follow the dataset as the analyst adds to it). */
export function liveVocabulary(current: () => UrlVocabulary): UrlVocabulary {
  const live = {} as UrlVocabulary;
  for (const kind of VOCABULARY_KINDS)
    Object.defineProperty(live, kind, { get: () => current()[kind], enumerable: true });
  return live;
}
