/**
 * Finds the numbers a sentence states as figures: the number (Microsoft Recognizers-Text, English), then
 * what our code adds: currency symbols and multipliers ("$100-million"), units and counted nouns, rates
 * ("a day"), ranges ("640,000–877,000", "between X and Y"), vague amounts with fixed readings, signs and
 * changes, and the qualifier. Dates, years, ordinals, times, numbers inside names and amounts restated in
 * brackets are left out. Pure: strings in, mentions out.
 */
import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number/dist/recognizers-text-number.es5.js';
import type { Qualifier } from '../model/schema';
import { VAGUE_READINGS } from './readings';
import { perDay, type UnitVocabulary, type UnitWord } from './unit-words';

export interface NumberMention {
  /** The stated words: qualifier, number and unit, offsets into the sentence. */
  start: number;
  end: number;
  value?: number;
  low?: number;
  high?: number;
  unit: string;
  /** The noun or unit words as written ("Russian tankers", "barrels per day"). */
  unitWords: string;
  reading?: string;
  qualifier: Qualifier;
  /** A change rather than a level ("fell 16,000 bpd", "40 fewer square miles"). */
  change?: 'rise' | 'fall';
  vague: boolean;
}

interface Raw {
  start: number;
  end: number;
  value?: number;
  low?: number;
  high?: number;
  reading?: string;
  unit?: string;
  unitWords?: string;
  /** Written in words ("three"), not digits. */
  spelled: boolean;
  vague: boolean;
  multiplied: boolean;
  change?: 'rise' | 'fall';
  dropped?: boolean;
}

let numberModel: ReturnType<NumberRecognizer['getNumberModel']> | undefined;
function recogniser() {
  numberModel ??= new NumberRecognizer(Culture.English).getNumberModel();
  return numberModel;
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTHS})\\.?\\s*$`);
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s*(?:of\\s+)?(?:${MONTHS})\\b`);
const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
  trn: 1e12,
};
const CURRENCY_SYMBOLS: [RegExp, string][] = [
  [/(?:NT\$|NT\s\$)\s?$/, 'twd'],
  [/(?:US\$|U\.S\.\s?\$|USD\s?)\s?$/, 'usd'],
  [/\$\s?$/, 'usd'],
  [/(?:€|EUR\s)\s?$/, 'eur'],
  [/(?:£|GBP\s)\s?$/, 'gbp'],
  [/¥\s?$/, 'jpy'],
  [/(?:₽|RUB\s)\s?$/, 'rub'],
  [/₴\s?$/, 'uah'],
];
const FUNCTION_WORDS = new Set(
  (
    'a an the of in on at to for from by with and or but that which who whom whose was were is are be been being has ' +
    'have had will would could should may might can must not no its their his her our your my this these those there ' +
    'than then as if when while since until about over under after before into onto per each every some any all'
  ).split(' '),
);
const QUALIFIERS: [RegExp, Qualifier][] = [
  [/\b(?:at least|no fewer than|no less than|a minimum of|not less than)$/i, 'at-least'],
  [/\b(?:at most|no more than|a maximum of|not more than)$/i, 'at-most'],
  [/\b(?:more than|over|in excess of|upwards of|greater than|north of)$/i, 'more-than'],
  [/\b(?:less than|fewer than|under|short of)$/i, 'less-than'],
  [/\b(?:nearly|almost|close to|just under|just shy of|approaching)$/i, 'nearly'],
  [
    /\b(?:about|around|roughly|some|an estimated|approximately|approx\.|circa|estimated|an average of|on average)$/i,
    'about',
  ],
  [/\b(?:below)$/i, 'below'],
  [/\b(?:above|exceeding)$/i, 'above'],
  [/\b(?:up to|as many as|as much as|as high as)$/i, 'up-to'],
  [/\b(?:a record|record|an all-time high of|a record high of|a record low of)$/i, 'record'],
];
/** Nouns and verbs whose "over"/"under" is a preposition, not a qualifier ("control over", "fight over"). */
const PREPOSITION_OWNER =
  /\b(?:control|power|sovereignty|influence|authority|debate|concerns?|talks|dispute|fight|fighting|war|tensions?|rule|command|flew|fly|flying|spread|spread out|hovering|presided|watch|pass|passed|advantage|lead|edge|victory|win)\s+$/i;
