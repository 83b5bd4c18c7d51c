/**
 * The full-text index of the figures (MiniSearch), as the search worker keeps it (search-worker.ts) and the
 * benchmark builds it in Node (scripts/bench-search.ts). The page's main thread imports only its types:
 * MiniSearch lives in the worker's chunk (search-index.ts talks to the worker).
 *
 * What it finds: the figures whose text (label, quote, claimant, stated words, actors' names, as the scan reads
 * them: `figureSearchText`, `normaliseSearch`) has every word of the search at the start of a word. A word also
 * starts after punctuation inside a chunk: "backed" finds "u.s.-backed", "s" finds "russia's", "000" finds
 * "6,000", and a chunk is found from its first character too ("(gen" finds "(generated"). So for whole words and
 * word prefixes it finds what the scan (selectors.ts) finds; only the scan matches inside a word ("ssia" in
 * "russia").
 *
 * The search ranks nothing: it answers which figures match, as a bitmap over the keys the page gave them.
 */
import MiniSearch from 'minisearch';
import { normaliseSearch, queryTerms } from '../model/dataset/selectors';

/** A figure as the index takes it: a number the page chose for its id, and its searched text. */
export interface IndexedFigure {
  key: number;
  text: string;
}

/** What the page asks the worker. Messages are handled in order, so a search sees every change sent before it. */
export type SearchRequest =
  | { type: 'add'; figures: IndexedFigure[] }
  | { type: 'remove'; keys: number[] }
  | { type: 'reset' }
  /** Answered with 'built' once everything sent before it is in the index. */
  | { type: 'built'; version: number }
  | { type: 'find'; seq: number; q: string };

export type SearchReply =
  | { type: 'built'; version: number; size: number }
  /** `hits[key]` is 1 for each figure found (the array may be shorter than the largest key: not found). */
  | { type: 'found'; seq: number; hits: Uint8Array }
  | { type: 'failed'; message: string };

/** A word character after one that is not (within a chunk without spaces): where an inner word starts. */
const INNER_WORD_START = /(?<=[^\p{L}\p{N}])[\p{L}\p{N}]/gu;

/**
 * The index's terms of a text, each once: every space-separated chunk, normalised, and its rest from every inner
 * word start: "(u.s.-backed" gives "(u.s.-backed", "u.s.-backed", "s.-backed" and "backed". A search word
 * matches when it begins one of these terms (MiniSearch's prefix search).
 */
export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const chunk of normaliseSearch(text).split(/\s+/)) {
    if (chunk === '') continue;
    terms.add(chunk);
    for (const match of chunk.matchAll(INNER_WORD_START)) terms.add(chunk.slice(match.index));
  }
  return [...terms];
}

const identity = (term: string) => term;
const WARM_UP = ['th', 'an', 're', 'co', 'st', 'in a', 'the mo'];

/** The figures' index: built once, then kept up to date one figure at a time. */
export class FigureIndex {
  private readonly index = new MiniSearch<IndexedFigure>({
    idField: 'key',
    // One field: nothing is ranked, so the fields need not be told apart (and one is faster to build and search).
    fields: ['text'],
    storeFields: [],
    tokenize: (text) => this.note(searchTerms(text)),
    processTerm: identity,
    // A search word is a term of its own, as the scan splits it (`queryTerms`): prefix, not fuzzy.
    searchOptions: { tokenize: queryTerms, processTerm: identity, prefix: true },
  });
  /** One more than the largest key added: the length of a full answer. */
  private end = 0;
  /**
   * For each first character, the figures with a term that starts with it. A one-letter word is the slowest to
   * look up (every term under it, most figures), and the first key of every search: so its answer is kept ready.
   */
  private readonly initials = new Map<string, Uint8Array>();
  /** The first characters of each figure's terms, to take it out of `initials` again. */
  private readonly initialsOf = new Map<number, string>();
  /** The figure being added (its terms pass through `note`). */
  private adding = -1;

  constructor(figures: readonly IndexedFigure[] = []) {
    this.add(figures);
  }

  private note(terms: string[]): string[] {
    if (this.adding < 0) return terms;
    const firsts = [...new Set(terms.map((t) => t[0]!))];
    for (const c of firsts) {
      let bits = this.initials.get(c);
      if (!bits || bits.length <= this.adding) {
        const grown = new Uint8Array(Math.max(1024, (this.adding + 1) * 2));
        if (bits) grown.set(bits);
        this.initials.set(c, (bits = grown));
      }
      bits[this.adding] = 1;
    }
    this.initialsOf.set(this.adding, firsts.join(''));
    return terms;
  }

  private forget(key: number) {
    for (const c of this.initialsOf.get(key) ?? '') this.initials.get(c)![key] = 0;
    this.initialsOf.delete(key);
  }

  get size(): number {
    return this.index.documentCount;
  }

  /** Adds figures; one whose key is in the index already is replaced (a corrected figure). */
  add(figures: readonly IndexedFigure[]): void {
    for (const figure of figures) {
      const known = this.index.has(figure.key);
      if (known) this.index.discard(figure.key);
      this.forget(figure.key);
      this.adding = figure.key;
      try {
        this.index.add(figure);
      } finally {
        this.adding = -1;
      }
      this.end = Math.max(this.end, figure.key + 1);
    }
  }

  /** Takes figures out; a key not in the index is ignored. (MiniSearch clears their terms later, in batches.) */
  remove(keys: readonly number[]): void {
    for (const key of keys) {
      if (!this.index.has(key)) continue;
      this.index.discard(key);
      this.forget(key);
    }
  }

  /**
   * The figures every word of `q` begins a word of, as a bitmap over the keys (all zero for no words). Each word
   * is looked up alone, and only the documents it reaches are marked: MiniSearch's scoring is skipped (a
   * `boostDocument` of 0), which keeps a one-letter search over 100,000 figures to a few milliseconds.
   */
  find(q: string): Uint8Array {
    let found: Uint8Array | null = null;
    for (const term of queryTerms(q)) {
      const previous: Uint8Array | null = found;
      const next = new Uint8Array(this.end);
      if (term.length === 1) {
        const initial = this.initials.get(term);
        if (initial) for (let key = 0; key < this.end; key++) next[key] = initial[key]! & (previous?.[key] ?? 1);
        found = next;
        continue;
      }
      this.index.search(term, {
        boostDocument: (key: number) => {
          if (previous === null || previous[key] === 1) next[key] = 1;
          return 0;
        },
      });
      found = next;
    }
    return found ?? new Uint8Array(0);
  }

  /** The worker's side of the conversation: applies a request, and says what to answer (or nothing). */
  answer(request: SearchRequest): SearchReply | null {
    switch (request.type) {
      case 'add':
        this.add(request.figures);
        return null;
      case 'remove':
        this.remove(request.keys);
        return null;
      case 'reset':
        this.index.removeAll();
        this.initials.clear();
        this.initialsOf.clear();
        this.end = 0;
        return null;
      case 'built':
        // A few lookups before saying so: the first searches then run compiled code (in Chromium's worker the
        // first two-letter lookups after a build of 100,000 figures took 10–30 times longer than later ones).
        for (const q of WARM_UP) this.find(q);
        return { type: 'built', version: request.version, size: this.size };
      case 'find':
        return { type: 'found', seq: request.seq, hits: this.find(request.q) };
    }
  }
}
