/**
 * Countries named in a text, as ISO 3166-1 alpha-2 codes: by name ("Ukraine", "the United States", "U.S."),
 * demonym ("Russian", "Taiwanese", "Americans"), well-known city ("Kyiv", "Moscow", "Washington") or seat of
 * government ("the Kremlin", "the White House"). Matching is case-sensitive on whole words ("US" but not "us").
 */
import type { Gazetteer, GazetteerPlace } from './gazetteer';
import { FUNCTION_WORDS, PhraseIndex, tokenize, type PhraseMatch, type Token } from './entities-text';

/** How a country was named; `null` marks phrases that look like a country but name none ("Latin America"). */
export interface CountryHit {
  code: string | null;
  via: 'name' | 'demonym' | 'city' | 'seat';
}

/** Seats of government and institutions that news prose uses for their country. */
const SEATS: Record<string, string[]> = {
  RU: ['Kremlin', 'State Duma'],
  US: ['White House', 'Pentagon', 'State Department', 'Capitol Hill'],
  GB: ['Downing Street', 'Whitehall'],
  UA: ['Verkhovna Rada'],
  FR: ['Élysée', 'Elysee Palace'],
  CN: ['Zhongnanhai'],
  DE: ['Bundestag'],
};

/** Phrases that contain a country word but do not name that country; matched first so they are skipped. */
const NOT_A_COUNTRY: Record<string, string | null> = {
  'Latin America': null,
  'Latin American': null,
  'South America': null,
  'South American': null,
  'North America': null,
  'North American': null,
  'Central America': null,
  'Central American': null,
  'Native American': null,
  'African American': null,
  'Asian American': null,
  'Indian Ocean': null,
  'English Channel': null,
  'New Guinea': null,
  'New England': 'US',
  'New Jersey': 'US',
  'New Mexico': 'US',
  'New South Wales': 'AU',
  'Washington State': 'US',
};

/** Country names that are also first names or a US state: need context (see `isPersonOrState`). */
const AMBIGUOUS_NAMES = new Set(['Georgia', 'Jordan', 'Chad']);
/** Words that show "Georgia" is the US state. */
const US_STATE_CUES =
  /\b(?:Atlanta|Savannah|Augusta|Macon|state of Georgia|Georgia (?:Republican|Democrat|Senator|Sen\.|Gov\.|Governor|voters|Tech)|(?:Sen|Rep|Gov)\.|Ga\.|Peach State|Kemp|U\.S\. state|US state)\b/;

/** Capitalised words that may follow a city without making it part of another name ("Kyiv Mayor"). */
const CITY_FOLLOWERS = new Set(['Mayor', 'Governor', 'Region', 'Oblast', 'Province', 'Airport', 'Station']);

/** Cities that name their country: capitals, cities of a million, and every place in the war's region. */
function namesItsCountry(place: GazetteerPlace): boolean {
  return place.capital === true || place.population >= 1_000_000 || ['UA', 'RU'].includes(place.country);
}

/** A people named by its demonym's plural: "Ukrainian" → "Ukrainians", "Israeli" → "Israelis"; null for "French". */
function demonymPlural(demonym: string): string | null {
  return /(?:an|i)$/.test(demonym) ? `${demonym}s` : null;
}

const indexes = new WeakMap<Gazetteer, PhraseIndex<CountryHit>>();

/** The index of every way to name a country, built once per gazetteer. */
export function countryIndex(gaz: Gazetteer): PhraseIndex<CountryHit> {
  const cached = indexes.get(gaz);
  if (cached !== undefined) return cached;
  const index = new PhraseIndex<CountryHit>();
  const known = new Set(gaz.countries.map((c) => c.id));
  for (const [phrase, code] of Object.entries(NOT_A_COUNTRY)) {
    index.add(phrase, { code: code !== null && known.has(code) ? code : null, via: 'name' });
  }
  for (const c of gaz.countries) {
    for (const name of [c.name, ...c.names]) index.add(name, { code: c.id, via: 'name' });
    for (const d of c.demonyms) {
      index.add(d, { code: c.id, via: 'demonym' });
      const p = demonymPlural(d);
      if (p !== null) index.add(p, { code: c.id, via: 'demonym' });
    }
  }
  for (const [code, seats] of Object.entries(SEATS)) {
    if (known.has(code)) for (const s of seats) index.add(s, { code, via: 'seat' });
  }
  // Places are sorted by population, so the biggest city of a name comes first.
  for (const place of gaz.places) {
    if (!namesItsCountry(place)) continue;
    for (const name of [place.name, ...(place.alt ?? [])]) index.add(name, { code: place.country, via: 'city' });
  }
  indexes.set(gaz, index);
  return index;
}

const isCapitalised = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.text);

/**
 * Is this match a word of a longer proper name ("Michael Jordan", "George Washington", "Washington Post")? A
 * capitalised word right before it (not opening the sentence, not a function word), or right after it.
 */
export function isPartOfLongerName(text: string, tokens: readonly Token[], m: PhraseMatch<unknown>): boolean {
  const before = m.firstToken > 0 ? tokens[m.firstToken - 1] : undefined;
  const after = tokens[m.lastToken + 1];
  const gapBefore = before === undefined ? '' : text.slice(before.end, m.start);
  const gapAfter = after === undefined ? '' : text.slice(m.end, after.start);
  const joinedBefore =
    before !== undefined &&
    /^[ -]$/.test(gapBefore) &&
    isCapitalised(before) &&
    !FUNCTION_WORDS.has(before.text) &&
    !/['’]s?$|\.$/.test(before.text);
  const joinedAfter =
    after !== undefined &&
    gapAfter === ' ' &&
    isCapitalised(after) &&
    !CITY_FOLLOWERS.has(after.text) &&
    !FUNCTION_WORDS.has(after.text);
  return joinedBefore || joinedAfter;
}

function keep(text: string, tokens: readonly Token[], m: PhraseMatch<CountryHit>, hit: CountryHit): boolean {
  if (hit.code === null) return false;
  if (AMBIGUOUS_NAMES.has(m.text)) {
    if (isPartOfLongerName(text, tokens, m)) return false;
    if (m.text === 'Georgia' && US_STATE_CUES.test(text)) return false;
  }
  if (hit.via === 'city' && isPartOfLongerName(text, tokens, m)) return false;
  return true;
}

/** Every country match in a text, in order, with how it was named. */
export function countryMatches(
  text: string,
  gaz: Gazetteer,
): { code: string; via: CountryHit['via']; match: PhraseMatch<CountryHit> }[] {
  const tokens = tokenize(text);
  const out: { code: string; via: CountryHit['via']; match: PhraseMatch<CountryHit> }[] = [];
  for (const m of countryIndex(gaz).find(text, tokens)) {
    // A name of a country wins over a city of the same name ("Singapore", "Mexico").
    const hit = m.values.find((v) => v.via !== 'city') ?? m.values[0];
    if (hit === undefined || !keep(text, tokens, m, hit) || hit.code === null) continue;
    out.push({ code: hit.code, via: hit.via, match: m });
  }
  return out;
}

/** ISO codes of the countries a text names, in order of first mention, each once. */
export function countriesIn(text: string, gaz: Gazetteer): string[] {
  const out: string[] = [];
  for (const { code } of countryMatches(text, gaz)) if (!out.includes(code)) out.push(code);
  return out;
}
