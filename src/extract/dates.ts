/**
 * The date or period a figure refers to, read from its sentence against the article's publication date:
 * chrono-node for relative and calendar dates ("on Wednesday", "last month", "a year ago"), our patterns
 * for years and months standing alone ("in 2024", "In January", "last May"). A date worked out relative to
 * the article gets a `dateNote` saying how.
 */
import * as chrono from 'chrono-node/en';
import { MONTH_NAMES } from '../model/calendar';

export interface FigureDate {
  date?: string;
  period?: string;
  dateNote?: string;
  /** Where the date words stand in the sentence. */
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function reference(published: string): Date {
  const [y, m, d] = published.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** Words without which chrono finds no date: sentences without any skip it (it is the slow part). */
const DATE_HINT =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|ago|last|next|this|week|month|year|weekend|morning|evening|night|noon|midnight|earlier|later|now|past|recent)/i;

/** chrono's results over `s`, read in pieces of about 1,500 characters cut at spaces (it slows on long runs). */
function chronoParse(s: string, ref: Date): { text: string; index: number; start: chrono.ParsedResult['start'] }[] {
  const out: { text: string; index: number; start: chrono.ParsedResult['start'] }[] = [];
  let at = 0;
  while (at < s.length) {
    let end = Math.min(s.length, at + 1500);
    if (end < s.length) {
      const space = s.lastIndexOf(' ', end);
      if (space > at + 500) end = space;
    }
    for (const r of chrono.parse(s.slice(at, end), { instant: ref, timezone: 0 }, { forwardDate: false })) {
      out.push({ text: r.text, index: r.index + at, start: r.start });
    }
    at = end;
  }
  return out;
}

/** Every date expression of a sentence, resolved against the publication date. */
export function datesIn(s: string, published: string): FigureDate[] {
  const out: FigureDate[] = [];
  const ref = reference(published);
  const [py, pm] = published.split('-').map(Number) as [number, number];
  const relativeNote = (words: string, resolved: string) =>
    `"${words}" read as ${resolved} from the publication date (${published})`;
  for (const r of DATE_HINT.test(s) ? chronoParse(s, ref) : []) {
    const words = r.text.replace(/[\s,.;:]+$/, '');
    const start = r.index;
    const end = r.index + words.length;
    let y = r.start.get('year');
    const m = r.start.get('month');
    const d = r.start.get('day');
    if (y === null || m === null || d === null) continue;
    // A duration ("for a year", "within two weeks") is not a date.
    if (
      /^(?:for|within|over|during|in)\s+(?:the\s+(?:next|past|last|coming)\s+)?(?:a|an|one|another|[\d,.]+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|several|few|a few|many)\s+(?:years?|months?|weeks?|days?|hours?|decades?)\b/i.test(
        words,
      )
    )
      continue;
    const relative = !/\b(?:19|20)\d\d\b/.test(words);
    const week = /\b(?:last|this|next|past)\s+week\b/i.test(words);
    if (!week && (r.start.isCertain('day') || r.start.isCertain('weekday'))) {
      const date = `${y}-${pad(m)}-${pad(d)}`;
      out.push({ date, start, end, ...(relative ? { dateNote: relativeNote(words, date) } : {}) });
    } else if (week) {
      // chrono reads "this week" as its Sunday; the week meant is the one the article was published in.
      const [wy, wm, wd] = /\bthis week\b/i.test(words) ? published.split('-').map(Number) : [y, m, d];
      const day = new Date(Date.UTC(wy!, wm! - 1, wd!));
      const monday = new Date(Date.UTC(wy!, wm! - 1, wd! - ((day.getUTCDay() + 6) % 7)));
      const period = `week of ${monday.getUTCDate()} ${MONTH_NAMES[monday.getUTCMonth()]} ${monday.getUTCFullYear()}`;
      out.push({ period, start, end, dateNote: relativeNote(words, period) });
    } else if (r.start.isCertain('month')) {
      // A month named without its year is the latest such month up to the article ("last May").
      if (!r.start.isCertain('year') && (y > py || (y === py && m > pm))) y -= 1;
      const period = `${y}-${pad(m)}`;
      out.push({ period, start, end, ...(relative ? { dateNote: relativeNote(words, period) } : {}) });
    } else if (r.start.isCertain('year') || /\byear\b/i.test(words)) {
      const period = String(y);
      out.push({ period, start, end, ...(relative ? { dateNote: relativeNote(words, period) } : {}) });
    }
  }
  // "in 2024", "since 2022", "in the first half of 2024" — a year alone.
  for (const m of s.matchAll(
    /\b(?:in|during|throughout|for|of|by|since|through|over)\s+((?:19|20)\d\d)\b(?![-–]\d)/gi,
  )) {
    const start = m.index + m[0].length - 4;
    if (out.some((o) => o.start <= start && o.end >= start + 4)) continue;
    const since = /^since/i.test(m[0]);
    out.push({ period: since ? `since ${m[1]}` : m[1]!, start, end: start + 4 });
  }
  // "In January", "last May", "since November": the latest such month up to the publication date.
  const monthRe = new RegExp(
    `\\b(in|since|last|this|during|by|until)\\s+(${MONTH_NAMES.join('|')})\\b(?!\\s+\\d)`,
    'gi',
  );
  for (const m of s.matchAll(monthRe)) {
    const start = m.index + m[1]!.length + 1;
    const end = start + m[2]!.length;
    if (out.some((o) => o.start < end && o.end > start)) continue;
    const month = MONTH_NAMES.findIndex((n) => n.toLowerCase() === m[2]!.toLowerCase()) + 1;
    const year = month < pm || (month === pm && m[1]!.toLowerCase() !== 'last') ? py : py - 1;
    const period = `${year}-${pad(month)}`;
    out.push({
      period: m[1]!.toLowerCase() === 'since' ? `since ${period}` : period,
      start: m.index,
      end,
      dateNote: relativeNote(m[0], period),
    });
  }
  return out.sort((x, y) => x.start - y.start);
}

/**
 * The date of a figure whose stated words stand at [a, b): the nearest date expression of the sentence that
 * is not part of the figure, else the publication date.
 */
export function dateOf(
  dates: readonly FigureDate[],
  a: number,
  b: number,
  published: string,
  figures: readonly { start: number; end: number }[] = [],
): Omit<FigureDate, 'start' | 'end'> {
  // Date words that are part of a figure ("for a year", "three years") date nothing.
  const outside = dates.filter(
    (d) => (d.end <= a || d.start >= b) && !figures.some((f) => d.start >= f.start && d.start < f.end),
  );
  if (outside.length === 0) return { date: published };
  const distance = (d: FigureDate) => (d.end <= a ? a - d.end : d.start - b);
  const best = [...outside].sort((x, y) => distance(x) - distance(y))[0]!;
  const { start: _s, end: _e, ...rest } = best;
  return rest;
}
