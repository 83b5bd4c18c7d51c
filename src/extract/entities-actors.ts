/**
 * Known actors named in a text: by name, alias, surname alone when no other known person shares it
 * ("Putin", "Mr. Trump"), spelling variants of Slavic surnames ("Zelensky", "Zelenskiy", "Zelenskyy"), and the
 * acronym of an organisation ("IISS", "NATO", "Nato").
 */
import type { Actor, Dataset } from '../model/dataset/schema';
import { FUNCTION_WORDS, PhraseIndex, tokenize, type PhraseMatch, type Token } from './entities-text';

/** Words that stand before a name without being part of it ("President Trump", "Defence Secretary Hegseth"). */
export const TITLE_WORDS = new Set([
  'Mr',
  'Mr.',
  'Mrs',
  'Mrs.',
  'Ms',
  'Ms.',
  'Dr',
  'Dr.',
  'Sir',
  'Dame',
  'Lord',
  'President',
  'Vice',
  'Secretary',
  'Minister',
  'Prime',
  'Deputy',
  'Foreign',
  'Defence',
  'Defense',
  'Treasury',
  'State',
  'Commerce',
  'Finance',
  'Interior',
  'Chancellor',
  'Premier',
  'King',
  'Queen',
  'Prince',
  'Princess',
  'Pope',
  'Judge',
  'Justice',
  'Ambassador',
  'Envoy',
  'Special',
  'Spokesman',
  'Spokeswoman',
  'Spokesperson',
  'General',
  'Gen.',
  'Lieutenant',
  'Lt.',
  'Colonel',
  'Col.',
  'Major',
  'Maj.',
  'Admiral',
  'Adm.',
  'Commander',
  'Sergeant',
  'Sgt.',
  'Captain',
  'Capt.',
  'Senator',
  'Sen.',
  'Representative',
  'Rep.',
  'Congressman',
  'Congresswoman',
  'Governor',
  'Gov.',
  'Mayor',
  'Speaker',
  'Chairman',
  'Chairwoman',
  'Chair',
  'Chief',
  'Director',
  'Professor',
  'Prof.',
  'Former',
  'Acting',
  'Leader',
  'National',
  'Security',
  'Adviser',
  'Advisor',
  'Attorney',
  'Economy',
  'Economic',
  'Affairs',
  'Trade',
  'Energy',
  'Health',
  'Intelligence',
]);

export type ActorHit = { id: string; via: 'name' | 'alias' | 'surname' | 'acronym' };

const SLAVIC_ENDING = /(sky|skiy|skyy|skyi|ski|skii)$/;

/** Transliteration variants of a surname ("Zelensky" → "Zelenskiy", "Zelenskyy", "Zelenskyi", "Zelenski"). */
export function spellingVariants(surname: string): string[] {
  const m = SLAVIC_ENDING.exec(surname);
  if (m === null) return [surname];
  const root = surname.slice(0, m.index);
  return ['sky', 'skiy', 'skyy', 'skyi', 'ski', 'skii'].map((e) => `${root}${e}`);
}

/** The family name of a person: the last word, or the first for East Asian order ("Lai Ching-te", "Kuo Jyh-Huei"). */
export function surnameOf(name: string): string | null {
  const parts = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter((p) => p.length > 0 && !/^[A-Z]\.$/.test(p) && !/^(?:Jr\.?|Sr\.?|II|III)$/.test(p));
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!;
  if (parts.length === 2 && /^[A-Z][a-z]+-[A-Za-z]+$/.test(last)) return parts[0]!;
  return last;
}

/** Name without middle initials ("Bonnie S. Glaser" → "Bonnie Glaser", "Vladimir V. Putin" → "Vladimir Putin"). */
function withoutInitials(name: string): string {
  return name.replace(/\s+[A-Z]\.(?=\s)/g, '');
}

