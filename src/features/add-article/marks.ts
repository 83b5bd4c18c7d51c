/**
 * Where each proposed figure's quote sits in the article, as plain-text segments to draw: the text between
 * quotes, and marked stretches with the figures that cover them. Pure.
 */

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  start: number;
  /** Ids of the figures whose quote covers this stretch, the most specific (shortest quote) first. */
  ids: string[];
}

/** The span of each quote in the text (its first occurrence); quotes not found are left out. */
export function quoteSpans(text: string, items: readonly { id: string; quote: string }[]): Span[] {
  const spans: Span[] = [];
  for (const item of items) {
    const start = item.quote ? text.indexOf(item.quote) : -1;
    if (start >= 0) spans.push({ id: item.id, start, end: start + item.quote.length });
  }
  return spans;
}

/** Split the text at every span boundary; each piece lists the spans that cover it. */
export function segmentText(text: string, spans: readonly Span[]): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const ids = spans
      .filter((s) => s.start <= start && s.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))
      .map((s) => s.id);
    const last = segments.at(-1);
    // Neighbouring pieces covered by the same figures read as one.
    if (last && last.ids.join() === ids.join()) last.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), start, ids });
  }
  return segments;
}
