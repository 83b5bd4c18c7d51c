/**
 * The words that name a unit after a number, mapped to the unit ids of the vocabulary (`data/units.json`,
 * passed in with the dataset). The vocabulary's own labels count too; these lists add the other ways news
 * prose writes them, and the nouns that make a count ("officials" are people, "allies" countries).
 */
import type { UnitInfo } from '../model/dataset/schema';

/** Unit id → words after a number (lower case). */
const UNIT_WORDS: Record<string, readonly string[]> = {
  usd: ['us dollars', 'u.s. dollars', 'dollars', 'dollar'],
  eur: ['euros', 'euro'],
  // "pounds" alone is a weight (see `mass`): money only as "pounds sterling" or with "£".
  gbp: ['pounds sterling', 'pound sterling', 'british pounds', 'sterling'],
  rub: ['roubles', 'rouble', 'rubles', 'ruble'],
  uah: ['hryvnias', 'hryvnia', 'hryvnas'],
  cny: ['yuan', 'renminbi'],
  jpy: ['yen'],
  twd: ['new taiwan dollars', 'taiwan dollars'],
  thb: ['thai baht', 'baht'],
  sgd: ['singapore dollars', 'singapore dollar'],
  cad: ['canadian dollars', 'canadian dollar'],
  aud: ['australian dollars', 'australian dollar'],
  hkd: ['hong kong dollars', 'hong kong dollar'],
  inr: ['indian rupees', 'rupees'],
  pkr: ['pakistani rupees'],
  chf: ['swiss francs', 'swiss franc'],
  krw: ['south korean won', 'korean won'],
  xaf: ['cfa francs', 'cfa franc'],
  kes: ['kenyan shillings', 'shillings'],
  brl: ['brazilian reais', 'reais'],
  try: ['turkish lira', 'lira'],
  pln: ['zlotys', 'zloty'],
  percent: ['percent', 'per cent', '%', 'pct'],
  'percentage-points': ['percentage points', 'percentage point', 'points of percentage'],
  'barrels-per-day': [
    'barrels of oil per day',
    'barrels of oil a day',
    'barrels per day',
    'barrels a day',
    'barrel per day',
    'barrel a day',
    'bpd',
    'b/d',
  ],
  barrels: ['barrels of oil', 'barrels', 'barrel'],
  'cubic-metres': ['cubic metres', 'cubic meters', 'cubic metre', 'cubic meter', 'm3', 'm³', 'bcm'],
  tonnes: ['metric tons', 'metric tonnes', 'tonnes', 'tonne', 'tons', 'ton', 'mmt', 'mt'],
  kilograms: ['kilograms', 'kilogrammes', 'kilogram', 'kg'],
  pounds: ['pounds', 'pound', 'lbs', 'lb'],
  gigawatts: ['gigawatts', 'gigawatt', 'gw'],
  megawatts: ['megawatts', 'megawatt', 'mw'],
  kilowatts: ['kilowatts', 'kilowatt', 'kw'],
  'terawatt-hours': ['terawatt-hours', 'terawatt hours', 'twh'],
  'gigawatt-hours': ['gigawatt-hours', 'gigawatt hours', 'gwh'],
  'megawatt-hours': ['megawatt-hours', 'megawatt hours', 'mwh'],
  'kilowatt-hours': ['kilowatt-hours', 'kilowatt hours', 'kwh'],
  'square-kilometres': [
    'square kilometres',
    'square kilometers',
    'square kilometre',
    'square kilometer',
    'square km',
    'sq km',
    'sq. km',
    'km2',
    'km²',
  ],
  'square-miles': ['square miles', 'square mile', 'sq miles', 'sq mi'],
  hectares: ['hectares', 'hectare'],
  kilometres: ['kilometres', 'kilometers', 'kilometre', 'kilometer', 'km'],
  miles: ['miles', 'mile'],
  metres: ['metres', 'meters', 'metre', 'meter'],
  yards: ['yards', 'yard'],
  years: ['years', 'year'],
  months: ['months', 'month'],
  weeks: ['weeks', 'week'],
  days: ['days', 'day'],
  hours: ['hours', 'hour'],
  minutes: ['minutes', 'minute'],
};

