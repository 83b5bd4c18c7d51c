import { describe, expect, it } from 'vitest';
import { FigureIndex, searchTerms, type IndexedFigure } from './figure-index';
import { loadDataset } from '../model/dataset/load-dataset';
import type { Dataset } from '../model/dataset/schema';
import { NO_FILTERS, figureSearchText, normaliseSearch, queryTerms, selectFigures } from '../model/dataset/selectors';
import { generateDataset } from '../../scripts/lib/generate-dataset';
import { makeDataset, makeFigure } from '../testing/fixtures';
import sources from '../../data/sources.json';
import topics from '../../data/topics.json';
import countries from '../../data/countries.json';
import units from '../../data/units.json';
import figures from '../../data/figures.json';
import actors from '../../data/actors.json';
import events from '../../data/events.json';
import places from '../../data/places.json';
import measures from '../../data/measures.json';

const shipped = loadDataset({ sources, topics, countries, units, figures, actors, events, places, measures });
const generated = generateDataset(shipped, { figures: 1500, actors: 300, events: 10, seed: 7 });

const indexOf = (dataset: Pick<Dataset, 'figures' | 'actors'>) =>
  new FigureIndex(dataset.figures.map((f, key) => ({ key, text: figureSearchText(dataset, f) })));
const found = (index: FigureIndex, dataset: Pick<Dataset, 'figures'>, q: string) => {
  const bits = index.find(q);
  return dataset.figures.filter((_, key) => bits[key] === 1).map((f) => f.id);
};
const scanned = (dataset: Pick<Dataset, 'figures' | 'actors'>, q: string) =>
  new Set(selectFigures(dataset, { ...NO_FILTERS, q }).map((f) => f.id));

/**
 * What the index is meant to find, written independently of it: the figures whose normalised text has every
 * search word where a chunk (between spaces) starts, or where a letter or digit follows another character.
 */
const texts = new WeakMap<object, string[]>();
function expected(dataset: Pick<Dataset, 'figures' | 'actors'>, q: string): string[] {
  let all = texts.get(dataset);
  if (!all) texts.set(dataset, (all = dataset.figures.map((f) => normaliseSearch(figureSearchText(dataset, f)))));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tests = queryTerms(q).map(
    (t) => new RegExp(`(?:^|(?<=\\s)|(?<=[^\\p{L}\\p{N}])(?=[\\p{L}\\p{N}]))${escape(t)}`, 'u'),
  );
  return dataset.figures.filter((_, i) => tests.every((re) => re.test(all[i]!))).map((f) => f.id);
}

/** Every whole word of the figures' texts, each chunk between spaces, and prefixes of both: what people type. */
function queriesFrom(dataset: Pick<Dataset, 'figures' | 'actors'>, every: number): string[] {
  const words = new Set<string>();
  for (const f of dataset.figures) {
    const text = normaliseSearch(figureSearchText(dataset, f));
    for (const chunk of text.split(/\s+/)) if (chunk) words.add(chunk);
    for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
      words.add(word);
      for (let n = 1; n < Math.min(word.length, 4); n++) words.add(word.slice(0, n));
    }
  }
  const list = [...words].sort();
  return list.filter((_, i) => i % every === 0);
}

/** Typing realistic searches letter by letter. */
const TYPED = [
  'russia',
  'tank losses',
  'zelensky ceasefire',
  'oil',
  'u.s.-backed',
  "russia's",
  '1,500 soldiers',
].flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));

