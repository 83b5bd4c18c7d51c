/**
 * The noun phrases around a number, read from compromise's tags (`counted-noun.ts` gives the terms): the
 * phrase from a word on (`phraseAt`), the phrase that ends just before the number (`phraseBefore`) and the
 * verb just before it (`verbBefore`). `label.ts` builds a figure's label from them. Pure.
 */
import type { Term } from './counted-noun';

export const is = (t: Term | undefined, tag: string) => t !== undefined && t.tags.has(tag);
export const isAdj = (t: Term | undefined) =>
  t !== undefined &&
  (is(t, 'Adjective') || is(t, 'Hyphenated') || is(t, 'Possessive') || is(t, 'Demonym')) &&
  !is(t, 'Value');
export const endsHere = (t: Term) => /[,;:.!?)\]—–"”]|\s-\s/.test(t.post);
const PREPOSITION = /^(?:of|for|in|on|from|to|against|among|with|at|by|under|over|across|inside|within|into)$/;
export const DETERMINER =
  /^(?:the|a|an|its|their|his|her|our|this|that|these|those|some|any|such|each|every|all|another)$/i;

/** Verbs of change the tagger may read as nouns ("rose", "grows"): never the thing a label names. */
const CHANGE_VERB =
  /^(?:rose|rises|rise|fell|falls|grew|grows|jumped|jumps|climbed|climbs|dropped|drops|declined|declines|increased|increases|decreased|decreases|surged|surges|soared|soars|slid|slides|slipped|slips|plunged|plunges|doubled|doubles|tripled|triples|reached|reaches|stood|stands|totalled|totaled|totals|hit|hits|topped|tops|exceeded|exceeds|run|runs|ran|range|ranges|ranged|remain|remains|remained|hover|hovers|hovered|halved|halves)$/;

/**
 * A noun, or a plural noun the tagger read as a verb ("in loans", "interest rates", "artillery rounds"): a
 * present-tense "-s" word after a preposition, a determiner, an adjective, a number or another noun.
 */
function isNounAt(terms: readonly Term[], k: number): boolean {
  const t = terms[k];
  if (!t || is(t, 'Pronoun') || is(t, 'Value') || is(t, 'Date') || CHANGE_VERB.test(t.normal)) return false;
  if (is(t, 'Noun') || is(t, 'ProperNoun') || is(t, 'Acronym')) return true;
  const prev = terms[k - 1];
  return (
    is(t, 'Verb') &&
    is(t, 'PresentTense') &&
    !is(t, 'Gerund') &&
    /[^s]s$/.test(t.normal) &&
    prev !== undefined &&
    !endsHere(prev) &&
    (is(prev, 'Preposition') ||
      is(prev, 'Determiner') ||
      isAdj(prev) ||
      is(prev, 'Value') ||
      (is(prev, 'Noun') && !is(prev, 'ProperNoun') && !is(prev, 'Pronoun')))
  );
}

export const participle = (t: Term | undefined) =>
  t !== undefined &&
  is(t, 'Verb') &&
  !is(t, 'Copula') &&
  !is(t, 'Auxiliary') &&
  /(?:ed|en|wn)$/.test(t.normal) &&
  !/^(?:said|told|been|seen)$/.test(t.normal);

/**
 * The noun phrase from term i: modifiers and nouns, then at most `pps` prepositional phrases ("funding for
 * energy assistance") and a participle with its phrase ("loans backed by frozen assets", "people killed in
 * the attack"), never a verb with an object ("respondents reported experiencing …").
 */
