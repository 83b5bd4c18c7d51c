/**
 * Every number a sentence states, before any rule decides what it counts: digits and number words from
 * Microsoft Recognizers-Text (English), the digits it leaves out ("$3.2bn"), and what our code reads that
 * the recogniser does not: vague amounts with fixed readings ("hundreds of thousands"), fractions ("a
 * fifth of", "four-fifths", "by a third"), multiples ("doubled", "twice", "threefold"), ranks ("the
 * second-biggest"), durations of one ("for about an hour") and "a second American". Pure.
 */
import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number/dist/recognizers-text-number.es5.js';
import type { Qualifier } from '../model/dataset/schema';
import { ORDINAL_WORDS, smallNumber } from './number-words';
import { VAGUE_READINGS } from './readings';

/** A number found in a sentence; the rules (`number-rules.ts`) fill in its unit and drop what is no figure. */
export interface Candidate {
  /** The stated words, as offsets into the sentence. */
  start: number;
  end: number;
  /** Where the number itself starts, before a qualifier widened the stated words ("about 40 fewer"). */
  at?: number;
  value?: number;
  low?: number;
  high?: number;
  reading?: string;
  /** A unit id of the vocabulary, or of a unit proposed with the figure (`proposedUnit`). */
  unit?: string;
  /** The unit or counted words as written ("Russian tankers", "barrels per day"). */
  unitWords?: string;
  /** The unit words stand elsewhere in the sentence ("the number of destroyers … from four to six"): label only. */
  labelOnly?: boolean;
  /** A counted noun the vocabulary lacks: proposed as a new unit with the figure. */
  proposedUnit?: { id: string; label: string; singular?: string; dimension: string };
  /** Written in words ("three"), not digits. */
  spelled: boolean;
  vague: boolean;
  /** Its scale word is already read ("9 million", "hundreds of thousands"). */
  multiplied: boolean;
  change?: 'rise' | 'fall';
  qualifier?: Qualifier;
  /** Set by the rule that dropped it: why it is not a figure. */
  dropped?: string;
  /** The figure this one restates or completes ("fell 9% to 48.2 million": the level after the change). */
  linked?: string;
}

let numberModel: ReturnType<NumberRecognizer['getNumberModel']> | undefined;
function recogniser() {
  numberModel ??= new NumberRecognizer(Culture.English).getNumberModel();
  return numberModel;
}

/** A digit or a number word: sentences without one hold no number for the recogniser to find. */
const NUMBER_HINT =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|quarter|third|fifth|tenth|first|second)/i;

/** A word of a vague amount, fraction or multiple: sentences without one skip those readings. */
const VAGUE_HINT =
  /hundred|thousand|million|billion|trillion|dozen|score|third|quarter|fifth|sixth|eighth|tenth|half|halv|doubl|tripl|quadrupl|twice|fold|\ball\b|couple|handful/i;

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function wordStarts(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) if (/[A-Za-z]/.test(s[i]!) && (i === 0 || !/[\w'’]/.test(s[i - 1]!))) out.push(i);
  return out;
}

const PARTS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fourth: 4,
  fourths: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
};
/**
 * Fractions of something: "a fifth of Ukraine", "four-fifths of", "nearly a quarter from South Sudan", "cut
 * by a third", "one-tenth the prices". Not "the first half of last year", "a third party", "a quarter century".
 */
const FRACTION =
  /\b(a|an|one|two|three|four|five|six|seven|eight|nine)[ -](half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b/gi;
const FRACTION_FOLLOWS = /^\s+(?:of|its|their|his|her|the|from|in|at|were|are|was|is|had|have)\b/i;
const FRACTION_LEADS =
  /\b(?:by|nearly|almost|about|around|roughly|some|over|more than|less than|fewer than|at least|only|just|barely|than|to|from)\s+$/i;

/** Multiples: "doubled", "more than doubled", "twice", "threefold", "three times as many", "halved". */
const MULTIPLE =
  /\b(?:(doubled|doubling|doubles|double)|(tripled|tripling|triples|triple)|(quadrupled|quadrupling|quadruple)|(twice)|(halved|halving|halves)|(\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)[ -]?fold|(\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten) times(?= (?:as|more|higher|larger|bigger|greater|the|what|that|over|its|their)\b))\b/gi;
/** "twice" is a multiple only before what it multiplies ("twice as many", "twice what it spends"), not "twice in a week". */
const TWICE_MULTIPLIES = /^\s+(?:as|the|what|that|its|their|his|her|our|a|an|more|over|this|last)\b/i;

/** Ranks of a quantity: "the second-biggest trading partner", "third-largest producer". */
const RANK =
  /\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))[- ](?:largest|biggest|highest|lowest|smallest|most|least|richest|poorest|busiest|fastest|strongest|worst|best)\b/gi;

