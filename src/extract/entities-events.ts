/**
 * The date a sentence gives for what it reports, resolved against the article's publication date with
 * chrono-node ("on Wednesday" → that day, "last month" → YYYY-MM, "in February 2022" → 2022-02), with a note
 * saying how; and a short plain title for the event.
 */
import * as chrono from 'chrono-node';

export interface ResolvedDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD, as precise as the text. */
  date: string;
  /** The words that gave it ("on Wednesday"). */
  text: string;
  start: number;
  end: number;
  dateNote: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Words that put a sentence in the future ("will meet on Monday" is next Monday, not last). */
const FUTURE =
  /\b(?:will|shall|is due|are due|is set to|are set to|is scheduled|are scheduled|plans? to|is expected to|are expected to|next|upcoming|opens|begins|starts)\b/i;
/** Date phrases that date something precisely enough for the timeline: a weekday, a month, a year, or relative words. */
const DATED =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|yesterday|today|tonight|last (?:week|month|year)|this (?:month|year)|ago|\d{4})\b/i;
/** Durations and spans that chrono reads as a date but are not one ("for about an hour", "the last two days"). */
const NOT_A_DATE =
  /^(?:for|within|over)\b|\b(?:last|past|next|coming)\s+(?:\w+\s+)?(?:days|weeks|months|years|hours)\b/i;

const pad = (n: number): string => String(n).padStart(2, '0');

function fmtDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "12 Feb 2025" */
export function humanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = m === undefined ? undefined : MONTHS[Number(m) - 1];
  if (month === undefined) return y ?? iso;
  if (d === undefined) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

/** A year chrono leaves alone: "in 2017", "since 2022", "by 2030". */
const BARE_YEAR = /\b(?:in|since|by|during|until|from|early|late|mid-|throughout)\s+((?:19|20)\d{2})\b(?![-–]\d)/g;

function bareYear(sentence: string, before: number): ResolvedDate | null {
  for (const m of sentence.matchAll(BARE_YEAR)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (start >= before) return null;
    return {
      date: m[1]!,
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      dateNote: `"${m[0]}" as stated in the article`,
    };
  }
  return null;
}

/** The date a sentence states, resolved against the publication date; null when it states none. The first date
 * in the sentence wins. */
export function resolveDate(sentence: string, published: string): ResolvedDate | null {
  const ref = new Date(`${published}T12:00:00Z`);
  if (Number.isNaN(ref.getTime()) || !DATED.test(sentence)) return null;
  const fromChrono = chronoDate(sentence, published, ref);
  return bareYear(sentence, fromChrono?.start ?? sentence.length) ?? fromChrono;
}

function chronoDate(sentence: string, published: string, ref: Date): ResolvedDate | null {
  const results = chrono.parse(sentence, { instant: ref, timezone: 0 }, { forwardDate: false });
  for (const r of results) {
    const words = r.text.replace(/[,.;]+$/, '');
    if (!DATED.test(words) || NOT_A_DATE.test(words)) continue;
    const start = r.start;
    const day = start.isCertain('day');
    const weekday = start.isCertain('weekday');
    const month = start.isCertain('month');
    const year = start.isCertain('year');
    if (!day && !weekday && !month && !year) continue;
    const d = start.date();
    const future = FUTURE.test(sentence);
    let date: string;
    let how: string;
    if (day || weekday) {
      const resolved = new Date(d.getTime());
      if (!day && weekday) {
        // chrono takes the nearest such weekday; news means the past one unless the sentence looks ahead.
        if (resolved > ref && !future) resolved.setUTCDate(resolved.getUTCDate() - 7);
        if (resolved < ref && future && /\bnext\b/i.test(words)) resolved.setUTCDate(resolved.getUTCDate() + 7);
      }
      if (!year && !weekday && resolved > ref && !future) resolved.setUTCFullYear(resolved.getUTCFullYear() - 1);
      if (/\bweek\b/i.test(words)) {
        // "last week" names a week, not a day: the month, with the week in the note.
        date = `${resolved.getUTCFullYear()}-${pad(resolved.getUTCMonth() + 1)}`;
        how = `the week of ${humanDate(fmtDay(resolved))}`;
      } else {
        date = fmtDay(resolved);
        how = weekday && !day ? `${WEEKDAYS[resolved.getUTCDay()]} ${humanDate(date)}` : humanDate(date);
      }
    } else if (month) {
      const resolved = new Date(d.getTime());
      // "In December" in a February article is last December unless the sentence looks ahead.
      if (
        !year &&
        resolved.getUTCMonth() > ref.getUTCMonth() &&
        resolved.getUTCFullYear() === ref.getUTCFullYear() &&
        !future
      )
        resolved.setUTCFullYear(resolved.getUTCFullYear() - 1);
      date = `${resolved.getUTCFullYear()}-${pad(resolved.getUTCMonth() + 1)}`;
      how = humanDate(date);
    } else {
      date = String(d.getUTCFullYear());
      how = date;
    }
    const explicit = /\b\d{4}\b/.test(words) && (day || month || year);
    const dateNote = explicit
      ? `"${words}" as stated in the article`
      : `"${words}" in an article of ${humanDate(published)} → ${how}`;
    return { date, text: words, start: r.index, end: r.index + words.length, dateNote };
  }
  return null;
}