function acronymsOf(actor: Actor): string[] {
  if (actor.kind === 'person') return [];
  const out: string[] = [];
  const capitalised = actor.name.split(/[\s,]+/).filter((w) => /^\p{Lu}/u.test(w));
  if (capitalised.length >= 3) {
    const acronym = capitalised.map((w) => w[0]).join('');
    out.push(acronym);
    if (acronym.length >= 4) out.push(acronym[0] + acronym.slice(1).toLowerCase());
  }
  // Short ids of organisations are often their acronym ("iiss", "isw", "tsmc").
  if (/^[a-z]{3,6}$/.test(actor.id)) out.push(actor.id.toUpperCase());
  return out;
}

const indexes = new WeakMap<readonly Actor[], PhraseIndex<ActorHit>>();

/** The index of every way to name a known actor, built once per actor list. */
export function actorIndex(actors: readonly Actor[]): PhraseIndex<ActorHit> {
  const cached = indexes.get(actors);
  if (cached !== undefined) return cached;
  const index = new PhraseIndex<ActorHit>();
  const surnames = new Map<string, Set<string>>();
  for (const a of actors) {
    if (a.kind !== 'person') continue;
    for (const name of [a.name, ...(a.aliases ?? [])]) {
      const s = surnameOf(name);
      if (s === null) continue;
      for (const v of spellingVariants(s)) {
        const set = surnames.get(v) ?? new Set<string>();
        set.add(a.id);
        surnames.set(v, set);
      }
    }
  }
  for (const a of actors) {
    const names = [a.name, withoutInitials(a.name)];
    if (a.name.startsWith('The ')) names.push(a.name.slice(4));
    for (const n of names) index.add(n, { id: a.id, via: 'name' });
    if (a.kind === 'person') {
      const s = surnameOf(a.name);
      const first = a.name.split(/\s+/)[0] ?? '';
      if (s !== null) {
        for (const v of spellingVariants(s)) {
          // "Volodymyr Zelenskiy": the full name with a variant surname.
          const full = withoutInitials(a.name);
          if (s !== first && full.endsWith(s)) index.add(full.slice(0, -s.length) + v, { id: a.id, via: 'name' });
        }
      }
    }
    for (const alias of a.aliases ?? []) index.add(alias, { id: a.id, via: 'alias' });
    for (const acronym of acronymsOf(a)) index.add(acronym, { id: a.id, via: 'acronym' });
  }
  for (const [surname, ids] of surnames) {
    if (ids.size === 1) index.add(surname, { id: [...ids][0]!, via: 'surname' });
  }
  indexes.set(actors, index);
  return index;
}

const isCapitalised = (t: Token | undefined): boolean => t !== undefined && /^\p{Lu}/u.test(t.text);

/**
 * A surname alone names the known person unless a different first name stands before it ("Eric Trump")
 * or another capitalised word continues the name ("Trump Tower" is still counted: a building is named after him).
 */
function surnameStandsAlone(text: string, tokens: readonly Token[], m: PhraseMatch<ActorHit>): boolean {
  const before = m.firstToken > 0 ? tokens[m.firstToken - 1] : undefined;
  if (before === undefined || !isCapitalised(before) || text.slice(before.end, m.start) !== ' ') return true;
  return (
    TITLE_WORDS.has(before.text) ||
    FUNCTION_WORDS.has(before.text) ||
    /['’]s?$/.test(before.text) ||
    /^\p{Lu}\.$/u.test(before.text)
  );
}

export interface ActorMention {
  id: string;
  start: number;
  end: number;
  via: ActorHit['via'];
}

/** Every mention of a known actor in a text, in order. */
export function actorMentions(text: string, actors: readonly Actor[]): ActorMention[] {
  const tokens = tokenize(text);
  const out: ActorMention[] = [];
  for (const m of actorIndex(actors).find(text, tokens)) {
    const hit = m.values[0];
    if (hit === undefined) continue;
    if (hit.via === 'surname' && !surnameStandsAlone(text, tokens, m)) continue;
    out.push({ id: hit.id, start: m.start, end: m.end, via: hit.via });
  }
  return out;
}

/** Ids of the known actors a text names, in order of first mention, each once. */
export function actorsIn(text: string, dataset: Pick<Dataset, 'actors'>): string[] {
  const out: string[] = [];
  for (const m of actorMentions(text, dataset.actors)) if (!out.includes(m.id)) out.push(m.id);
  return out;
}
