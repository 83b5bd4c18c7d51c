/**
 * Topics a text is about, from the dashboard's topic vocabulary: keywords are the content words of each topic's
 * label and description, plus the synonyms below (kept as data, by topic id; ids the table does not know still
 * get their own words).
 */
import type { Dataset, Topic } from '../model/dataset/schema';
import { tokenize, words } from './entities-text';

/** Words news prose uses for a topic that its label and description do not say. Phrases are matched whole. */
export const TOPIC_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  'peace-talks': [
    'peace',
    'talks',
    'negotiation',
    'negotiate',
    'ceasefire',
    'truce',
    'diplomacy',
    'diplomatic',
    'summit',
    'envoy',
    'phone call',
    'settlement',
    'armistice',
  ],
  'military-balance': [
    'troops',
    'soldiers',
    'army',
    'artillery',
    'tanks',
    'drones',
    'missiles',
    'offensive',
    'counteroffensive',
    'battlefield',
    'brigade',
    'recruit',
    'mobilisation',
    'mobilization',
    'conscription',
    'weapons',
    'ammunition',
    'shells',
  ],
  casualties: ['killed', 'wounded', 'injured', 'dead', 'deaths', 'casualty', 'losses', 'toll'],
  territory: [
    'territory',
    'occupied',
    'captured',
    'seized',
    'annexed',
    'front line',
    'frontline',
    'advance',
    'salient',
    'square miles',
    'square kilometres',
    'square kilometers',
    'borders',
    'region',
  ],
  'sanctions-energy': [
    'sanction',
    'oil',
    'gas',
    'crude',
    'tanker',
    'refinery',
    'refineries',
    'pipeline',
    'barrels',
    'energy',
    'lng',
    'embargo',
    'price cap',
    'shadow fleet',
  ],
  'economy-markets': [
    'economy',
    'inflation',
    'interest rate',
    'key rate',
    'rouble',
    'ruble',
    'hryvnia',
    'stocks',
    'shares',
    'bonds',
    'gdp',
    'growth',
    'recession',
    'budget deficit',
    'central bank',
  ],
  'minerals-deal': ['minerals', 'rare earth', 'rare earths', 'lithium', 'titanium', 'natural resources', 'mineral'],
  'prisoner-exchange': [
    'prisoner',
    'prisoners',
    'swap',
    'exchange',
    'released',
    'freed',
    'detained',
    'hostage',
    'wrongfully',
  ],
  'nato-alliances': ['nato', 'alliance', 'allies', 'allied', 'security guarantees', 'membership', 'article 5'],
  'elections-legitimacy': ['election', 'elections', 'martial law', 'legitimacy', 'illegitimate', 'vote', 'ballot'],
  'taiwan-trade': ['taiwan', 'taipei', 'trade', 'exports', 'imports', 'trade surplus', 'trade deficit'],
  tariffs: ['tariff', 'duties', 'duty', 'levy', 'levies', 'customs', 'trade war', 'exemption'],
  semiconductors: ['chip', 'chips', 'chipmaker', 'semiconductor', 'tsmc', 'foundry', 'wafer', 'nvidia'],
  'defence-spending': [
    'defence budget',
    'defense budget',
    'military spending',
    'defence spending',
    'defense spending',
    'gdp',
    'arms',
    'procurement',
    'budget',
  ],
  cybercrime: ['cyber', 'hacker', 'hackers', 'ransomware', 'crypto', 'cryptocurrency', 'bitcoin', 'laundering'],
  'us-politics': [
    'administration',
    'congress',
    'senate',
    'republican',
    'republicans',
    'democrat',
    'democrats',
    'nominee',
    'confirmed',
    'cabinet',
    'white house',
  ],
};

/** Words too common or too general to mark a topic by themselves. */
const STOP = new Set(
  (
    'a an and the of in on at to for from with by or as its their his her our this that these those what how ' +
    'which who whom each every more most much many very than then there here into over under about after before ' +
    "since while also other another such some any all both new old war ukraine ukraine’s ukraine's russia " +
    "russian russia’s russia's united states american us end ends ending call calls demand share shares share " +
    'month months year years including held hold holding its it be been being is are was were will would could ' +
    'should may might do does did done has have had made make makes making between against within without ' +
    'large growing political time times fewer slow steady thing things'
  ).split(/\s+/),
);

interface TopicKeywords {
  id: string;
  /** Words of the label and synonyms (matched as stems: "sanction" matches "sanctions", "sanctioned"): weight 2. */
  strong: string[];
  /** Common nouns of the description: weight 1, so one alone does not make a topic. */
  weak: string[];
  /** Phrases of several words, matched whole in the lower-cased text: weight 2. */
  phrases: string[];
}

/** A text is about a topic from this score up. */
const THRESHOLD = 2;

const cache = new WeakMap<readonly Topic[], TopicKeywords[]>();

function keywordsOf(topics: readonly Topic[]): TopicKeywords[] {
  const cached = cache.get(topics);
  if (cached !== undefined) return cached;
  const out = topics.map((t): TopicKeywords => {
    const strong = new Set<string>();
    const weak = new Set<string>();
    const phrases = new Set<string>();
    for (const w of words(t.label)) if (w.length >= 3 && !STOP.has(w)) strong.add(stem(w));
    // The description's common nouns, not its names ("Zelensky's term" is not a keyword).
    const descriptionWords = tokenize(t.description)
      .filter((tok, i) => i === 0 || !/^\p{Lu}/u.test(tok.text))
      .map((tok) => tok.text.toLowerCase().replace(/\.$/, ''));
    for (const w of descriptionWords) if (w.length >= 4 && !STOP.has(w)) weak.add(stem(w));
    for (const syn of TOPIC_SYNONYMS[t.id] ?? []) {
      if (syn.includes(' ')) phrases.add(syn);
      else strong.add(stem(syn));
    }
    for (const w of strong) weak.delete(w);
    return { id: t.id, strong: [...strong].sort(), weak: [...weak].sort(), phrases: [...phrases].sort() };
  });
  cache.set(topics, out);
  return out;
}

/** A crude stem: plural and common endings off ("sanctions" → "sanction", "tariffs" → "tariff"). */
function stem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /[^s]s$/.test(w)) return w.slice(0, -1);
  return w;
}

function matchesStem(word: string, s: string): boolean {
  if (word === s) return true;
  // Short stems must match whole words (or plurals): "oil" is not "oilseed", "gas" not "gasp".
  if (s.length <= 4) return word === `${s}s` || word === `${s}es`;
  return word.startsWith(s) && word.length - s.length <= 4;
}

/** Topic ids the text is about, best first (most keyword hits; the vocabulary's order breaks ties). */
export function topicsIn(text: string, dataset: Pick<Dataset, 'topics'>): string[] {
  const lower = text.toLowerCase();
  const textWords = words(text).map((w) => w.replace(/['’]s$/, ''));
  const scored: { id: string; score: number; order: number }[] = [];
  keywordsOf(dataset.topics).forEach((k, order) => {
    let score = 0;
    for (const s of k.strong) if (textWords.some((w) => matchesStem(w, s))) score += 2;
    for (const s of k.weak) if (textWords.some((w) => matchesStem(w, s))) score += 1;
    for (const p of k.phrases) if (containsPhrase(lower, p)) score += 2;
    if (score >= THRESHOLD) scored.push({ id: k.id, score, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((s) => s.id);
}

function containsPhrase(lower: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const i = lower.indexOf(phrase, from);
    if (i < 0) return false;
    const before = i === 0 ? ' ' : lower[i - 1]!;
    const after = lower[i + phrase.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    from = i + 1;
  }
}
