/**
 * Quotations in an article and who said them: the text inside quotation marks, attributed to the actor
 * mentioned next to a speech verb in the same sentence ("…,” Hegseth said / said Hegseth / Trump said he…
 * “…”), to the last person named for "he said", or, for a quote that is a whole sentence on its own, to the
 * speaker of the quote just before it.
 */
import type { ArticleSentence } from './types';

export interface Mention {
  /** Actor key: a known actor id, or the key of a new actor. */
  key: string;
  person: boolean;
  start: number;
  end: number;
}

export interface AttributedQuote {
  key: string;
  /** Verbatim substring of the article text. */
  quote: string;
  start: number;
  end: number;
}

export interface QuoteSpan {
  /** Offsets of the quotation marks (outer) and of the words inside (inner). */
  outerStart: number;
  outerEnd: number;
  innerStart: number;
  innerEnd: number;
}

const SPEECH_VERB =
  /\b(?:said|says|say|told|tells|added|adds|wrote|writes|stated|argued|warned|insisted|noted|declared|posted|tweeted|asked|replied|explained|continued|concluded|acknowledged|admitted|claimed|recalled|predicted|cautioned|according to)\b/g;
const MAX_WORDS = 30;
const MIN_WORDS = 3;
/** ‘…’ opened after a space or punctuation, closed before one; ’ followed by a letter inside is an apostrophe. */
const SINGLE_QUOTE = /(?<![\p{L}\p{N}])‘((?:[^‘’\n]|’(?=\p{L}))+)’(?!\p{L})/gu;

/** Quotations in the text, paragraph by paragraph: “…” and "…"; an opening mark left open runs to the paragraph's end. */
export function quoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const base = lineStart;
    lineStart += line.length + 1;
    const doubles: QuoteSpan[] = [];
    const re = /“([^”\n]*)(”|$)|"([^"\n]*)("|$)/g;
    for (const m of line.matchAll(re)) {
      const inner = m[1] ?? m[3] ?? '';
      const closed = (m[2] ?? m[4] ?? '') !== '';
      const outerStart = base + m.index;
      const innerStart = outerStart + 1;
      doubles.push({ outerStart, outerEnd: outerStart + m[0].length, innerStart, innerEnd: innerStart + inner.length });
      if (!closed) break;
    }
    // British style ‘…’, where not inside a “…” quote (nested) and not an apostrophe (Ukraine’s).
    for (const m of line.matchAll(SINGLE_QUOTE)) {
      const outerStart = base + m.index;
      if (doubles.some((d) => outerStart >= d.outerStart && outerStart < d.outerEnd)) continue;
      doubles.push({
        outerStart,
        outerEnd: outerStart + m[0].length,
        innerStart: outerStart + 1,
        innerEnd: outerStart + 1 + m[1]!.length,
      });
    }
    out.push(...doubles.sort((a, b) => a.outerStart - b.outerStart));
  }
  return out;
}

/** The quote's words, trimmed of trailing commas, cut to whole sentences of at most about 30 words. */
function quoteText(text: string, span: QuoteSpan): { quote: string; start: number } | null {
  let start = span.innerStart;
  let end = span.innerEnd;
  while (start < end && /[\s…]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:…—–-]/.test(text[end - 1]!)) end--;
  const inner = text.slice(start, end);
  const words = inner.split(/\s+/).filter((w) => w.length > 0);
  // Two words in quotation marks are mostly a phrase the writer borrows ("security shield"), not a statement.
  if (words.length < MIN_WORDS || inner.length < 3) return null;
  if (words.length <= MAX_WORDS) return { quote: inner, start };
  // Whole sentences up to the limit; else whole clauses (to a comma or semicolon); else the first words.
  const fits = (end: number): boolean => inner.slice(0, end).split(/\s+/).length <= MAX_WORDS;
  let cut = 0;
  for (const m of inner.matchAll(/[.!?](?=\s)/g)) if (fits(m.index + 1)) cut = m.index + 1;
  if (cut === 0) for (const m of inner.matchAll(/[,;:](?=\s)|\s[—–]/g)) if (fits(m.index)) cut = m.index;
  if (cut === 0) {
    let n = 0;
    for (const m of inner.matchAll(/\S+/g)) {
      if (++n === MAX_WORDS) {
        cut = m.index + m[0].length;
        break;
      }
    }
  }
  return { quote: inner.slice(0, cut).replace(/[,;:—–-]+$/, ''), start };
}

function sentenceAt(sentences: readonly ArticleSentence[], offset: number): ArticleSentence | undefined {
  return sentences.find((s) => s.start <= offset && offset <= s.end);
}

/** Speech verbs outside any quotation within [from, to). */
function verbsIn(text: string, from: number, to: number, spans: readonly QuoteSpan[]): Verb[] {
  const out: Verb[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(SPEECH_VERB)) {
    const start = from + m.index;
    if (spans.some((s) => start >= s.outerStart && start < s.outerEnd)) continue;
    out.push({ start, end: start + m[0].length, word: m[0] });
  }
  return out;
}

function lastPersonBefore(
  mentions: readonly Mention[],
  offset: number,
  spans: readonly QuoteSpan[],
): Mention | undefined {
  let found: Mention | undefined;
  for (const m of mentions) {
    if (m.start >= offset) break;
    if (!m.person) continue;
    if (spans.some((s) => m.start >= s.outerStart && m.start < s.outerEnd)) continue;
    found = m;
  }
  return found;
}

