/**
 * Property-based tests of the analyst's layer: random and malformed `edits` inside a geobrief data file go
 * through `parseDataFile`, and random corrections, measures and merges of the shipped data go through
 * `applyEdits`. Nothing may throw; every problem in a file names where it is (`data.edits.…`); valid edits come
 * back from JSON unchanged; and no correction ever changes a figure's quote, source or id. Seeded, so that every
 * run tries the same cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from './apply-edits';
import {
  EDIT_KINDS,
  EDITABLE_FIELDS,
  EditsSchema,
  type Correction,
  type CreatedMeasure,
  type EditKind,
  type Edits,
  type Merge,
} from './edits-schema';
import { parseDataFile } from '../pack/pack';
import { shippedDataset } from '../pack/pack.fixtures';
import { FigureSchema, MeasureSchema, type Dataset } from '../dataset/schema';
import { makeDataset, makeMeasure } from '../../testing/fixtures';

const SEED = 20250212;
const shipped = shippedDataset();
const small = makeDataset();

/** A problem with the file's edits, named by where it is. */
const EDITS_ERROR = /^data\.edits(\.[\w]+|\[\d+\])*: .+/;

const dataFile = (edits: unknown) => ({
  format: 'geobrief-data',
  version: 1,
  exportedAt: '2025-03-01T10:00:00.000Z',
  packs: [],
  ...(edits === undefined ? {} : { edits }),
});

// ---- Arbitraries ----

/** Any JSON-like value, including the awkward ones. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(undefined, null, NaN, Infinity, -Infinity, -0, '', '__proto__', [], {}, [[]], { a: 1 }),
);

const changeId = fc.stringMatching(/^[A-Za-z0-9_-]{6,24}$/);
const kebab = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/);
const when = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const who = fc.string({ minLength: 1, maxLength: 30 });
/** A number that survives JSON as itself (no NaN, no infinity, no -0). */
const jsonNumber = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
);
const fieldValue = fc.oneof(fc.string(), jsonNumber, fc.boolean(), fc.constant(null), fc.array(fc.string()));

