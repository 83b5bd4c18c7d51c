/**
 * Sentences of the article with their offsets into its text. Lines are split first (a headline has no full
 * stop), then each line by `sentence-splitter`.
 */
import { split } from 'sentence-splitter';
import type { ArticleSentence } from './types';

export function splitSentences(text: string): ArticleSentence[] {
  const out: ArticleSentence[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const base = lineStart;
    lineStart += line.length + 1;
    if (line.trim().length === 0) continue;
    for (const node of split(line)) {
      if (node.type !== 'Sentence') continue;
      let [start, end] = node.range;
      while (start < end && /\s/.test(line[start]!)) start++;
      while (end > start && /\s/.test(line[end - 1]!)) end--;
      if (end <= start) continue;
      // The splitter keeps "…in March 2023. Ukraine has…" together: a full stop after a number ends a sentence.
      let from = start;
      for (const m of line.slice(start, end).matchAll(/(?<=\d[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/g)) {
        const cut = start + m.index;
        out.push({ text: line.slice(from, cut), start: base + from, end: base + cut });
        from = cut + m[0].length;
      }
      out.push({ text: line.slice(from, end), start: base + from, end: base + end });
    }
  }
  // …and splits after "U.N." before a lower-case word: a sentence never starts in lower case.
  const merged: ArticleSentence[] = [];
  for (const sentence of out) {
    const last = merged[merged.length - 1];
    const between = last ? text.slice(last.end, sentence.start) : '';
    if (last && /^[a-z]/.test(sentence.text) && !between.includes('\n')) {
      last.end = sentence.end;
      last.text = text.slice(last.start, last.end);
    } else {
      merged.push({ ...sentence });
    }
  }
  return merged;
}
