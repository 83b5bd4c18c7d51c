/**
 * The date or period a figure is about, read from its sentence against the article's publication date.
 * Our patterns read what news prose says of time ("since the full-scale invasion", "so far this year", "to
 * date", "between 2010 and 2018", "over the next year", "the 2020 budget", "last week", "on Tuesday") and
 * chrono-node reads calendar dates ("March 11, 2025"). Periods are written as ISO dates and intervals
 * ("2024", "2024-05", "2022-02-24/2025-01-10") so that they sort, compare and display the same way
 * everywhere. A date worked out from the publication date gets a `dateNote` saying how; a date after
 * publication is kept only where the sentence states a target or forecast, and is marked as one.
 */
import * as chrono from 'chrono-node/en';
import { MONTH_NAMES } from '../model/format/calendar';
import { smallNumber } from './number-words';

export interface FigureDate {
  date?: string;
  period?: string;
  dateNote?: string;
  /** Where the date words stand in the sentence. */
  start: number;
  end: number;
  /**
   * How the date relates to the sentence: when something was said ("said Thursday"), a frame for the whole
   * sentence ("In 2024, …"), or a date of what happened.
   */
  kind?: 'statement' | 'intro' | 'event' | 'base';
  /** A target or forecast: a date after publication the sentence looks ahead to. */
  ahead?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12));

function reference(published: string): Date {
  const [y, m, d] = published.split('-').map(Number) as [number, number, number];
  return utc(y, m, d);
}