/** Words that may stand between a qualifier and its number: "at least in the hundreds", "nearly a quarter". */
const FILLER = /(?:\s+(?:a|an|the|another|in the|of))*\s*$/i;
const RISE =
  /\b(?:rose|rise|rises|risen|rising|increased|increase|increases|grew|grow|grows|growing|jumped|jumps|jump|climbed|climbs|gained|gains|surged|soared|up)\s+(?:by\s+)?$/i;
const FALL =
  /\b(?:fell|fall|falls|fallen|falling|dropped|drops|drop|declined|declines|decreased|decreases|slid|slipped|slumped|shrank|shrunk|plunged|plummeted|tumbled|down)\s+(?:by\s+)?$/i;

/** A digit or a number word: sentences without one hold no number for the recogniser to find. */
const NUMBER_HINT =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|quarter|third|fifth|tenth|first|second)/i;

/** A word of a vague amount or fraction: sentences without one skip those readings. */
const VAGUE_HINT = /hundred|thousand|million|billion|trillion|dozen|third|quarter|fifth|tenth|half|\ball\b/i;

/** Characters before a number that the checks look back over (a long sentence stays linear). */
const CONTEXT = 200;
const from = (pos: number) => Math.max(0, pos - CONTEXT);
/** The text just before `pos`. */
const upTo = (s: string, pos: number) => s.slice(from(pos), pos);

