/**
 * The measure each figure counts under once the analyst's layer is applied: its own key when it links to no
 * registered measure, the measure it is linked to, and the merges in force followed (cycles included).
 */
import { describe, expect, it } from 'vitest';
import { applyEdits } from './apply-edits';
import { measureIdFor, undoChange, withCorrection, withMeasure, withMerge } from './corrections';
import { correct, figureOf, merge } from './corrections.fixtures';
import { NO_EDITS, YOU } from './edits-schema';
import { resolveMeasure } from './resolve-measure';
import type { Dataset } from '../dataset/schema';
import { makeDataset, makeFigure, makeMeasure } from '../../testing/fixtures';

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
