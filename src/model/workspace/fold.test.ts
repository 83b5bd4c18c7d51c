import { describe, expect, it } from 'vitest';
import { activityWords, fold, provenanceKey } from './fold';
import { makePack, makePackFigure, PACK_SOURCE_ID } from '../pack/pack.fixtures';
import { correct } from '../corrections/corrections.fixtures';
import { ANA, at, BEN, CAT, entry } from './workspace.fixtures';
import type { Briefing } from '../briefing/briefing';

const FIGURE_ID = makePackFigure().id;
const figureKey = provenanceKey('figure', FIGURE_ID);
const put = (n: number, pack = makePack()) => ({ id: `put-${n}-abc`, at: at(n), type: 'pack.put' as const, pack });
const fix = (n: number, to: number, id = `fix-${n}-abc`) => ({
  id,
  at: at(n),
  type: 'correction' as const,
  correction: correct('figure', FIGURE_ID, 'value', 3, to, id, at(n)),
});
const approve = (n: number) => ({
  id: `ok-${n}-abcd`,
  at: at(n),
  type: 'approve' as const,
  item: { kind: 'figure' as const, id: FIGURE_ID },
});

describe('fold', () => {
  it('puts a pack on the dashboard with who added each accepted item, and takes it off again', () => {
    const added = fold([entry(1, ANA, put(1))], BEN.id);
    expect([...added.packs.keys()]).toEqual([PACK_SOURCE_ID]);
    expect(added.provenance.get(figureKey)).toEqual({ addedBy: 'Ana', addedAt: at(1), status: 'pending' });
    expect(added.version).toBe(1);

    const removed = fold(
      [entry(2, BEN, { id: 'rm-2-abcd', at: at(2), type: 'pack.remove', packId: PACK_SOURCE_ID })],
      BEN.id,
      added,
    );
    expect(removed.packs.size).toBe(0);
    expect(removed.provenance.has(figureKey)).toBe(false);
    expect(activityWords(removed.activity[1]!)).toBe(`You removed “${makePack().source.title}”`);
  });

  it('leaves a rejected item without provenance (it is not on the dashboard)', () => {
    const pack = makePack({ figures: [makePackFigure({ status: 'rejected' })] });
    expect(fold([entry(1, ANA, put(1, pack))], null).provenance.has(figureKey)).toBe(false);
  });

  it('names the author of another person’s correction and keeps "you" for mine', () => {
    const folded = fold([entry(1, ANA, put(1)), entry(2, BEN, fix(2, 4)), entry(3, ANA, fix(3, 5))], ANA.id);
    expect(folded.edits.corrections.map((c) => c.by)).toEqual(['Ben', 'you']);
    expect(folded.provenance.get(figureKey)).toMatchObject({ addedBy: 'you', editedBy: 'you', editedAt: at(3) });
    const label = (kind: string, id: string) => (kind === 'figure' && id === FIGURE_ID ? 'War length' : undefined);
    expect(activityWords(folded.activity[1]!, label)).toBe("Ben corrected War length's value: 3 → 4");
  });

  it('approves an item, and a later correction sends it back to review', () => {
    const approved = fold([entry(1, ANA, put(1)), entry(2, CAT, approve(2))], null);
    expect(approved.provenance.get(figureKey)).toMatchObject({
      status: 'approved',
      approvedBy: 'Cat',
      approvedAt: at(2),
    });
    const edited = fold([entry(3, BEN, fix(3, 4))], null, approved);
    const p = edited.provenance.get(figureKey)!;
    expect(p.status).toBe('pending');
    expect(p.approvedBy).toBeUndefined();
    expect(p).toMatchObject({ addedBy: 'Ana', editedBy: 'Ben' });
  });

  it('undoes a correction (kept in the history, marked undone by whom)', () => {
    const folded = fold(
      [
        entry(1, ANA, put(1)),
        entry(2, BEN, fix(2, 4, 'fix-undone')),
        entry(3, ANA, { id: 'undo-3-abc', at: at(3), type: 'correction.undo', correctionId: 'fix-undone' }),
      ],
      null,
    );
    expect(folded.edits.corrections).toHaveLength(1);
    expect(folded.edits.corrections[0]).toMatchObject({ undoneAt: at(3), undoneBy: 'Ana' });
  });

  it('keeps a conflict open until a reviewer resolves it, and applies the resolution', () => {
    const conflict = {
      id: 'conflict-1',
      kind: 'figure',
      itemId: FIGURE_ID,
      field: 'value',
      values: [
        { value: 4, by: ANA, changeId: 'fix-2-abc' },
        { value: 5, by: BEN, changeId: 'fix-3-abc' },
      ],
    };
    const open = fold(
      [entry(1, ANA, put(1)), entry(2, ANA, fix(2, 4)), entry(3, BEN, fix(3, 5), { conflicts: [conflict] })],
      null,
    );
    expect([...open.conflicts.values()]).toEqual([{ ...conflict, at: at(3) }]);

    const resolution = correct('figure', FIGURE_ID, 'value', 5, 4, 'keep-4-abc', at(4));
    const closed = fold(
      [
        entry(
          4,
          CAT,
          { id: 'resolve-4', at: at(4), type: 'conflict.resolve', conflictId: 'conflict-1', keep: 0 },
          { resolution },
        ),
      ],
      null,
      open,
    );
    expect(closed.conflicts.size).toBe(0);
    expect(closed.edits.corrections.at(-1)).toMatchObject({
      id: 'keep-4-abc',
      by: 'Cat',
      changes: [{ field: 'value', to: 4 }],
    });
    expect(activityWords(closed.activity.at(-1)!)).toBe(`Cat resolved a conflict on ${FIGURE_ID}'s value: 5 → 4`);
  });

  it('does not close a conflict with another id', () => {
    const conflict = { id: 'conflict-1', kind: 'figure', itemId: FIGURE_ID, field: 'value', values: [] };
    const folded = fold(
      [
        entry(1, BEN, fix(1, 5), { conflicts: [conflict] }),
        entry(2, CAT, { id: 'resolve-2', at: at(2), type: 'conflict.resolve', conflictId: 'conflict-9', keep: 0 }),
      ],
      null,
    );
    expect(folded.conflicts.has('conflict-1')).toBe(true);
  });

  it('saves and removes briefings, measures and merges', () => {
    const briefing = { id: 'monday', name: 'Monday' } as Briefing;
    const measure = {
      id: 'tanks-lost',
      label: 'Tanks lost',
      dimension: 'equipment',
      countries: ['RU'],
      scope: 'war',
      definition: 'Tanks lost',
    };
    const folded = fold(
      [
        entry(1, ANA, { id: 'brief-1-abc', at: at(1), type: 'briefing.save', briefing }),
        entry(2, ANA, {
          id: 'measure-2',
          at: at(2),
          type: 'measure.create',
          measure: { measure: measure as never, at: at(2), by: 'you' },
        }),
        entry(3, BEN, {
          id: 'merge-3-abc',
          at: at(3),
          type: 'merge',
          merge: { id: 'merge-3-abc', from: 'a', into: 'tanks-lost', at: at(3), by: 'you' },
        }),
        entry(4, BEN, { id: 'unmerge-4', at: at(4), type: 'merge.undo', mergeId: 'merge-3-abc' }),
        entry(5, ANA, { id: 'brief-rm-5', at: at(5), type: 'briefing.remove', briefingId: 'monday' }),
      ],
      ANA.id,
    );
    expect(folded.briefings).toEqual([]);
    expect(folded.edits.measures[0]!.by).toBe('you');
    expect(folded.edits.merges[0]).toMatchObject({ by: 'Ben', undoneBy: 'Ben', undoneAt: at(4) });
    expect(activityWords(folded.activity[4]!)).toBe('You deleted the briefing “Monday”');
  });
});