/** Vague amounts with their fixed readings (`readings.ts`), longest first at each word. */
function vagueAmounts(s: string, found: Candidate[]) {
  for (const at of wordStarts(s)) {
    for (const vague of VAGUE_READINGS) {
      vague.words.lastIndex = at;
      const m = vague.words.exec(s);
      if (!m || /[A-Za-z]/.test(s[at + m[0].length] ?? '')) continue;
      found.push({
        start: at,
        end: at + m[0].length,
        ...(vague.value === undefined ? { low: vague.low, high: vague.high } : { value: vague.value }),
        ...(vague.unit ? { unit: vague.unit, unitWords: vague.unit } : {}),
        ...(vague.exact ? {} : { reading: vague.reading }),
        ...(vague.floor ? { qualifier: 'at-least' as const } : {}),
        spelled: true,
        vague: vague.unit === undefined && !vague.exact,
        multiplied: true,
      });
      break;
    }
  }
}

function fractions(s: string, found: Candidate[]) {
  for (const m of s.matchAll(FRACTION)) {
    const count = smallNumber(m[1]!)!;
    const part = PARTS[m[2]!.toLowerCase()]!;
    const before = s.slice(Math.max(0, m.index - 40), m.index);
    const after = s.slice(m.index + m[0].length);
    // "the first half of", "the second quarter": a part of a period, not a share.
    if (/\b(?:first|second|third|fourth|last|latter|former|other|final|previous|next|past|coming)\s+$/i.test(before))
      continue;
    if (!FRACTION_FOLLOWS.test(after) && !FRACTION_LEADS.test(before)) continue;
    if (/^\s+ago\b/i.test(after)) continue;
    if (/^\s+(?:century|centuries|mile|hour|of an hour|of a century)\b/i.test(after)) continue;
    const value = Math.round((count / part) * 1000) / 10;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      value,
      reading: `${value} percent`,
      unit: 'percent',
      unitWords: m[0],
      spelled: true,
      vague: false,
      multiplied: true,
    });
  }
  // "half of the voters", "by half", "nearly half": half alone.
  for (const m of s.matchAll(/\bhalf\b/gi)) {
    const before = s.slice(Math.max(0, m.index - 40), m.index);
    const after = s.slice(m.index + 4);
    if (/[ -]$/.test(before) && /\b(?:a|an|one)[ -]$/i.test(before)) continue; // "a half" is FRACTION's
    if (
      /\b(?:first|second|last|latter|former|other|back|front|top|bottom|northern|southern|eastern|western|the|this|that|each|every)\s+$/i.test(
        before,
      )
    )
      continue;
    if (/^[ -](?:a|an)[ -](?:dozen|million|billion|hour|day|year|century|mile)/i.test(after)) continue;
    if (
      !/^\s+(?:of|its|their|his|her|the|were|was|are|is|from)\b/i.test(after) &&
      !/\bby\s+$|\b(?:nearly|almost|about|around|roughly|more than|less than|over|under|only)\s+$/i.test(before)
    )
      continue;
    found.push({
      start: m.index,
      end: m.index + 4,
      value: 50,
      reading: '50 percent',
      unit: 'percent',
      unitWords: 'half',
      spelled: true,
      vague: false,
      multiplied: true,
    });
  }
}

function multiples(s: string, found: Candidate[]) {
  for (const m of s.matchAll(MULTIPLE)) {
    const [text, doubled, tripled, quadrupled, twice, halved, fold, times] = m;
    const value = doubled
      ? 2
      : tripled
        ? 3
        : quadrupled
          ? 4
          : twice
            ? 2
            : halved
              ? undefined
              : smallNumber((fold ?? times)!);
    const after = s.slice(m.index + text.length);
    // "double-digit", "double standards", "doubling down", "triple-A": words, not multiples.
    if ((doubled || tripled) && /^[-\s](?:digit|standard|agent|act|tap|click|threat|whammy|down|A\b)/i.test(after))
      continue;
    if (twice && !TWICE_MULTIPLIES.test(after)) continue;
    if (halved) {
      found.push({
        start: m.index,
        end: m.index + text.length,
        value: -50,
        reading: 'halved: 50 percent less',
        unit: 'percent',
        unitWords: text,
        change: 'fall',
        spelled: true,
        vague: false,
        multiplied: true,
      });
      continue;
    }
    if (value === undefined) continue;
    found.push({
      start: m.index,
      end: m.index + text.length,
      value,
      reading: `${value} times`,
      unit: 'times',
      unitWords: text,
      spelled: !/\d/.test(text),
      vague: false,
      multiplied: true,
    });
  }
}

function ranks(s: string, found: Candidate[]) {
  for (const m of s.matchAll(RANK)) {
    const word = m[1]!.toLowerCase();
    const value = ORDINAL_WORDS[word] ?? Number.parseInt(word, 10);
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      value,
      unit: 'rank',
      unitWords: m[0],
      spelled: true,
      vague: false,
      multiplied: true,
    });
  }
}

