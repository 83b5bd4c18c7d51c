/**
 * A figure's label in plain words, the kind a briefer keeps: what is counted, whose, and the scope, at most
 * 60 characters, capitalised, with no dangling words ("Direct construction and manufacturing jobs", "Share of
 * the world's semiconductor capacity", "New funding for energy assistance", "Tariff on all Canadian exports").
 * It is built from noun phrases found by compromise's tagger around the number — the thing counted after it,
 * what an amount is "in", "of" or "for", or the subject the number is a level of — never the clause cut
 * around it. A figure's measure is suggested apart (`suggest-measure.ts`).
 */
import type { UnitInfo } from '../model/dataset/schema';
import type { Term } from './counted-noun';
import {
  DETERMINER,
  endsHere,
  FATES,
  is,
  isAdj,
  nounAt,
  participle,
  phraseAt,
  phraseBefore,
  verbBefore,
} from './noun-phrases';

const MAX = 60;

/** Tidy words into a label: no determiner first, no dangling word last, at most 60 characters, capitalised. */
export function tidyLabel(words: string): string {
  let label = words
    .replace(/\s*\([^()]*\)/g, '')
    .replace(/[“”"‘]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.—–-]+|[\s,;:—–.-]+$/g, '')
    .replace(
      /^(?:of|the|a|an|its|their|his|her|our|this|that|these|those|some|such|and|but|or|so|which|while|with|as|if|were|are|was|is)\s+/i,
      '',
    )
    .replace(/^(?:the|a|an|its|their)\s+/i, '')
    .trim();
  if (label.length > MAX) {
    const cut = label.slice(0, MAX + 1);
    label = cut.slice(0, Math.max(cut.lastIndexOf(' '), 20)).trim();
  }
  for (let guard = 0; guard < 6; guard++) {
    const next = label.replace(DANGLING, '').replace(/[\s,;:—–-]+$/, '');
    if (next === label) break;
    label = next;
  }
  if ((label.match(/\(/g) ?? []).length !== (label.match(/\)/g) ?? []).length) label = label.replace(/[()]/g, '');
  return label.charAt(0).toUpperCase() + label.slice(1);
}
const DANGLING =
  /\s+(?:the|a|an|of|in|on|at|to|for|from|by|with|and|or|but|that|which|who|since|amid|than|as|into|over|under|its|their|his|her|this|these|those|is|are|was|were|be|been|has|have|had|will|would|full-scale|per|about|after|before|during|while|when|if|including|such|more|less|up|down|off|out|new|first|last|other|own|some|Russian|Ukrainian|American|Chinese|Taiwanese|European|British|French|German)$/;

export interface LabelInput {
  s: string;
  /** The stated words of the figure. */
  start: number;
  end: number;
  /** The number itself (the stated words may begin with a qualifier). */
  numberAt?: number | undefined;
  unitWords: string;
  unit: UnitInfo | undefined;
  change?: 'rise' | 'fall' | undefined;
  terms: readonly Term[];
  /** The scope of the figure's date, in words ("in 2024", "since Feb 2022"), if it should be in the label. */
  scope?: string | undefined;
  /** The other figures' stated words in the sentence: a label never borrows them. */
  others?: readonly { start: number; end: number }[];
}

const spanWords = (s: string, span: { start: number; end: number } | undefined) =>
  span ? s.slice(span.start, span.end) : '';
const termAt = (terms: readonly Term[], pos: number) => terms.findIndex((t) => t.start >= pos);
/** The first letter in lower case, unless the first word is a name ("Russia's exports", "Kyiv's economy"). */
const lowerWord = (w: string) =>
  /^[A-Z][a-z]+\b/.test(w) &&
  !/^[A-Z][a-z]+(?:['’]s\b|[A-Z])/.test(w) &&
  !/^(?:[A-Z][a-z]+\s+){1,}[A-Z]/.test(w) &&
  !NAMES.test(w)
    ? w.charAt(0).toLowerCase() + w.slice(1)
    : w;
const NAMES =
  /^(?:Russia|Ukraine|Kyiv|Moscow|Taiwan|China|Beijing|Europe|America|Washington|NATO|EU|US|UK|G7|OPEC|Brent|Urals|Gazprom|Rosneft|Lukoil)\b/;

/** What an amount is when a verb gives it: "spent $1.21 trillion on defense" → "Spending". */
const AMOUNT_NOUNS: [RegExp, string][] = [
  [/^(?:spent|spend|spends|spending)$/, 'Spending'],
  [/^(?:invested|invest|invests|investing)$/, 'Investment'],
  [/^(?:provided|provide|provides|providing|gave|give|gives)$/, 'Funding'],
  [/^(?:pledged|pledge|pledges|committed|commit|commits)$/, 'Pledge'],
  [/^(?:allocated|allocate|allocates)$/, 'Allocation'],
  [/^(?:raised|raise|raises)$/, 'Funds raised'],
  [/^(?:received|receive|receives)$/, 'Funding received'],
  [/^(?:lost|lose|loses)$/, 'Losses'],
  [/^(?:earned|earn|earns|made)$/, 'Revenue'],
  [/^(?:cost|costs)$/, 'Cost'],
  [/^(?:sold|sell|sells)$/, 'Sales'],
  [/^(?:exported|export|exports)$/, 'Exports'],
  [/^(?:imported|import|imports)$/, 'Imports'],
  [/^(?:borrowed|borrow|borrows)$/, 'Borrowing'],
  [/^(?:owed|owe|owes)$/, 'Debt'],
  [/^(?:needs|needed|need|requires|required|require|seeks|sought|seek|requested|request|appealed)$/, 'Funding needed'],
];
/** Verbs of having or suffering: the subject owns what is counted ("Russia has 600,000 troops"). */
const HAVE =
  /^(?:has|have|had|suffering|suffers|suffered|suffer|lost|loses|lose|losing|fields|fielded|field|deploys|deployed|deploy|holds|held|hold|keeps|kept|owns|owned|counts|counted|employs|employed|houses|housed|hosts|hosted)$/;

/** The label of one figure (see the module comment). */
export function labelFor(input: LabelInput): string {
  const { s, terms, unit } = input;
  /** The first letter in lower case unless the words start with a name the tagger knows ("Druzhba", "Kyiv"). */
  const lowerFirst = (w: string) => {
    const first = terms.find(
      (t) => t.text === w.split(/\s+/)[0] || t.text.replace(/['’]s$/, '') === w.split(/[\s’']+/)[0],
    );
    if (first && (is(first, 'ProperNoun') || is(first, 'Acronym') || is(first, 'Place'))) return w;
    return lowerWord(w);
  };
  const dimension = unit?.dimension ?? 'count';
  const after = s.slice(input.end);
  const verb = verbBefore(terms, input.start);
  let thing: string;
  if (dimension === 'count' || dimension === 'rate' || dimension === 'ratio') {
    let counted = input.unitWords
      .replace(/^(?:of\s+)?(?:(?:the|its|their|these|those|all)\s+)?/i, '')
      .replace(/^(?:were|are)\s+/i, '');
    if (!counted || /^(?:more|others)$/i.test(counted)) counted = unit?.label ?? '';
    const k = termAt(terms, input.end);
    let tail = '';
    // "people missing", "people displaced" already say what happened to them
    const said = FATES.test(counted.split(' ').pop() ?? '') || /\b(?:missing|dead|displaced|homeless)$/.test(counted);
    if (k >= 0 && !said && !/^\s*[,;:.(—–]/.test(after)) {
      const t = terms[k]!;
      const next = terms[k + 1];
      if (
        /^(?:in|from|at|on|under|inside|across|within)$/.test(t.normal) &&
        next &&
        !is(next, 'Value') &&
        !is(next, 'Date')
      ) {
        const pp = phraseAt(terms, k + 1, 0);
        if (pp && pp.end - t.start < 28) tail = s.slice(t.start, pp.end);
      } else if (
        /^(?:were|are|was|have|had|has)$/.test(t.normal) &&
        (participle(next) || (next?.normal === 'been' && participle(terms[k + 2])))
      ) {
        tail = (next?.normal === 'been' ? terms[k + 2]! : next!).text;
      } else if (participle(t) || is(t, 'Gerund')) {
        const pp = phraseAt(terms, k, 1);
        tail =
          pp && pp.end - t.start < 34 && s.slice(t.start, pp.end).split(' ').length <= 5
            ? s.slice(t.start, pp.end)
            : t.text;
      }
    }
    // "37 of whom were injured"
    const ofWhom =
      /^\s+of\s+(?:whom|them|those|which)\s+(?:were|are|was|had been|have been)\s+([a-z]+(?:ed|en))\b/i.exec(after);
    if (!tail && ofWhom) tail = ofWhom[1]!;
    if (!tail && !said && verb && FATES.test(verb.normal)) tail = verb.normal;
    thing = [counted, tail].filter(Boolean).join(' ');
    // "Russian forces are suffering 1,500 casualties a day": whose, when the counted word says nothing of it
    if (!tail && verb && HAVE.test(verb.normal) && counted.split(' ').length <= 4) {
      const owner = spanWords(s, phraseBefore(terms, input.start, input.others));
      if (owner && owner.split(' ').length <= 4 && !/^(?:it|they|he|she|we)$/i.test(owner)) {
        thing = `${owner}${/s$/.test(owner) ? '’' : '’s'} ${lowerFirst(counted)}`;
      }
    }
  } else {
    const perUnit = /^\s+(?:a|per)\s+(?:barrel|gallon|month|year|day|week|tonne|ton)\b|^\s*\([^()]*\)/i.exec(after);
    const rest = perUnit ? after.slice(perUnit[0].length) : after;
    const restAt = input.end + (perUnit?.[0].length ?? 0);
    const link = /^\s+(?:in|of|for|worth of|on|as|from|to)\s+/i.exec(rest);
    const k = link ? termAt(terms, restAt + link[0].length) : -1;
    const complement = k >= 0 ? phraseAt(terms, k, 1) : undefined;
    // the amount as an adjective: "a $873 billion plan", "a 25% tariff on …", "half the territory", "double the Stinger production volume"
    const k2 = termAt(terms, /^\s*\(/.test(after) ? restAt : input.end);
    const directText = /^\s*\(/.test(after) ? rest : after;
    const verbAsNoun =
      k2 >= 0 &&
      is(terms[k2], 'Verb') &&
      (is(terms[k2 + 1], 'Preposition') || endsHere(terms[k2]!)) &&
      !is(terms[k2], 'PastTense') &&
      !is(terms[k2], 'Gerund') &&
      /^\s\S/.test(directText);
    // "a 816-kg bomb", "a 30-day ceasefire": after an amount used as an adjective, the next word is its noun
    const adjectival = /-[a-z]+$/i.test(s.slice(input.start, input.end));
    const verbAsNoun2 =
      verbAsNoun ||
      (k2 >= 0 && is(terms[k2], 'Verb') && is(terms[k2 + 1], 'Date') && !is(terms[k2], 'PastTense')) ||
      (k2 >= 0 && adjectival && !is(terms[k2], 'Preposition') && !is(terms[k2], 'Determiner'));
    const directAt =
      k2 >= 0 &&
      !/^\s*[,;:.(—–]/.test(directText) &&
      (nounAt(terms, k2) ||
        DETERMINER.test(terms[k2]!.normal) ||
        verbAsNoun2 ||
        (isAdj(terms[k2]) && nounAt(terms, k2 + 1)));
    const direct = directAt ? phraseAt(terms, k2, 1, verbAsNoun2) : undefined;
    const ofPhrase = link && /^\s+of\s+/i.test(link[0]) ? complement : undefined;
    if (unit?.id === 'percent-of-gdp') {
      const on =
        /\b(?:on|in|for)\s+(defen[cs]e|the military|military|health|education|aid|research|infrastructure)\b/i.exec(s);
      const what = on
        ? on[1]!.replace(/^the\s+/i, '')
        : lowerFirst(spanWords(s, phraseBefore(terms, input.start, input.others)));
      const base = what
        .replace(/^(?:increasing|raising|boosting|lifting|spending)\s+/i, '')
        .replace(/\s+spending$/i, '');
      thing = base ? `${base.charAt(0).toUpperCase()}${base.slice(1)} spending, share of GDP` : 'Share of GDP';
    } else if (dimension === 'share' && (ofPhrase || (direct && DETERMINER.test(terms[k2]!.normal)))) {
      thing = `Share of ${spanWords(s, ofPhrase ?? direct)}`;
    } else if (
      (dimension === 'money' || dimension === 'money-rate') &&
      complement &&
      link &&
      !/^\s+to\s+/i.test(link[0])
    ) {
      const noun = verb ? AMOUNT_NOUNS.find(([re]) => re.test(verb.normal))?.[1] : undefined;
      const words = spanWords(s, complement);
      thing = noun && words.split(' ').length <= 3 ? `${noun} ${link[0].trim()} ${lowerFirst(words)}` : words;
    } else if (dimension === 'share' && link && /^\s+(?:from|among|in)\s+/i.test(link[0]) && complement) {
      thing = `Share ${link[0].trim()} ${spanWords(s, complement)}`;
    } else if (direct && (nounAt(terms, k2) || verbAsNoun2 || isAdj(terms[k2]))) {
      thing = spanWords(s, direct);
    } else if (direct && dimension !== 'share') {
      thing = spanWords(s, direct);
    } else if (
      complement &&
      link &&
      /^\s+of\s+/i.test(link[0]) &&
      !['share', 'money', 'money-rate'].includes(dimension)
    ) {
      // "captured 4,168 square kilometres of Ukrainian territory", "more than eight hours of peace talks"
      const fate = verb && FATES.test(verb.normal) ? ` ${verb.normal}` : '';
      thing = `${spanWords(s, complement)}${fate}`;
    } else {
      const before = phraseBefore(terms, input.start, input.others);
      thing = spanWords(s, before);
      // "UNHCR Kenya received $94 million": what the amount is, and whose
      const amountNoun =
        verb && (dimension === 'money' || dimension === 'money-rate')
          ? AMOUNT_NOUNS.find(([re]) => re.test(verb.normal))?.[1]
          : undefined;
      if (
        thing &&
        amountNoun &&
        before &&
        terms.some((x) => x.start >= before.start && x.end <= before.end && (is(x, 'ProperNoun') || is(x, 'Acronym')))
      ) {
        thing = `${amountNoun} ${/^(?:Funding|Pledge)$/.test(amountNoun) ? 'from' : 'by'} ${thing.replace(/^(?:the|its|their)\s+/i, 'the ')}`;
      }
      if (thing && input.change) thing = `${input.change === 'rise' ? 'Rise in' : 'Fall in'} ${lowerFirst(thing)}`;
      if (!thing && verb) {
        const noun = AMOUNT_NOUNS.find(([re]) => re.test(verb.normal))?.[1];
        if (noun)
          thing = complement && link ? `${noun} ${link[0].trim()} ${lowerFirst(spanWords(s, complement))}` : noun;
      }
      // "one in four met the criteria for PTSD": the share who did what the sentence says
      if (!thing && dimension === 'share') {
        const vp = /^\s+((?:[a-z-]+\s+){0,6}[a-zA-Z-]+)/.exec(after);
        if (
          vp &&
          /^(?:met|were|are|had|have|said|reported|say|live|lived|used|use|support|supported|oppose|opposed|want|wanted|own|owned)\b/.test(
            vp[1]!,
          )
        )
          thing = `Share who ${vp[1]}`;
      }
    }
    if (!thing && complement) thing = spanWords(s, complement);
    // "charging 25% more for electricity": what the amount is for, a few words on
    if (!thing) {
      const forWhat = /^\s+(?:more|less|higher|lower|extra|additional)?\s*(?:for|on|of)\s+/i.exec(after);
      const k3 = forWhat ? termAt(terms, input.end + forWhat[0].length) : -1;
      if (k3 >= 0) thing = spanWords(s, phraseAt(terms, k3, 1));
    }
    if (!thing && verb && dimension === 'duration') thing = verb.text;
    if (dimension === 'duration' && thing && !/\b(?:length|duration|term|sentence|period)\b/i.test(thing))
      thing = `${thing}, length`;
    if (dimension === 'length' && thing && !/\blength\b/i.test(thing)) thing = `${thing}, length`;
    if (dimension === 'multiple' && thing) thing = `${thing}, multiple`;
    if (dimension === 'rank' && thing) thing = `${thing}, rank`;
  }
  if (!thing) thing = unit?.axis ?? unit?.label ?? (input.unitWords || 'Figure');
  let label = tidyLabel(thing);
  const year = /\d{4}/.exec(input.scope ?? '')?.[0];
  if (
    input.scope &&
    label.length + input.scope.length + 1 <= MAX &&
    !label.includes(input.scope) &&
    !(year && label.includes(year))
  )
    label = `${label} ${input.scope}`;
  return label || tidyLabel(unit?.axis ?? unit?.label ?? 'Figure');
}