export function phraseAt(
  terms: readonly Term[],
  i: number,
  pps = 1,
  forceFirst = false,
): { start: number; end: number } | undefined {
  let k = i;
  while (k < terms.length && DETERMINER.test(terms[k]!.normal) && !endsHere(terms[k]!)) k++;
  const first = k;
  const nounAt = (list: readonly Term[], at: number) => (forceFirst && at === first) || isNounAt(list, at);
  let lastNoun = -1;
  let usedPps = 0;
  let usedParticiple = false;
  for (; k < terms.length && k < first + 14; k++) {
    const t = terms[k]!;
    const next = terms[k + 1];
    if (k > first && /[(“"]/.test(t.pre)) break;
    // "electricity Ontario sends": a name after a common noun starts a clause of its own
    if (lastNoun === k - 1 && is(t, 'ProperNoun') && !is(terms[k - 1], 'ProperNoun') && !is(terms[k - 1], 'Acronym'))
      break;
    if (nounAt(terms, k)) lastNoun = k;
    else if (isAdj(t) && !is(t, 'Verb')) {
      // before the noun
    } else if (
      is(t, 'Verb') &&
      !is(t, 'Copula') &&
      !is(t, 'Auxiliary') &&
      lastNoun < k - 1 &&
      (nounAt(terms, k + 1) || isAdj(next))
    ) {
      // "manufacturing jobs", "armoured vehicles": a participle before the noun
    } else if (
      participle(t) &&
      lastNoun === k - 1 &&
      !usedParticiple &&
      (!next || is(next, 'Preposition') || endsHere(t))
    ) {
      // "passengers freed", "loans backed by …": a participle after the noun, then its phrase
      usedParticiple = true;
      lastNoun = k;
      pps = Math.max(pps, usedPps + 1);
    } else if (
      (t.normal === 'and' || t.normal === 'or') &&
      lastNoun >= 0 &&
      !endsHere(terms[k - 1]!) &&
      (nounAt(terms, k + 1) || isAdj(next)) &&
      !/^(?:half|third|quarter)/.test(next?.normal ?? '')
    ) {
      // "construction and manufacturing jobs"
    } else if (PREPOSITION.test(t.normal) && lastNoun >= 0 && usedPps < pps && !endsHere(terms[k - 1]!)) {
      if (!next || is(next, 'Value') || /^[\d$€£]/.test(next.text) || is(next, 'Date')) break;
      usedPps++;
    } else if (DETERMINER.test(t.normal) && k > first && PREPOSITION.test(terms[k - 1]!.normal)) {
      // "of the world's capacity"
    } else {
      break;
    }
    if (endsHere(t)) break;
  }
  if (lastNoun < 0) return undefined;
  return { start: terms[first]!.start, end: terms[lastNoun]!.end };
}

export const nounAt = isNounAt;

/**
 * The noun phrase that ends just before `pos`, past the verb or preposition linking it to the number, never
 * across the end of a clause or another figure's words (`blocked`).
 */
export function phraseBefore(
  terms: readonly Term[],
  pos: number,
  blocked: readonly { start: number; end: number }[] = [],
): { start: number; end: number } | undefined {
  let k = terms.findIndex((t) => t.end > pos) - 1;
  if (k < -1) k = terms.length - 1;
  let skipped = 0;
  while (k >= 0 && skipped < 6) {
    const t = terms[k]!;
    if (blocked.some((b) => t.start < b.end && b.start < t.end)) return undefined;
    if (
      nounAt(terms, k) ||
      (is(t, 'Verb') &&
        is(t, 'PresentTense') &&
        /[^s]s$/.test(t.normal) &&
        is(terms[k - 1], 'Noun') &&
        !is(terms[k - 1], 'ProperNoun'))
    )
      break;
    if (endsHere(t)) return undefined;
    if (/^(?:said|says|told|say)$/.test(t.normal)) return undefined;
    k--;
    skipped++;
  }
  if (k < 0) return undefined;
  // Not across the end of a clause or a quotation mark ("…said Lockyear. “Nearly half …").
  if (/[,;:.!?“”"—–()]/.test(terms[k]!.post) || /[“"(]/.test(terms[k + 1]?.pre ?? '')) return undefined;
  const end = terms[k]!.end;
  let start = k;
  while (start > 0) {
    const t = terms[start - 1]!;
    if (endsHere(t)) break;
    if (nounAt(terms, start - 1) || (isAdj(t) && !is(t, 'Verb'))) start--;
    else if (
      /^(?:of|in|for|on|from)$/.test(t.normal) &&
      start - 2 >= 0 &&
      nounAt(terms, start - 2) &&
      !endsHere(terms[start - 2]!)
    )
      start -= 1;
    else if (
      (is(t, 'Value') || is(t, 'Determiner')) &&
      start - 2 >= 0 &&
      /^(?:of|in|for|on|from|the)$/.test(terms[start - 2]!.normal)
    )
      start -= 1;
    else if (
      is(t, 'Verb') &&
      is(t, 'Gerund') &&
      nounAt(terms, start) &&
      start - 2 >= 0 &&
      (is(terms[start - 2], 'Determiner') || isAdj(terms[start - 2]))
    )
      start--;
    else break;
  }
  while (start < k && (DETERMINER.test(terms[start]!.normal) || PREPOSITION.test(terms[start]!.normal))) start++;
  return { start: terms[start]!.start, end };
}

/** The verb just before the number ("killed nearly 11,000", "spent an additional $1.21 trillion"). */
export function verbBefore(terms: readonly Term[], pos: number): Term | undefined {
  let k = terms.findIndex((t) => t.end > pos) - 1;
  if (k < -1) k = terms.length - 1;
  for (let guard = 0; k >= 0 && guard < 4; k--, guard++) {
    const t = terms[k]!;
    // "354 passengers were freed, 37 of whom …": a verb before a comma is another clause's
    if (endsHere(t)) return undefined;
    if ((is(t, 'Verb') && !is(t, 'Auxiliary') && !is(t, 'Copula')) || FATES.test(t.normal)) return t;
    if (!(
      is(t, 'Adverb') ||
      is(t, 'Determiner') ||
      /^(?:than|more|less|some|about|around|over|under|to|by|up|for|nearly|almost|additional|another|further|extra|new)$/.test(
        t.normal,
      )
    ))
      return undefined;
  }
  return undefined;
}

/** What happened to what is counted, when a verb says it: "killed nearly 11,000 people" → "People killed". */
export const FATES =
  /^(?:killed|wounded|injured|displaced|freed|released|detained|arrested|captured|evacuated|deported|sanctioned|destroyed|downed|lost|launched|deployed|trained|executed|abducted|rescued|recruited|mobilised|mobilized|sent|delivered|supplied|donated|hired|created|supported|employed|treated|vaccinated|interviewed|surveyed|built|produced|seized|intercepted|shot|fired|struck|hit|targeted|imprisoned|jailed|expelled|exchanged|returned|repatriated|identified|registered|recorded|confirmed|reported)$/;
