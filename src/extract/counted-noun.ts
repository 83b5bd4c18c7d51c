/**
 * What a number counts, found by compromise's part-of-speech tagger rather than a fixed list of nouns: the
 * noun phrase after the number ("212 different kinds of armoured vehicle", "18 off-duty Frontier Corps
 * personnel", "14.1 gigawatts"), or, when the number stands alone, the thing the sentence names for it ("the
 * number of U.S. destroyers … from four to six", "61,200 are listed as missing"). Pure; the tagger runs once
 * per sentence, and only for sentences that hold a number without a unit.
 */
import nlp from 'compromise';

export interface Term {
  text: string;
  /** Lower case, as compromise normalises it ("tuesday's"). */
  normal: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** Punctuation and space before and after the word, as written. */
  pre: string;
  post: string;
}

interface CompromiseTerm {
  text: string;
  normal: string;
  tags: string[];
  pre: string;
  post: string;
  offset: { start: number; length: number };
}

/** The sentence's words with their part-of-speech tags and offsets. */
export function sentenceTerms(s: string): Term[] {
  const json = nlp(s).json({ offset: true, terms: { offset: true } }) as { terms: CompromiseTerm[] }[];
  return json.flatMap((sentence) =>
    sentence.terms
      .filter((t) => t.text.length > 0)
      .map((t) => ({
        text: t.text,
        normal: t.normal,
        start: t.offset.start,
        end: t.offset.start + t.offset.length,
        tags: new Set(t.tags),
        pre: t.pre,
        post: t.post,
      })),
  );
}

export interface CountedPhrase {
  /** The words of the phrase, from its first modifier to its head noun (and an "of" complement). */
  start: number;
  end: number;
  words: string;
  /** The compound noun the phrase counts ("chicken farmers and sellers", "Brigade Combat Teams"). */
  noun: string;
  /** The head noun, lower case ("sellers"). */
  head: string;
}

const is = (t: Term | undefined, tag: string) => t !== undefined && t.tags.has(tag);
const isNoun = (t: Term | undefined) =>
  t !== undefined && (is(t, 'Noun') || is(t, 'ProperNoun')) && !is(t, 'Pronoun') && !is(t, 'Value');
/** A plural noun the tagger read as a verb after a modifier: "three northern U.S. states", "artillery rounds". */
const pluralAsVerb = (t: Term | undefined, prev: Term | undefined) =>
  t !== undefined &&
  is(t, 'Verb') &&
  is(t, 'PresentTense') &&
  !is(t, 'Gerund') &&
  /[^s]s$/.test(t.normal) &&
  prev !== undefined &&
  !endsHere(prev) &&
  (isModifier(prev) || (isNoun(prev) && !is(prev, 'ProperNoun')) || is(prev, 'Acronym') || is(prev, 'Value'));
const isModifier = (t: Term | undefined) =>
  t !== undefined && (is(t, 'Adjective') || is(t, 'Hyphenated') || is(t, 'Demonym') || is(t, 'Possessive'));