/** A duration of one: "for about an hour", "won't last a month", "for at least another year". */
function durationsOfOne(s: string, found: Candidate[]) {
  const oneUnit =
    /\b(for|last|lasts|lasted|take|takes|took|spend|spent|serve|served|more than|at least|about|around|nearly|almost|roughly|over|within|under|less than|up to)\s+(?:(?:about|around|roughly|nearly|almost|more than|less than|at least|at most|up to|over|under)\s+)?(a|an|another|one)\s+(year|month|week|day|hour|minute|decade)\b(?!\s+(?:ago|after|before|later|earlier|of|old|or two))/gi;
  for (const m of s.matchAll(oneUnit)) {
    const article = m[2]!;
    const word = m[3]!.toLowerCase();
    const start = m.index + m[0].length - m[3]!.length - 1 - article.length;
    if (/\b(?:per|a|once|twice|times)\s+$/i.test(s.slice(Math.max(0, m.index - 20), m.index))) continue;
    found.push({
      start,
      end: start + article.length,
      value: word === 'decade' ? 10 : 1,
      spelled: true,
      vague: false,
      multiplied: true,
      ...(word === 'decade' ? { unit: 'years', unitWords: 'decade' } : {}),
    });
  }
}

/** "a percentage point", "a point": one. */
function pointsOfOne(s: string, found: Candidate[]) {
  for (const m of s.matchAll(/\b(a|one)\s+(?=(?:full\s+)?percentage point\b)/gi)) {
    found.push({
      start: m.index,
      end: m.index + m[1]!.length,
      value: 1,
      spelled: true,
      vague: false,
      multiplied: true,
    });
  }
}

/** "a second American would be released": the second of them, so two. */
function nthOfThem(s: string, found: Candidate[]) {
  const nth =
    /\ba\s+(second|third|fourth|fifth)\s+(American|Briton|Ukrainian|Russian|prisoner|hostage|journalist|soldier|citizen|detainee|person|man|woman|national)\b/gi;
  for (const m of s.matchAll(nth)) {
    found.push({
      start: m.index,
      end: m.index + 2 + m[1]!.length,
      value: ORDINAL_WORDS[m[1]!.toLowerCase()]!,
      spelled: true,
      vague: false,
      multiplied: true,
    });
  }
}

/** Numbers in digits and words, from the recogniser (only where there may be one: it is the slow part). */
function recognised(s: string, found: Candidate[]) {
  for (const r of NUMBER_HINT.test(s) ? recogniser().parse(s) : []) {
    const start = r.start;
    const end = r.start + r.text.length;
    const value = Number((r.resolution as { value?: string } | undefined)?.value);
    if (!Number.isFinite(value)) continue;
    const text = s.slice(start, end);
    if (/^(?:a|an|one)\s+(?:half|third|quarter|fifth|tenth)$/i.test(text) || /^(?:half|a half)$/i.test(text)) continue;
    // "one in five children": a share.
    if (/^\S+\s+in\s+\S+$/i.test(text)) {
      found.push({
        start,
        end,
        value: Math.round(value * 1000) / 10,
        reading: text,
        unit: 'percent',
        unitWords: text,
        spelled: true,
        vague: false,
        multiplied: true,
      });
      continue;
    }
    // "two-thirds" in words is a share, read (or not) by `fractions`; the recogniser's 0.667 is no count.
    if (!/\d/.test(text) && value > 0 && value < 1) continue;
    // The recogniser reads "0.4%–1.1%" or "20-25" as one negative number; the digits rule reads them apart.
    if (value < 0 && /\d\s*[-–—]\s*\d/.test(text)) continue;
    found.push({
      start,
      end,
      value,
      spelled: !/\d/.test(text),
      vague: false,
      multiplied:
        /[a-z]/i.test(text) && /\d/.test(text)
          ? true
          : !/\d/.test(text)
            ? /(?:thousand|million|billion|trillion)/i.test(text)
            : false,
    });
  }
}

/** Digits the recogniser leaves out ("$3.2bn", "4.5m", the second half of "0.4%–1.1%"). */
function digits(s: string, found: Candidate[]) {
  for (const m of s.matchAll(/(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (found.some((f) => overlaps(f, span))) continue;
    found.push({ ...span, value: Number(m[0].replace(/,/g, '')), spelled: false, vague: false, multiplied: false });
  }
}

/** Every number of the sentence, longest spans first where two overlap, in order. */
export function numberCandidates(s: string): Candidate[] {
  const found: Candidate[] = [];
  if (VAGUE_HINT.test(s)) {
    vagueAmounts(s, found);
    fractions(s, found);
    multiples(s, found);
  }
  ranks(s, found);
  durationsOfOne(s, found);
  pointsOfOne(s, found);
  nthOfThem(s, found);
  recognised(s, found);
  digits(s, found);
  // Longer spans win; the first found wins ties (our readings before the recogniser's parts of them).
  const kept: Candidate[] = [];
  const bySpan = [...found].sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const c of bySpan) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}
