/**
 * The numbers a sentence states as figures: every number (`number-candidates.ts`), then the ordered rules of
 * `number-rules.ts` — unit, counted noun, range, qualifier, change — and what they left out, with why.
 * Pure: strings in, mentions out.
 */
import type { Qualifier, UnitInfo } from '../model/dataset/schema';
import { numberCandidates } from './number-candidates';
import { NUMBER_RULES } from './number-rules';
import { ruleContext } from './rule-context';
import type { UnitVocabulary } from './unit-words';

export interface NumberMention {
  /** The stated words: qualifier, number and unit, offsets into the sentence. */
  start: number;
  end: number;
  /** Where the number itself starts (after a qualifier: "about 40"). */
  at?: number;
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
  /** A unit the vocabulary lacks, proposed with the figure ("funerals"). */
  proposedUnit?: UnitInfo;
  /** How this figure relates to its neighbour ("the level after a fall of 9%"). */
  linked?: string;
}

export interface NumbersFound {
  mentions: NumberMention[];
  notes: string[];
  /** Numbers found and left out, with the rule's reason (for the review's notes and the tests). */
  dropped: { stated: string; why: string }[];
}

/** The numbers of a sentence that state figures, and notes on what was left out. */
export function findNumbers(s: string, vocab: UnitVocabulary): NumbersFound {
  const candidates = numberCandidates(s);
  if (candidates.length === 0) return { mentions: [], notes: [], dropped: [] };
  const ctx = ruleContext(s, candidates, vocab);
  for (const rule of NUMBER_RULES) rule.apply(ctx);
  const mentions: NumberMention[] = [];
  const dropped: NumbersFound['dropped'] = [];
  for (const c of candidates) {
    if (c.dropped || !c.unit) {
      dropped.push({ stated: s.slice(c.start, c.end), why: c.dropped ?? 'no unit' });
      continue;
    }
    mentions.push({
      start: c.start,
      end: c.end,
      ...(c.at !== undefined ? { at: c.at } : {}),
      ...(c.value === undefined ? { low: c.low!, high: c.high! } : { value: c.value }),
      unit: c.unit,
      unitWords: c.unitWords ?? '',
      ...(c.reading ? { reading: c.reading } : {}),
      qualifier: c.qualifier ?? 'exact',
      ...(c.change ? { change: c.change } : {}),
      vague: c.vague,
      ...(c.proposedUnit ? { proposedUnit: c.proposedUnit } : {}),
      ...(c.linked ? { linked: c.linked } : {}),
    });
  }
  return { mentions, notes: ctx.notes, dropped };
}
