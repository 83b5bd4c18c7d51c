/**
 * Reads an amount from words the analyst selected in the article ("below nine million barrels per day"),
 * for the figure they add by hand. Modest on purpose: what it cannot read, the analyst types. Pure.
 */
import type { Qualifier, UnitInfo } from '../../model/dataset/schema';
import { CARDINAL_WORDS, cardinalAlternation } from '../../extract/number-words';

export interface ParsedAmount {
  value?: number;
  low?: number;
  high?: number;
  unit?: string;
  qualifier?: Qualifier;
  /** The words of the selection that state the number. */
  stated?: string;
}

const WORDS: Record<string, number> = { ...CARDINAL_WORDS, dozen: 12 };
const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  bln: 1e9,
  bn: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const QUALIFIER_WORDS: [RegExp, Qualifier][] = [
  [/\b(?:about|around|roughly|some|approximately|an estimated)\s*$/i, 'about'],
  [/\b(?:more than|over)\s*$/i, 'more-than'],
  [/\b(?:less than|fewer than)\s*$/i, 'less-than'],
  [/\bat least\s*$/i, 'at-least'],
  [/\bat most\s*$/i, 'at-most'],
  [/\b(?:nearly|almost|close to)\s*$/i, 'nearly'],
  [/\bbelow\s*$/i, 'below'],
  [/\babove\s*$/i, 'above'],
  [/\bup to\s*$/i, 'up-to'],
  [/\brecord(?: high| low)?\s*$/i, 'record'],
];

const NUMBER = String.raw`[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+(?:\.\d+)?|${cardinalAlternation(WORDS)}`;
const SCALE = Object.keys(SCALES).join('|');
const AMOUNT = new RegExp(
  String.raw`(NT\$|US\$|\$|€|£|¥)?\s?(${NUMBER})(?:\s?(?:-|–|to|and)\s?(?:NT\$|US\$|\$|€|£|¥)?(${NUMBER}))?(?:\s?(${SCALE})\b)?(\s?%|\s(?:percent|per cent)\b)?`,
  'i',
);

function toNumber(words: string): number {
  const lower = words.toLowerCase();
  if (lower in WORDS) return WORDS[lower]!;
  return Number(words.replace(/,/g, '').replace('−', '-'));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The amount in `text`, with a unit of the vocabulary when the words after it name one. */
export function parseAmount(text: string, units: readonly UnitInfo[]): ParsedAmount {
  const match = AMOUNT.exec(text);
  if (!match || match.index === undefined) return {};
  const [whole, symbol, first, second, scaleWord, percent] = match;
  const scale = scaleWord ? (SCALES[scaleWord.toLowerCase()] ?? 1) : 1;
  const a = toNumber(first!) * scale;
  const b = second ? toNumber(second) * scale : undefined;
  const result: ParsedAmount = b !== undefined ? { low: Math.min(a, b), high: Math.max(a, b) } : { value: a };
  result.stated = whole.trim();

  const bySymbol = symbol ? units.find((u) => u.symbol === symbol.replace('US$', '$')) : undefined;
  if (percent) result.unit = units.find((u) => u.id === 'percent')?.id;
  else if (bySymbol) result.unit = bySymbol.id;
  else {
    // The unit's words right after the number ("barrels a day" also read as "barrels per day").
    const after = text
      .slice(match.index + whole.length)
      .replace(/\bper\b/gi, 'a')
      .trimStart();
    const candidates = units
      .flatMap((u) => [u.label, u.singular].filter((w): w is string => !!w && /[a-z]/i.test(w)).map((w) => ({ u, w })))
      .sort((x, y) => y.w.length - x.w.length);
    const hit = candidates.find(({ w }) => new RegExp(`^${escape(w)}(?![a-z])`, 'i').test(after));
    if (hit) result.unit = hit.u.id;
  }
  const before = text.slice(0, match.index);
  result.qualifier = QUALIFIER_WORDS.find(([re]) => re.test(before))?.[1] ?? 'exact';
  return result;
}
