/**
 * The number rules about people: the killed counted as deaths, the killed or injured as casualties, and the
 * ages that define a group ("men aged 18 to 60").
 */
import { live, upTo, type NumberRule } from './rule-context';

const PEOPLE_UNITS = new Set([
  'people',
  'soldiers',
  'troops',
  'civilians',
  'prisoners',
  'refugees',
  'casualties',
  'deaths',
]);

const ABOUT = '(?:nearly|almost|about|around|more than|over|at least|some|roughly|an estimated|up to)?\\s*';
const KILLED_OR_INJURED = new RegExp(
  `\\b(?:killed or (?:injured|wounded)|(?:injured|wounded) or killed|killed and (?:injured|wounded)|wounded|injured)\\s+${ABOUT}$`,
  'i',
);
const KILLED = new RegExp(`\\bkilled\\s+${ABOUT}$`, 'i');

export const fates: NumberRule = {
  name: 'killed or injured',
  does: 'Counts people killed as deaths and killed or injured as casualties: "12,300 civilians have died", "has killed or injured hundreds of thousands of troops".',
  apply(ctx) {
    const { s, vocab } = ctx;
    for (const c of live(ctx)) {
      if (!c.unit || !PEOPLE_UNITS.has(c.unit)) continue;
      const fate =
        /^\s+(?:(?:were|was|have been|had been|have|had|are)\s+)?(killed|died|dead|injured|wounded|hurt)\b/i.exec(
          s.slice(c.end),
        );
      if (fate && ['troops', 'soldiers', 'people', 'civilians'].includes(c.unit)) {
        const dead = /killed|died|dead/i.test(fate[1]!);
        if (dead && vocab.known.has('deaths')) c.unit = 'deaths';
        else if (!dead && vocab.known.has('casualties')) c.unit = 'casualties';
      }
      const lead = upTo(s, c.start);
      if (KILLED_OR_INJURED.test(lead) && vocab.known.has('casualties')) c.unit = 'casualties';
      else if (KILLED.test(lead) && vocab.known.has('deaths')) c.unit = 'deaths';
    }
  },
};

export const ages: NumberRule = {
  name: 'ages',
  does: 'Reads ages that define a group: "men aged 18 to 60", "Fogel (63)".',
  apply(ctx) {
    const { s } = ctx;
    const list = live(ctx);
    list.forEach((c, i) => {
      if (c.unit || c.value === undefined) return;
      if (/\baged\s+(?:between\s+)?$/i.test(upTo(s, c.start))) {
        c.unit = 'years';
        c.unitWords = '';
        const next = list[i + 1];
        if (next && !next.unit && /^\s*(?:to|-|–|and)\s*$/.test(s.slice(c.end, next.start))) {
          next.unit = 'years';
          next.unitWords = '';
        }
      }
      if (
        !c.spelled &&
        /[A-Z][\w'’-]+\s\($/.test(upTo(s, c.start)) &&
        s[c.end] === ')' &&
        c.value > 0 &&
        c.value < 120
      ) {
        c.unit = 'years';
        c.unitWords = '';
        c.start -= 1;
        c.end += 1;
      }
    });
  },
};
