/**
 * Property-based tests: thousands of random and mutated datasets go through the loader. No exception
 * may escape, and every rejection must name a file (and, for items, an index and a field).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDataset, type RawDataset } from './load-dataset';
import { DATA_FILES, type DataFileName } from './schema';
import sources from '../../../data/sources.json';
import topics from '../../../data/topics.json';
import countries from '../../../data/countries.json';
import units from '../../../data/units.json';
import figures from '../../../data/figures.json';
import actors from '../../../data/actors.json';
import events from '../../../data/events.json';
import places from '../../../data/places.json';
import measures from '../../../data/measures.json';

const shipped: RawDataset = { sources, topics, countries, units, figures, actors, events, places, measures };
const FILES = Object.keys(DATA_FILES) as DataFileName[];
const ERROR_SHAPE = new RegExp(`^(${FILES.join('|')})\\.json(\\[\\d+\\](\\.[\\w]+|\\[\\d+\\])*)?: .+`);

/** Any JSON-like value, including the awkward ones. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(undefined, null, NaN, Infinity, -0, '', '<script>alert(1)</script>', '__proto__', [], {}),
);

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Set a value at a random path inside one item of one file. */
function mutate(raw: RawDataset, file: DataFileName, index: number, key: string, value: unknown): RawDataset {
  const copy = clone(raw) as Record<string, unknown[]>;
  const list = copy[file]!;
  const item = list[index % list.length];
  if (item && typeof item === 'object') (item as Record<string, unknown>)[key] = value;
  return copy as RawDataset;
}

// Thousands of runs: allow more than the default 5 s on a busy 2-core machine (a guard, not a timing check).
describe('the data loader under random input', { timeout: 60_000 }, () => {
  it('never throws on arbitrary values in place of whole files', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILES), anyValue, (file, value) => {
        const result = parseDataset({ ...shipped, [file]: value });
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) expect(e).toMatch(ERROR_SHAPE);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('rejects a mutated field with a message naming file, index and field, or accepts a harmless one', () => {
    const keysOf = (file: DataFileName) => Object.keys((shipped[file] as object[])[0] as object);
    const mutation = fc
      .constantFrom(...FILES)
      .chain((file) =>
        fc.tuple(fc.constant(file), fc.nat(200), fc.constantFrom(...keysOf(file), 'unexpectedKey'), anyValue),
      );
    fc.assert(
      fc.property(mutation, ([file, index, key, value]) => {
        const result = parseDataset(mutate(shipped, file, index, key, value));
        if (!result.ok) {
          for (const e of result.errors) expect(e).toMatch(ERROR_SHAPE);
          expect(result.errors.some((e) => e.startsWith(`${file}.json[`) || e.includes('unknown'))).toBe(true);
        }
      }),
      { numRuns: 2500 },
    );
  });

  it('finds a duplicated id wherever it is introduced', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.nat(500), fc.nat(500), (file, a, b) => {
        const list = shipped[file] as { id: string }[];
        const i = a % list.length;
        const j = b % list.length;
        fc.pre(i !== j);
        const copy = clone(shipped) as Record<string, { id: string }[]>;
        copy[file]![j]!.id = list[i]!.id;
        const result = parseDataset(copy as RawDataset);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.errors).toContain(
            `${file}.json[${Math.max(i, j)}].id: duplicate id "${list[i]!.id}" (first used at [${Math.min(i, j)}])`,
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