/** A correction that the schema accepts (of any item: the schema does not know the dataset). */
const validCorrection: fc.Arbitrary<Correction> = fc.constantFrom(...EDIT_KINDS).chain((kind) =>
  fc.record(
    {
      id: changeId,
      kind: fc.constant(kind),
      itemId: kebab,
      at: when,
      by: who,
      changes: fc.array(
        fc.record(
          { field: fc.constantFrom<string>(...EDITABLE_FIELDS[kind]), from: fieldValue, to: fieldValue },
          { requiredKeys: ['field'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      undoneAt: when,
      undoneBy: who,
    },
    { requiredKeys: ['id', 'kind', 'itemId', 'at', 'by', 'changes'] },
  ),
);

const validCreated: fc.Arbitrary<CreatedMeasure> = fc.record({
  measure: fc.tuple(kebab, fc.string({ minLength: 1, maxLength: 30 })).map(([id, label]) => makeMeasure({ id, label })),
  at: when,
  by: who,
});

const validMerge: fc.Arbitrary<Merge> = fc.record(
  { id: changeId, from: kebab, into: kebab, at: when, by: who, undoneAt: when, undoneBy: who },
  { requiredKeys: ['id', 'from', 'into', 'at', 'by'] },
);

const validEdits: fc.Arbitrary<Edits> = fc.record({
  corrections: fc.array(validCorrection, { maxLength: 4 }),
  measures: fc.array(validCreated, { maxLength: 2 }),
  merges: fc.array(validMerge, { maxLength: 2 }),
});

/** Every place (path) inside a JSON value where a mutation can go. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  }
  return out;
}

/** `value` with the thing at `path` replaced by `by` (or a new key `extra` added there, for an object). */
function mutate(value: unknown, path: readonly (string | number)[], by: unknown, extra: string | null): unknown {
  if (path.length === 0) {
    if (extra !== null && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return { ...value, [extra]: by };
    }
    return by;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? mutate(v, rest, by, extra) : v));
  const obj = value as Record<string, unknown>;
  return { ...obj, [head!]: mutate(obj[head!], rest, by, extra) };
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function expectNamedProblems(errors: readonly string[]) {
  for (const e of errors) expect(e, e).toMatch(EDITS_ERROR);
}

// Thousands of runs: allow more than the default 5 s on a busy machine (a guard, not a timing check).
describe('edits in a data file under random input', { timeout: 120_000 }, () => {
  it('names the path of a correction of a field that cannot be corrected', () => {
    const edits = {
      corrections: [
        {
          id: 'change-quote',
          kind: 'figure',
          itemId: 'test-tanks',
          at: '2025-03-01T10:00:00Z',
          by: 'you',
          changes: [{ field: 'quote', from: 'a', to: 'b' }],
        },
      ],
    };
    const result = parseDataFile(dataFile(edits), small);
    expect(result.edits).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(
      /^data\.edits\.corrections\[0\]\.changes\[0\]\.field: .*"quote" cannot be corrected/,
    );
  });

  it('names the path of a bad time, id or kind', () => {
    const good = { id: 'change-1', kind: 'figure', itemId: 'x', at: '2025-03-01T10:00:00Z', by: 'you' };
    const changes = [{ field: 'value', to: 1 }];
    const cases: [unknown, string][] = [
      [{ corrections: [{ ...good, changes, at: 'yesterday' }] }, 'data.edits.corrections[0].at'],
      [{ corrections: [{ ...good, changes, id: 'x' }] }, 'data.edits.corrections[0].id'],
      [{ corrections: [{ ...good, changes, kind: 'source' }] }, 'data.edits.corrections[0].kind'],
      [{ corrections: [{ ...good, changes: [] }] }, 'data.edits.corrections[0].changes'],
      [{ merges: [{ id: 'merge-1', from: 'a', into: 'B', at: good.at, by: 'you' }] }, 'data.edits.merges[0].into'],
      [{ measures: [{ measure: { id: 'm' }, at: good.at, by: 'you' }] }, 'data.edits.measures[0].measure.label'],
      [{ corrections: [], surprise: true }, 'data.edits'],
      [null, 'data.edits'],
    ];
    for (const [edits, path] of cases) {
      const result = parseDataFile(dataFile(edits), small);
      expect(result.errors.length, path).toBeGreaterThan(0);
      expectNamedProblems(result.errors);
      expect(
        result.errors.some((e) => e.startsWith(`${path}: `) || e.startsWith(`${path}.`)),
        path,
      ).toBe(true);
    }
  });

  it('never throws on arbitrary values in place of the edits', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.string(), fc.object()), (edits) => {
        const result = parseDataFile(dataFile(edits), small);
        expectNamedProblems(result.errors);
        if (result.errors.length === 0 && edits !== undefined) {
          expect(EditsSchema.safeParse(result.edits).success).toBe(true);
        }
      }),
      { numRuns: 1000, seed: SEED },
    );
  });

  it('never throws on mutated edits, names every problem by path, or reads a harmless change', () => {
    const mutation = fc
      .tuple(validEdits, fc.nat(), anyValue, fc.option(fc.constantFrom('unexpectedKey', 'quote', 'field', 'kind')))
      .map(([edits, pick, by, extra]) => {
        const all = paths(edits);
        const path = all[pick % all.length]!;
        return { edits, path, mutated: mutate(clone(edits), path, by, extra) };
      });
    fc.assert(
      fc.property(mutation, ({ mutated }) => {
        const result = parseDataFile(dataFile(mutated), small);
        expectNamedProblems(result.errors);
        if (result.errors.length === 0) {
          expect(EditsSchema.safeParse(result.edits).success).toBe(true);
          // What was read applies without throwing.
          expect(() => applyEdits(small, result.edits!)).not.toThrow();
        } else {
          expect(result.edits).toBeUndefined();
        }
      }),
      { numRuns: 2500, seed: SEED },
    );
  });

  it('reads valid edits back from JSON unchanged', () => {
    fc.assert(
      fc.property(validEdits, (edits) => {
        const text = JSON.stringify(dataFile(edits));
        const result = parseDataFile(text, small);
        expect(result.errors).toEqual([]);
        expect(result.edits).toEqual(edits);
        expect(JSON.parse(JSON.stringify(result.edits))).toEqual(edits);
      }),
      { numRuns: 500, seed: SEED },
    );
  });
});

// ---- applyEdits on the shipped data ----

const ITEMS: Record<EditKind, readonly { id: string }[]> = {
  figure: shipped.figures,
  actor: shipped.actors,
  event: shipped.events,
  place: shipped.places,
  measure: shipped.measures,
};

/** Fields a correction may not name, mixed in as a careless or hostile caller would. */
const LOCKED = ['quote', 'sourceId', 'id', 'stated', 'derived', 'actorIds', 'statements', '__proto__'];

/** A value for a field: mostly plausible, sometimes anything. */
const looseValue = fc.oneof(
  fieldValue,
  fc.constantFrom(
    undefined,
    '',
    0,
    -1,
    1e12,
    'RU',
    'UA',
    'people',
    'artillery-systems',
    'about',
    'more-than',
    '2025-02-12',
    ['RU'],
    [],
    ['casualties'],
    ...shipped.measures.slice(0, 5).map((m) => m.id),
    'made-up-measure',
  ),
  anyValue,
);

