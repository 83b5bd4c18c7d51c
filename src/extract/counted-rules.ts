/**
 * The number rules that find what a bare number counts: the noun phrase after it, or, for a number with
 * nothing after it, the noun of a number beside it, of the phrase it is the number of, or the fate it is said
 * to have ("61,200 are listed as missing").
 */
import { countedAfter, fateAfter, numberOf, singularOf } from './counted-noun';
import type { Candidate } from './number-candidates';
import { slugify } from '../model/format/ids';
import { dimensionOf, live, matchWords, upTo, type NumberRule, type RuleContext } from './rule-context';

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

export const countedNoun: NumberRule = {
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

export const standingAlone: NumberRule = {
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
