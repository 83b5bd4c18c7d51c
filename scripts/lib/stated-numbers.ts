/**
 * Reads the numbers that a short phrase from an article states: digits ("1,400", "$500-billion"),
 * number words ("nine million", "three-step"), ordinals ("a second American") and the few vague
 * quantities the articles use ("hundreds", "a few hundred", "around a fifth"), whose reading is fixed
 * here once so that the data and the check agree. Used by `verify-sources` to prove that a figure's
 * value is the number its quote states.
 */

import { numberCandidates } from '../../src/extract/number-candidates';
import { VAGUE_READINGS as ENGINE_READINGS } from '../../src/extract/readings';
import { CARDINAL_WORDS, ORDINAL_WORDS } from '../../src/extract/number-words';

const SMALL: Record<string, number> = { ...CARDINAL_WORDS, a: 1, an: 1, another: 1 };

const ORDINALS = ORDINAL_WORDS;

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/**
 * Vague quantities and how we read them. Longer phrases first: "hundreds of thousands" before
 * "hundreds". Each reading is the range (or single value) a figure's low/high (or value) may take.
 */
export const VAGUE_READINGS: readonly { words: RegExp; numbers: readonly number[]; reading: string }[] = [
  { words: /\bhundreds of thousands\b/, numbers: [100_000, 999_999], reading: '100,000 to 999,999' },
  { words: /\ba few hundred\b/, numbers: [200, 400], reading: '200 to 400' },
  { words: /\ba few dozen\b/, numbers: [24, 48], reading: '24 to 48' },
  { words: /\bhundreds\b/, numbers: [100, 999], reading: '100 to 999' },
  { words: /\bbillions\b/, numbers: [1e9, 999e9], reading: '1 billion to 999 billion' },
  { words: /\bhalf a dozen\b/, numbers: [6], reading: '6' },
  { words: /\ba dozen\b/, numbers: [12], reading: '12' },
  { words: /\b(?:a|one) fifth\b/, numbers: [20, 0.2], reading: '20 percent' },
  { words: /\b(?:a|one) quarter\b/, numbers: [25, 0.25], reading: '25 percent' },
  { words: /\b(?:a|one) third\b/, numbers: [100 / 3, 1 / 3], reading: 'a third' },
  { words: /\bhalf\b/, numbers: [50, 0.5], reading: '50 percent' },
  { words: /\b(?:nearly|almost) all\b/, numbers: [100, 1], reading: '100 percent' },
  { words: /\btwice\b/, numbers: [2], reading: 'a ratio of 2' },
];

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[\s\-–—()/]+/)
    .map((t) => t.replace(/^[^\w$]+|[^\w]+$/g, ''))
    .filter(Boolean);
}

/** Every number the phrase can be read as stating. */
export function statedNumbers(phrase: string): number[] {
  const found = new Set<number>();
  const lower = phrase.toLowerCase();

  // Digits, with an optional multiplier word after them: "$500-billion", "9 million", "1,400".
  const digitRe = /(\d[\d,]*(?:\.\d+)?)(?:[\s-]*(thousand|million|billion|trillion))?/g;
  for (const match of lower.matchAll(digitRe)) {
    const base = Number((match[1] ?? '').replace(/,/g, ''));
    if (!Number.isFinite(base)) continue;
    found.add(base);
    const mult = match[2] ? MULTIPLIERS[match[2]] : undefined;
    if (mult) found.add(base * mult);
  }

  // Number words and ordinals, with an optional multiplier: "nine million", "three", "a second".
  const words = tokens(phrase);
  words.forEach((word, i) => {
    const base = SMALL[word] ?? ORDINALS[word];
    if (base === undefined) return;
    found.add(base);
    const next = words[i + 1];
    const mult = next ? MULTIPLIERS[next] : undefined;
    if (mult) found.add(base * mult);
  });

  for (const vague of VAGUE_READINGS) {
    if (vague.words.test(lower)) vague.numbers.forEach((n) => found.add(n));
  }
  // The extraction engine's fixed readings, so a figure brought in from an article checks the same way.
  for (const vague of ENGINE_READINGS) {
    // The stated words may end where the engine's look-ahead ("a third" + " of") would need more text.
    const words = vague.words.source.replace(/\(\?=[^()]*\)$/, '');
    if (!new RegExp(`\\b(?:${words})`, 'i').test(phrase)) continue;
    for (const n of [vague.value, vague.low, vague.high]) if (n !== undefined) found.add(n);
  }
  // …and the engine's own reading of the words: fractions ("nearly a third"), multiples ("doubled").
  for (const c of numberCandidates(phrase)) {
    for (const n of [c.value, c.low, c.high]) if (n !== undefined) found.add(n);
  }
  return [...found];
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The figure's numbers (value, or low and high) that its stated words do not state. */
export function unstatedNumbers(
  figure: { value?: number | undefined; low?: number | undefined; high?: number | undefined },
  stated: string,
): number[] {
  const candidates = statedNumbers(stated);
  const wanted = [figure.value, figure.low, figure.high].filter((n): n is number => n !== undefined);
  // A change stated as "40 fewer" is stored as -40: the words state its size.
  return wanted.filter((n) => !candidates.some((c) => same(c, n) || same(c, Math.abs(n))));
}