/** A clause ends after this word: a comma, a colon, a dash, a bracket or a full stop follows it. */
const endsHere = (t: Term) => /[,;:.!?)\]—–"”]|\s-\s/.test(t.post);
const startsApart = (t: Term) => /[(["“]/.test(t.pre);

/** Nouns that are words of quantity or time, not things counted: the units vocabulary reads those. */
const NOT_COUNTED = new Set(
  (
    'percent per cent percentage times time times year years month months week weeks day days hour hours minute ' +
    'minutes decade decades century centuries more others other lot lots number numbers amount total half ' +
    'quarter third fifth tenth dozen dozens hundred hundreds thousand thousands million millions billion ' +
    'billions point points % a.m. p.m. pm am'
  ).split(' '),
);
/** Singular heads that name a group counted in ones: "18 personnel", "three railway staff". */
const COLLECTIVE = new Set(
  'personnel staff police crew people cattle livestock aircraft artillery infantry militia youth clergy military fish sheep deer'.split(
    ' ',
  ),
);
/** Heads that count units of something else: "kinds of armoured vehicle", "squadrons of F-35 aircraft". */
const CONTAINERS = new Set(
  'kinds types sorts forms categories pieces batches shipments squadrons brigades battalions regiments divisions units rounds cases loads tons tonnes containers sets pairs lots waves cargoes consignments'.split(
    ' ',
  ),
);

/** Words that may open a counted phrase without being its noun: "over 70 such Americans", "200 additional rockets". */
const OPENERS = new Set(
  'such additional more other new further extra different separate individual distinct fewer another'.split(' '),
);

/** A participle or gerund used as an adjective before a noun: "manufacturing jobs", "armoured vehicle". */
const participleBefore = (t: Term | undefined, next: Term | undefined) =>
  t !== undefined &&
  is(t, 'Verb') &&
  !is(t, 'Copula') &&
  !is(t, 'Auxiliary') &&
  !is(t, 'Modal') &&
  !endsHere(t) &&
  (isNoun(next) || isModifier(next));

/** The index of the first term at or after `pos`, if only spaces or a hyphen stand between. */
function termAt(s: string, terms: readonly Term[], pos: number): number {
  const i = terms.findIndex((t) => t.start >= pos);
  if (i < 0) return -1;
  return /^[\s-]*$/.test(s.slice(pos, terms[i]!.start)) ? i : -1;
}

/** A plural head, a collective one, or any head for one thing. */
function countable(head: Term, one: boolean): boolean {
  if (NOT_COUNTED.has(head.normal)) return false;
  // "three northern U.S.", "five Ukraine": a place is where, never what is counted
  if (is(head, 'Place') || is(head, 'Country') || is(head, 'City') || is(head, 'Region')) return false;
  if (is(head, 'Acronym') && /\./.test(head.text)) return false;
  if (is(head, 'Date') || is(head, 'Duration') || is(head, 'Month') || is(head, 'WeekDay')) return false;
  if (one) return true;
  return (
    is(head, 'Plural') ||
    is(head, 'Uncountable') ||
    COLLECTIVE.has(head.normal) ||
    /[^s]s$/.test(head.normal) ||
    is(head, 'Verb')
  );
}

/**
 * The noun phrase starting at term i: modifiers (adjectives, hyphenated words, participles, nouns used as
 * modifiers, "and" between them) up to the last noun before a preposition, verb, number or punctuation.
 */
function phraseFrom(s: string, terms: readonly Term[], i: number, one: boolean): CountedPhrase | undefined {
  let headAt = -1;
  let k = i;
  for (; k < terms.length && k < i + 8; k++) {
    const t = terms[k]!;
    const next = terms[k + 1];
    if (k > i && startsApart(t)) break;
    if (is(t, 'Value') && !is(t, 'Hyphenated')) break;
    if (headAt < 0 && OPENERS.has(t.normal)) {
      // "such", "additional": part of the phrase, never its noun
    } else if (isNoun(t) || pluralAsVerb(t, terms[k - 1])) {
      headAt = k;
    } else if (isModifier(t) && !is(t, 'Verb')) {
      // an adjective before the noun; after the noun it ends the phrase ("troops stationed", "jobs needed"),
      // unless "and" joins it to the noun before ("military and paramilitary … personnel")
      const joined = /^(?:and|or)$/.test(terms[k - 1]?.normal ?? '');
      if (headAt >= 0 && !is(t, 'Hyphenated') && !joined) break;
    } else if (is(t, 'Verb') && !is(t, 'Copula') && !is(t, 'Auxiliary') && !is(t, 'Modal')) {
      // a participle used as an adjective: "armoured vehicle", "manufacturing jobs", "registered cases"
      if (!participleBefore(t, next)) break;
    } else if ((t.normal === 'and' || t.normal === 'or') && k > i) {
      // coordination inside the phrase: "military and paramilitary …", "construction and manufacturing jobs"
      const joins = isNoun(next) || isModifier(next) || participleBefore(next, terms[k + 2]);
      if (!joins || is(next, 'Value')) break;
      // "military and paramilitary Frontier Corps personnel": modifiers go on to a noun within three words
      const nounAhead = [1, 2, 3, 4].some(
        (d) => isNoun(terms[k + d]) && !terms.slice(k, k + d).some((x) => endsHere(x)),
      );
      if (headAt >= 0 && next && !isNoun(next) && !participleBefore(next, terms[k + 2]) && !nounAhead) break;
    } else if (is(t, 'Preposition') && is(t, 'Hyphenated')) {
      // "off-duty"
    } else {
      break;
    }
    if (endsHere(t)) {
      k++;
      break;
    }
  }
  if (headAt < 0) return undefined;
  let head = terms[headAt]!;
  // "farmers and" with nothing after: the head is the last noun.
  if (!countable(head, one)) return undefined;
  let end = head.end;
  // "kinds of armoured vehicle", "squadrons of F-35 aircraft": the counted unit and what it holds.
  let container: string | undefined;
  if (CONTAINERS.has(head.normal) && terms[headAt + 1]?.normal === 'of' && !endsHere(head)) {
    const inner = phraseFrom(s, terms, headAt + 2, true);
    if (inner) {
      end = inner.end;
      container = `${head.text} of ${inner.words}`;
    }
  }
  // The compound noun: the run of nouns (and "and" between them) that ends at the head.
  let nounStart = headAt;
  while (nounStart > i) {
    const before = terms[nounStart - 1]!;
    const joined = (before.normal === 'and' || before.normal === 'or') && isNoun(terms[nounStart - 2]);
    if ((isNoun(before) && !is(before, 'Hyphenated') && !is(before, 'Possessive')) || joined) nounStart--;
    else break;
  }
  head = terms[headAt]!;
  // "U.S. destroyers", "Russian tankers": a common noun's unit leaves out the names before it.
  if (!is(head, 'ProperNoun')) {
    while (nounStart < headAt && (is(terms[nounStart], 'ProperNoun') || is(terms[nounStart], 'Acronym'))) nounStart++;
  }
  const first = terms[i]!;
  return {
    start: first.start,
    end,
    words: s.slice(first.start, end),
    noun: container ?? s.slice(terms[nounStart]!.start, head.end),
    head: head.normal.replace(/['’]s$/, ''),
  };
}

/** The thing counted right after a number ending at `pos` ("… 25,000 direct construction and manufacturing jobs"). */
export function countedAfter(s: string, terms: readonly Term[], pos: number, one = false): CountedPhrase | undefined {
  const i = termAt(s, terms, pos);
  if (i < 0) return undefined;
  // "hundreds of additional armored vehicles", "20 million of the 150 million chickens": after "of".
  const t = terms[i]!;
  if (t.normal === 'of') return undefined;
  return phraseFrom(s, terms, i, one);
}

/** Verbs whose subject, when a number stands alone before them, is people ("61,200 are listed as missing"). */
const PEOPLE_FATES =
  /^\s+(?:(?:are|were|have been|had been|has been|was|remain|remained|are still|were still|are now|have|had|are being|were being)\s+)?(?:(?:listed|reported|believed|thought|feared|presumed|estimated|considered|registered|recorded)\s+(?:as\s+)?)?(killed|dead|died|missing|wounded|injured|hurt|displaced|evacuated|fled|homeless|detained|arrested|captured|imprisoned|jailed|deported|executed|abducted|kidnapped|rescued|freed|released|hospitalised|hospitalized|infected|sick|starving|refugees|unemployed|mobilised|mobilized|conscripted|recruited|enlisted|born|living|still alive)\b/i;

/** "61,200 are listed as missing", "112,000–190,000 have died": the people a lone number stands for, and their fate. */
export function fateAfter(s: string, pos: number): { fate: string; end: number } | undefined {
  const m = PEOPLE_FATES.exec(s.slice(pos));
  return m ? { fate: m[1]!.toLowerCase(), end: pos + m[0].length } : undefined;
}

/** "the number of U.S. destroyers stationed in Rota … from four to six": the noun phrase after "number of". */
export function numberOf(s: string, terms: readonly Term[], before: number): CountedPhrase | undefined {
  const m = [
    ...s
      .slice(0, before)
      .matchAll(
        /\b(?:the|a|its|their|this|that)\s+(?:total\s+|overall\s+|official\s+)?(?:number|tally|count|total|toll|population)\s+of\s+/gi,
      ),
  ].pop();
  if (!m) return undefined;
  const i = termAt(s, terms, m.index + m[0].length);
  if (i < 0) return undefined;
  return phraseFrom(s, terms, i, false);
}

/** A noun's singular, as compromise reads it ("funerals" → "funeral"; "personnel" stays). */
export function singularOf(noun: string): string {
  const out = nlp(noun).nouns().toSingular().text();
  return out || noun;
}