describe('FigureIndex', () => {
  it('makes terms of every chunk and of every word starting inside one', () => {
    expect(searchTerms('The U.S.-backed (generated 12) RUSSIA’S')).toEqual([
      'the',
      'u.s.-backed',
      's.-backed',
      'backed',
      '(generated',
      'generated',
      '12)',
      "russia's",
      's',
    ]);
  });

  it.each([
    ['the shipped data', shipped, 3],
    ['generated data', generated, 15],
  ] as const)('on %s, finds what the scan finds for whole words and word prefixes', (_name, dataset, every) => {
    const index = indexOf(dataset);
    const queries = [...queriesFrom(dataset, every), ...TYPED];
    // Two words at a time too: every word must match (AND).
    const pairs = queries.slice(0, 300).map((q, i) => `${q} ${queries[(i * 7919) % queries.length]}`);
    let differ = 0;
    for (const q of [...queries, ...pairs]) {
      const hits = found(index, dataset, q);
      expect(hits, q).toEqual(expected(dataset, q));
      const scan = scanned(dataset, q);
      // Never more than the scan; fewer only where a word appears inside another word (the scan's "ssia").
      expect(
        hits.filter((id) => !scan.has(id)),
        q,
      ).toEqual([]);
      if (hits.length !== scan.size) differ++;
    }
    expect(queries.length).toBeGreaterThan(300);
    // Most searches agree exactly; the others are short prefixes found inside longer words.
    expect(differ / (queries.length + pairs.length)).toBeLessThan(0.5);
  });

  it('agrees with the scan letter by letter on realistic searches, except inside words', () => {
    const index = indexOf(shipped);
    for (const q of ['russia', 'zelensky', 'ceasefire', 'tanks', 'tariffs', 'kremlin']) {
      expect(found(index, shipped, q), q).toEqual([...scanned(shipped, q)]);
    }
    // The scan also matches inside a word; the index only where words start.
    const dataset = makeDataset({ figures: [makeFigure({ id: 'a', label: 'Russian oil' })] });
    expect(found(indexOf(dataset), dataset, 'ssia')).toEqual([]);
    expect([...scanned(dataset, 'ssia')]).toEqual(['a']);
  });

  it('ignores case, curly apostrophes and extra spaces, and needs every word', () => {
    const dataset = makeDataset({
      figures: [
        makeFigure({ id: 'a', label: 'Russia’s tank losses', quote: 'said' }),
        makeFigure({ id: 'b', label: 'Tank production', quote: 'said' }),
      ],
    });
    const index = indexOf(dataset);
    expect(found(index, dataset, "  RUSSIA'S   tank ")).toEqual(['a']);
    expect(found(index, dataset, 'russia‘s')).toEqual(['a']);
    expect(found(index, dataset, 'tan')).toEqual(['a', 'b']);
    expect(found(index, dataset, 'tank pro')).toEqual(['b']);
    expect(found(index, dataset, 'tank nothing')).toEqual([]);
    expect(found(index, dataset, '   ')).toEqual([]);
  });

  it('is kept up to date figure by figure: added, corrected, removed', () => {
    const index = new FigureIndex([
      { key: 0, text: 'Tank losses' },
      { key: 1, text: 'Oil exports' },
    ]);
    const keys = (q: string) => [...index.find(q)].flatMap((bit, key) => (bit ? [key] : []));
    index.add([{ key: 2, text: 'Tank production' }]);
    expect(keys('tank')).toEqual([0, 2]);
    // Corrected: the same key with new text replaces the old.
    index.add([{ key: 0, text: 'Artillery losses' }]);
    expect(keys('tank')).toEqual([2]);
    expect(keys('artillery')).toEqual([0]);
    expect(keys('a')).toEqual([0]);
    expect(keys('o')).toEqual([1]);
    index.remove([2, 99]);
    expect(keys('tank')).toEqual([]);
    expect(keys('t')).toEqual([]);
    expect(keys('p')).toEqual([]);
    expect(index.size).toBe(2);
    index.add([{ key: 2, text: 'Tank production' }]);
    expect(keys('tank')).toEqual([2]);
  });

  it('answers the page’s requests in order, and says when everything sent is in', () => {
    const index = new FigureIndex();
    const figures: IndexedFigure[] = [{ key: 0, text: 'Oil' }];
    expect(index.answer({ type: 'add', figures })).toBeNull();
    expect(index.answer({ type: 'built', version: 3 })).toEqual({ type: 'built', version: 3, size: 1 });
    const reply = index.answer({ type: 'find', seq: 1, q: 'oi' });
    expect(reply?.type === 'found' && [...reply.hits]).toEqual([1]);
    index.answer({ type: 'reset' });
    expect(index.size).toBe(0);
  });
});
