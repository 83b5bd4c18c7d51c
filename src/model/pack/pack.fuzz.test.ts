/**
 * Property-based tests of the pack loader: thousands of random and mutated packs and data files go through
 * `parsePack` and `parseDataFile`. No exception may escape; every pack is either accepted or rejected with
 * errors that each name where the problem is (`pack.…`) or say plainly what the input is not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDataFile, parsePack } from './pack';
import { quoteIsVerbatim } from './verbatim';
import { mergeDataset } from './merge';
import { parseDataset, type RawDataset } from '../dataset/load-dataset';
import { makePack, shippedDataset } from './pack.fixtures';

const base = shippedDataset();
const valid = JSON.parse(JSON.stringify(makePack())) as Record<string, unknown>;

/** An error names a place in the pack, or is one of the plain messages about the whole input. */
const PACK_ERROR = /^pack(\.[\w]+|\[\d+\])*: .+/;
const PLAIN_ERROR =
  /^(This file is not JSON|This is not a geobrief data pack|This is a geobrief data file|version \S+ (packs|data files) are not supported|"version" is )/;
const DATA_FILE_ERROR = /^(data(\.[\w]+|\[\d+\])*: |packs\[\d+\](\.[\w]+|\[\d+\])*: )/;

function expectWellFormed(errors: readonly string[]) {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(e.match(PACK_ERROR) ?? e.match(PLAIN_ERROR), e).not.toBeNull();
}

/** Any JSON-like value, including the awkward ones. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(undefined, null, NaN, Infinity, -0, '', '<script>alert(1)</script>', '__proto__', [], {}),
);

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const LISTS = ['figures', 'actors', 'events', 'places', 'statements'] as const;

/** Keys that occur at some depth of the valid pack, to aim mutations where they matter. */
const itemKeys = [
  ...new Set(
    LISTS.flatMap((list) =>
      ((valid[list] as Record<string, unknown>[] | undefined) ?? []).flatMap((x) => Object.keys(x)),
    ),
  ),
  'unexpectedKey',
];

/** The fixture as it is checked once merged, so the merged result must also load (when the pack passes). */
function expectMergesCleanly(raw: unknown) {
  const check = parsePack(raw, base);
  if (!check.ok) {
    expectWellFormed(check.errors);
    return;
  }
  const merged = mergeDataset(base, [check.pack]);
  const reloaded = parseDataset(JSON.parse(JSON.stringify(merged)) as RawDataset);
  expect(reloaded.ok ? [] : reloaded.errors).toEqual([]);
}

// Thousands of runs: allow more than the default 5 s on a busy 2-core machine (a guard, not a timing check).
describe('the pack loader under random input', { timeout: 60_000 }, () => {
  it('never throws on arbitrary values and text in place of a pack', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.string(), fc.json()), (raw) => {
        const check = parsePack(raw, base);
        if (!check.ok) expectWellFormed(check.errors);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects a mutated top-level field plainly or by path, or accepts a harmless one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(valid), 'unexpectedKey'), anyValue, (key, value) => {
        expectMergesCleanly({ ...clone(valid), [key]: value });
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects a mutated field of an item by path, or accepts it and it merges cleanly', () => {
    const mutation = fc.tuple(fc.constantFrom(...LISTS), fc.nat(10), fc.constantFrom(...itemKeys), anyValue);
    fc.assert(
      fc.property(mutation, ([list, index, key, value]) => {
        const pack = clone(valid);
        const items = pack[list] as Record<string, unknown>[];
        if (items.length > 0) items[index % items.length]![key] = value;
        expectMergesCleanly(pack);
      }),
      { numRuns: 2500 },
    );
  });

  it('rejects a mutated source or article by path', () => {
    fc.assert(
      fc.property(fc.constantFrom('source', 'article'), fc.string({ maxLength: 12 }), anyValue, (part, key, value) => {
        const pack = clone(valid);
        const target = pack[part] as Record<string, unknown>;
        const keys = Object.keys(target);
        target[key.length % 2 === 0 && keys.length > 0 ? keys[key.length % keys.length]! : key] = value;
        expectMergesCleanly(pack);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a quote cut or altered anywhere', () => {
    fc.assert(
      fc.property(fc.nat(1), fc.nat(60), fc.string({ minLength: 1, maxLength: 3 }), (index, at, insert) => {
        const pack = clone(valid);
        const figure = (pack.figures as { quote: string; stated: string }[])[index]!;
        const cut = at % figure.quote.length;
        const quote = `${figure.quote.slice(0, cut)}${insert}${figure.quote.slice(cut)}`;
        fc.pre(!quoteIsVerbatim(quote, (pack.article as { text: string }).text));
        figure.quote = quote;
        const check = parsePack(pack, base);
        expect(check.ok).toBe(false);
        if (!check.ok) expectWellFormed(check.errors);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on data files with random packs', () => {
    const dataFile = fc.record({
      format: fc.constantFrom('geobrief-data', 'geobrief-pack', 'other'),
      version: fc.constantFrom(1, 2, '1'),
      exportedAt: fc.constantFrom('2026-11-22T05:00:00.000Z', 'yesterday'),
      packs: fc.array(fc.oneof(fc.constant(clone(valid)), anyValue), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(dataFile, (raw) => {
        const result = parseDataFile(raw, base);
        for (const e of result.errors) {
          expect(e.match(DATA_FILE_ERROR) ?? e.match(PACK_ERROR) ?? e.match(PLAIN_ERROR), e).not.toBeNull();
        }
        // Every pack is accounted for: read, or named in an error or a warning.
        if (raw.format === 'geobrief-data' && raw.version === 1 && raw.exportedAt !== 'yesterday') {
          expect(result.packs.length + result.errors.length + result.warnings.length).toBeGreaterThanOrEqual(
            raw.packs.length > 0 ? 1 : 0,
          );
        }
      }),
      { numRuns: 500 },
    );
  });
});
