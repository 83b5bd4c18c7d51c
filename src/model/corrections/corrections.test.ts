import { describe, expect, it } from 'vitest';
import {
  applyEdits,
  CorrectionSchema,
  EditsSchema,
  historyOf,
  lastActive,
  makeCorrection,
  measureIdFor,
  NO_EDITS,
  resolveMeasure,
  undoChange,
  withCorrection,
  withMeasure,
  withMerge,
  YOU,
  type Correction,
  type Edits,
  type Merge,
} from './corrections';
import { mergeDataset } from '../pack/merge';
import { makePack, shippedDataset } from '../pack/pack.fixtures';
import type { Dataset, Figure } from '../dataset/schema';
import { makeDataset, makeFigure, makeMeasure } from '../../testing/fixtures';

const shipped = shippedDataset();
const SHIPPED_ID = 'americans-released';

const figureOf = (dataset: Dataset, id: string): Figure => {
  const f = dataset.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};

/** A correction of one field of an item, made by "you" at `at`. */
function correct(
  kind: Correction['kind'],
  itemId: string,
  field: string,
  from: Correction['changes'][number]['from'],
  to: Correction['changes'][number]['to'],
  id: string,
  at: string,
): Correction {
  return {
    id,
    kind,
    itemId,
    at,
    by: YOU,
    changes: [{ field, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }],
  };
}

const merge = (id: string, from: string, into: string, at: string): Merge => ({ id, from, into, at, by: YOU });

describe('a correction of a figure', () => {
  it('changes the shipped figure it corrects, recording from, to, who and when', () => {
    const before = figureOf(shipped, SHIPPED_ID);
    expect(before.unit).toBe('people');
    const correction = makeCorrection(
      'figure',
      before,
      { ...before, unit: 'artillery-systems' },
      {
        id: 'change-001',
        at: '2025-03-01T10:00:00.000Z',
        by: YOU,
      },
    );
    expect(correction).toEqual({
      id: 'change-001',
      kind: 'figure',
      itemId: SHIPPED_ID,
      at: '2025-03-01T10:00:00.000Z',
      by: 'you',
      changes: [{ field: 'unit', from: 'people', to: 'artillery-systems' }],
    });
    expect(CorrectionSchema.safeParse(correction).success).toBe(true);

    const { dataset, problems } = applyEdits(shipped, withCorrection(NO_EDITS, correction!));
    expect(problems).toEqual([]);
    expect(figureOf(dataset, SHIPPED_ID).unit).toBe('artillery-systems');
    // Everything else of the figure is as shipped.
    expect({ ...figureOf(dataset, SHIPPED_ID), unit: 'people' }).toEqual(before);
    // Other figures are untouched (the very same objects).
    const other = shipped.figures.find((f) => f.id !== SHIPPED_ID)!;
    expect(figureOf(dataset, other.id)).toBe(other);
  });

  it('changes a figure the analyst added from an article the same way', () => {
    const pack = makePack();
    const withPack = mergeDataset(shipped, [pack]);
    const added = pack.figures[0]!;
    const c = makeCorrection(
      'figure',
      added,
      { ...added, unit: 'months', value: 36 },
      { id: 'change-added', at: '2025-03-02T09:00:00Z', by: YOU },
    )!;
    expect(c.changes).toEqual([
      { field: 'value', from: 3, to: 36 },
      { field: 'unit', from: 'years', to: 'months' },
    ]);
    const { dataset, problems, corrected } = applyEdits(withPack, withCorrection(NO_EDITS, c));
    expect(problems).toEqual([]);
    expect(figureOf(dataset, added.id)).toMatchObject({ unit: 'months', value: 36, quote: added.quote });
    expect(corrected.has(added.id)).toBe(true);
    expect(corrected.has(SHIPPED_ID)).toBe(false);
  });

  it('makes no correction when nothing editable changed, and records a field cleared without "to"', () => {
    const f = figureOf(shipped, SHIPPED_ID);
    const meta = { id: 'change-none', at: '2025-03-01T10:00:00Z', by: YOU };
    expect(makeCorrection('figure', f, { ...f }, meta)).toBeNull();
    // The quote is not an editable field: a different quote makes no correction.
    expect(makeCorrection('figure', f, { ...f, quote: 'something else entirely' }, meta)).toBeNull();
    const cleared = makeCorrection('figure', f, { ...f, date: undefined, period: 'February 2025' }, meta)!;
    expect(cleared.changes).toEqual([
      { field: 'date', from: f.date },
      { field: 'period', to: 'February 2025' },
    ]);
    const { dataset, problems } = applyEdits(shipped, withCorrection(NO_EDITS, cleared));
    expect(problems).toEqual([]);
    expect(figureOf(dataset, SHIPPED_ID).date).toBeUndefined();
    expect('date' in figureOf(dataset, SHIPPED_ID)).toBe(false);
    expect(figureOf(dataset, SHIPPED_ID).period).toBe('February 2025');
  });
});

