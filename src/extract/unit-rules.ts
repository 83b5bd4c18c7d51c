/**
 * The number rules that read a unit of measure: the unit words after the number, a price or a rate ("per
 * barrel", "a day") and a share of GDP.
 */
import { slugify } from '../model/format/ids';
import { dimensionOf, isMoney, live, matchWords, type NumberRule } from './rule-context';

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

export const unitWords: NumberRule = {
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

export const pricesAndRates: NumberRule = {
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

export const shareOfGdp: NumberRule = {
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
