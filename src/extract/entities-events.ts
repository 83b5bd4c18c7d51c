/**
 * The date a sentence gives for what it reports, resolved against the article's publication date ("on
 * Wednesday" → that day, "last month" → YYYY-MM, "in February 2022" → 2022-02) by `dates.ts`, with a note
 * saying how; and a short plain title for the event.
 */
import { SHORT_MONTH_NAMES } from '../model/format/calendar';
import { datesIn } from './dates';

export interface ResolvedDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD, as precise as the text. */
  date: string;
  /** The words that gave it ("on Wednesday"). */
  text: string;
  start: number;
  end: number;
  dateNote: string;
}

/** Date phrases that date something precisely enough for the timeline: a weekday, a month, a year, or relative words. */
const DATED =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|yesterday|today|tonight|last (?:week|month|year)|this (?:month|year)|ago|\d{4})\b/i;
/** Durations and spans that read as a date but are not one ("for about an hour", "the last two days"). */
const NOT_A_DATE =
  /^(?:for|within|over)\b|\b(?:last|past|next|coming)\s+(?:\w+\s+)?(?:days|weeks|months|years|hours)\b/i;

/** "12 Feb 2025" */
export function humanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = m === undefined ? undefined : SHORT_MONTH_NAMES[Number(m) - 1];
  if (month === undefined) return y ?? iso;
  if (d === undefined) return `${month} ${y}`;
  return `${Number(d)} ${month} ${y}`;
}

/**
 * The date a sentence states for what it reports, resolved against the publication date by the figures' own
 * date reading (`dates.ts`, one home for the rules: past weekdays, "January of this year", "last week"); null
 * when it states none. The first date of the sentence wins; a span ("since 2022", "between 2010 and 2018")
 * dates no single event, a week is its month.
 */
export function resolveDate(sentence: string, published: string): ResolvedDate | null {
  if (!DATED.test(sentence)) return null;
  for (const d of datesIn(sentence, published)) {
    if (d.kind === 'base') continue;
    const words = sentence.slice(d.start, d.end);
    if (NOT_A_DATE.test(words) && !/\b(?:last|this|next)\s+week\b/i.test(words)) continue;
    let date = d.date ?? d.period!;
    if (date.includes('/')) {
      if (!/\bweek\b/i.test(words)) continue;
      date = date.slice(0, 7);
    }
    const dateNote = d.dateNote
      ? d.dateNote.replace(/ from the publication date \(([^)]+)\)/, ` in an article of ${humanDate(published)}`)
      : `"${words}" as stated in the article`;
    return { date, text: words, start: d.start, end: d.end, dateNote };
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
