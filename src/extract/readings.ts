/**
 * Fixed readings of vague amounts ("hundreds" as 100–999), so that every article is read the same way and
 * the reading travels with the figure (`reading`). Longer phrases come first. A few phrases are exact in
 * words though no digit states them ("half a million", "a dozen"): they carry `exact`. Fractions and
 * multiples are read in `number-candidates.ts`. The readings agree with `scripts/lib/stated-numbers.ts`,
 * which checks the shipped data.
 */
export interface VagueReading {
  /** Matches the words, anchored at a word start, case-insensitive. */
  words: RegExp;
  value?: number;
  low?: number;
  high?: number;
  reading: string;
  /** The unit the words imply by themselves ("nearly all" is a share). */
  unit?: 'percent';
  /** Exact words for a number ("half a million"): no reading shown, not vague. */
  exact?: boolean;
  /**
   * A plural of a round number ("hundreds", "tens of thousands") says at least that many: its qualifier is
   * "at least" unless the sentence gives another. "A few hundred" or "a dozen" are about that many.
   */
  floor?: boolean;
}

export const VAGUE_READINGS: readonly VagueReading[] = [
  { words: /hundreds of thousands/iy, low: 100_000, high: 999_999, reading: '100,000 to 999,999', floor: true },
  { words: /tens of thousands/iy, low: 10_000, high: 99_999, reading: '10,000 to 99,999', floor: true },
  {
    words: /hundreds of millions/iy,
    low: 100e6,
    high: 999_999_999,
    reading: '100 million to 999,999,999',
    floor: true,
  },
  { words: /tens of millions/iy, low: 10e6, high: 99_999_999, reading: '10 million to 99,999,999', floor: true },
  { words: /a few hundred thousand/iy, low: 200_000, high: 400_000, reading: '200,000 to 400,000' },
  { words: /several hundred thousand/iy, low: 300_000, high: 900_000, reading: '300,000 to 900,000' },
  { words: /half[ -]a[ -]million/iy, value: 500_000, reading: '500,000', exact: true },
  { words: /half[ -]a[ -]billion/iy, value: 500e6, reading: '500 million', exact: true },
  { words: /a few hundred/iy, low: 200, high: 400, reading: '200 to 400' },
  { words: /several hundred/iy, low: 300, high: 900, reading: '300 to 900' },
  { words: /a few thousand/iy, low: 2000, high: 4000, reading: '2,000 to 4,000' },
  { words: /several thousand/iy, low: 3000, high: 9000, reading: '3,000 to 9,000' },
  { words: /a few million/iy, low: 2e6, high: 4e6, reading: '2 million to 4 million' },
  { words: /several million/iy, low: 3e6, high: 9e6, reading: '3 million to 9 million' },
  { words: /a few dozen/iy, low: 24, high: 48, reading: '24 to 48' },
  { words: /several dozen/iy, low: 36, high: 108, reading: '36 to 108' },
  { words: /half a dozen/iy, value: 6, reading: '6' },
  { words: /a dozen/iy, value: 12, reading: '12' },
  { words: /a couple of/iy, value: 2, reading: '2' },
  { words: /a handful of/iy, low: 3, high: 9, reading: '3 to 9' },
  { words: /dozens/iy, low: 24, high: 99, reading: '24 to 99', floor: true },
  { words: /scores/iy, low: 40, high: 99, reading: '40 to 99', floor: true },
  { words: /hundreds/iy, low: 100, high: 999, reading: '100 to 999', floor: true },
  { words: /thousands/iy, low: 1000, high: 9999, reading: '1,000 to 9,999', floor: true },
  { words: /millions/iy, low: 1e6, high: 999e6, reading: '1 million to 999 million', floor: true },
  { words: /billions/iy, low: 1e9, high: 999e9, reading: '1 billion to 999 billion', floor: true },
  { words: /trillions/iy, low: 1e12, high: 999e12, reading: '1 trillion to 999 trillion', floor: true },
  // "all" is a figure only when qualified: "nearly all its major weapons".
  {
    words: /(?<=(?:nearly|almost|virtually|practically) )all\b/iy,
    value: 100,
    reading: '100 percent',
    unit: 'percent',
  },
];
