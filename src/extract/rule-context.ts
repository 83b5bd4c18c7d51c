/**
 * What every number rule works on (`number-rules.ts`): one sentence, its candidates, the unit vocabulary and
 * the notes for the analyst, with the helpers the rules share — the text just before a number, the numbers
 * still in play, dropping one with the reason, and what kind of unit a unit is. Pure.
 */
import { sentenceTerms, type Term } from './counted-noun';
import type { Candidate } from './number-candidates';
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
export const from = (pos: number) => Math.max(0, pos - CONTEXT);
/** The text just before `pos`. */
export const upTo = (s: string, pos: number) => s.slice(from(pos), pos);
export const live = (ctx: RuleContext) => ctx.candidates.filter((c) => !c.dropped);
export const drop = (c: Candidate, why: string) => {
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
export const isMoney = (unit: string | undefined) => unit !== undefined && MONEY.has(unit);
export const dimensionOf = (ctx: RuleContext, unit: string | undefined) =>
  unit === undefined
    ? undefined
    : (ctx.vocab.info.get(unit)?.dimension ?? (unit.endsWith('-per-day') ? 'rate' : 'count'));

/** The word list entry that `rest` starts with, as a whole word. */
export function matchWords(rest: string, list: readonly UnitWord[]): UnitWord | undefined {
  const lower = rest.toLowerCase();
  return list.find((w) => lower.startsWith(w.words) && !/[a-z0-9]/.test(lower[w.words.length] ?? ''));
}

/** A context for one sentence, with the tagger run lazily. */
export function ruleContext(s: string, candidates: Candidate[], vocab: UnitVocabulary): RuleContext {
  let terms: readonly Term[] | undefined;
  return { s, candidates, vocab, notes: [], terms: () => (terms ??= sentenceTerms(s)) };
}
