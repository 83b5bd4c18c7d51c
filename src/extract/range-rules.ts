/**
 * The number rules that read two numbers together: a range ("between 210,000 and 300,000") becomes one
 * figure, a change from one level to another ("jumped from $5 to $12") stays two, linked.
 */
import { sharedScale } from './amount-rules';
import { drop, from, live, upTo, type NumberRule } from './rule-context';

export const ranges: NumberRule = {
  name: 'ranges',
  does:
    'Joins two numbers into one range: "640,000–877,000", "20-25%", "0.4%–1.1%", "between 210,000 and 300,000", ' +
    '"two or three months", "a few dozen or hundreds", "$1-2 billion". A from–to pair stays two figures.',
  apply(ctx) {
    const { s } = ctx;
    const list = live(ctx);
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      if (a.dropped || b.dropped) continue;
      const gap = s.slice(a.end, b.start);
      const lead = upTo(s, a.start);
      const between = /\bbetween\s+(?:about\s+|around\s+|some\s+|roughly\s+|an estimated\s+)?$/i.test(lead);
      if (CHANGE_FROM.test(lead)) continue;
      const fromGap =
        /\bfrom\s+(?:about\s+|around\s+|roughly\s+)?$/i.test(lead) && /^\s+to\s+(?:a full\s+|about\s+)?$/i.test(gap);
      const dash = /^\s*(?:-|–|—|to|-to-)\s*$/i.test(gap);
      const and = between && /^\s+and\s+$/i.test(gap);
      const or = /^\s+or\s+$/i.test(gap) && ((a.vague && b.vague) || (!a.unit && a.spelled === b.spelled && !b.vague));
      if (!(dash || and || or || fromGap)) continue;
      if (a.unit && b.unit && a.unit !== b.unit) continue;
      if (
        !a.unit &&
        !b.unit &&
        dash &&
        /^\s*-\s*$/.test(gap) &&
        (a.value ?? 0) >= 1900 &&
        (b.value ?? 0) <= 2100 &&
        (b.value ?? 0) >= 1900
      )
        continue; // "2022-2023": years
      const lowA = a.low ?? a.value!;
      const highA = a.high ?? a.value!;
      const lowB = b.low ?? b.value!;
      const highB = b.high ?? b.value!;
      const scaleA = sharedScale(s, a, b);
      const values = [lowA * scaleA, highA * scaleA, lowB, highB];
      a.low = Math.min(...values);
      a.high = Math.max(...values);
      delete a.value;
      a.unit = b.unit ?? a.unit;
      if (b.proposedUnit ?? a.proposedUnit) a.proposedUnit = b.proposedUnit ?? a.proposedUnit;
      a.unitWords = b.unitWords ?? a.unitWords;
      a.reading = a.reading && b.reading ? `${a.reading} or ${b.reading}` : (a.reading ?? b.reading);
      a.vague = a.vague || b.vague;
      a.qualifier ??= b.qualifier;
      if (between)
        a.start =
          from(a.start) + lead.search(/\bbetween\s+(?:about\s+|around\s+|some\s+|roughly\s+|an estimated\s+)?$/i);
      a.end = b.end;
      drop(b, 'the other end of a range');
    }
  },
};

/** "jumped from $5 to $12", "increase the number … from four to six": a change from one level to another. */
const CHANGE_FROM =
  /\b(?:rose|risen|rise|rising|increased?|increasing|grew|grown|grow|growing|jumped|jump|climbed|climb|surged|soared|fell|fallen|fall|falling|dropped|drop|declined?|decreased?|slid|slipped|shrank|shrunk|plunged|tumbled|went|gone|cut|raised?|raising|lowered|lower|reduced?|reducing|doubled|tripled|revised|expanded?|swelled|swollen|moved|shifted|changed|boosted?|hiked|slashed|narrowed|widened|up|down)\b[^;]{0,80}?\bfrom\s+(?:about\s+|around\s+|roughly\s+)?$/i;

export const fromTo: NumberRule = {
  name: 'from–to pairs',
  does:
    'Keeps a change from one level to another as two figures sharing a unit ("has jumped from $5 to $12", "grew ' +
    'from 5 million to more than 15 million"), the first taking the unit of the second. "anywhere from a third ' +
    'to a half" is a range (see ranges).',
  apply(ctx) {
    const { s } = ctx;
    const list = live(ctx);
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i]!;
      const b = list[i + 1]!;
      if (!CHANGE_FROM.test(upTo(s, a.start))) continue;
      if (
        !/^\s+to\s+$|^\s*[-–—]\s*$/i.test(
          s
            .slice(a.end, b.start)
            .replace(/\s+(?:more than|less than|about|around|nearly|almost|over|just over|roughly)\s*$/i, ' '),
        )
      )
        continue;
      if (!a.unit && b.unit) {
        a.unit = b.unit;
        if (b.proposedUnit) a.proposedUnit = b.proposedUnit;
        a.unitWords = '';
        if (a.value !== undefined) a.value *= sharedScale(s, a, b);
      }
      b.linked = 'the level after';
      a.linked = 'the level before';
    }
  },
};
