/**
 * The number rules that drop a number stating no figure, saying why: dates, times and names with a number in
 * them (first, before any unit is read), amounts restated in brackets, years, references, periods and
 * personal details (once units are known), and, last, a number left without a unit.
 */
import { overlaps } from './number-candidates';
import { dimensionOf, drop, isMoney, live, upTo, type NumberRule } from './rule-context';

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
export const notDatesOrNames: NumberRule = {
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

export const restatedInBrackets: NumberRule = {
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

export const notFigures: NumberRule = {
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

export const needsUnit: NumberRule = {
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
