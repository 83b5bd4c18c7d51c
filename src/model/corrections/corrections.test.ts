import { describe, expect, it } from 'vitest';
import { applyEdits } from './apply-edits';
import { historyOf, lastActive, makeCorrection, undoChange, withCorrection } from './corrections';
import { correct, figureOf, merge } from './corrections.fixtures';
import { CorrectionSchema, EditsSchema, NO_EDITS, YOU, type Correction, type Edits } from './edits-schema';
import { mergeDataset } from '../pack/merge';
import { makePack, shippedDataset } from '../pack/pack.fixtures';
import { makeDataset, makeFigure, makeMeasure } from '../../testing/fixtures';

const shipped = shippedDataset();
const SHIPPED_ID = 'americans-released';

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