function wordStarts(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) if (/[A-Za-z]/.test(s[i]!) && (i === 0 || !/[\w'’]/.test(s[i - 1]!))) out.push(i);
  return out;
}

/** Spans that hold no figure: ISO dates, clock times, and letters joined to digits (F-16, COVID-19, T-90M, G7). */
function blockedSpans(s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const patterns = [
    /\b\d{4}-\d{2}-\d{2}\b/g,
    /\b\d{1,2}:\d{2}(?::\d{2})?\b/g,
    /\b[A-Za-z]+-?\d+[A-Za-z]*\b(?<!\bto-\d+)/g,
    /\b\d+(?:st|nd|rd|th)\b/g,
    /\b\d{1,2}\s?(?:a\.m\.|p\.m\.|am|pm|GMT|UTC|BST|CET|ET|EST|PT)\b/g,
    /\b(?:pre|post|mid|early|late)-(?:19|20)\d\d(?:s)?\b/gi,
    /\b(?:19|20)\d\ds\b/g,
  ];
  for (const re of patterns) for (const m of s.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Names whose words are numbers: "Group of Seven", "Article 5", "Two Majors" (capitalised mid-sentence). */
function insideName(s: string, raw: Raw): boolean {
  const before = upTo(s, raw.start);
  if (
    /\b(?:Group of|Article|Section|Chapter|Paragraph|Page|Resolution|Title|Flight|Route|No\.|Number|Apollo|Formula|Windows|Level|Phase|Plan|Item|Rule|Figure|Table|Grade|Class|Series|Vol\.|Volume)\s*$/.test(
      before,
    )
  ) {
    return true;
  }
  const first = s[raw.start]!;
  if (raw.spelled && /[A-Z]/.test(first) && raw.start > 0 && !/[.!?“"‘(:]\s*$/.test(before)) return true;
  return false;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function findRaw(s: string): Raw[] {
  const found: Raw[] = [];
  // Vague amounts and fractions, read with their fixed readings.
  for (const at of VAGUE_HINT.test(s) ? wordStarts(s) : []) {
    for (const vague of VAGUE_READINGS) {
      vague.words.lastIndex = at;
      const m = vague.words.exec(s);
      if (!m || /[A-Za-z]/.test(s[at + m[0].length] ?? '')) continue;
      found.push({
        start: at,
        end: at + m[0].length,
        ...(vague.value === undefined ? { low: vague.low, high: vague.high } : { value: vague.value }),
        reading: vague.reading,
        ...(vague.unit ? { unit: vague.unit, unitWords: vague.unit } : {}),
        spelled: true,
        // A fraction ("a third of") is as exact as the words; "hundreds" is vague.
        vague: vague.unit === undefined,
        multiplied: true,
      });
      break;
    }
  }
  // A duration of one: "for about an hour", "won't last a month", "for at least another year".
  const oneUnit =
    /\b(for|last|lasts|lasted|take|takes|took|spend|spent|serve|served|more than|at least|about|around|nearly|almost|roughly|over|within|under|less than|up to)\s+(?:(?:about|around|roughly|nearly|almost|more than|less than|at least|at most|up to|over|under)\s+)?(a|an|another|one)\s+(year|month|week|day|hour|minute|decade)\b(?!\s+(?:ago|after|before|later|earlier|of|old|or two))/gi;
  for (const m of s.matchAll(oneUnit)) {
    const article = m[2]!;
    const word = m[3]!.toLowerCase();
    const start = m.index + m[0].length - m[3]!.length - 1 - article.length;
    if (/\b(?:per|a|once|twice|times)\s+$/i.test(upTo(s, m.index))) continue;
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
  // "a second American would be released": the second of them, so two.
  const nth =
    /\ba\s+(second|third|fourth|fifth)\s+(American|Briton|Ukrainian|Russian|prisoner|hostage|journalist|soldier|citizen|detainee|person|man|woman|national)\b/gi;
  const ORD: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5 };
  for (const m of s.matchAll(nth)) {
    const start = m.index;
    found.push({
      start,
      end: start + 2 + m[1]!.length,
      value: ORD[m[1]!.toLowerCase()]!,
      spelled: true,
      vague: false,
      multiplied: true,
    });
  }
  // Numbers in digits and words (the recogniser only where there may be one: it is the slow part).
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
  // Digits the recogniser leaves out ("$3.2bn", "4.5m").
  for (const m of s.matchAll(/(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (found.some((f) => overlaps(f, span))) continue;
    found.push({ ...span, value: Number(m[0].replace(/,/g, '')), spelled: false, vague: false, multiplied: false });
  }
  // Longer spans win; the first found wins ties (vague readings before the recogniser's parts of them).
  const kept: Raw[] = [];
  const bySpan = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const raw of bySpan) if (!kept.some((k) => overlaps(k, raw))) kept.push(raw);
  return kept.sort((a, b) => a.start - b.start);
}

function matchWords(rest: string, list: readonly UnitWord[]): UnitWord | undefined {
  const lower = rest.toLowerCase();
  return list.find(
    (w) => lower.startsWith(w.words) && !/[a-z0-9]/.test(lower[w.words.length] ?? '') && (w.words !== '%' || true),
  );
}

interface UnitHit {
  unit: string;
  words: string;
  end: number;
}

/** The unit after a number at `pos`: "%", "percent", "barrels per day", "-year", "Russian tankers"… */
function unitAfter(s: string, pos: number, raw: Raw, vocab: UnitVocabulary): UnitHit | undefined {
  let at = pos;
  const rest = () => s.slice(at);
  let skipped = false;
  // "hundreds of thousands of troops", "billions of dollars"
  if (raw.vague && /^\s+of\s+/i.test(rest()) && !raw.unit) {
    at += /^\s+of\s+/i.exec(rest())![0].length;
    skipped = true;
  }
  // "40 fewer square miles than", "half a dozen or so officials"
  const between = /^\s+(?:fewer|more|less|or so)(?=\s)/i.exec(rest());
  if (between) {
    at += between[0].length;
    skipped = true;
  }
  // "a 50-billion-euro fund": the currency after the multiplier.
  const currency = /^-(euro|dollar|pound|rouble|ruble|yuan|yen|hryvnia)s?\b/i.exec(rest());
  if (currency) {
    const word = currency[1]!.toLowerCase();
    const units: Record<string, string> = {
      euro: 'eur',
      dollar: 'usd',
      pound: 'gbp',
      rouble: 'rub',
      ruble: 'rub',
      yuan: 'cny',
      yen: 'jpy',
      hryvnia: 'uah',
    };
    return { unit: units[word]!, words: currency[0].slice(1), end: at + currency[0].length };
  }
  const hyphen =
    /^-(year|month|week|day|hour|minute|step|mile|kilometre|kilometer|km|point|stage|phase)s?(-olds?)?\b/i.exec(rest());
  if (hyphen) {
    const word = hyphen[1]!.toLowerCase();
    const unit =
      word === 'step' || word === 'stage' || word === 'phase'
        ? 'steps'
        : word === 'km' || word.startsWith('kilomet')
          ? 'kilometres'
          : word === 'point'
            ? 'points'
            : `${word}s`;
    return { unit, words: hyphen[0].slice(1), end: at + hyphen[0].length };
  }
  const space = /^\s*/.exec(rest())![0].length;
  const measure = matchWords(s.slice(at + space), vocab.measures);
  if (
    measure &&
    (space > 0 || skipped || measure.words === '%' || /^[a-z]/.test(measure.words) === false || s[at] === '-')
  ) {
    return {
      unit: measure.unit,
      words: s.slice(at + space, at + space + measure.words.length),
      end: at + space + measure.words.length,
    };
  }
  if (measure && space === 0 && /^(?:bn|m|k|km|kg|bpd)$/i.test(measure.words)) {
    return { unit: measure.unit, words: measure.words, end: at + measure.words.length };
  }
  // A counted noun, with up to three modifiers between: "three oil executives", "180 Russian tankers".
  if (space === 0 && !skipped) return undefined;
  let cursor = at + space;
  for (let skipped = 0; skipped <= 3; skipped++) {
    const noun = matchWords(s.slice(cursor), vocab.nouns);
    if (noun) {
      const words = s.slice(at + space, cursor + noun.words.length);
      return { unit: noun.unit, words, end: cursor + noun.words.length };
    }
    const word = /^([A-Za-z][\w'’.-]*)(\s+)/.exec(s.slice(cursor));
    if (!word) return undefined;
    const w = word[1]!.toLowerCase().replace(/[.]$/, '');
    if (FUNCTION_WORDS.has(w) || /[.,;:]$/.test(word[1]!)) return undefined;
    cursor += word[0].length;
  }
  return undefined;
}

/** "a day", "per day", "daily" after a unit. */
function rateAfter(s: string, pos: number): number | undefined {
  const m = /^(?:\s+of\s+\w+)?\s+(?:a|per|each|every)\s+day\b|^(?:\s+of\s+\w+)?\s+daily\b/i.exec(s.slice(pos));
  return m ? pos + m[0].length : undefined;
}

const KILLED_OR_INJURED =
  /\b(?:killed or (?:injured|wounded)|(?:injured|wounded) or killed|killed and (?:injured|wounded)|wounded|injured)\s+$/i;
const KILLED = /\bkilled\s+$/i;

/** The numbers of a sentence that state figures, and notes on what was left out. */
export function findNumbers(s: string, vocab: UnitVocabulary): { mentions: NumberMention[]; notes: string[] } {
  const notes: string[] = [];
  const blocked = blockedSpans(s);
  const raws = findRaw(s).filter((raw) => {
    if (blocked.some((b) => overlaps(b, raw))) return false;
    if (insideName(s, raw)) return false;
    const before = upTo(s, raw.start);
    const after = s.slice(raw.end);
    if (!raw.vague && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after))) return false;
    return true;
  });

  for (const raw of raws) {
    const before = upTo(s, raw.start);
    // Currency symbol before the number.
    if (!raw.unit) {
      for (const [re, unit] of CURRENCY_SYMBOLS) {
        const m = re.exec(before);
        if (m) {
          raw.start -= m[0].length;
          raw.unit = unit;
          raw.unitWords = m[0].trim();
          break;
        }
      }
    }
    // A sign written before the number and not read by the recogniser.
    if (
      raw.value !== undefined &&
      raw.value > 0 &&
      /(?:^|[\s(])[-−–]$/.test(upTo(s, raw.start)) &&
      /\d/.test(s[raw.start + (raw.unit ? 1 : 0)] ?? '')
    ) {
      raw.value = -raw.value;
      raw.start -= 1;
    }
    // Multiplier after the number: "$100-million", "$4.5bn", "9 million".
    if (!raw.multiplied && raw.value !== undefined) {
      const m = /^[\s-]?(thousand|million|billion|trillion|bn|mln|mn|trn|tn|m|k|b)\b/i.exec(s.slice(raw.end));
      if (m && (m[1]!.length > 1 || raw.unit)) {
        raw.value *= MULTIPLIERS[m[1]!.toLowerCase()]!;
        raw.end += m[0].length;
        raw.multiplied = true;
      }
    }
    // Cents are hundredths of a dollar: "rose 45 cents".
    if (!raw.unit && raw.value !== undefined) {
      const cents = /^\s+cents?\b/i.exec(s.slice(raw.end));
      if (cents) {
        raw.value /= 100;
        raw.unit = 'usd';
        raw.unitWords = cents[0].trim();
        raw.end += cents[0].length;
        raw.multiplied = true;
      }
    }
    // Unit or counted noun after the number.
    if (!raw.unit || ['usd', 'eur', 'gbp', 'jpy', 'rub', 'uah', 'twd'].includes(raw.unit)) {
      const hit = unitAfter(s, raw.end, raw, vocab);
      if (hit && !(raw.unit && hit.unit !== raw.unit && !['percent'].includes(hit.unit))) {
        if (!raw.unit || hit.unit === raw.unit) {
          raw.unit = hit.unit;
          raw.unitWords = raw.unitWords ? `${raw.unitWords} ${hit.words}` : hit.words;
          raw.end = hit.end;
        }
      }
    }
    if (raw.unit === 'percent') {
      const gdp =
        /^\s+of\s+(?:(?:its|their|the|the country['’]s|[A-Z][\w'’]+)\s+)?(?:economic output|gross domestic product|GDP|national output|economy)\b/.exec(
          s.slice(raw.end),
        );
      if (gdp && vocab.known.has('percent-of-gdp')) {
        raw.unit = 'percent-of-gdp';
        raw.unitWords = `${raw.unitWords ?? ''}${gdp[0]}`.trim();
        raw.end += gdp[0].length;
      }
    }
    // A rate: "1,000 casualties a day", "hundreds of yards of advances per day".
    if (raw.unit) {
      const rateEnd = rateAfter(s, raw.end);
      const rate = rateEnd === undefined ? undefined : perDay(raw.unit, vocab);
      if (rate && rateEnd !== undefined) {
        raw.unit = rate;
        raw.unitWords = s.slice(raw.end - (raw.unitWords?.length ?? 0), rateEnd).trim();
        raw.end = rateEnd;
      }
    } else if (raw.vague || !raw.spelled) {
      // "estimated … as at least in the hundreds daily": the counted noun stands earlier in the sentence.
      const rateEnd = /^\s+(?:daily|a day|per day)\b/i.exec(s.slice(raw.end));
      if (rateEnd) {
        const earlier = vocab.nouns.filter((n) => new RegExp(`\\b${n.words}\\b`, 'i').test(s.slice(0, raw.start)));
        const rate = earlier.map((n) => perDay(n.unit, vocab)).find((u) => u !== undefined);
        if (rate) {
          raw.unit = rate;
          raw.unitWords = rateEnd[0].trim();
          raw.end += rateEnd[0].length;
        }
      }
    }
    // "Two people were injured", "12,300 civilians have died".
    if (raw.unit && ['troops', 'soldiers', 'people', 'civilians'].includes(raw.unit)) {
      const fate =
        /^\s+(?:(?:were|was|have been|had been|have|had|are)\s+)?(killed|died|dead|injured|wounded|hurt)\b/i.exec(
          s.slice(raw.end),
        );
      if (fate) {
        const dead = /killed|died|dead/i.test(fate[1]!);
        if (dead && vocab.known.has('deaths')) raw.unit = 'deaths';
        else if (!dead && vocab.known.has('casualties')) raw.unit = 'casualties';
      }
    }
    // Killed or injured: "has killed or injured hundreds of thousands of troops".
    if (raw.unit && ['troops', 'soldiers', 'people', 'casualties'].includes(raw.unit)) {
      const lead = upTo(s, raw.start);
      if (KILLED_OR_INJURED.test(lead) && vocab.known.has('casualties')) raw.unit = 'casualties';
      else if (KILLED.test(lead) && vocab.known.has('deaths')) raw.unit = 'deaths';
    }
  }

  // Ages: "men aged 18 to 60".
  for (const raw of raws) {
    if (!raw.unit && raw.value !== undefined && /\baged\s+(?:between\s+)?$/i.test(upTo(s, raw.start))) {
      raw.unit = 'years';
      raw.unitWords = '';
      const next = raws[raws.indexOf(raw) + 1];
      if (next && !next.unit && /^\s*(?:to|-|–|and)\s*$/.test(s.slice(raw.end, next.start))) {
        next.unit = 'years';
        next.unitWords = '';
      }
    }
  }
  // An age in brackets after a name: "Fogel (63) was serving…".
  for (const raw of raws) {
    if (raw.unit || raw.spelled || raw.value === undefined) continue;
    if (/[A-Z][\w'’-]+\s\($/.test(upTo(s, raw.start)) && s[raw.end] === ')' && raw.value > 0 && raw.value < 120) {
      raw.unit = 'years';
      raw.unitWords = '';
      raw.start -= 1;
      raw.end += 1;
    }
  }

  // Ranges: "640,000–877,000", "20-25%", "between 243,000 and 352,000", "from X to Y", "a few dozen or hundreds".
  for (let i = 0; i + 1 < raws.length; i++) {
    const a = raws[i]!;
    const b = raws[i + 1]!;
    if (a.dropped || b.dropped) continue;
    const gap = s.slice(a.end, b.start);
    const between = /\bbetween\s+(?:about\s+|around\s+|some\s+)?$/i.test(upTo(s, a.start));
    const fromTo = /\bfrom\s+$/i.test(upTo(s, a.start));
    const dash = /^\s*(?:-|–|—|to|-to-)\s*$/i.test(gap) && !(a.unit && b.unit && a.unit !== b.unit);
    const and = between && /^\s+and\s+$/i.test(gap);
    const or = a.vague && b.vague && /^\s+or\s+$/i.test(gap);
    if (!(dash || and || or || (fromTo && /^\s+to\s+$/i.test(gap)))) continue;
    if (a.unit && b.unit && a.unit !== b.unit) continue;
    const unit = b.unit ?? a.unit;
    if (!unit) continue;
    const lowA = a.low ?? a.value!;
    const highA = a.high ?? a.value!;
    const lowB = b.low ?? b.value!;
    const highB = b.high ?? b.value!;
    let scaleA = 1;
    if (!a.multiplied && b.multiplied && b.value !== undefined && a.value !== undefined && a.value < b.value / 100) {
      const m = /(thousand|million|billion|trillion|bn|mn|m|k)\b/i.exec(s.slice(b.start, b.end));
      if (m) scaleA = MULTIPLIERS[m[1]!.toLowerCase()]!;
    }
    const values = [lowA * scaleA, highA * scaleA, lowB, highB];
    a.low = Math.min(...values);
    a.high = Math.max(...values);
    delete a.value;
    a.unit = unit;
    a.unitWords = b.unitWords ?? a.unitWords;
    a.reading = a.reading && b.reading ? `${a.reading} or ${b.reading}` : (a.reading ?? b.reading);
    a.vague = a.vague || b.vague;
    if (between) a.start = from(a.start) + upTo(s, a.start).search(/\bbetween\s+(?:about\s+|around\s+|some\s+)?$/i);
    a.end = b.end;
    b.dropped = true;
  }

  // An amount restated in brackets in another currency or unit: keep the first, note the second.
  for (let i = 0; i + 1 < raws.length; i++) {
    const a = raws[i]!;
    const b = raws[i + 1]!;
    if (a.dropped || b.dropped || !a.unit || !b.unit) continue;
    if (
      /^\s*\((?:about|around|roughly|some|or|approximately|nearly|almost)?\s*$/i.test(s.slice(a.end, b.start)) &&
      /^\s*\)/.test(s.slice(b.end))
    ) {
      const da = vocab.info.get(a.unit)?.dimension;
      const db = vocab.info.get(b.unit)?.dimension;
      if (da !== undefined && da === db) {
        b.dropped = true;
        notes.push(
          `"${s.slice(b.start, b.end)}" restates "${s.slice(a.start, a.end)}" in brackets; only the first is proposed.`,
        );
      }
    }
  }

  const mentions: NumberMention[] = [];
  for (const raw of raws) {
    if (raw.dropped || !raw.unit) continue;
    if (!vocab.known.has(raw.unit)) continue;
    const beforeAt = from(raw.start);
    const before = s.slice(beforeAt, raw.start);
    const duration = vocab.info.get(raw.unit)?.dimension === 'duration';
    // Not figures: a year before a noun ("in 2024 Russian troops…"), a period ("the last two days"), a date
    // relative to another ("three years ago").
    if (
      !raw.spelled &&
      raw.value !== undefined &&
      Number.isInteger(raw.value) &&
      raw.value >= 1900 &&
      raw.value <= 2100 &&
      !/,/.test(s.slice(raw.start, raw.end)) &&
      !/^(?:usd|eur|gbp|jpy|rub|uah|twd|cny)$/.test(raw.unit) &&
      /(?:\b(?:in|since|by|of|from|until|till|during|before|after|through|and|to|early|late|mid|spring|summer|autumn|fall|winter)\s+|^\s*)$/i.test(
        before,
      )
    ) {
      continue;
    }
    // A reference, not a figure: "between the two countries", "its three partners".
    if (
      raw.spelled &&
      !raw.vague &&
      vocab.info.get(raw.unit)?.dimension === 'count' &&
      /\b(?:the|these|those|both|its|their|his|her|our|my|your)\s+$/i.test(before)
    )
      continue;
    const one = /^(?:a|an|another)\b/i.test(s.slice(raw.start, raw.end));
    if (duration && !one && /\b(?:the|last|past|next|coming|first|previous|recent|few)\s+$/i.test(before)) continue;
    if (duration && /^\s+(?:ago|earlier|later|before|after)\b/i.test(s.slice(raw.end))) continue;
    // Qualifier, possibly with filler words between it and the number.
    let qualifier: Qualifier = raw.vague ? 'about' : 'exact';
    let start = raw.start;
    const filler = FILLER.exec(before);
    const head = filler ? before.slice(0, filler.index) : before;
    for (const [re, q] of QUALIFIERS) {
      const m = re.exec(head);
      // "control over a few hundred square miles": "over"/"under" qualify only a number right after them.
      if (
        m &&
        /^(?:over|under)$/i.test(m[0]) &&
        (raw.vague || /\S/.test(before.slice(head.length)) || PREPOSITION_OWNER.test(head.slice(0, m.index)))
      ) {
        continue;
      }
      if (m) {
        qualifier = q;
        start = beforeAt + m.index;
        break;
      }
    }
    if (/\bor so\b/i.test(s.slice(raw.start, raw.end)) && qualifier === 'exact') qualifier = 'about';
    let end = raw.end;
    const trailing = /^\s+or\s+(so|more|less|fewer)\b/i.exec(s.slice(raw.end));
    if (trailing) {
      qualifier =
        trailing[1]!.toLowerCase() === 'so' ? 'about' : trailing[1]!.toLowerCase() === 'more' ? 'at-least' : 'at-most';
      end = raw.end + trailing[0].length;
    }
    // Half a dozen or so officials: the noun after "or so".
    let unit = raw.unit;
    let unitWords = raw.unitWords ?? '';
    if (trailing && (unit === 'count' || !unitWords)) {
      const hit = unitAfter(s, end, raw, vocab);
      if (hit) {
        unit = hit.unit;
        unitWords = hit.words;
        end = hit.end;
      }
    }
    // Changes: "fell 16,000 bpd", "jumped 5 percent", "40 fewer square miles than".
    let change: 'rise' | 'fall' | undefined;
    const lead = upTo(s, start);
    if (FALL.test(lead) && !/\blost\s+$/i.test(lead)) change = 'fall';
    else if (RISE.test(lead)) change = 'rise';
    const fewer = /^\s+(fewer|less|more)\b/i.exec(
      s.slice(raw.start + (/^[\d,.]+/.exec(s.slice(raw.start))?.[0].length ?? 0)),
    );
    let value = raw.value;
    let low = raw.low;
    let high = raw.high;
    if (fewer && raw.value !== undefined && /\bthan\b/i.test(s.slice(raw.end, raw.end + 60))) {
      change = fewer[1]!.toLowerCase() === 'more' ? 'rise' : 'fall';
    }
    if (change === 'fall') {
      if (value !== undefined && value > 0) value = -value;
      if (low !== undefined && high !== undefined && low >= 0) [low, high] = [-high, -low];
    }
    mentions.push({
      start,
      end,
      ...(value === undefined ? { low: low!, high: high! } : { value }),
      unit,
      unitWords,
      ...(raw.reading ? { reading: raw.reading } : {}),
      qualifier,
      ...(change ? { change } : {}),
      vague: raw.vague,
    });
  }
  return {
    mentions: mentions.filter((m) => !(m.value === undefined && (m.low === undefined || m.high === undefined))),
    notes,
  };
}
