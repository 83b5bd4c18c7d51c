/**
 * Sentences of the article with their offsets into its text. Lines are split first (a headline has no full
 * stop), then each line by `sentence-splitter`.
 */
import { split } from 'sentence-splitter';
import type { ArticleSentence } from './types';

/** Words whose full stop ends no sentence. */
const ABBREVIATION =
  /(?:^|[\s(“"])(?:[A-Z]\.)+$|(?:^|[\s(“"])(?:[A-Z]\.){1,3}[A-Z]\.?$|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Cmdr|Sen|Rep|Gov|Pres|St|Mt|No|Nos|Vol|Fig|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd|Jr|Sr|vs|etc|approx|est|Ft|Gov|Amb|Rev|Hon)\.$/;

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
      // The splitter keeps "…in March 2023. Ukraine has…" together, and a quotation opened with " and closed
      // with ” runs on to the paragraph's end: a full stop before a capital ends a sentence, unless it ends an
      // abbreviation ("U.S.", "Gen.", "Feb.").
      let from = start;
      for (const m of line.slice(start, end).matchAll(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z])/g)) {
        const cut = start + m.index;
        if (ABBREVIATION.test(line.slice(Math.max(start, cut - 12), cut))) continue;
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
    // …and after "U.N." or "Gen." before a capital: "the U.N. | Refugee Agency", "Lt. | Gen. Chaudhry".
    const afterAbbreviation =
      last &&
      /(?:^|[\s(])(?:[A-Z]\.){2,}$|\b(?:Gen|Lt|Col|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|St|Prof|No)\.$/.test(
        last.text,
      );
    const nameGoesOn =
      afterAbbreviation &&
      !/^["“‘]?(?:The|A|An|He|She|It|They|We|I|In|On|At|But|And|Or|So|This|That|These|Those|There|His|Her|Their|Its|Our|As|If|When|While|After|Before|Since|For|With|By|From|Some|Many|Most|No|Not|Yet|Still|Also)\b/.test(
        sentence.text,
      );
    if (last && (/^[a-z]/.test(sentence.text) || nameGoesOn) && !between.includes('\n')) {
      last.end = sentence.end;
      last.text = text.slice(last.start, last.end);
    } else {
      merged.push({ ...sentence });
    }
  }
  return merged;
}

/** A line that is not prose: a heading, a byline, a dateline alone, a photo caption or credit. */
export function isFurniture(line: string): boolean {
  const l = line.trim();
  if (
    /^(?:By|Photo|Image|Video|Graphic|Source|Credit|Caption|Editing by|Reporting by|Additional reporting|Writing by|FILE)\b[\s:-]/.test(
      l,
    )
  )
    return true;
  if (
    /\((?:AP|Reuters|AFP|Getty|EPA|Bloomberg)\s*(?:Photo|Images?)?[^)]*\)\s*$|\b(?:REUTERS|AP Photo|AFP via Getty|Getty Images)\//.test(
      l,
    )
  )
    return true;
  if (/^[A-Z][A-Z .,'-]+\s*(?:\([^)]*\))?\s*[-—–]\s*$/.test(l)) return true;
  return false;
}
