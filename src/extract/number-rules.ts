/**
 * The rules that turn a sentence's numbers (`number-candidates.ts`) into figures, in the order they run.
 * Each rule is small, named and tested on real sentences (`number-rules.test.ts`): it fills in a unit,
 * widens the stated words, joins two numbers into a range, or drops a number that is no figure, saying why.
 * Pure: strings in, candidates changed in place.
 */
import type { Qualifier } from '../model/dataset/schema';
import { countedAfter, fateAfter, numberOf, sentenceTerms, singularOf, type Term } from './counted-noun';
import { overlaps, type Candidate } from './number-candidates';
import { slugify } from './ids';
import type { UnitVocabulary, UnitWord } from './unit-words';

export interface RuleContext {
  /** The sentence. */
  s: string;
  candidates: Candidate[];
  vocab: UnitVocabulary;
  /** What the analyst should know (restated amounts…). */
  notes: string[];
  /** The sentence's words tagged by compromise, computed once on first use. */
  terms: () => readonly Term[];
}

export interface NumberRule {
  name: string;
  /** What the rule does, in words. */
  does: string;
  apply: (ctx: RuleContext) => void;
}

/** Characters before a number that the checks look back over (a long sentence stays linear). */
const CONTEXT = 200;
const from = (pos: number) => Math.max(0, pos - CONTEXT);
/** The text just before `pos`. */
const upTo = (s: string, pos: number) => s.slice(from(pos), pos);
const live = (ctx: RuleContext) => ctx.candidates.filter((c) => !c.dropped);
const drop = (c: Candidate, why: string) => {
  c.dropped ??= why;
};
const MONEY = new Set([
  'usd',
  'eur',
  'gbp',
  'jpy',
  'rub',
  'uah',
  'twd',
  'cny',
  'thb',
  'sgd',
  'cad',
  'aud',
  'hkd',
  'inr',
  'pkr',
  'chf',
  'krw',
  'xaf',
  'kes',
  'brl',
  'try',
  'pln',
]);
const isMoney = (unit: string | undefined) => unit !== undefined && MONEY.has(unit);
const dimensionOf = (ctx: RuleContext, unit: string | undefined) =>
  unit === undefined
    ? undefined
    : (ctx.vocab.info.get(unit)?.dimension ?? (unit.endsWith('-per-day') ? 'rate' : 'count'));

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTHS})\\.?\\s*$`);
const MONTH_AFTER = new RegExp(`^(?:st|nd|rd|th)?\\s*(?:of\\s+)?(?:${MONTHS})\\b`);

/** Spans that hold no figure: ISO dates, clock times, letters joined to digits (F-16, COVID-19, MQ-4C, G7)… */
function blockedSpans(s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const patterns = [
    /\b\d{4}-\d{2}-\d{2}\b/g,
    /\b\d{1,2}:\d{2}(?::\d{2})?\b/g,
    /\b[A-Za-z]+-?\d+[A-Za-z]*(?:-\d+[A-Za-z]*)?\b(?<!\bto-\d+)/g,
    /\b\d+[A-Z]+\b/g,
    /\b\d+(?:st|nd|rd|th)\b(?![- ](?:largest|biggest|highest|lowest|smallest|most|least|richest|poorest|busiest|fastest|strongest|worst|best))/g,
    /\b\d{1,2}\s?(?:a\.m\.|p\.m\.|am|pm|GMT|UTC|BST|CET|ET|EST|PT)\b/g,
    /\b(?:pre|post|mid|early|late)-(?:19|20)\d\d(?:s)?\b/gi,
    /\b(?:19|20)\d\ds\b/g,
  ];
  for (const re of patterns) for (const m of s.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

const NAME_BEFORE =
  /\b(?:Group of|Article|Section|Chapter|Paragraph|Page|Resolution|Title|Flight|Route|No\.|Number|Apollo|Formula|Windows|Level|Phase|Plan|Item|Rule|Figure|Table|Grade|Class|Series|Vol\.|Volume|Block|Unit|Brigade|Battalion|Regiment|Division|Corps|Army|Fleet|District|Precinct|Highway|Interstate|Gate|Terminal|Platform|Room|Floor|Building|Camp|Zone|Sector|Region|Line|Channel|Tier|Category|Stage|Round|Game|Match|Episode|Season|Part)\s*$/;

/** Names whose words are numbers: "Group of Seven", "Article 5", "Two Majors", "a 12-point plan". */
const notDatesOrNames: NumberRule = {
  name: 'not dates or names',
  does:
    'Drops dates, times, ordinals, model and unit names (F-16, MQ-4C), names with a number ("Group of Seven", ' +
    '"Article 5", "a 12-point plan", "Two Majors"), ages ("a 33-year-old"), numbers next to a month.',
  apply(ctx) {
    const { s } = ctx;
    const blocked = blockedSpans(s);
    for (const c of live(ctx)) {
      if (blocked.some((b) => overlaps(b, c)) && c.unit !== 'rank') drop(c, 'a date, time or name');
      const before = upTo(s, c.start);
      const after = s.slice(c.end);
      if (NAME_BEFORE.test(before) && !c.unit) drop(c, 'part of a name');
      if (c.spelled && /[A-Z]/.test(s[c.start]!) && c.start > 0 && !/[.!?“"‘(:—–-]\s*$/.test(before) && !c.unit)
        drop(c, 'part of a name');
      if (!c.vague && !c.unit && (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after))) drop(c, 'part of a date');
      if (
        /^[- ]point\s+(?:plan|proposal|programme|program|peace|agenda|list|scale|strategy|framework|memorandum|declaration|charter|formula)\b/i.test(
          after,
        )
      )
        drop(c, 'the name of a plan');
      // "a 33-year-old", "an 80-year-old woman": a person's age. "18-to-24-year-olds" (a group) and "the
      // three-year-old war" are figures.
      if (
        /^-year-old\b(?!s)/i.test(after) &&
        !/^-year-old\s+(?:war|conflict|invasion|fight|fighting|campaign|dispute|crisis|ceasefire|truce|blockade|siege|occupation|offensive|regime|ban|embargo|sanctions|programme|program)\b/i.test(
          after,
        )
      )
        drop(c, 'an age');
      if (/^[- ](?:millimet(?:er|re)|mm|calib(?:er|re)|inch|pounder)\b/i.test(after))
        drop(c, 'a calibre, part of a name');
      // "children under five", "men aged over 60", "babies under the age of one": an age that defines a group.
      if (
        !c.unit &&
        /\b(?:under|over|age of|ages of|younger than|older than)\s+$/i.test(before) &&
        /\b(?:child|children|kids|babies|infants|boys|girls|people|adults|men|women|youths?|teenagers|the age)\b[^.]{0,20}$/i.test(
          before,
        )
      )
        drop(c, 'an age that defines a group');
    }
  },
};

const CURRENCY_SYMBOLS: [RegExp, string][] = [
  [/(?:NT\$|NT\s\$)\s?$/, 'twd'],
  [/(?:S\$|SGD\s?)\s?$/, 'sgd'],
  [/(?:C\$|CAD\s?|CA\$)\s?$/, 'cad'],
  [/(?:A\$|AUD\s?|AU\$)\s?$/, 'aud'],
  [/(?:HK\$|HKD\s?)\s?$/, 'hkd'],
  [/(?:R\$|BRL\s?)\s?$/, 'brl'],
  [/(?:US\$|U\.S\.\s?\$|USD\s?)\s?$/, 'usd'],
  [/\$\s?$/, 'usd'],
  [/(?:€|EUR\s)\s?$/, 'eur'],
  [/(?:£|GBP\s)\s?$/, 'gbp'],
  [/¥\s?$/, 'jpy'],
  [/(?:₽|RUB\s)\s?$/, 'rub'],
  [/₴\s?$/, 'uah'],
  [/(?:₹|Rs\.?\s?|INR\s)\s?$/, 'inr'],
  [/₩\s?$/, 'krw'],
  [/CHF\s?$/, 'chf'],
];

const currencySymbol: NumberRule = {
  name: 'currency symbol',
  does: 'Reads a currency symbol or code written before the number: "$", "€", "£", "NT$", "S$", "US$", "CHF".',
  apply(ctx) {
    for (const c of live(ctx)) {
      if (c.unit) continue;
      const before = upTo(ctx.s, c.start);
      for (const [re, unit] of CURRENCY_SYMBOLS) {
        const m = re.exec(before);
        if (!m) continue;
        c.start -= m[0].length;
        c.unit = unit;
        c.unitWords = m[0].trim();
        break;
      }
    }
  },
};

const writtenSign: NumberRule = {
  name: 'written sign',
  does: 'Reads a minus sign written before the number ("-14%"), never a dash between two numbers.',
  apply(ctx) {
    const { s } = ctx;
    for (const c of live(ctx)) {
      if (c.value === undefined || c.value <= 0) continue;
      const before = upTo(s, c.start);
      // "0.4%–1.1%": the dash joins a range; only a sign after a space or a bracket counts.
      if (
        /(?:^|[\s(])[-−]$/.test(before) &&
        !/\d\s*[%]?\s*[-−]$/.test(before) &&
        /\d/.test(s[c.start + (c.unit ? 1 : 0)] ?? '')
      ) {
        c.value = -c.value;
        c.start -= 1;
      }
    }
  },
};

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

/** "$1-2 billion", "from 5 to 15 million": the scale word of the second number also scales the first. */
function sharedScale(s: string, a: Candidate, b: Candidate): number {
  if (a.multiplied || !b.multiplied || b.value === undefined || a.value === undefined || a.value >= b.value / 100)
    return 1;
  const m = /(thousand|million|billion|trillion|bn|mn|m|k)\b/i.exec(s.slice(b.start, b.end));
  return m ? MULTIPLIERS[m[1]!.toLowerCase()]! : 1;
}

const scaleWord: NumberRule = {
  name: 'scale word',
  does: 'Multiplies by a scale word after the number: "$100-million", "$4.5bn", "9 million", "3.2 trillion".',
  apply(ctx) {
    for (const c of live(ctx)) {
      if (c.multiplied || c.value === undefined) continue;
      const m = /^[\s-]?(thousand|million|billion|trillion|bn|mln|mn|trn|tn|m|k|b)\b/i.exec(ctx.s.slice(c.end));
      if (m && (m[1]!.length > 1 || c.unit)) {
        c.value *= MULTIPLIERS[m[1]!.toLowerCase()]!;
        c.end += m[0].length;
        c.multiplied = true;
      }
    }
  },
};

const cents: NumberRule = {
  name: 'cents',
  does: 'Reads cents as hundredths of a dollar: "rose 45 cents".',
  apply(ctx) {
    for (const c of live(ctx)) {
      if (c.unit || c.value === undefined) continue;
      const m = /^\s+cents?\b/i.exec(ctx.s.slice(c.end));
      if (!m) continue;
      c.value /= 100;
      c.unit = 'usd';
      c.unitWords = m[0].trim();
      c.end += m[0].length;
      c.multiplied = true;
    }
  },
};

function matchWords(rest: string, list: readonly UnitWord[]): UnitWord | undefined {
  const lower = rest.toLowerCase();
  return list.find((w) => lower.startsWith(w.words) && !/[a-z0-9]/.test(lower[w.words.length] ?? ''));
}

const HYPHEN_CURRENCY: Record<string, string> = {
  euro: 'eur',
  dollar: 'usd',
  pound: 'gbp',
  rouble: 'rub',
  ruble: 'rub',
  yuan: 'cny',
  yen: 'jpy',
  hryvnia: 'uah',
};

/** Compact units written onto the number: "14.1GW", "45bcm", "3.5mt". */
const ATTACHED = /^(?:bn|m|k|km|kg|bpd|gw|mw|kw|twh|gwh|mwh|kwh|bcm|mmt|mt|lbs?)$/i;

const unitWords: NumberRule = {
  name: 'unit words',
  does:
    'Reads a unit of measure after the number ("percent", "barrels per day", "gigawatts", "pounds" as a weight, ' +
    '"baht"), a hyphenated one ("a 30-day ceasefire", "a 50-billion-euro fund"), and "bcm" and "MMT" with their scale.',
  apply(ctx) {
    const { s, vocab } = ctx;
    for (const c of live(ctx)) {
      if (c.unit && !isMoney(c.unit)) continue;
      let at = c.end;
      // "billions of dollars", "tens of thousands of barrels a day"
      const of = c.vague && !c.unit ? /^\s+of\s+/i.exec(s.slice(at)) : null;
      if (of) at += of[0].length;
      // "40 fewer square miles than", "half a dozen or so officials"
      const between = /^\s+(?:fewer|more|less|or so)(?=\s)/i.exec(s.slice(at));
      if (between && !c.unit) at += between[0].length;
      const rest = s.slice(at);
      if (!c.unit) {
        const currency = /^-(euro|dollar|pound|rouble|ruble|yuan|yen|hryvnia)s?\b/i.exec(rest);
        if (currency) {
          c.unit = HYPHEN_CURRENCY[currency[1]!.toLowerCase()]!;
          c.unitWords = currency[0].slice(1);
          c.end = at + currency[0].length;
          continue;
        }
        const hyphen =
          /^-(year|month|week|day|hour|minute|step|mile|kilometre|kilometer|km|stage|phase|metre|meter|kg|kilogram|tonne|ton|pound)s?(-long|-wide|-deep|-olds)?\b/i.exec(
            rest,
          );
        if (hyphen) {
          const word = hyphen[1]!.toLowerCase();
          c.unit =
            word === 'step' || word === 'stage' || word === 'phase'
              ? 'steps'
              : word === 'km' || word.startsWith('kilomet')
                ? 'kilometres'
                : word.startsWith('met')
                  ? 'metres'
                  : word === 'kg' || word === 'kilogram'
                    ? 'kilograms'
                    : word === 'ton' || word === 'tonne'
                      ? 'tonnes'
                      : `${word}s`;
          c.unitWords = hyphen[0].slice(1);
          c.end = at + hyphen[0].length;
          continue;
        }
        // "a 100,000-square-kilometer stretch"
        const area = /^-square-(kilometer|kilometre|mile)s?\b/i.exec(rest);
        if (area) {
          c.unit = area[1]!.toLowerCase().startsWith('kilomet') ? 'square-kilometres' : 'square-miles';
          c.unitWords = area[0].slice(1);
          c.end = at + area[0].length;
          continue;
        }
      }
      const space = /^\s*/.exec(rest)![0].length;
      const word = matchWords(rest.slice(space), vocab.measures);
      if (!word) continue;
      if (
        of &&
        dimensionOf(ctx, word.unit) !== 'money' &&
        !isMoney(word.unit) &&
        dimensionOf(ctx, word.unit) !== 'oil-flow'
      )
        continue;
      const attached = space === 0 && ATTACHED.test(word.words);
      if (space === 0 && !attached && !of && !between && !['%', '-'].includes(word.words) && /^[a-z]/i.test(word.words))
        continue;
      let unit = word.unit;
      // "pounds" is money only as "pounds sterling" or after "£"; a weight otherwise.
      if (unit === 'pounds' && c.unit === 'gbp') unit = 'gbp';
      // "$1 billion Singapore dollars": the currency written out says which dollars
      const currencyNamed = c.unit !== undefined && isMoney(c.unit) && isMoney(unit) && unit !== c.unit;
      if (c.unit && unit !== c.unit && dimensionOf(ctx, unit) !== 'share' && !currencyNamed) continue;
      if (c.unit && isMoney(c.unit) && dimensionOf(ctx, unit) === 'share') continue;
      c.unit = unit;
      c.unitWords =
        c.unitWords && c.unitWords !== rest.slice(space, space + word.words.length)
          ? `${c.unitWords} ${word.words}`
          : rest.slice(space, space + word.words.length);
      c.end = at + space + word.words.length;
      if (c.value !== undefined && /^(?:bcm)$/i.test(word.words)) c.value *= 1e9;
      if (c.value !== undefined && /^(?:mmt)$/i.test(word.words)) c.value *= 1e6;
    }
  },
};

const PER_THING =
  /^\s+(?:a|per|each|every|an)\s+(barrel|gallon|litre|liter|tonne|ton|kilogram|kilo|kg|pound|ounce|share|head|person|capita|unit|bag|kilowatt-hour|megawatt-hour|cubic metre|cubic meter|thousand cubic metres|mmbtu|night|ticket|dose|vehicle)\b/i;
const PER_PERIOD =
  /^\s+(?:a|per|each|every|an)\s+(day|week|month|year)\b|^\s+(daily|weekly|monthly|annually|yearly|a year|per annum)\b/i;

const pricesAndRates: NumberRule = {
  name: 'prices and rates',
  does:
    'Widens a price to what it is per ("$35 per barrel", "$4 a gallon") and makes a rate of an amount per day, ' +
    'week, month or year ("1,000 casualties a day", "$2 billion per month", "280 funerals a day").',
  apply(ctx) {
    const { s, vocab } = ctx;
    for (const c of live(ctx)) {
      if (!c.unit) continue;
      const dim = dimensionOf(ctx, c.unit);
      if (dim === 'share' || dim === 'share-change' || dim === 'duration' || dim === 'rate' || c.unit.includes('-per-'))
        continue;
      const rest = s.slice(c.end);
      const price = isMoney(c.unit) ? PER_THING.exec(rest) : null;
      if (price) {
        c.unitWords = `${c.unitWords ?? ''} ${price[0].trim()}`.trim();
        c.end += price[0].length;
        continue;
      }
      // "four attackers lost per defender": a ratio of two counts
      const ratio =
        dim === 'count'
          ? /^\s+(?:(?:lost|killed|needed|used|fired)\s+)?(?:per|for every|for each|to every|to each)\s+([a-z]+)\b/i.exec(
              rest,
            )
          : null;
      if (ratio && !/^(?:day|week|month|year|hour|capita|head|person|cent)$/i.test(ratio[1]!)) {
        const base = c.proposedUnit?.label ?? vocab.info.get(c.unit)?.label ?? c.unit;
        const id = slugify(`${base} per ${ratio[1]}`, 48);
        c.proposedUnit = { id, label: `${base} per ${ratio[1]!.toLowerCase()}`, dimension: 'ratio' };
        c.unit = id;
        c.unitWords = `${c.unitWords ?? ''}${ratio[0]}`.trim();
        c.end += ratio[0].length;
        continue;
      }
      const skipOf = /^\s+of\s+\w+(?=\s+(?:a|per|each|every)\s+day\b|\s+daily\b)/i.exec(rest);
      const period = PER_PERIOD.exec(skipOf ? rest.slice(skipOf[0].length) : rest);
      if (!period) continue;
      const word = (period[1] ?? period[2] ?? '').toLowerCase();
      const per = /day|daily/.test(word) ? 'day' : /week/.test(word) ? 'week' : /month/.test(word) ? 'month' : 'year';
      const id = `${c.unit}-per-${per}`;
      const end = c.end + (skipOf?.[0].length ?? 0) + period[0].length;
      if (vocab.known.has(id)) {
        c.unit = id;
      } else if (dim === 'count' || isMoney(c.unit) || c.proposedUnit) {
        const base = c.proposedUnit?.label ?? vocab.info.get(c.unit)?.label ?? c.unit;
        c.proposedUnit = { id, label: `${base} a ${per}`, dimension: isMoney(c.unit) ? 'money-rate' : 'rate' };
        c.unit = id;
      } else {
        continue;
      }
      c.unitWords = c.labelOnly
        ? `${c.unitWords ?? ''} ${s.slice(c.end, end).trim()}`.trim()
        : s.slice(c.end - (c.unitWords?.length ?? 0), end).trim();
      c.end = end;
    }
  },
};

const shareOfGdp: NumberRule = {
  name: 'share of GDP',
  does: 'Reads "5 percent of GDP", "of its economic output", "of the economy" as a share of GDP.',
  apply(ctx) {
    for (const c of live(ctx)) {
      if (c.unit !== 'percent') continue;
      const gdp =
        /^\s+of\s+(?:(?:its|their|the|the country['’]s|[A-Z][\w'’]+|member states['’]|[a-z]+['’]s?)\s+)?(?:economic output|gross domestic product|GDP|national output|economy)\b/.exec(
          ctx.s.slice(c.end),
        );
      if (gdp && ctx.vocab.known.has('percent-of-gdp')) {
        c.unit = 'percent-of-gdp';
        c.unitWords = `${c.unitWords ?? ''}${gdp[0]}`.trim();
        c.end += gdp[0].length;
      }
    }
  },
};

/** The unit a counted noun phrase makes: a unit of the vocabulary, or a new one proposed with the figure. */
function unitOfPhrase(ctx: RuleContext, c: Candidate, noun: string, head: string): void {
  const lower = noun.toLowerCase();
  // "212 different kinds of armoured vehicle" counts kinds, not vehicles
  const container = lower.startsWith(`${head} of `);
  const known = container
    ? ctx.vocab.nouns.find((w) => lower === w.words)
    : (ctx.vocab.nouns.find((w) => lower === w.words || lower.endsWith(` ${w.words}`)) ??
      ctx.vocab.nouns.find((w) => head === w.words));
  if (known) {
    c.unit = known.unit;
    return;
  }
  const measure = matchWords(lower, ctx.vocab.measures);
  if (measure && measure.words === lower) {
    c.unit = measure.unit;
    return;
  }
  const label = /^[A-Z][a-z]/.test(noun) && !/[A-Z]/.test(noun.slice(1).replace(/\s[A-Z]/g, '')) ? lower : noun;
  const id = slugify(label, 48);
  if (!id) return;
  if (ctx.vocab.known.has(id)) {
    c.unit = id;
    return;
  }
  const singular = singularOf(label);
  c.unit = id;
  c.proposedUnit = { id, label, ...(singular !== label ? { singular } : {}), dimension: 'count' };
}

/** A noun of the vocabulary within three words after `pos` ("three oil executives", "a second American"). */
function vocabularyNounAfter(ctx: RuleContext, pos: number): { end: number; noun: string; head: string } | undefined {
  const { s, vocab } = ctx;
  let cursor = pos + (/^\s*/.exec(s.slice(pos))?.[0].length ?? 0);
  for (let skipped = 0; skipped <= 3; skipped++) {
    const noun = matchWords(s.slice(cursor), vocab.nouns);
    if (noun) return { end: cursor + noun.words.length, noun: noun.words, head: noun.words };
    const word = /^([A-Za-z][\w'’.-]*)(\s+)/.exec(s.slice(cursor));
    if (!word || /[.,;:]$/.test(word[1]!) || FUNCTION_WORDS.has(word[1]!.toLowerCase())) return undefined;
    cursor += word[0].length;
  }
  return undefined;
}
const FUNCTION_WORDS = new Set(
  (
    'a an the of in on at to for from by with and or but that which who whom whose was were is are be been being has ' +
    'have had will would could should may might can must not no its their his her our your my this these those there ' +
    'than then as if when while since until about over under after before into onto per each every some any all'
  ).split(' '),
);

const countedNoun: NumberRule = {
  name: 'counted noun',
  does:
    'Finds what a bare number counts with the part-of-speech tagger: the noun phrase after it ("212 different ' +
    'kinds of armoured vehicle", "three railway staff", "hundreds of additional armored vehicles"); a noun the ' +
    'vocabulary lacks becomes a proposed unit ("funerals").',
  apply(ctx) {
    const { s } = ctx;
    for (const c of live(ctx)) {
      if (c.unit) continue;
      let at = c.end;
      // "hundreds of thousands of troops", "dozens of oilfield service providers", "a million of Russia's own
      // people", "in 16 of the recorded cases" (but "20 million of the 150 million chickens": see standingAlone)
      const of = /^\s+of\s+(?:(?:the|its|their|his|her|our|these|those|all)\s+)?/i.exec(s.slice(at));
      if (of && /^\s*[\d$€£]/.test(s.slice(at + of[0].length))) continue;
      if (of && !c.vague && !c.multiplied && !/\b(?:the|its|their|these|those|all)\s+$/i.test(of[0])) continue;
      if (of) at += of[0].length;
      // "40 fewer square miles", "600,000 or so troops"
      const between = /^\s+(?:fewer|more|less|or so|or more|or fewer)(?=\s)/i.exec(s.slice(at));
      if (between && !of) at += between[0].length;
      // "Four were babies under the age of one": the noun the number is said to be.
      const predicate = !of && !between ? /^\s+(?:were|are)\s+(?=[a-z])/i.exec(s.slice(at)) : null;
      if (predicate && !fateAfter(s, at)) at += predicate[0].length;
      const phrase = countedAfter(s, ctx.terms(), at, c.value === 1) ?? vocabularyNounAfter(ctx, at);
      if (!phrase) continue;
      unitOfPhrase(ctx, c, phrase.noun, phrase.head);
      if (!c.unit) continue;
      c.unitWords = s.slice(c.end, phrase.end).trim();
      c.end = phrase.end;
    }
  },
};

const ranges: NumberRule = {
  name: 'ranges',
  does:
    'Joins two numbers into one range: "640,000–877,000", "20-25%", "0.4%–1.1%", "between 210,000 and 300,000", ' +
    '"two or three months", "a few dozen or hundreds", "$1-2 billion". A from–to pair stays two figures.',
  apply(ctx) {
    const { s } = ctx;
    const list = live(ctx);
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      if (a.dropped || b.dropped) continue;
      const gap = s.slice(a.end, b.start);
      const lead = upTo(s, a.start);
      const between = /\bbetween\s+(?:about\s+|around\s+|some\s+|roughly\s+|an estimated\s+)?$/i.test(lead);
      if (CHANGE_FROM.test(lead)) continue;
      const fromGap =
        /\bfrom\s+(?:about\s+|around\s+|roughly\s+)?$/i.test(lead) && /^\s+to\s+(?:a full\s+|about\s+)?$/i.test(gap);
      const dash = /^\s*(?:-|–|—|to|-to-)\s*$/i.test(gap);
      const and = between && /^\s+and\s+$/i.test(gap);
      const or = /^\s+or\s+$/i.test(gap) && ((a.vague && b.vague) || (!a.unit && a.spelled === b.spelled && !b.vague));
      if (!(dash || and || or || fromGap)) continue;
      if (a.unit && b.unit && a.unit !== b.unit) continue;
      if (
        !a.unit &&
        !b.unit &&
        dash &&
        /^\s*-\s*$/.test(gap) &&
        (a.value ?? 0) >= 1900 &&
        (b.value ?? 0) <= 2100 &&
        (b.value ?? 0) >= 1900
      )
        continue; // "2022-2023": years
      const lowA = a.low ?? a.value!;
      const highA = a.high ?? a.value!;
      const lowB = b.low ?? b.value!;
      const highB = b.high ?? b.value!;
      const scaleA = sharedScale(s, a, b);
      const values = [lowA * scaleA, highA * scaleA, lowB, highB];
      a.low = Math.min(...values);
      a.high = Math.max(...values);
      delete a.value;
      a.unit = b.unit ?? a.unit;
      if (b.proposedUnit ?? a.proposedUnit) a.proposedUnit = b.proposedUnit ?? a.proposedUnit;
      a.unitWords = b.unitWords ?? a.unitWords;
      a.reading = a.reading && b.reading ? `${a.reading} or ${b.reading}` : (a.reading ?? b.reading);
      a.vague = a.vague || b.vague;
      a.qualifier ??= b.qualifier;
      if (between)
        a.start =
          from(a.start) + lead.search(/\bbetween\s+(?:about\s+|around\s+|some\s+|roughly\s+|an estimated\s+)?$/i);
      a.end = b.end;
      drop(b, 'the other end of a range');
    }
  },
};

/** "jumped from $5 to $12", "increase the number … from four to six": a change from one level to another. */
const CHANGE_FROM =
  /\b(?:rose|risen|rise|rising|increased?|increasing|grew|grown|grow|growing|jumped|jump|climbed|climb|surged|soared|fell|fallen|fall|falling|dropped|drop|declined?|decreased?|slid|slipped|shrank|shrunk|plunged|tumbled|went|gone|cut|raised?|raising|lowered|lower|reduced?|reducing|doubled|tripled|revised|expanded?|swelled|swollen|moved|shifted|changed|boosted?|hiked|slashed|narrowed|widened|up|down)\b[^;]{0,80}?\bfrom\s+(?:about\s+|around\s+|roughly\s+)?$/i;

const fromTo: NumberRule = {
  name: 'from–to pairs',
  does:
    'Keeps a change from one level to another as two figures sharing a unit ("has jumped from $5 to $12", "grew ' +
    'from 5 million to more than 15 million"), the first taking the unit of the second. "anywhere from a third ' +
    'to a half" is a range (see ranges).',
  apply(ctx) {
    const { s } = ctx;
    const list = live(ctx);
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      if (!CHANGE_FROM.test(upTo(s, a.start))) continue;
      if (
        !/^\s+to\s+$|^\s*[-–—]\s*$/i.test(
          s
            .slice(a.end, b.start)
            .replace(/\s+(?:more than|less than|about|around|nearly|almost|over|just over|roughly)\s*$/i, ' '),
        )
      )
        continue;
      if (!a.unit && b.unit) {
        a.unit = b.unit;
        if (b.proposedUnit) a.proposedUnit = b.proposedUnit;
        a.unitWords = '';
        if (a.value !== undefined) a.value *= sharedScale(s, a, b);
      }
      b.linked = 'the level after';
      a.linked = 'the level before';
    }
  },
};

const PEOPLE_UNITS = new Set([
  'people',
  'soldiers',
  'troops',
  'civilians',
  'prisoners',
  'refugees',
  'casualties',
  'deaths',
]);

const standingAlone: NumberRule = {
  name: 'standing alone',
  does:
    'Finds what a number with nothing after it counts: "the number of U.S. destroyers … from four to six", "20 ' +
    'million of the 150 million chickens", "displaced millions more", "25 sellers — out of 300", "61,200 are ' +
    'listed as missing" (people).',
  apply(ctx) {
    const { s } = ctx;
    const list = live(ctx);
    list.forEach((c, i) => {
      if (c.unit) return;
      const after = s.slice(c.end);
      // "20 million of the 150 million chickens", "nine of Sudan’s 18 states", "three Ukrainian and three
      // American board members": the noun of the next number.
      const next = list[i + 1];
      const gapToNext = next ? s.slice(c.end, next.start) : '';
      if (
        next?.unit &&
        (/^\s+of\s+(?:the|its|their|[A-Z][\w.]*['’]s?)\s+$/.test(gapToNext) ||
          /^(?:\s+[A-Za-z-]+){0,2}\s+(?:and|or)\s+$|^\s*,\s*$/.test(gapToNext))
      ) {
        c.unit = next.unit;
        if (next.proposedUnit) c.proposedUnit = next.proposedUnit;
        c.unitWords = (next.unitWords ?? '').replace(/^(?:of\s+)?(?:the\s+)?/i, '');
        c.labelOnly = true;
        return;
      }
      // "millions more", "300 others", "37 of whom", "another 3 million": the noun of the number before, of a
      // like size ("more than 1.3 million living in five famine hotspots, and another 3 million at risk").
      const size = (x: Candidate) => Math.log10(Math.max(1, Math.abs(x.value ?? x.high ?? 1)));
      const earlier = [...list.slice(0, i)].reverse().filter((p) => p.unit && !p.dropped);
      const prev = earlier.find((p) => Math.abs(size(p) - size(c)) < 2) ?? earlier[0];
      if (
        prev &&
        (/^\s+(?:more|others|fewer|less)\b|^\s+of\s+(?:whom|them|those|which)\b/i.test(after) ||
          /\b(?:out of|of|from|to|and|another|a further|an additional)\s+(?:about\s+|some\s+|around\s+|nearly\s+|more than\s+)?$/i.test(
            upTo(s, c.start),
          ))
      ) {
        if (dimensionOf(ctx, prev.unit) === 'count' || prev.proposedUnit) {
          c.unit = prev.unit;
          if (prev.proposedUnit) c.proposedUnit = prev.proposedUnit;
          const more = /^\s+(?:more|others)\b/i.exec(after);
          c.unitWords = prev.unitWords ?? '';
          c.labelOnly = true;
          if (more) c.end += more[0].length;
          return;
        }
      }
      // "the number of U.S. destroyers stationed in Rota from four to six"
      const counted = numberOf(s, ctx.terms(), c.start);
      if (
        counted &&
        /\b(?:from|to|at|by|reached|rose|fell|grew|was|is|stood|stands|of)\s+(?:about\s+|around\s+|some\s+|more than\s+|nearly\s+|almost\s+|over\s+|just\s+)?$/i.test(
          upTo(s, c.start),
        )
      ) {
        unitOfPhrase(ctx, c, counted.noun, counted.head);
        c.unitWords = counted.words;
        c.labelOnly = true;
        return;
      }
      // "mounting casualties – over 600,000", "the death toll: 31": the noun just before, set apart by a dash.
      const set =
        /([A-Za-z][\w-]*)\s*(?:[–—:]|\s-)\s*(?:about\s+|some\s+|over\s+|more than\s+|nearly\s+|almost\s+|at least\s+)?$/.exec(
          upTo(s, c.start),
        );
      if (set) {
        const noun = ctx.vocab.nouns.find((w) => w.words === set[1]!.toLowerCase());
        if (noun) {
          c.unit = noun.unit;
          c.unitWords = '';
          return;
        }
      }
      // "estimated … as at least in the hundreds daily": a rate of a noun named earlier in the sentence.
      const daily = /^\s+(?:daily|a day|per day)\b/i.exec(after);
      if (daily && (c.vague || !c.spelled)) {
        const earlier = ctx.vocab.nouns.filter((n) => new RegExp(`\\b${n.words}\\b`, 'i').test(s.slice(0, c.start)));
        const rate = earlier.map((n) => `${n.unit}-per-day`).find((u) => ctx.vocab.known.has(u));
        if (rate) {
          c.unit = rate;
          c.unitWords = daily[0].trim();
          c.end += daily[0].length;
          return;
        }
      }
      // "61,200 are listed as missing", "more than 2 million are displaced"
      const fate = fateAfter(s, c.end);
      if (fate && (c.value === undefined || c.value >= 2)) {
        c.unit = /killed|dead|died/.test(fate.fate) && ctx.vocab.known.has('deaths') ? 'deaths' : 'people';
        c.unitWords = `people ${fate.fate}`;
        c.labelOnly = true;
      }
    });
  },
};

const ABOUT = '(?:nearly|almost|about|around|more than|over|at least|some|roughly|an estimated|up to)?\\s*';
const KILLED_OR_INJURED = new RegExp(
  `\\b(?:killed or (?:injured|wounded)|(?:injured|wounded) or killed|killed and (?:injured|wounded)|wounded|injured)\\s+${ABOUT}$`,
  'i',
);
const KILLED = new RegExp(`\\bkilled\\s+${ABOUT}$`, 'i');

const fates: NumberRule = {
  name: 'killed or injured',
  does: 'Counts people killed as deaths and killed or injured as casualties: "12,300 civilians have died", "has killed or injured hundreds of thousands of troops".',
  apply(ctx) {
    const { s, vocab } = ctx;
    for (const c of live(ctx)) {
      if (!c.unit || !PEOPLE_UNITS.has(c.unit)) continue;
      const fate =
        /^\s+(?:(?:were|was|have been|had been|have|had|are)\s+)?(killed|died|dead|injured|wounded|hurt)\b/i.exec(
          s.slice(c.end),
        );
      if (fate && ['troops', 'soldiers', 'people', 'civilians'].includes(c.unit)) {
        const dead = /killed|died|dead/i.test(fate[1]!);
        if (dead && vocab.known.has('deaths')) c.unit = 'deaths';
        else if (!dead && vocab.known.has('casualties')) c.unit = 'casualties';
      }
      const lead = upTo(s, c.start);
      if (KILLED_OR_INJURED.test(lead) && vocab.known.has('casualties')) c.unit = 'casualties';
      else if (KILLED.test(lead) && vocab.known.has('deaths')) c.unit = 'deaths';
    }
  },
};

const ages: NumberRule = {
  name: 'ages',
  does: 'Reads ages that define a group: "men aged 18 to 60", "Fogel (63)".',
  apply(ctx) {
    const { s } = ctx;
    const list = live(ctx);
    list.forEach((c, i) => {
      if (c.unit || c.value === undefined) return;
      if (/\baged\s+(?:between\s+)?$/i.test(upTo(s, c.start))) {
        c.unit = 'years';
        c.unitWords = '';
        const next = list[i + 1];
        if (next && !next.unit && /^\s*(?:to|-|–|and)\s*$/.test(s.slice(c.end, next.start))) {
          next.unit = 'years';
          next.unitWords = '';
        }
      }
      if (
        !c.spelled &&
        /[A-Z][\w'’-]+\s\($/.test(upTo(s, c.start)) &&
        s[c.end] === ')' &&
        c.value > 0 &&
        c.value < 120
      ) {
        c.unit = 'years';
        c.unitWords = '';
        c.start -= 1;
        c.end += 1;
      }
    });
  },
};

const restatedInBrackets: NumberRule = {
  name: 'restated in brackets',
  does:
    'Notes an amount restated in brackets in another unit or currency ("26 billion baht ($860 million)", ' +
    '"(1,800 pounds)") and proposes only the first.',
  apply(ctx) {
    const { s } = ctx;
    const list = live(ctx);
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      if (!b.unit) continue;
      if (
        !/^\s*\((?:about|around|roughly|some|or|approximately|nearly|almost|about\s+)?\s*$/i.test(
          s.slice(a.end, b.start),
        )
      )
        continue;
      if (!/^\s*\)/.test(s.slice(b.end))) continue;
      const da = dimensionOf(ctx, a.unit);
      const db = dimensionOf(ctx, b.unit);
      const sameKind = da !== undefined && (da === db || (isMoney(a.unit) && isMoney(b.unit)));
      if (!sameKind && a.unit) continue;
      drop(b, `a restatement of "${s.slice(a.start, a.end)}"`);
      ctx.notes.push(
        `"${s.slice(b.start, b.end)}" restates "${s.slice(a.start, a.end)}" in brackets; only the first is proposed.`,
      );
    }
  },
};

const FIRST_PERSON = /(?:^|[“"‘\s])(?:I|I['’]m|I['’]ve|my|me|we['’]ve)\b/;

const notFigures: NumberRule = {
  name: 'not figures',
  does:
    'Drops numbers that state no figure: a year ("in 2024 Russian troops…"), a reference ("the two countries"), ' +
    'a period ("the last two days", "three years ago", "For nearly three years, …"), the amount a price is for ' +
    '("the cost of 1.5 kilograms of chicken"), a personal detail told in the first person ("I have nine children").',
  apply(ctx) {
    const { s, vocab } = ctx;
    for (const c of live(ctx)) {
      if (!c.unit) continue;
      const before = upTo(s, c.start);
      const stated = s.slice(c.start, c.end);
      const dim = dimensionOf(ctx, c.unit);
      if (
        !c.spelled &&
        c.value !== undefined &&
        Number.isInteger(c.value) &&
        c.value >= 1900 &&
        c.value <= 2100 &&
        !/,/.test(stated) &&
        !isMoney(c.unit) &&
        dim !== 'share' &&
        /(?:\b(?:in|since|by|of|from|until|till|during|before|after|through|and|to|early|late|mid|spring|summer|autumn|fall|winter|the|its|their|between)\s+|^\s*|,\s*)$/i.test(
          before,
        )
      ) {
        drop(c, 'a year');
        continue;
      }
      if (
        c.spelled &&
        !c.vague &&
        dim === 'count' &&
        /(?:\b(?:the|these|those|both|its|their|his|her|our|my|your|all)|[A-Z][\w.]*['’]s?)\s+(?:(?:top|other|main|biggest|largest|leading|key|remaining|first|last|two|three)\s+)?$/.test(
          before,
        )
      ) {
        drop(c, 'a reference to things already named');
        continue;
      }
      const one = /^(?:a|an|another)\b/i.test(stated);
      if (
        dim === 'duration' &&
        !one &&
        /\b(?:the|past|next|coming|first|previous|recent|few)\s+$|\b(?:the|over the|in the|for the)\s+last\s+$/i.test(
          before,
        )
      ) {
        drop(c, 'a period, not a figure');
        continue;
      }
      if (dim === 'duration' && /^\s+(?:ago|earlier|later|before|after|old)\b/i.test(s.slice(c.end))) {
        drop(c, 'a date relative to another');
        continue;
      }
      // "For nearly three years, the United States has rallied…": the time a war or an effort has lasted.
      if (
        dim === 'duration' &&
        /^\s*(?:for|over)\s+(?:(?:nearly|almost|more than|over|about|some)\s+)?$/i.test(s.slice(0, c.start)) &&
        c.unit === 'years'
      )
        drop(c, 'the time something has lasted');
      if (/\b(?:cost|price|prices|costs)\s+of\s+$/i.test(before) && dim !== 'money')
        drop(c, 'the amount a price is for');
      // "as the G7 marks 50 years", "after four and a half years of war": an anniversary or the time a war has lasted.
      if (
        dim === 'duration' &&
        /\b(?:marks?|marking|celebrates?|celebrating|commemorates?|turns?|turned)\s+$/i.test(before)
      )
        drop(c, 'an anniversary');
      if (
        dim === 'duration' &&
        /^\s+of\s+(?:the\s+)?(?:full-scale\s+)?(?:war|fighting|conflict|invasion|occupation|siege)\b/i.test(
          s.slice(c.end),
        )
      )
        drop(c, 'the time a war has lasted');
      // "one of the highest tariffing nations": a member of a group, not a count.
      if (
        c.spelled &&
        c.value === 1 &&
        /^\s+of\s+(?:the|its|their|our|his|her)\b/i.test(s.slice(c.end - (c.unitWords?.length ?? 0) - 1)) &&
        /^one\b/i.test(stated)
      )
        drop(c, '"one of the …": a member of a group');
      if (/^one of the\b/i.test(stated)) drop(c, '"one of the …": a member of a group');
      // "doubling the 25% tariff to 50%": the multiple restates the change between two levels stated beside it.
      if (c.unit === 'times' && live(ctx).some((o) => o !== c && o.start > c.end && o.start - c.end < 30))
        drop(c, 'a multiple of a level stated beside it');
      // "One Ipsos survey", "one argument": "one" as a determiner, not a count of something charted.
      if (c.spelled && c.value === 1 && c.proposedUnit && !c.qualifier) drop(c, '"one" as a word, not a count');
      if (c.spelled && c.value === 1 && c.proposedUnit && /^(?:at least|one)\b/i.test(stated))
        drop(c, '"one" as a word, not a count');
      // "raising 12 children", "she and her four children": the family of someone in the story.
      if (
        /^(?:children|sons|daughters|grandchildren|siblings|brothers|sisters|kids|wives|husbands|orphans)$/i.test(
          c.proposedUnit?.label ?? c.unitWords?.split(' ').pop() ?? '',
        ) &&
        (c.value ?? 0) < 20 &&
        /\b(?:he|she|his|her|they|their)\b/i.test(s)
      )
        drop(c, 'a personal detail');
      // A personal detail told in the first person: "I have nine orphaned children here".
      if (
        !isMoney(c.unit) &&
        dim !== 'share' &&
        (c.value ?? c.high ?? 0) < 100 &&
        FIRST_PERSON.test(s) &&
        /[“"”]/.test(s) &&
        vocab.info.get(c.unit)?.dimension !== 'share'
      )
        drop(c, 'a personal detail');
    }
  },
};

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/\b(?:at least|no fewer than|no less than|a minimum of|not less than)$/i, 'at-least'],
  [/\b(?:at most|no more than|a maximum of|not more than)$/i, 'at-most'],
  [
    /\b(?:more than|over|in excess of|upwards of|greater than|north of|just over|well over|a bit more than|slightly more than)$/i,
    'more-than',
  ],
  [/\b(?:less than|fewer than|under|short of|just under 1|a little under 1)$/i, 'less-than'],
  [/\b(?:nearly|almost|close to|just under|just shy of|approaching|nigh on)$/i, 'nearly'],
  [
    /\b(?:about|around|roughly|some|an estimated|approximately|approx\.|circa|estimated|an average of|an average|on average|average of|an approximate|something like|or so)$/i,
    'about',
  ],
  [/\b(?:below)$/i, 'below'],
  [/\b(?:above|exceeding|well above)$/i, 'above'],
  [/\b(?:up to|as many as|as much as|as high as|as far as)$/i, 'up-to'],
  [/\b(?:a record|record|an all-time high of|a record high of|a record low of)$/i, 'record'],
];
/** Nouns and verbs whose "over"/"under" is a preposition, not a qualifier ("control over", "fight over"). */
const PREPOSITION_OWNER =
  /\b(?:control|power|sovereignty|influence|authority|debate|concerns?|talks|dispute|fight|fighting|war|tensions?|rule|command|flew|fly|flying|spread|spread out|hovering|presided|watch|pass|passed|advantage|lead|edge|victory|win|up|rose|increased|grew|fell|dropped|down)\s+$/i;
/** Words that may stand between a qualifier and its number: "at least in the hundreds", "nearly a quarter". */
const FILLER = /(?:\s+(?:a|an|the|another|in the|of))*\s*$/i;

const qualifiers: NumberRule = {
  name: 'qualifier',
  does:
    'Reads how exact the number is from the words before or after it: "more than", "nearly", "up to", "a record", ' +
    '"or so", "or more"; "over" only right before the number and not after "control" or "rose".',
  apply(ctx) {
    const { s } = ctx;
    for (const c of live(ctx)) {
      const beforeAt = from(c.start);
      const before = s.slice(beforeAt, c.start);
      const filler = FILLER.exec(before);
      const head = filler ? before.slice(0, filler.index) : before;
      for (const [re, q] of QUALIFIERS) {
        const m = re.exec(head);
        if (!m) continue;
        // "control over a few hundred square miles": "over"/"under" qualify only a number right after them.
        if (
          /^(?:over|under)$/i.test(m[0]) &&
          (c.vague || /\S/.test(before.slice(head.length)) || PREPOSITION_OWNER.test(head.slice(0, m.index)))
        )
          continue;
        c.qualifier = q;
        c.at = c.start;
        c.start = beforeAt + m.index;
        break;
      }
      c.qualifier ??= c.vague ? 'about' : 'exact';
      if (/\bor so\b/i.test(s.slice(c.start, c.end)) && c.qualifier === 'exact') c.qualifier = 'about';
      const trailing = /^\s+or\s+(so|more|less|fewer)\b/i.exec(s.slice(c.end));
      if (trailing) {
        const w = trailing[1]!.toLowerCase();
        c.qualifier = w === 'so' ? 'about' : w === 'more' ? 'at-least' : 'at-most';
        c.end += trailing[0].length;
      }
    }
  },
};

const RISE =
  /\b(?:rose|rise|rises|risen|rising|increased|increase|increases|grew|grow|grows|growing|jumped|jumps|jump|climbed|climbs|gained|gains|surged|soared|up|added|adds|an increase of|a rise of|a jump of|growth of)\s+(?:by\s+)?$/i;
const FALL =
  /\b(?:fell|fall|falls|fallen|falling|dropped|drops|drop|declined|declines|decreased|decreases|slid|slipped|slumped|shrank|shrunk|plunged|plummeted|tumbled|down|lost|off|cut|a fall of|a drop of|a decline of|a cut of)\s+(?:by\s+)?$/i;

const changes: NumberRule = {
  name: 'changes',
  does:
    'Reads a change rather than a level: "fell 16,000 bpd", "jumped 5 percent", "40 fewer square miles than"; a fall ' +
    'is negative. "fell 9% to 48.2 million" gives the change and the level, linked.',
  apply(ctx) {
    const { s } = ctx;
    const list = live(ctx);
    list.forEach((c, i) => {
      if (c.change) return;
      const lead = upTo(s, c.start);
      const dim = dimensionOf(ctx, c.unit);
      // "lost 1,400 tanks" is a count of losses; "lost 2%" or "off a point" is a fall.
      const lostCount =
        /\b(?:lost|cut|off)\s+$/i.test(lead) && dim !== 'share' && dim !== 'share-change' && !isMoney(c.unit);
      if (FALL.test(lead) && !lostCount) c.change = 'fall';
      else if (RISE.test(lead) && !/\bup\s+$/i.test(lead)) c.change = 'rise';
      else if (RISE.test(lead) && /\bup\s+$/i.test(lead) && !/\b(?:to|of)\s+$/i.test(lead)) c.change = 'rise';
      const at = c.at ?? c.start;
      const digits = /^[\d,.]+/.exec(s.slice(at))?.[0].length ?? 0;
      const fewer = /^\s+(fewer|less|more)\b/i.exec(s.slice(at + digits));
      if (fewer && c.value !== undefined && /\bthan\b/i.test(s.slice(c.end, c.end + 60))) {
        c.change = fewer[1]!.toLowerCase() === 'more' ? 'rise' : 'fall';
      }
      if (c.change === 'fall') {
        if (c.value !== undefined && c.value > 0) c.value = -c.value;
        if (c.low !== undefined && c.high !== undefined && c.low >= 0) [c.low, c.high] = [-c.high, -c.low];
      }
      // "fell 9% to 48.2 million": the level after the change.
      const next = list[i + 1];
      if (
        c.change &&
        next &&
        /^\s+(?:[\w’'.-]+\s+){0,3}?to\s+(?:a record\s+|about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|just\s+)?$/i.test(
          s.slice(c.end, next.start),
        )
      ) {
        next.linked = `the level after a ${c.change} of ${s.slice(c.start, c.end)}`;
      }
    });
  },
};

const needsUnit: NumberRule = {
  name: 'needs a unit',
  does: 'Drops a number whose unit or counted thing was not found: without one it cannot be charted or compared.',
  apply(ctx) {
    for (const c of live(ctx)) {
      if (!c.unit) drop(c, 'no unit or counted thing');
      else if (!ctx.vocab.known.has(c.unit) && !c.proposedUnit) drop(c, `unit "${c.unit}" is not in the vocabulary`);
      else if (c.value === undefined && (c.low === undefined || c.high === undefined)) drop(c, 'no value');
    }
  },
};

/** The rules, in the order they run. */
export const NUMBER_RULES: readonly NumberRule[] = [
  notDatesOrNames,
  currencySymbol,
  writtenSign,
  scaleWord,
  cents,
  unitWords,
  shareOfGdp,
  ages,
  countedNoun,
  ranges,
  fromTo,
  standingAlone,
  pricesAndRates,
  fates,
  restatedInBrackets,
  notFigures,
  qualifiers,
  changes,
  needsUnit,
];

/** A context for one sentence, with the tagger run lazily. */
export function ruleContext(s: string, candidates: Candidate[], vocab: UnitVocabulary): RuleContext {
  let terms: readonly Term[] | undefined;
  return { s, candidates, vocab, notes: [], terms: () => (terms ??= sentenceTerms(s)) };
}