/** Nouns that make a count, and the unit they count in (lower case, plural and singular). */
const COUNT_NOUNS: Record<string, readonly string[]> = {
  people: [
    'people',
    'persons',
    'person',
    'officials',
    'official',
    'executives',
    'executive',
    'traders',
    'civilians',
    'residents',
    'workers',
    'children',
    'women',
    'men',
    'americans',
    'american',
    'ukrainians',
    'russians',
    'britons',
    'lawmakers',
    'citizens',
    'migrants',
    'journalists',
    'hostages',
    'employees',
    'students',
    'voters',
    'politicians',
    'diplomats',
    'experts',
    'analysts',
    'leaders',
    'ministers',
    'senators',
    'inhabitants',
    'volunteers',
    'agents',
    'doctors',
    'patients',
    'victims',
    'survivors',
    'protesters',
    'passengers',
    'families',
    'individuals',
    'businesspeople',
    'sources',
    'delegates',
    'members',
    'trainers',
    'advisers',
    'advisors',
    'instructors',
    'engineers',
    'officers',
    'militants',
    'staff',
    'personnel',
    'adults',
    'pilots',
    'foreigners',
    'tourists',
    'visitors',
    'nationals',
    'immigrants',
    'asylum-seekers',
    'asylum seekers',
    'respondents',
  ],
  soldiers: ['soldiers', 'soldier', 'servicemen', 'fighters', 'conscripts', 'recruits', 'mercenaries'],
  troops: ['troops', 'peacekeepers'],
  prisoners: ['prisoners of war', 'prisoners', 'prisoner', 'pows', 'detainees', 'captives'],
  casualties: ['casualties', 'casualty'],
  deaths: ['deaths', 'fatalities', 'dead'],
  refugees: ['refugees', 'refugee', 'displaced people'],
  tanks: ['tanks', 'tank'],
  'armoured-vehicles': ['armoured vehicles', 'armored vehicles', 'armoured personnel carriers', 'combat vehicles'],
  'artillery-systems': ['artillery systems', 'artillery pieces', 'howitzers'],
  aircraft: ['aircraft', 'jets', 'warplanes', 'planes', 'fighter jets', 'bombers'],
  helicopters: ['helicopters', 'helicopter'],
  drones: ['drones', 'drone', 'uavs'],
  missiles: ['missiles', 'missile', 'rockets', 'cruise missiles', 'ballistic missiles'],
  shells: ['artillery shells', 'shells', 'rounds of ammunition'],
  ships: ['ships', 'ship', 'vessels', 'warships', 'boats'],
  tankers: ['tankers', 'tanker'],
  attacks: ['attacks', 'attack', 'strikes', 'air strikes', 'airstrikes', 'assaults', 'raids'],
  sanctions: ['sanctions'],
  companies: ['companies', 'company', 'firms', 'businesses', 'banks', 'entities'],
  countries: ['countries', 'nations', 'allies', 'member states', 'governments'],
  settlements: ['settlements', 'villages', 'towns', 'localities'],
  homes: ['homes', 'houses', 'apartments', 'flats'],
  jobs: ['jobs'],
  votes: ['votes'],
  steps: ['steps', 'step', 'stages', 'phases'],
  followers: ['followers', 'subscribers'],
};

export interface UnitWord {
  words: string;
  unit: string;
  /** A count noun rather than a unit of measure: modifiers may stand between it and the number. */
  noun: boolean;
}

export interface UnitVocabulary {
  known: ReadonlySet<string>;
  /** Units of measure, longest words first. */
  measures: readonly UnitWord[];
  /** Count nouns, longest first. */
  nouns: readonly UnitWord[];
  info: ReadonlyMap<string, UnitInfo>;
}

const byLength = (a: UnitWord, b: UnitWord) => b.words.length - a.words.length || a.words.localeCompare(b.words);

const cache = new WeakMap<readonly UnitInfo[], UnitVocabulary>();

/** The words for every unit of the vocabulary, memoised per units list. */
export function unitVocabulary(units: readonly UnitInfo[]): UnitVocabulary {
  const hit = cache.get(units);
  if (hit) return hit;
  const known = new Set(units.map((u) => u.id));
  // Words for units the vocabulary lacks are kept: a rate ("yards" + "a day") may still resolve to a known unit.
  const measures: UnitWord[] = Object.entries(UNIT_WORDS).flatMap(([unit, words]) =>
    words.map((w) => ({ words: w, unit, noun: false })),
  );
  const nouns: UnitWord[] = Object.entries(COUNT_NOUNS).flatMap(([unit, words]) =>
    words.map((w) => ({ words: w, unit, noun: true })),
  );
  const seen = new Set([...measures, ...nouns].map((w) => w.words));
  for (const u of units) {
    if (u.dimension !== 'count') continue;
    for (const w of [u.label, u.singular]) {
      const words = w?.toLowerCase();
      if (words && !seen.has(words)) {
        seen.add(words);
        nouns.push({ words, unit: u.id, noun: true });
      }
    }
  }
  const vocabulary: UnitVocabulary = {
    known,
    measures: measures.sort(byLength),
    nouns: nouns.sort(byLength),
    info: new Map(units.map((u) => [u.id, u])),
  };
  cache.set(units, vocabulary);
  return vocabulary;
}

/** The unit a rate "a day" makes of a unit, if the vocabulary has it ("casualties" → "casualties-per-day"). */
export function perDay(unit: string, vocabulary: UnitVocabulary): string | undefined {
  const id = `${unit}-per-day`;
  return vocabulary.known.has(id) ? id : undefined;
}
