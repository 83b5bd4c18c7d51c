/**
 * The number rules that read the amount as written: a currency symbol or code before it, a minus sign, a
 * scale word after it ("million", "bn") and cents.
 */
import type { Candidate } from './number-candidates';
import { live, upTo, type NumberRule } from './rule-context';

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

export const currencySymbol: NumberRule = {
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

export const writtenSign: NumberRule = {
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
export function sharedScale(s: string, a: Candidate, b: Candidate): number {
  if (a.multiplied || !b.multiplied || b.value === undefined || a.value === undefined || a.value >= b.value / 100)
    return 1;
  const m = /(thousand|million|billion|trillion|bn|mn|m|k)\b/i.exec(s.slice(b.start, b.end));
  return m ? MULTIPLIERS[m[1]!.toLowerCase()]! : 1;
}

export const scaleWord: NumberRule = {
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

export const cents: NumberRule = {
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