interface Verb {
  start: number;
  end: number;
  word: string;
}

/** Between a speaker and the speech verb: nothing, a possessive-free apposition (", chairman of …,"), an adverb. */
const ADJACENT = /^\s*(?:,[^“”"]{0,150},\s*|,\s*)?(?:(?:has|had|also|later|then|previously|recently|once|again)\s+)*$/;
const VERB_BEFORE_NAME = /^(?:said|says|added|wrote|asked|according to)$/;

/** Who speaks with this verb: the mention right before it ("Hegseth told", "Kupchan, chairman …, said") or right
 * after it ("said Hegseth"), within [from, to). */
function speakerOf(
  text: string,
  verb: Verb,
  mentions: readonly Mention[],
  from: number,
  to: number,
): Mention | undefined {
  // The first such mention: an apposition may name others ("Kupchan, chairman of Eurasia Group, said").
  const subject = mentions.find(
    (m) => m.start >= from && m.end <= verb.start && ADJACENT.test(text.slice(m.end, verb.start)),
  );
  if (subject !== undefined) return subject;
  if (!VERB_BEFORE_NAME.test(verb.word)) return undefined;
  return mentions.find((m) => m.start >= verb.end && m.start < to && /^\s*$/.test(text.slice(verb.end, m.start)));
}

/** Quotes attributed to a mentioned actor. `mentions` must be sorted by start. */
export function attributeQuotes(
  text: string,
  sentences: readonly ArticleSentence[],
  mentions: readonly Mention[],
): AttributedQuote[] {
  const spans = quoteSpans(text);
  const outside = mentions.filter((m) => !spans.some((s) => m.start >= s.outerStart && m.start < s.outerEnd));
  // Every "X said" in the article, for "he said" after a quote: the last person who spoke is meant.
  const speakers: { mention: Mention; at: number }[] = [];
  for (const s of sentences) {
    for (const v of verbsIn(text, s.start, s.end, spans)) {
      const m = speakerOf(text, v, outside, s.start, s.end);
      if (m !== undefined && m.person) speakers.push({ mention: m, at: v.start });
    }
  }
  const pronounSpeaker = (before: number): string | undefined => {
    const sentenceIndex = sentences.findIndex((s) => s.start <= before && before <= s.end);
    const windowStart = sentences[Math.max(0, sentenceIndex - 3)]?.start ?? 0;
    const recent = speakers.filter((s) => s.at < before && s.at >= windowStart).pop();
    return (recent?.mention ?? lastPersonBefore(outside, before, spans))?.key;
  };
  const out: AttributedQuote[] = [];
  let previous: { key: string; end: number } | null = null;
  for (const span of spans) {
    const q = quoteText(text, span);
    const openSentence = sentenceAt(sentences, span.outerStart);
    const closeSentence = sentenceAt(sentences, Math.max(span.outerStart, span.outerEnd - 1));
    if (q === null || openSentence === undefined || closeSentence === undefined) continue;
    let speaker: string | undefined;

    // After the quote: "…,” Hegseth said / said Hegseth / he said / Cliff Kupchan, chairman of …, said.
    // A sentence split at an abbreviation ("…,” U.N. | Secretary-General Guterres said") runs on into the next.
    let windowEnd = closeSentence.end;
    const rest = text.slice(span.outerEnd, windowEnd);
    if (verbsIn(text, span.outerEnd, windowEnd, spans).length === 0 && /(?:^|\s)(?:\p{Lu}\.)+$/u.test(rest.trim())) {
      windowEnd = sentences.find((s) => s.start >= closeSentence.end)?.end ?? windowEnd;
    }
    const verb = verbsIn(text, span.outerEnd, windowEnd, spans)[0];
    if (verb !== undefined) {
      const between = text.slice(span.outerEnd, verb.start);
      if (/^[\s,]*(?:he|she)\s+$/i.test(between)) speaker = pronounSpeaker(span.outerStart);
      else if (/^[\s,.]*$/.test(between) || /^[\s,]*\p{Lu}/u.test(between))
        speaker = speakerOf(text, verb, outside, span.outerEnd, windowEnd)?.key;
    }

    // Before the quote: "Trump said he and Putin had “agreed …”", "Zelensky told reporters: “…”".
    if (speaker === undefined) {
      const beforeVerbs = verbsIn(text, openSentence.start, span.outerStart, spans);
      const last = beforeVerbs[beforeVerbs.length - 1];
      if (last !== undefined) {
        const m = speakerOf(text, last, outside, openSentence.start, span.outerStart);
        if (m !== undefined) speaker = m.key;
        else if (/\b(?:he|she)\s+$/i.test(text.slice(openSentence.start, last.start)))
          speaker = pronounSpeaker(span.outerStart);
      }
    }

    // A quote that is a whole sentence follows on from the quote before it.
    if (speaker === undefined && previous !== null) {
      const alone =
        text.slice(openSentence.start, span.outerStart).trim().length === 0 &&
        text.slice(span.outerEnd, closeSentence.end).replace(/[\s.,]/g, '').length === 0;
      const sentencesBetween = sentences.filter((s) => s.start >= previous!.end && s.end <= span.outerStart).length;
      if (alone && sentencesBetween <= 1) speaker = previous.key;
    }

    if (speaker === undefined) continue;
    out.push({ key: speaker, quote: q.quote, start: q.start, end: q.start + q.quote.length });
    previous = { key: speaker, end: span.outerEnd };
  }
  return out;
}
