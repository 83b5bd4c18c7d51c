/**
 * Our patterns for what news prose says of time ("since the full-scale invasion", "so far this year", "to
 * date", "between 2010 and 2018", "over the next year", "the 2020 budget", "last week", "on Tuesday"), most
 * specific first, each read against the article's publication date. `dates.ts` runs them after chrono-node
 * has read the calendar dates. Pure.
 */
import { MONTH_NAMES } from '../model/format/calendar';
import { smallNumber } from './number-words';

/** What a pattern reads: a date or a period, how it was worked out, and whether it looks ahead. */
export interface DateReading {
  date?: string;
  period?: string;
  dateNote?: string;
  /** A target or forecast: a date after publication the sentence looks ahead to. */
  ahead?: boolean;
}

/** The sentence and the publication date (year, month, day) the patterns read against. */
export interface DateContext {
  s: string;
  published: string;
  py: number;
  pm: number;
  pd: number;
  ukraine: boolean;
}

export const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
export const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12));

export const MONTHS_RE = MONTH_NAMES.join('|');
export const MONTH_ABBR = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const ANY_MONTH = `(?:${MONTHS_RE}|(?:${MONTH_ABBR})\\.?)`;
const monthNumber = (word: string) => {
  const w = word.toLowerCase().replace(/\.$/, '').slice(0, 3);
  return MONTH_NAMES.findIndex((n) => n.toLowerCase().startsWith(w)) + 1;
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Phrases for the start of Russia's full-scale invasion of Ukraine, the war most figures here count from. */
const WAR_START =
  /\bsince\s+(?:the\s+(?:start|beginning|outbreak)\s+of\s+(?:the|this|Russia['’]s)\s+(?:tragic\s+|full-scale\s+|brutal\s+)?(?:war|invasion|conflict)|Russia['’]s\s+(?:full-scale\s+|all-out\s+)?(?:invasion|war)|the\s+(?:full-scale\s+|all-out\s+)?(?:Russian\s+)?invasion|(?:the\s+)?(?:February|Feb\.?)\s+2022|(?:the\s+)?war\s+(?:began|started))\b/gi;

export const note = (ctx: DateContext, words: string, resolved: string) =>
  `"${words.trim()}" read as ${resolved} from the publication date (${ctx.published})`;

/** The latest such month up to the publication date ("In January" in February is this year's). */
function latestMonth(ctx: DateContext, month: number, strictlyBefore = false): number {
  return month < ctx.pm || (month === ctx.pm && !strictlyBefore) ? ctx.py : ctx.py - 1;
}

function addMonths(published: string, months: number): string {
  const [y, m, d] = published.split('-').map(Number) as [number, number, number];
  const date = utc(y, m + months, 1);
  const last = utc(date.getUTCFullYear(), date.getUTCMonth() + 2, 0).getUTCDate();
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(Math.min(d, last))}`;
}

/** Our patterns, most specific first; chrono reads the calendar dates left over. */
export const DATE_PATTERNS: {
  re: RegExp;
  read: (m: RegExpExecArray, ctx: DateContext) => DateReading | undefined;
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