const MONTHS_RE = MONTH_NAMES.join('|');
const MONTH_ABBR = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const ANY_MONTH = `(?:${MONTHS_RE}|(?:${MONTH_ABBR})\\.?)`;
const monthNumber = (word: string) => {
  const w = word.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTH_NAMES.findIndex((n) => n.toLowerCase().startsWith(w)) + 1;
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Words that look ahead: a date after publication is a target or forecast only with one of these. */
const AHEAD =
  /\b(?:will|would|shall|plans?|planned|planning|aims?|aimed|aiming|targets?|targeted|goal|forecasts?|forecast|projected|projects?|projection|expects?|expected|expecting|anticipated?|scheduled|set to|due|to be|intends?|intended|pledged?|commit(?:s|ted)?|could|may|might|should|by|next|coming|over the next|within|until|through|estimates? that)\b/i;

/** Verbs of saying: a weekday next to one dates the saying, not the figure ("said Thursday that …"). */
const SAID =
  /\b(?:said|says|told|confirmed|announced|reported|stated|added|noted|wrote|warned|explained|estimated|claimed|insisted|acknowledged|disclosed|revealed|declared|posted|tweeted|briefed|testified|argued|asserted|commented|replied|responded)\s*$/i;

/** Phrases for the start of Russia's full-scale invasion of Ukraine, the war most figures here count from. */
const WAR_START =
  /\bsince\s+(?:the\s+(?:start|beginning|outbreak)\s+of\s+(?:the|this|Russia['’]s)\s+(?:tragic\s+|full-scale\s+|brutal\s+)?(?:war|invasion|conflict)|Russia['’]s\s+(?:full-scale\s+|all-out\s+)?(?:invasion|war)|the\s+(?:full-scale\s+|all-out\s+)?(?:Russian\s+)?invasion|(?:the\s+)?(?:February|Feb\.?)\s+2022|(?:the\s+)?war\s+(?:began|started))\b/gi;

interface Ctx {
  s: string;
  published: string;
  py: number;
  pm: number;
  pd: number;
  ukraine: boolean;
  out: FigureDate[];
}

const note = (ctx: Ctx, words: string, resolved: string) =>
  `"${words.trim()}" read as ${resolved} from the publication date (${ctx.published})`;

function push(ctx: Ctx, d: FigureDate) {
  if (ctx.out.some((o) => o.start < d.end && d.start < o.end)) return;
  ctx.out.push(d);
}

/** The latest such month up to the publication date ("In January" in February is this year's). */
function latestMonth(ctx: Ctx, month: number, strictlyBefore = false): number {
  return month < ctx.pm || (month === ctx.pm && !strictlyBefore) ? ctx.py : ctx.py - 1;
}

function addMonths(published: string, months: number): string {
  const [y, m, d] = published.split('-').map(Number) as [number, number, number];
  const date = utc(y, m + months, 1);
  const last = utc(date.getUTCFullYear(), date.getUTCMonth() + 2, 0).getUTCDate();
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(Math.min(d, last))}`;
}

/** Our patterns, most specific first; chrono reads the calendar dates left over. */
const PATTERNS: {
  re: RegExp;
  read: (m: RegExpExecArray, ctx: Ctx) => Omit<FigureDate, 'start' | 'end'> | undefined;
}[] = [
  {
    // "since the start of this tragic war", "since Russia's full-scale invasion", "since February 2022"
    re: WAR_START,
    read: (m, ctx) =>
      ctx.ukraine
        ? {
            period: `2022-02-24/${ctx.published}`,
            dateNote: note(ctx, m[0], `since 24 Feb 2022, the full-scale invasion`),
          }
        : undefined,
  },
  {
    // "so far this year", "this year to date", "year to date"
    re: /\b(?:so far this year|this year (?:so far|to date)|year to date|year-to-date|since the (?:start|beginning) of (?:the|this) year|since January 1)\b/gi,
    read: (m, ctx) => ({
      period: `${ctx.py}-01-01/${ctx.published}`,
      dateNote: note(ctx, m[0], `1 Jan ${ctx.py} to the publication date`),
    }),
  },
  {
    // "between 2010 and 2018", "from 2017 to 2026", "2022-2024"
    re: /\b(?:between\s+((?:19|20)\d\d)\s+and\s+((?:19|20)\d\d)|from\s+((?:19|20)\d\d)\s+(?:to|through|until|till)\s+((?:19|20)\d\d)|((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d|\d\d)\b)/gi,
    read: (m) => {
      const a = m[1] ?? m[3] ?? m[5]!;
      let b = m[2] ?? m[4] ?? m[6]!;
      if (b.length === 2) b = `${a.slice(0, 2)}${b}`;
      return b > a ? { period: `${a}/${b}` } : undefined;
    },
  },
  {
    // "from January through July", "between March and May 2024"
    re: new RegExp(
      `\\b(?:from|between)\\s+(${ANY_MONTH})(?:\\s+((?:19|20)\\d\\d))?\\s+(?:to|through|until|till|and)\\s+(${ANY_MONTH})(?:\\s+((?:19|20)\\d\\d)|\\s+(this|last)\\s+year)?\\b`,
      'gi',
    ),
    read: (m, ctx) => {
      const ma = monthNumber(m[1]!);
      const mb = monthNumber(m[3]!);
      const yb = m[4] ? Number(m[4]) : m[5] ? ctx.py - (m[5].toLowerCase() === 'last' ? 1 : 0) : latestMonth(ctx, mb);
      const ya = m[2] ? Number(m[2]) : ma <= mb ? yb : yb - 1;
      return {
        period: `${ya}-${pad(ma)}/${yb}-${pad(mb)}`,
        ...(m[4] ? {} : { dateNote: note(ctx, m[0], `${MONTH_NAMES[ma - 1]} to ${MONTH_NAMES[mb - 1]} ${yb}`) }),
      };
    },
  },
  {
    // "over the next year", "in the next two years", "within six months", "over the coming decade"
    re: /\b(?:over|in|during|within)\s+(?:the\s+)?(?:next|coming)\s+(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|twenty|\d+)\s+)?(years?|months?|decades?)\b|\bwithin\s+(a|an|one|two|three|four|five|six|twelve|eighteen|\d+)\s+(years?|months?)\b/gi,
    read: (m, ctx) => {
      const n = smallNumber(m[1] ?? m[3] ?? 'one') ?? 1;
      const unit = (m[2] ?? m[4]!).toLowerCase();
      const months = unit.startsWith('decade') ? n * 120 : unit.startsWith('year') ? n * 12 : n;
      const end = addMonths(ctx.published, months);
      return {
        period: `${ctx.published}/${end}`,
        ahead: true,
        dateNote: note(ctx, m[0], `${ctx.published} to ${end}`),
      };
    },
  },
  {
    // "the current figure of 230,000", "currently": as of the article
    re: /\b(?:the\s+current\s+(?:figure|number|level|total|tally|rate|count|estimate|population)|currently|at present|as of now)\b/gi,
    read: (m, ctx) => ({ date: ctx.published, dateNote: note(ctx, m[0], ctx.published) }),
  },
  {
    // "to date", "so far", "thus far", "until now": as of the article
    re: /\b(?:to date|so far|thus far|until now|up to now|as of now|as things stand)\b/gi,
    read: (m, ctx) => ({ date: ctx.published, dateNote: note(ctx, m[0], ctx.published) }),
  },
  {
    // "by 2030", "by the end of 2026", "by the end of this year", "by the end of the decade"
    re: /\bby\s+(?:the\s+end\s+of\s+)?(?:((?:19|20)\d\d)|(this|next)\s+year|the\s+decade)\b/gi,
    read: (m, ctx) => {
      const year = m[1]
        ? Number(m[1])
        : m[2]?.toLowerCase() === 'next'
          ? ctx.py + 1
          : m[2]
            ? ctx.py
            : Math.ceil((ctx.py + 1) / 10) * 10;
      return {
        period: String(year),
        ahead: year >= ctx.py,
        ...(m[1] ? {} : { dateNote: note(ctx, m[0], String(year)) }),
      };
    },
  },
  {
    // "the first half of last year", "in the second half of 2024", "the first quarter"
    re: /\b(first|second|third|fourth|last)\s+(half|quarter)\s+of\s+(?:(last|this|next)\s+year|((?:19|20)\d\d))\b/gi,
    read: (m, ctx) => {
      const year = m[4]
        ? Number(m[4])
        : m[3]!.toLowerCase() === 'last'
          ? ctx.py - 1
          : m[3]!.toLowerCase() === 'next'
            ? ctx.py + 1
            : ctx.py;
      const which = { first: 1, second: 2, third: 3, fourth: 4, last: 0 }[m[1]!.toLowerCase() as 'first'] ?? 1;
      const size = m[2]!.toLowerCase() === 'half' ? 6 : 3;
      const index = which === 0 ? 12 / size : which;
      const a = (index - 1) * size + 1;
      return {
        period: `${year}-${pad(a)}/${year}-${pad(a + size - 1)}`,
        ...(m[4] ? {} : { dateNote: note(ctx, m[0], String(year)) }),
      };
    },
  },
  {
    // "January of this year", "March of last year"
    re: new RegExp(`\\b(${ANY_MONTH})\\s+of\\s+(this|last|next)\\s+year\\b`, 'gi'),
    read: (m, ctx) => {
      const month = monthNumber(m[1]!);
      const w = m[2]!.toLowerCase();
      const year = w === 'this' ? ctx.py : w === 'last' ? ctx.py - 1 : ctx.py + 1;
      const period = `${year}-${pad(month)}`;
      return { period, ahead: w === 'next', dateNote: note(ctx, m[0], period) };
    },
  },
  {
    // "this year", "last year", "next year", "earlier this year", "a year ago", "two years ago"
    re: /\b(?:(earlier|later)\s+)?(this|last|next|past)\s+year\b|\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+years?\s+ago\b/gi,
    read: (m, ctx) => {
      if (m[3]) {
        const n = smallNumber(m[3]) ?? 1;
        return { period: String(ctx.py - n), dateNote: note(ctx, m[0], String(ctx.py - n)) };
      }
      const w = m[2]!.toLowerCase();
      const year = w === 'this' ? ctx.py : w === 'next' ? ctx.py + 1 : ctx.py - 1;
      // "over the past year": the twelve months to the article
      if (w === 'past')
        return {
          period: `${addMonths(ctx.published, -12)}/${ctx.published}`,
          dateNote: note(ctx, m[0], 'the twelve months to the article'),
        };
      return { period: String(year), ahead: w === 'next', dateNote: note(ctx, m[0], String(year)) };
    },
  },
  {
    // "this month", "last month", "next month", "earlier this month"
    re: /\b(this|last|next|past)\s+month\b/gi,
    read: (m, ctx) => {
      const w = m[1]!.toLowerCase();
      const delta = w === 'this' ? 0 : w === 'next' ? 1 : -1;
      const period = addMonths(ctx.published, delta).slice(0, 7);
      return { period, ahead: w === 'next', dateNote: note(ctx, m[0], period) };
    },
  },
  {
    // "last week", "this week", "next week"
    re: /\b(this|last|next|past)\s+week\b/gi,
    read: (m, ctx) => {
      const w = m[1]!.toLowerCase();
      const day = utc(ctx.py, ctx.pm, ctx.pd + (w === 'this' ? 0 : w === 'next' ? 7 : -7));
      const monday = utc(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
      const sunday = utc(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate() + 6);
      const period = `${iso(monday)}/${iso(sunday)}`;
      return { period, ahead: w === 'next', dateNote: note(ctx, m[0], `the week of ${iso(monday)}`) };
    },
  },
  {
    // "today", "yesterday", "tonight", "this morning"
    re: /\b(today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow)\b/gi,
    read: (m, ctx) => {
      const w = m[1]!.toLowerCase();
      const delta = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      const date = iso(utc(ctx.py, ctx.pm, ctx.pd + delta));
      return { date, ahead: delta > 0, dateNote: note(ctx, m[0], date) };
    },
  },
  {
    // "since May", "since last November", "since 2022", "since March 2023"
    re: new RegExp(
      `\\bsince\\s+(?:(last)\\s+)?(?:(${ANY_MONTH})(?:\\s+((?:19|20)\\d\\d))?|((?:19|20)\\d\\d))\\b`,
      'gi',
    ),
    read: (m, ctx) => {
      if (m[4]) return { period: `${m[4]}/${ctx.published}` };
      const month = monthNumber(m[2]!);
      const year = m[3] ? Number(m[3]) : latestMonth(ctx, month, m[1] !== undefined);
      const start = `${year}-${pad(month)}`;
      return {
        period: `${start}/${ctx.published}`,
        ...(m[3] ? {} : { dateNote: note(ctx, m[0], `${start} to the publication date`) }),
      };
    },
  },
  {
    // "in March 2023", "March 2023", "in mid-2024"
    re: new RegExp(`\\b(?:early|mid|late)?-?(${ANY_MONTH})\\s+((?:19|20)\\d\\d)\\b(?!\\s*[-–]\\s*\\d)`, 'gi'),
    read: (m) => ({ period: `${m[2]}-${pad(monthNumber(m[1]!))}` }),
  },
  {
    // "In January", "last May", "during November": the latest such month up to the article
    re: new RegExp(
      `\\b(in|since|last|this|during|by|until|through|early|late|mid)[\\s-]+(${MONTHS_RE})\\b(?!\\s+\\d)`,
      'gi',
    ),
    read: (m, ctx) => {
      const month = monthNumber(m[2]!);
      const year = latestMonth(ctx, month, m[1]!.toLowerCase() === 'last');
      const period = `${year}-${pad(month)}`;
      return { period, dateNote: note(ctx, m[0], period) };
    },
  },
  {
    // "in 2024", "during 2023", "the 2020 budget", "its 2017 revenue", "the 2020 calendar year", "fiscal 2025"
    re: /\b(?:(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ff]or|of|[Tt]hrough|to|[Uu]ntil|till|[Ff]iscal|FY)\s+(?:the\s+)?|(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat|a|[A-Z][\w.]*['’]s?)\s+)((?:19|20)\d\d)\b(?![-–]\d)(?!\s*(?:,\s*\d|\)))/g,
    read: (m) => ({ period: m[1]! }),
  },
  {
    // "on Tuesday", "Tuesday's hijacking", "Friday": the latest such weekday up to the article
    re: /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(?:['’]s)?\b/g,
    read: (m, ctx) => {
      const want = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const pub = utc(ctx.py, ctx.pm, ctx.pd);
      const back = (pub.getUTCDay() - want + 7) % 7;
      const date = iso(utc(ctx.py, ctx.pm, ctx.pd - back));
      return { date, dateNote: note(ctx, m[0].replace(/['’]s$/, ''), date) };
    },
  },
];

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
  for (const pattern of PATTERNS) {
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

export interface FigureWhen {
  date?: string;
  period?: string;
  dateNote?: string;
}

/** The period's end to use for the level after a change, its start for the level before. */
function endOf(d: FigureDate, which: 'start' | 'end', published: string): FigureWhen {
  const value = d.date ?? d.period!;
  if (!value.includes('/')) return withoutPlace(d);
  const [a, b] = value.split('/') as [string, string];
  const one = which === 'start' ? a : b;
  const full = /^\d{4}-\d{2}-\d{2}$/.test(one);
  return {
    ...(full ? { date: one } : { period: one }),
    dateNote: `${which === 'start' ? 'the start' : 'the end'} of ${value === `${a}/${published}` ? `the period to the article (${value})` : value}`,
  };
}

function withoutPlace(d: FigureDate): FigureWhen {
  const out: FigureWhen = {};
  if (d.date) out.date = d.date;
  if (d.period) out.period = d.period;
  const notes = [d.dateNote, d.ahead ? 'a target or forecast, after the article' : undefined].filter(Boolean);
  if (notes.length) out.dateNote = notes.join('; ');
  return out;
}

/**
 * The date of a figure whose stated words stand at [a, b): the nearest date of what happened that is not
 * another figure's own ("25 sellers — out of 300 last year": "last year" is the 300's), else the sentence's
 * frame ("In 2024, …"), else when it was said ("said Thursday"), else the date carried from the sentence
 * before (`carried`), else the publication date. The level before a change takes the start of a period, the
 * level after its end.
 */
export function dateOf(
  dates: readonly FigureDate[],
  a: number,
  b: number,
  published: string,
  figures: readonly { start: number; end: number; linked?: string }[] = [],
  carried?: FigureWhen,
  s = '',
): FigureWhen {
  const self = { start: a, end: b };
  // Date words that are part of a figure ("for a year", "three years") date nothing.
  const outside = dates.filter(
    (d) => (d.end <= a || d.start >= b) && !figures.some((f) => d.start >= f.start && d.start < f.end),
  );
  const distance = (d: FigureDate, f: { start: number; end: number }) =>
    d.end <= f.start ? f.start - d.end : d.start - f.end;
  const others = figures.filter((f) => !(f.start === a && f.end === b));
  /** A date right after a figure is its own ("out of 300 last year", "$33 million as of March 9"). */
  const ownedBy = (d: FigureDate, f: { start: number; end: number }) =>
    d.start >= f.end &&
    /^\s*(?:(?:in|on|at|by|as of|last|this|since|for|during|a|an)\s*)?$/i.test(s.slice(f.end, d.start));
  const own = figures.find((f) => f.start === a && f.end === b);
  const pick = (d: FigureDate): FigureWhen => {
    if ((d.period ?? '').includes('/') && own?.linked?.startsWith('the level before'))
      return endOf(d, 'start', published);
    if ((d.period ?? '').includes('/') && own?.linked?.startsWith('the level after')) return endOf(d, 'end', published);
    return withoutPlace(d);
  };
  const nearest = (list: FigureDate[]) => [...list].sort((x, y) => distance(x, self) - distance(y, self))[0];
  // A target or forecast dates the figure it stands by ("5% of GDP by 2035"), not a state described further off
  // ("a meeting next month … of the more than 50 countries").
  const farAhead = (d: FigureDate) => d.ahead === true && distance(d, self) > (d.start >= b ? 80 : 30);
  const events = outside.filter((d) => d.kind === 'event' && !farAhead(d));
  const mine = events.filter((d) => ownedBy(d, self));
  if (mine.length) return pick(nearest(mine)!);
  const free = events.filter((d) => !others.some((f) => ownedBy(d, f)));
  if (free.length) return pick(nearest(free)!);
  const intro = outside.find((d) => d.kind === 'intro');
  if (intro) return pick(intro);
  if (carried && dates.length === 0) return carried;
  // Another figure's date, when nothing sets this one apart from it ("nine of Sudan's 18 states last year").
  const apart = (d: FigureDate) => /[—–()]|\s-\s/.test(s.slice(Math.min(b, d.end), Math.max(a, d.start)));
  const shared = events.filter((d) => !apart(d));
  if (shared.length) return pick(nearest(shared)!);
  const said = outside.find((d) => d.kind === 'statement');
  if (said) return withoutPlace(said);
  return { date: published };
}
