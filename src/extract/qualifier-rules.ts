/**
 * The number rules that read how a number is put: how exact it is ("more than", "nearly", "or so") and
 * whether it is a change rather than a level ("fell 16,000 bpd"), a fall being negative.
 */
import type { Qualifier } from '../model/dataset/schema';
import { dimensionOf, from, isMoney, live, upTo, type NumberRule } from './rule-context';

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/\b(?:at least|no fewer than|no less than|a minimum of|not less than)$/i, 'at-least'],
  [/\b(?:at most|no more than|a maximum of|not more than)$/i, 'at-most'],
  [
    /\b(?:more than|over|in excess of|upwards of|greater than|north of|just over|well over|a bit more than|slightly more than)$/i,
    'more-than',
  ],
  [/\b(?:less than|fewer than|under|short of|just under 1|a little under 1)$/i, 'less-than'],
  [/\b(?:nearly|almost|close to|just under|just shy of|approaching|nigh on)$/i, 'nearly'],
  [
    /\b(?:about|around|roughly|some|an estimated|approximately|approx\.|circa|estimated|an average of|an average|on average|average of|an approximate|something like|or so)$/i,
    'about',
  ],
  [/\b(?:below)$/i, 'below'],
  [/\b(?:above|exceeding|well above)$/i, 'above'],
  [/\b(?:up to|as many as|as much as|as high as|as far as)$/i, 'up-to'],
  [/\b(?:a record|record|an all-time high of|a record high of|a record low of)$/i, 'record'],
];
/** Nouns and verbs whose "over"/"under" is a preposition, not a qualifier ("control over", "fight over"). */
const PREPOSITION_OWNER =
  /\b(?:control|power|sovereignty|influence|authority|debate|concerns?|talks|dispute|fight|fighting|war|tensions?|rule|command|flew|fly|flying|spread|spread out|hovering|presided|watch|pass|passed|advantage|lead|edge|victory|win|up|rose|increased|grew|fell|dropped|down)\s+$/i;
/** Words that may stand between a qualifier and its number: "at least in the hundreds", "nearly a quarter". */
const FILLER = /(?:\s+(?:a|an|the|another|in the|of))*\s*$/i;

export const qualifiers: NumberRule = {
  name: 'qualifier',
  does:
    'Reads how exact the number is from the words before or after it: "more than", "nearly", "up to", "a record", ' +
    '"or so", "or more"; "over" only right before the number and not after "control" or "rose".',
  apply(ctx) {
    const { s } = ctx;
    for (const c of live(ctx)) {
      const beforeAt = from(c.start);
      const before = s.slice(beforeAt, c.start);
      const filler = FILLER.exec(before);
      const head = filler ? before.slice(0, filler.index) : before;
      for (const [re, q] of QUALIFIERS) {
        const m = re.exec(head);
        if (!m) continue;
        // "control over a few hundred square miles": "over"/"under" qualify only a number right after them.
        if (
          /^(?:over|under)$/i.test(m[0]) &&
          (c.vague || /\S/.test(before.slice(head.length)) || PREPOSITION_OWNER.test(head.slice(0, m.index)))
        )
          continue;
        c.qualifier = q;
        c.at = c.start;
        c.start = beforeAt + m.index;
        break;
      }
      c.qualifier ??= c.vague ? 'about' : 'exact';
      if (/\bor so\b/i.test(s.slice(c.start, c.end)) && c.qualifier === 'exact') c.qualifier = 'about';
      const trailing = /^\s+or\s+(so|more|less|fewer)\b/i.exec(s.slice(c.end));
      if (trailing) {
        const w = trailing[1]!.toLowerCase();
        c.qualifier = w === 'so' ? 'about' : w === 'more' ? 'at-least' : 'at-most';
        c.end += trailing[0].length;
      }
    }
  },
};

const RISE =
  /\b(?:rose|rise|rises|risen|rising|increased|increase|increases|grew|grow|grows|growing|jumped|jumps|jump|climbed|climbs|gained|gains|surged|soared|up|added|adds|an increase of|a rise of|a jump of|growth of)\s+(?:by\s+)?$/i;
const FALL =
  /\b(?:fell|fall|falls|fallen|falling|dropped|drops|drop|declined|declines|decreased|decreases|slid|slipped|slumped|shrank|shrunk|plunged|plummeted|tumbled|down|lost|off|cut|a fall of|a drop of|a decline of|a cut of)\s+(?:by\s+)?$/i;

export const changes: NumberRule = {
  name: 'changes',
  does:
    'Reads a change rather than a level: "fell 16,000 bpd", "jumped 5 percent", "40 fewer square miles than"; a fall ' +
    'is negative. "fell 9% to 48.2 million" gives the change and the level, linked.',
  apply(ctx) {
    const { s } = ctx;
    const list = live(ctx);
    list.forEach((c, i) => {
      if (c.change) return;
      const lead = upTo(s, c.start);
      const dim = dimensionOf(ctx, c.unit);
      // "lost 1,400 tanks" is a count of losses; "lost 2%" or "off a point" is a fall.
      const lostCount =
        /\b(?:lost|cut|off)\s+$/i.test(lead) && dim !== 'share' && dim !== 'share-change' && !isMoney(c.unit);
      if (FALL.test(lead) && !lostCount) c.change = 'fall';
      else if (RISE.test(lead) && !/\bup\s+$/i.test(lead)) c.change = 'rise';
      else if (RISE.test(lead) && /\bup\s+$/i.test(lead) && !/\b(?:to|of)\s+$/i.test(lead)) c.change = 'rise';
      const at = c.at ?? c.start;
      const digits = /^[\d,.]+/.exec(s.slice(at))?.[0].length ?? 0;
      const fewer = /^\s+(fewer|less|more)\b/i.exec(s.slice(at + digits));
      if (fewer && c.value !== undefined && /\bthan\b/i.test(s.slice(c.end, c.end + 60))) {
        c.change = fewer[1]!.toLowerCase() === 'more' ? 'rise' : 'fall';
      }
      if (c.change === 'fall') {
        if (c.value !== undefined && c.value > 0) c.value = -c.value;
        if (c.low !== undefined && c.high !== undefined && c.low >= 0) [c.low, c.high] = [-c.high, -c.low];
      }
      // "fell 9% to 48.2 million": the level after the change.
      const next = list[i + 1];
      if (
        c.change &&
        next &&
        /^\s+(?:[\w’'.-]+\s+){0,3}?to\s+(?:a record\s+|about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|just\s+)?$/i.test(
          s.slice(c.end, next.start),
        )
      ) {
        next.linked = `the level after a ${c.change} of ${s.slice(c.start, c.end)}`;
      }
    });
  },
};