/** A correction of an item the shipped data has (not checked against the schema: applyEdits must cope). */
const looseCorrection = fc.constantFrom(...EDIT_KINDS).chain((kind) =>
  fc.record(
    {
      id: changeId,
      kind: fc.constant(kind),
      itemId: fc.constantFrom(...ITEMS[kind].map((x) => x.id), 'gone-item'),
      at: fc.oneof(when, fc.constantFrom('2025-03-01T12:00:00+02:00', 'yesterday')),
      by: who,
      changes: fc.array(
        fc.record(
          {
            field: fc.constantFrom<string>(...EDITABLE_FIELDS[kind], ...LOCKED),
            from: looseValue,
            to: looseValue,
          },
          { requiredKeys: ['field'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
      undoneAt: fc.constantFrom(undefined, '2025-04-01T00:00:00Z'),
    },
    { requiredKeys: ['id', 'kind', 'itemId', 'at', 'by', 'changes'] },
  ),
) as unknown as fc.Arbitrary<Correction>;

const measureIds = [...shipped.measures.map((m) => m.id), 'mine-1', 'mine-2', 'not-a-measure'];

const looseEdits: fc.Arbitrary<Edits> = fc.record({
  corrections: fc.array(looseCorrection, { maxLength: 6 }),
  measures: fc
    .subarray(['mine-1', 'mine-2', shipped.measures[0]!.id])
    .map((ids) =>
      ids.map((id) => ({ measure: makeMeasure({ id, label: `My ${id}` }), at: '2025-03-01T09:00:00Z', by: 'you' })),
    ),
  merges: fc.array(
    fc.record({
      id: changeId,
      from: fc.constantFrom(...measureIds),
      into: fc.constantFrom(...measureIds),
      at: when,
      by: who,
    }),
    { maxLength: 4 },
  ),
});

function expectSoundLayer(before: Dataset, edits: Edits) {
  const { dataset, problems, corrected } = applyEdits(before, edits);
  expect(Array.isArray(problems)).toBe(true);
  for (const p of problems) expect(typeof p).toBe('string');
  // One figure out for each figure in, in order, with its quote, source and id as they were.
  expect(dataset.figures).toHaveLength(before.figures.length);
  dataset.figures.forEach((f, i) => {
    const was = before.figures[i]!;
    expect(f.id).toBe(was.id);
    expect(f.quote).toBe(was.quote);
    expect(f.sourceId).toBe(was.sourceId);
    expect(f.stated).toBe(was.stated);
    // Whatever was applied still obeys the schema.
    expect(FigureSchema.safeParse(f).success, f.id).toBe(true);
  });
  for (const [kind, list] of [
    ['actor', 'actors'],
    ['event', 'events'],
    ['place', 'places'],
  ] as const) {
    expect(
      dataset[list].map((x) => x.id),
      kind,
    ).toEqual(before[list].map((x) => x.id));
  }
  for (const m of dataset.measures) expect(MeasureSchema.safeParse(m).success, m.id).toBe(true);
  // A key shared by two figures is a measure of the registry: nothing is grouped by guesswork.
  const registry = new Set(dataset.measures.map((m) => m.id));
  const count = new Map<string, number>();
  for (const f of dataset.figures) count.set(f.measure, (count.get(f.measure) ?? 0) + 1);
  for (const [key, n] of count) if (n > 1) expect(registry.has(key), key).toBe(true);
  for (const id of corrected) expect(before.figures.some((f) => f.id === id)).toBe(true);
}

describe('applyEdits under random corrections', { timeout: 120_000 }, () => {
  it('never throws, reports instead, and never changes a quote, a source or an id', () => {
    const snapshot = clone(shipped);
    fc.assert(
      fc.property(looseEdits, (edits) => expectSoundLayer(shipped, edits)),
      { numRuns: 1000, seed: SEED },
    );
    // The shipped data are as they were.
    expect(clone(shipped)).toEqual(snapshot);
  });

  it('is the same whatever order the corrections are kept in', () => {
    const distinctTimes = looseEdits.filter((e) => {
      const times = e.corrections.map((c) => Date.parse(c.at));
      return times.every((t) => Number.isFinite(t)) && new Set(times).size === times.length;
    });
    fc.assert(
      fc.property(distinctTimes, (edits) => {
        const reversed = { ...edits, corrections: [...edits.corrections].reverse() };
        const a = applyEdits(shipped, edits);
        const b = applyEdits(shipped, reversed);
        expect(b.dataset).toEqual(a.dataset);
        expect([...b.corrected].sort()).toEqual([...a.corrected].sort());
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('applies schema-valid corrections read from a file without breaking the shipped data', () => {
    const retarget = (c: Correction): fc.Arbitrary<Correction> =>
      fc.constantFrom(...ITEMS[c.kind].map((x) => x.id)).map((itemId) => ({ ...c, itemId }));
    fc.assert(
      fc.property(fc.array(validCorrection.chain(retarget), { maxLength: 5 }), (corrections) =>
        expectSoundLayer(shipped, { corrections, measures: [], merges: [] }),
      ),
      { numRuns: 500, seed: SEED },
    );
  });
});
