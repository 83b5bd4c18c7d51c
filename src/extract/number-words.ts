/** English number words and their values: one list for the add-article selection parser and verify-sources. */
export const CARDINAL_WORDS: Readonly<Record<string, number>> = Object.freeze({
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
});

/** Ordinal words and their values ("second" → 2): one list for the engine and verify-sources. */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = Object.freeze({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
});

/** A number word or digits as a number ("three" → 3, "a" → 1, "12" → 12); undefined otherwise. */
export function smallNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower === 'a' || lower === 'an') return 1;
  return CARDINAL_WORDS[lower] ?? (/^\d+(?:\.\d+)?$/.test(lower) ? Number(lower) : undefined);
}

/** The words, longest first, for a regular-expression alternation ("sixteen" before "six"). */
export const cardinalAlternation = (words: Readonly<Record<string, number>>): string =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');