/** Speech verbs and attributions that are not the event itself ("…, a US official said on Wednesday"). */
const ATTRIBUTION =
  /,\s*(?:according to [^,]+|(?:he|she|they|it|[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*) (?:said|says|told [^,]+|added))[.,]?$/;

/** Words that open a phrase standing before the subject. */
const OPENERS =
  /^(?:In|On|At|By|After|Before|Earlier|Later|Meanwhile|Speaking|During|Since|Last|This|For|But|And|However|Then|Still|Yet|So|Instead|Indeed|Now|Already|Also|As|While|Despite|Under|With|According)\b/i;

/** Words a title must not end on. */
const TRAILING =
  /^(?:and|or|but|the|a|an|of|to|in|on|at|for|with|by|that|which|who|as|from|into|than|was|were|is|are|be|been|has|had|have|would|will|could|its|his|her|their|our|this|these|those|while|when|where|after|before|because|although|if|since|until|said|says|according|[\w’'-]+,)$/;

/** A short plain title from the sentence: the date words, quotes, brackets and attributions out, ≤ 12 words. */
export function eventTitle(sentence: string, date: ResolvedDate | null): string {
  // A dateline ("KYIV, Ukraine (AP) — ") is not part of the event.
  sentence = sentence.replace(/^\p{Lu}{2,}[\p{Lu}\s.'’-]*(?:,[^()—–]{0,30}?)?\s*(?:\([^)]*\))?\s+[-—–]\s+/u, (m) =>
    ' '.repeat(m.length),
  );
  // A sentence in brackets: the brackets go, not the sentence.
  let t = /^\(.*\)\.?$/.test(sentence.trim()) ? sentence.trim().replace(/^\(|\)\.?$/g, '') : sentence;
  const offset = t === sentence ? 0 : sentence.indexOf(t);
  if (date !== null) {
    date = { ...date, start: date.start - offset, end: date.end - offset };
    // The date words go, with the word that introduces them ("on Wednesday", "last May", "earlier this month").
    const head = t
      .slice(0, date.start)
      .replace(/\b(?:on|in|at|since|by|during|until|from|last|this|next|early|late|earlier|later)\s+$/i, '');
    t = `${head}${t.slice(date.end)}`;
  }
  t = t
    .replace(/“[^”]*”|"[^"]*"/g, ' ')
    .replace(/\([^)]*\)?|\[[^\]]*\]?/g, ' ')
    .replace(/\s+([,.;:])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  // Opening phrases before the subject ("In his nightly address to the nation, …", "For example, …").
  for (let i = 0; i < 3; i++) {
    t = t.replace(/^[\s,;:—–-]+/, '');
    const opener = /^(?:[^,]{0,60}),\s+/.exec(t);
    if (opener === null || !OPENERS.test(t)) break;
    t = t.slice(opener[0].length);
  }
  t = t.replace(/^(?:Earlier|Later|Meanwhile|But|And|However|Then|Still|Yet|So)\b[\s,]*/i, '');
  t = t.replace(ATTRIBUTION, '').trim();
  // The main clause: up to a clause break (a dash, a semicolon, ", which", ", while"…), at most 12 words.
  const clauseBreak =
    /\s[—–]\s|;\s|,\s(?=(?:which|who|whom|while|but|although|though|because|as|after|before|when|where|saying|according|making|adding|prompting|in a|in an)\b)|,\s+according to\b/;
  const brk = clauseBreak.exec(t);
  if (brk !== null && t.slice(0, brk.index).split(' ').length >= 4) t = t.slice(0, brk.index);
  let words = t.split(' ').slice(0, 12);
  while (words.length > 3 && TRAILING.test(words[words.length - 1]!)) words = words.slice(0, -1);
  let title = words
    .join(' ')
    .replace(/[\s,;:—–-]+$/, '')
    .replace(/[.!?]+$/, '')
    .trim();
  if (title.length === 0) title = sentence.slice(0, 80).trim();
  return title.charAt(0).toUpperCase() + title.slice(1);
}
