/**
 * Text helpers shared by the entity extractors: word tokens with offsets, a phrase index that finds the longest
 * known names in a text (case-sensitive, whole words) and unique ids.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words with their offsets: letters and digits, inner apostrophes and dots kept ("U.S.", "Zelensky’s"). */
const TOKEN = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*\.?/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export interface PhraseMatch<T> {
  /** The words as written in the text. */
  text: string;
  start: number;
  end: number;
  /** Index of the first and last token matched (into `tokenize(text)`). */
  firstToken: number;
  lastToken: number;
  values: readonly T[];
}

/**
 * A case-sensitive index of phrases ("Chasiv Yar", "the United States", "U.S.") to values. `find` returns the
 * longest phrases at each position, left to right, never overlapping; a trailing full stop or possessive ’s is
 * not part of the name ("Kyiv." "Ukraine’s").
 */
export class PhraseIndex<T> {
  private readonly map = new Map<string, T[]>();
  /** For each first word of a phrase, the most words a phrase starting with it has. */
  private readonly firstWords = new Map<string, number>();

  add(phrase: string, value: T): void {
    const key = normaliseMarks(phrase.trim());
    if (key.length === 0) return;
    const list = this.map.get(key);
    if (list === undefined) this.map.set(key, [value]);
    else if (!list.includes(value)) list.push(value);
    const tokens = tokenize(key);
    const first = tokens[0];
    if (first === undefined) return;
    for (const form of keyForms(first.text)) {
      this.firstWords.set(form, Math.max(this.firstWords.get(form) ?? 0, tokens.length));
    }
  }

  get size(): number {
    return this.map.size;
  }

  private lookup(span: string): { key: string; values: T[] } | undefined {
    for (const key of keyForms(span)) {
      const values = this.map.get(key);
      if (values !== undefined) return { key, values };
    }
    return undefined;
  }

  find(rawText: string, tokens: readonly Token[] = tokenize(rawText)): PhraseMatch<T>[] {
    const text = normaliseMarks(rawText);
    const out: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      let matched = false;
      const first = tokens[i]!;
      let maxWords = 0;
      for (const form of keyForms(normaliseMarks(first.text)))
        maxWords = Math.max(maxWords, this.firstWords.get(form) ?? 0);
      for (let n = Math.min(maxWords, tokens.length - i); n >= 1; n--) {
        const last = tokens[i + n - 1]!;
        const hit = this.lookup(text.slice(first.start, last.end));
        if (hit === undefined) continue;
        out.push({
          text: rawText.slice(first.start, first.start + hit.key.length),
          start: first.start,
          end: first.start + hit.key.length,
          firstToken: i,
          lastToken: i + n - 1,
          values: hit.values,
        });
        i += n;
        matched = true;
        break;
      }
      if (!matched) i++;
    }
    return out;
  }
}

/** Typographic apostrophes as straight ones (same length, so offsets hold): "Ukraine’s" is "Ukraine's". */
export const normaliseMarks = (s: string): string => s.replace(/[’‘ʼ]/g, "'").replace(/[“”]/g, '"');

/** The span as written, then without a final full stop, then without a possessive ’s. */
function keyForms(span: string): string[] {
  const forms = [span];
  if (span.endsWith('.')) forms.push(span.slice(0, -1));
  const possessive = /['’]s?$/.exec(span);
  if (possessive !== null) forms.push(span.slice(0, possessive.index));
  return forms;
}

/** Hands out ids that are unique within a pack and do not clash with the dataset (suffix -2, -3…). */
export class IdPool {
  private readonly taken: Set<string>;

  constructor(existing: Iterable<string>) {
    this.taken = new Set(existing);
  }

  claim(base: string): string {
    const root = base.length > 0 ? base : 'item';
    let id = root;
    for (let n = 2; this.taken.has(id); n++) id = `${root}-${n}`;
    this.taken.add(id);
    return id;
  }
}

/** Words of a text, lower-cased, for keyword matching. */
export function words(text: string): string[] {
  return tokenize(text.toLowerCase()).map((t) => t.text.replace(/\.$/, ''));
}

/** Sorted, without duplicates. */
export function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** Is the character at `index` the start of a sentence (only spaces and opening quotes before it)? */
export function atSentenceStart(text: string, index: number): boolean {
  return /^[\s"'“‘([]*$/.test(text.slice(0, index));
}

/** Lower-case function words that may start a sentence and are never names. */
export const FUNCTION_WORDS = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'By',
  'For',
  'From',
  'Of',
  'To',
  'With',
  'And',
  'But',
  'Or',
  'As',
  'If',
  'When',
  'While',
  'After',
  'Before',
  'Since',
  'Under',
  'Over',
  'Meanwhile',
  'Both',
  'Neither',
  'This',
  'That',
  'These',
  'Those',
]);
