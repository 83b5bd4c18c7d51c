/**
 * The date or period a figure is about, read from its sentence against the article's publication date.
 * Our patterns read what news prose says of time ("since the full-scale invasion", "so far this year", "to
 * date", "between 2010 and 2018", "over the next year", "the 2020 budget", "last week", "on Tuesday") and
 * chrono-node reads calendar dates ("March 11, 2025"). Periods are written as ISO dates and intervals
 * ("2024", "2024-05", "2022-02-24/2025-01-10") so that they sort, compare and display the same way
 * everywhere. A date worked out from the publication date gets a `dateNote` saying how; a date after
 * publication is kept only where the sentence states a target or forecast, and is marked as one.
 * Our patterns are in `date-patterns.ts`; a figure's date is picked from a sentence's dates by `date-of.ts`.
 */
import * as chrono from 'chrono-node/en';
import {
  DATE_PATTERNS,
  MONTH_ABBR,
  MONTHS_RE,
  note,
  pad,
  utc,
  type DateContext,
  type DateReading,
} from './date-patterns';

export interface FigureDate extends DateReading {
  /** Where the date words stand in the sentence. */
  start: number;
  end: number;
  /**
   * How the date relates to the sentence: when something was said ("said Thursday"), a frame for the whole
   * sentence ("In 2024, …"), or a date of what happened.
   */
  kind?: 'statement' | 'intro' | 'event' | 'base';
}

function reference(published: string): Date {
  const [y, m, d] = published.split('-').map(Number) as [number, number, number];
  return utc(y, m, d);
}

/** Words that look ahead: a date after publication is a target or forecast only with one of these. */
const AHEAD =
  /\b(?:will|would|shall|plans?|planned|planning|aims?|aimed|aiming|targets?|targeted|goal|forecasts?|forecast|projected|projects?|projection|expects?|expected|expecting|anticipated?|scheduled|set to|due|to be|intends?|intended|pledged?|commit(?:s|ted)?|could|may|might|should|by|next|coming|over the next|within|until|through|estimates? that)\b/i;

/** Verbs of saying: a weekday next to one dates the saying, not the figure ("said Thursday that …"). */
const SAID =
  /\b(?:said|says|told|confirmed|announced|reported|stated|added|noted|wrote|warned|explained|estimated|claimed|insisted|acknowledged|disclosed|revealed|declared|posted|tweeted|briefed|testified|argued|asserted|commented|replied|responded)\s*$/i;

interface Ctx extends DateContext {
  out: FigureDate[];
}

function push(ctx: Ctx, d: FigureDate) {
  if (ctx.out.some((o) => o.start < d.end && d.start < o.end)) return;
  ctx.out.push(d);
}

/** Words without which chrono finds no calendar date: sentences without any skip it (it is the slow part). */
const CALENDAR_HINT = new RegExp(
  `\\b(?:${MONTHS_RE}|${MONTH_ABBR})\\.?\\s+\\d|\\d{1,2}\\s+(?:${MONTHS_RE}|${MONTH_ABBR})`,
  'i',
);

/** Every date expression of a sentence, resolved against the publication date, in order. */
export function datesIn(s: string, published: string, ukraine = true): FigureDate[] {
  const [py, pm, pd] = published.split('-').map(Number) as [number, number, number];
  const ctx: Ctx = { s, published, py, pm, pd, ukraine, out: [] };
  // Calendar dates first ("March 11, 2025", "11 March"), so that their parts are not read again.
  if (CALENDAR_HINT.test(s)) {
    for (const r of chrono.parse(s, { instant: reference(published), timezone: 0 }, { forwardDate: false })) {
      if (!r.start.isCertain('day') || !r.start.isCertain('month')) continue;
      const words = r.text.replace(/[\s,.;:]+$/, '');
      let y = r.start.get('year')!;
      const m = r.start.get('month')!;
      const d = r.start.get('day')!;
      const stated = r.start.isCertain('year');
      // "March 11" after the article's date is last year's, unless the sentence looks ahead ("by January 20").
      const looksAhead =
        /\b(?:by|until|through|till|before|from|starting|effective|on)\s+$/i.test(
          s.slice(Math.max(0, r.index - 12), r.index),
        ) && AHEAD.test(s);
      if (!stated && `${y}-${pad(m)}-${pad(d)}` > published && !looksAhead) y -= 1;
      const date = `${y}-${pad(m)}-${pad(d)}`;
      // "since Feb. 24, 2022": from that day to the article
      const since = /\bsince\s+$/i.test(s.slice(Math.max(0, r.index - 7), r.index));
      push(ctx, {
        ...(since ? { period: `${date}/${published}` } : { date }),
        start: since ? r.index - /since\s+$/i.exec(s.slice(Math.max(0, r.index - 7), r.index))![0].length : r.index,
        end: r.index + words.length,
        ...(stated ? {} : { dateNote: note(ctx, words, date) }),
      });
    }
  }
  for (const pattern of DATE_PATTERNS) {
    pattern.re.lastIndex = 0;
    for (const m of s.matchAll(pattern.re)) {
      const read = pattern.read(m as RegExpExecArray, ctx);
      if (!read) continue;
      push(ctx, { ...read, start: m.index, end: m.index + m[0].length });
    }
  }
  for (const d of ctx.out) {
    const before = s.slice(Math.max(0, d.start - 40), d.start);
    const after = s.slice(d.end, d.end + 20);
    const lead = s.slice(0, d.start).replace(/^[\s\-–—•*“"‘]+/, '');
    if (SAID.test(before.replace(/\s+on\s*$/, ' ')) || /^\s*(?:,\s*)?(?:said|told|announced|confirmed)\b/i.test(after))
      d.kind = 'statement';
    else if (
      /^(?:(?:In|During|By|Since|As of|On|Over|Through|For|Until|From|Last|This|Between)\s+)?(?:the\s+)?$/i.test(lead)
    )
      d.kind = 'intro';
    // "up 14% over 2017", "against the same span of 2018": the base of a comparison, not a date of the figure.
    else if (
      /\b(?:against|compared (?:with|to)|than|versus|vs\.?|over|from)\s+(?:the\s+same\s+\w+\s+)?(?:(?:of|in|last)\s+)?(?:the\s+)?(?:(?:19|20)\d\d|year|month|week|quarter)\b/i.test(
        `${before}${s.slice(d.start, d.end)}`.slice(-60),
      ) &&
      !(d.period ?? '').includes('/')
    )
      d.kind = 'base';
    else d.kind = 'event';
    // A date after the article is a target or forecast only where the sentence looks ahead.
    const after_ = (d.date ?? d.period?.split('/')[0] ?? '') > published;
    if (after_ || d.ahead) d.ahead = AHEAD.test(s);
  }
  return ctx.out
    .filter((d) => !((d.date ?? d.period!.split('/')[0]!) > published && !d.ahead))
    .sort((a, b) => a.start - b.start);
}