describe('history and undo', () => {
  const first = correct('figure', SHIPPED_ID, 'value', 2, 3, 'change-first', '2025-03-01T10:00:00Z');
  const second = correct('figure', SHIPPED_ID, 'value', 3, 4, 'change-second', '2025-03-02T10:00:00Z');
  const otherItem = correct('figure', 'fogel-age', 'value', 63, 64, 'change-other', '2025-03-01T12:00:00Z');
  // Kept out of order, as an import may leave them.
  const edits: Edits = { corrections: [second, otherItem, first], measures: [], merges: [] };

  it('lists the versions of one item oldest first, and only that item', () => {
    expect(historyOf(edits, 'figure', SHIPPED_ID).map((c) => c.id)).toEqual(['change-first', 'change-second']);
    expect(historyOf(edits, 'figure', 'fogel-age').map((c) => c.id)).toEqual(['change-other']);
    expect(historyOf(edits, 'actor', SHIPPED_ID)).toEqual([]);
    expect(lastActive(edits, 'figure', SHIPPED_ID)?.id).toBe('change-second');
  });

  it('applies corrections in the order they were made, not the order they are kept', () => {
    expect(figureOf(applyEdits(shipped, edits).dataset, SHIPPED_ID).value).toBe(4);
  });

  it('orders by the moment, whatever the time zone offset it is written in', () => {
    // 11:00+02:00 is 09:00Z: before 10:00Z although it sorts after it as text.
    const early = correct('figure', SHIPPED_ID, 'value', 2, 7, 'change-early', '2025-03-01T11:00:00+02:00');
    const late = correct('figure', SHIPPED_ID, 'value', 7, 8, 'change-late', '2025-03-01T10:00:00Z');
    const e: Edits = { corrections: [late, early], measures: [], merges: [] };
    expect(EditsSchema.safeParse(e).success).toBe(true);
    expect(historyOf(e, 'figure', SHIPPED_ID).map((c) => c.id)).toEqual(['change-early', 'change-late']);
    expect(figureOf(applyEdits(shipped, e).dataset, SHIPPED_ID).value).toBe(8);
  });

  it('undo marks a correction undone with who and when, the value returns, and the record stays', () => {
    const one = withCorrection(NO_EDITS, first);
    expect(figureOf(applyEdits(shipped, one).dataset, SHIPPED_ID).value).toBe(3);
    const undone = undoChange(one, 'change-first', { at: '2025-03-05T08:00:00Z', by: YOU });
    expect(undone.corrections).toHaveLength(1);
    expect(undone.corrections[0]).toEqual({ ...first, undoneAt: '2025-03-05T08:00:00Z', undoneBy: 'you' });
    expect(one.corrections[0]!.undoneAt).toBeUndefined(); // the edits before the undo are not changed
    const applied = applyEdits(shipped, undone);
    expect(figureOf(applied.dataset, SHIPPED_ID)).toEqual(figureOf(shipped, SHIPPED_ID));
    expect(applied.corrected.has(SHIPPED_ID)).toBe(false);
    expect(historyOf(undone, 'figure', SHIPPED_ID)).toHaveLength(1);
    expect(lastActive(undone, 'figure', SHIPPED_ID)).toBeUndefined();
    // Undoing again changes nothing: the first undo's who and when stay.
    const again = undoChange(undone, 'change-first', { at: '2025-04-01T00:00:00Z', by: 'someone' });
    expect(again.corrections[0]).toEqual(undone.corrections[0]);
  });

  it('undoing the latest of two corrections leaves the first in force', () => {
    const both = withCorrection(withCorrection(NO_EDITS, first), second);
    const latest = lastActive(both, 'figure', SHIPPED_ID)!;
    expect(latest.id).toBe('change-second');
    const undone = undoChange(both, latest.id, { at: '2025-03-06T00:00:00Z', by: YOU });
    expect(figureOf(applyEdits(shipped, undone).dataset, SHIPPED_ID).value).toBe(3);
    expect(lastActive(undone, 'figure', SHIPPED_ID)?.id).toBe('change-first');
    expect(historyOf(undone, 'figure', SHIPPED_ID).map((c) => [c.id, c.undoneAt])).toEqual([
      ['change-first', undefined],
      ['change-second', '2025-03-06T00:00:00Z'],
    ]);
  });
});

describe('a correction that cannot apply', () => {
  const range = makeFigure({ id: 'range', value: undefined, low: 10, high: 20, stated: '1,400' });
  const data = makeDataset({ figures: [range] });

  it('is not applied when it would make low exceed high, and is named in problems', () => {
    const bad = correct('figure', 'range', 'low', 10, 30, 'change-low-high', '2025-03-01T10:00:00Z');
    const { dataset, problems, corrected } = applyEdits(data, withCorrection(NO_EDITS, bad));
    expect(figureOf(dataset, 'range')).toEqual(range);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('“range”');
    expect(problems[0]).toContain('2025-03-01');
    expect(problems[0]).toMatch(/low/);
    // A correction that was not applied does not mark the figure's value as corrected.
    expect(corrected.has('range')).toBe(false);
  });

  it('is not applied when it empties the claimant, while a later good one still applies', () => {
    const empty = correct('figure', 'range', 'claimant', 'IISS', '', 'change-empty', '2025-03-01T10:00:00Z');
    const good = correct('figure', 'range', 'high', 20, 25, 'change-good', '2025-03-02T10:00:00Z');
    const { dataset, problems } = applyEdits(data, { corrections: [empty, good], measures: [], merges: [] });
    expect(figureOf(dataset, 'range')).toEqual({ ...range, high: 25 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/claimant/);
  });

  it('is not applied when it removes the value of a figure without a range', () => {
    const f = makeFigure();
    const gone = correct('figure', f.id, 'value', 1400, undefined, 'change-gone', '2025-03-01T10:00:00Z');
    const { dataset, problems } = applyEdits(makeDataset({ figures: [f] }), withCorrection(NO_EDITS, gone));
    expect(figureOf(dataset, f.id).value).toBe(1400);
    expect(problems).toHaveLength(1);
  });

  it('is reported, not applied, when its item is not in the dataset', () => {
    const orphan = correct('figure', 'no-such-figure', 'value', 1, 2, 'change-orphan', '2025-03-01T10:00:00Z');
    const actorOrphan = correct('actor', 'no-such-actor', 'name', 'A', 'B', 'change-orphan2', '2025-03-01T10:00:00Z');
    const { dataset, problems, corrected } = applyEdits(data, {
      corrections: [orphan, actorOrphan],
      measures: [],
      merges: [],
    });
    expect(dataset.figures).toEqual(data.figures);
    expect(dataset.actors).toEqual(data.actors);
    expect(dataset.figures.some((f) => f.id === 'no-such-figure')).toBe(false);
    expect(problems).toHaveLength(2);
    expect(problems.some((p) => p.includes('figure “no-such-figure”'))).toBe(true);
    expect(problems.some((p) => p.includes('actor “no-such-actor”'))).toBe(true);
    expect(corrected.has('no-such-figure')).toBe(false);
  });

  it('an undone correction of a missing item is no problem', () => {
    const orphan = {
      ...correct('figure', 'no-such-figure', 'value', 1, 2, 'change-orphan', '2025-03-01T10:00:00Z'),
      undoneAt: '2025-03-02T00:00:00Z',
      undoneBy: YOU,
    };
    expect(applyEdits(data, withCorrection(NO_EDITS, orphan)).problems).toEqual([]);
  });
});

describe('what can never be corrected', () => {
  const base = correct('figure', SHIPPED_ID, 'value', 2, 3, 'change-ok', '2025-03-01T10:00:00Z');

  it('the quote: CorrectionSchema rejects a change of it, naming the field', () => {
    expect(CorrectionSchema.safeParse(base).success).toBe(true);
    for (const field of ['quote', 'sourceId', 'id', 'stated']) {
      const r = CorrectionSchema.safeParse({ ...base, changes: [{ field, from: 'a', to: 'b' }] });
      expect(r.success, field).toBe(false);
      if (!r.success) expect(r.error.issues.map((i) => i.path)).toContainEqual(['changes', 0, 'field']);
    }
    // Nor is a quote carried beside the changes.
    expect(CorrectionSchema.safeParse({ ...base, quote: 'a new quote' }).success).toBe(false);
    // A measure is not a figure: a figure's field is not a measure's.
    expect(CorrectionSchema.safeParse({ ...base, kind: 'measure' }).success).toBe(false);
  });

  it('the quote, its source and the id: applyEdits leaves them as they were even when a change names them', () => {
    const f = figureOf(shipped, SHIPPED_ID);
    const sneaky: Correction = {
      ...base,
      changes: [
        // A quote that still holds the stated words, so that only the rule about the quote can stop it.
        { field: 'quote', from: f.quote, to: `${f.quote} and more` },
        { field: 'sourceId', to: 'another-source' },
        { field: 'id', to: 'another-id' },
      ],
    };
    const { dataset, problems } = applyEdits(shipped, withCorrection(NO_EDITS, sneaky));
    expect(figureOf(dataset, SHIPPED_ID)).toEqual(figureOf(shipped, SHIPPED_ID));
    expect(problems).toHaveLength(1);
  });

  it('the shipped data: deep-frozen inputs stay equal after the layer is applied', () => {
    const data = shippedDataset();
    expect(Object.isFrozen(data.figures[0])).toBe(true);
    const snapshot = structuredClone(data);
    const edits: Edits = {
      corrections: [
        correct('figure', SHIPPED_ID, 'unit', 'people', 'artillery-systems', 'change-a', '2025-03-01T10:00:00Z'),
        correct('figure', 'fogel-age', 'measure', 'fogel-age', 'fogel-sentence', 'change-b', '2025-03-01T11:00:00Z'),
        correct('measure', 'fogel-sentence', 'label', null, 'Sentence', 'change-c', '2025-03-01T12:00:00Z'),
        correct('actor', data.actors[0]!.id, 'name', null, 'Someone', 'change-d', '2025-03-01T13:00:00Z'),
        correct('place', data.places[0]!.id, 'lat', null, 1.5, 'change-e', '2025-03-01T14:00:00Z'),
        correct('event', data.events[0]!.id, 'title', null, 'Renamed', 'change-f', '2025-03-01T15:00:00Z'),
      ],
      measures: [{ measure: makeMeasure({ id: 'my-measure', label: 'Mine' }), at: '2025-03-01T09:00:00Z', by: YOU }],
      merges: [merge('merge-a', 'fogel-age', 'my-measure', '2025-03-02T00:00:00Z')],
    };
    const { dataset, problems } = applyEdits(data, edits);
    expect(problems).toEqual([]);
    expect(dataset).not.toBe(data);
    expect(dataset.actors[0]!.name).toBe('Someone');
    expect(dataset.places[0]!.lat).toBe(1.5);
    expect(dataset.events[0]!.title).toBe('Renamed');
    expect(data).toEqual(snapshot);
  });
});

describe('no edits', () => {
  it('give back the very dataset, with no problems', () => {
    const applied = applyEdits(shipped, NO_EDITS);
    expect(applied.dataset).toBe(shipped);
    expect(applied.problems).toEqual([]);
    expect(applied.corrected.size).toBe(0);
    // Undone corrections are no edits either.
    const undone = undoChange(
      withCorrection(NO_EDITS, correct('figure', SHIPPED_ID, 'value', 2, 3, 'change-x', '2025-03-01T10:00:00Z')),
      'change-x',
      { at: '2025-03-02T10:00:00Z', by: YOU },
    );
    expect(applyEdits(shipped, undone).dataset).toBe(shipped);
  });
});

describe('figures and measures', () => {
  const tanksA = makeFigure({ id: 'tanks-a', measure: 'tank-losses', claimant: 'IISS' });
  const tanksB = makeFigure({ id: 'tanks-b', measure: 'tank-losses', claimant: 'Oryx' });
  const loose = makeFigure({ id: 'loose', measure: 'made-up-by-extraction', claimant: 'Kyiv' });
  const loose2 = makeFigure({ id: 'loose-2', measure: 'made-up-by-extraction', claimant: 'Moscow' });
  const tanks = makeMeasure({ id: 'tank-losses' });
  const data = makeDataset({ figures: [tanksA, tanksB, loose, loose2], measures: [tanks] });
  const measureOf = (d: Dataset, id: string) => figureOf(d, id).measure;

  it('a figure whose measure id is in no registry gets its own key and groups with nobody', () => {
    const { dataset, problems } = applyEdits(data, NO_EDITS);
    expect(problems).toEqual([]);
    expect(measureOf(dataset, 'tanks-a')).toBe('tank-losses');
    expect(measureOf(dataset, 'tanks-b')).toBe('tank-losses');
    expect(measureOf(dataset, 'loose')).toBe('loose');
    expect(measureOf(dataset, 'loose-2')).toBe('loose-2');
    expect(measureOf(dataset, 'loose')).not.toBe(measureOf(dataset, 'loose-2'));
  });

  it('an own key never falls on a registered measure that has the figure’s id', () => {
    const f = makeFigure({ id: 'tank-losses-own', measure: 'unregistered' });
    const g = makeFigure({ id: 'tank-losses', measure: 'unregistered' });
    const { dataset } = applyEdits(makeDataset({ figures: [tanksA, f, g], measures: [tanks] }), NO_EDITS);
    const keys = dataset.figures.map((x) => x.measure);
    expect(keys[0]).toBe('tank-losses');
    expect(new Set(keys).size).toBe(3);
  });

  it('linking a figure to a measure (a "measure" correction) groups it with that measure’s figures', () => {
    const link = correct(
      'figure',
      'loose',
      'measure',
      'made-up-by-extraction',
      'tank-losses',
      'link-1',
      '2025-03-01T10:00:00Z',
    );
    const { dataset, problems } = applyEdits(data, withCorrection(NO_EDITS, link));
    expect(problems).toEqual([]);
    expect(dataset.figures.filter((f) => f.measure === 'tank-losses').map((f) => f.id)).toEqual([
      'tanks-a',
      'tanks-b',
      'loose',
    ]);
    // The other figure that carried the same made-up id is not dragged along.
    expect(measureOf(dataset, 'loose-2')).toBe('loose-2');
  });

  it('linking to an id that is in no registry links to nothing', () => {
    const link = correct('figure', 'tanks-b', 'measure', 'tank-losses', 'nowhere', 'link-2', '2025-03-01T10:00:00Z');
    const { dataset } = applyEdits(data, withCorrection(NO_EDITS, link));
    expect(measureOf(dataset, 'tanks-b')).toBe('tanks-b');
    expect(measureOf(dataset, 'tanks-a')).toBe('tank-losses');
  });

  it('a measure the analyst makes joins the registry; linking two loose figures to it groups them', () => {
    const id = measureIdFor('Drones shot down', new Set(data.measures.map((m) => m.id)));
    expect(id).toBe('drones-shot-down');
    expect(measureIdFor('Tank losses', new Set(['tank-losses']))).toBe('tank-losses-2');
    const created = { measure: makeMeasure({ id, label: 'Drones shot down' }), at: '2025-03-01T09:00:00Z', by: YOU };
    let edits = withMeasure(NO_EDITS, created);
    edits = withCorrection(edits, correct('figure', 'loose', 'measure', null, id, 'link-a', '2025-03-01T10:00:00Z'));
    edits = withCorrection(edits, correct('figure', 'loose-2', 'measure', null, id, 'link-b', '2025-03-01T10:01:00Z'));
    const { dataset, problems } = applyEdits(data, edits);
    expect(problems).toEqual([]);
    expect(dataset.measures.map((m) => m.id)).toEqual(['tank-losses', id]);
    expect(dataset.measures[1]).toMatchObject({ label: 'Drones shot down', addedAt: '2025-03-01T09:00:00Z' });
    expect(measureOf(dataset, 'loose')).toBe(id);
    expect(measureOf(dataset, 'loose-2')).toBe(id);
    expect(data.measures).toEqual([tanks]);
  });

  it('a measure made with the id of one kept is left out, and said so', () => {
    const clash = { measure: makeMeasure({ id: 'tank-losses', label: 'Other' }), at: '2025-03-01T09:00:00Z', by: YOU };
    const { dataset, problems } = applyEdits(data, withMeasure(NO_EDITS, clash));
    expect(dataset.measures).toEqual([tanks]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('tank-losses');
  });

  it('renaming a measure (a "measure" correction of its label) shows in dataset.measures', () => {
    const rename = correct(
      'measure',
      'tank-losses',
      'label',
      'Tanks lost',
      'Main battle tanks lost',
      'rename-1',
      '2025-03-01T10:00:00Z',
    );
    const { dataset, problems } = applyEdits(data, withCorrection(NO_EDITS, rename));
    expect(problems).toEqual([]);
    expect(dataset.measures).toEqual([{ ...tanks, label: 'Main battle tanks lost' }]);
    expect(measureOf(dataset, 'tanks-a')).toBe('tank-losses');
    const undone = undoChange(withCorrection(NO_EDITS, rename), 'rename-1', { at: '2025-03-02T00:00:00Z', by: YOU });
    expect(applyEdits(data, undone).dataset.measures).toEqual([tanks]);
  });
});

describe('merging measures', () => {
  const a1 = makeFigure({ id: 'a-1', measure: 'measure-a', claimant: 'One' });
  const a2 = makeFigure({ id: 'a-2', measure: 'measure-a', claimant: 'Two' });
  const b1 = makeFigure({ id: 'b-1', measure: 'measure-b', claimant: 'Three' });
  const c1 = makeFigure({ id: 'c-1', measure: 'measure-c', claimant: 'Four' });
  const ma = makeMeasure({ id: 'measure-a', label: 'A' });
  const mb = makeMeasure({ id: 'measure-b', label: 'B' });
  const mc = makeMeasure({ id: 'measure-c', label: 'C' });
  const data = makeDataset({ figures: [a1, a2, b1, c1], measures: [ma, mb, mc] });
  const keys = (d: Dataset) => Object.fromEntries(d.figures.map((f) => [f.id, f.measure]));

  it('moves every figure of A to B and removes A from dataset.measures; undone, they go back', () => {
    const edits = withMerge(NO_EDITS, merge('merge-ab', 'measure-a', 'measure-b', '2025-03-01T10:00:00Z'));
    const merged = applyEdits(data, edits).dataset;
    expect(keys(merged)).toEqual({ 'a-1': 'measure-b', 'a-2': 'measure-b', 'b-1': 'measure-b', 'c-1': 'measure-c' });
    expect(merged.measures.map((m) => m.id)).toEqual(['measure-b', 'measure-c']);

    const undone = undoChange(edits, 'merge-ab', { at: '2025-03-02T10:00:00Z', by: YOU });
    expect(undone.merges[0]).toMatchObject({ undoneAt: '2025-03-02T10:00:00Z', undoneBy: 'you' });
    const back = applyEdits(data, undone).dataset;
    expect(keys(back)).toEqual({ 'a-1': 'measure-a', 'a-2': 'measure-a', 'b-1': 'measure-b', 'c-1': 'measure-c' });
    expect(back.measures.map((m) => m.id)).toEqual(['measure-a', 'measure-b', 'measure-c']);
  });

  it('merges a measure into one the analyst made, and follows chains of merges', () => {
    let edits = withMeasure(NO_EDITS, {
      measure: makeMeasure({ id: 'mine', label: 'Mine' }),
      at: '2025-03-01T09:00:00Z',
      by: YOU,
    });
    edits = withMerge(edits, merge('merge-1', 'measure-a', 'measure-b', '2025-03-01T10:00:00Z'));
    edits = withMerge(edits, merge('merge-2', 'measure-b', 'mine', '2025-03-01T11:00:00Z'));
    const { dataset } = applyEdits(data, edits);
    expect(keys(dataset)).toEqual({ 'a-1': 'mine', 'a-2': 'mine', 'b-1': 'mine', 'c-1': 'measure-c' });
    expect(dataset.measures.map((m) => m.id)).toEqual(['measure-c', 'mine']);
  });

  it('ignores a merge of a measure nobody knows', () => {
    const edits = withMerge(NO_EDITS, merge('merge-x', 'measure-a', 'no-such-measure', '2025-03-01T10:00:00Z'));
    const { dataset } = applyEdits(data, edits);
    expect(keys(dataset)['a-1']).toBe('measure-a');
    expect(dataset.measures).toHaveLength(3);
  });

  it('a cycle of merges terminates, and loses neither the figures’ grouping nor every measure of it', () => {
    const cycle = [
      merge('merge-ab', 'measure-a', 'measure-b', '2025-03-01T10:00:00Z'),
      merge('merge-bc', 'measure-b', 'measure-c', '2025-03-01T11:00:00Z'),
      merge('merge-ca', 'measure-c', 'measure-a', '2025-03-01T12:00:00Z'),
    ];
    for (const id of ['measure-a', 'measure-b', 'measure-c']) {
      expect(['measure-a', 'measure-b', 'measure-c']).toContain(resolveMeasure(id, cycle));
    }
    const { dataset } = applyEdits(data, { corrections: [], measures: [], merges: cycle });
    const grouped = new Set(dataset.figures.map((f) => f.measure));
    // All four figures end in one measure, and that measure is still in the registry.
    expect(grouped.size).toBe(1);
    const [only] = [...grouped];
    expect(dataset.measures.map((m) => m.id)).toEqual([only]);
  });

  it('a merge of a measure into itself changes nothing', () => {
    const edits = withMerge(NO_EDITS, merge('merge-self', 'measure-a', 'measure-a', '2025-03-01T10:00:00Z'));
    expect(resolveMeasure('measure-a', edits.merges)).toBe('measure-a');
    const { dataset } = applyEdits(data, edits);
    expect(keys(dataset)['a-1']).toBe('measure-a');
    expect(dataset.measures).toHaveLength(3);
  });
});
