import { describe, expect, it } from 'vitest';
import { isAccepted, isReviewed, withAddedAt, withoutItem } from './lifecycle';
import { makePack, makePackFigure } from './pack.fixtures';

const NOW = '2025-03-01T10:00:00.000Z';

describe('isAccepted', () => {
  it('is true for an accepted item or one with no status, false for proposed and rejected ones', () => {
    expect([undefined, 'accepted', 'proposed', 'rejected'].map((status) => isAccepted({ status } as never))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('withAddedAt', () => {
  it('stamps the source and the accepted items that have no date yet, and leaves the rest', () => {
    const pack = makePack({
      figures: [
        makePackFigure({ id: 'a', status: 'accepted' }),
        makePackFigure({ id: 'b', status: 'proposed' }),
        makePackFigure({ id: 'c', status: 'accepted', addedAt: '2025-02-01T10:00:00.000Z' }),
      ],
    });
    const stamped = withAddedAt(pack, NOW);
    expect(stamped.source.addedAt).toBe(NOW);
    expect(stamped.figures.map((f) => f.addedAt)).toEqual([NOW, undefined, '2025-02-01T10:00:00.000Z']);
    expect(pack.figures[0]!.addedAt).toBeUndefined();
  });
});

describe('withoutItem', () => {
  it('marks one item rejected and drops its date added; a statement is found by its quote', () => {
    const pack = withAddedAt(makePack(), NOW);
    const figureId = pack.figures[0]!.id;
    const without = withoutItem(pack, 'figures', figureId);
    expect(without.figures[0]).toMatchObject({ id: figureId, status: 'rejected' });
    expect(without.figures[0]!.addedAt).toBeUndefined();
    expect(without.figures[1]).toBe(pack.figures[1]);
    const quote = pack.statements[0]!.quote;
    expect(withoutItem(pack, 'statements', quote).statements[0]!.status).toBe('rejected');
  });
});

describe('isReviewed', () => {
  it('is true when any item is accepted or was added, false when everything is still in review', () => {
    const proposed = makePack({
      figures: makePack().figures.map((f) => ({ ...f, status: 'proposed' as const })),
      actors: makePack().actors.map((a) => ({ ...a, status: 'proposed' as const })),
      events: makePack().events.map((e) => ({ ...e, status: 'proposed' as const })),
      places: makePack().places.map((p) => ({ ...p, status: 'proposed' as const })),
      statements: makePack().statements.map((s) => ({ ...s, status: 'proposed' as const })),
    });
    expect(isReviewed(proposed)).toBe(false);
    expect(isReviewed(makePack())).toBe(true);
    expect(isReviewed({ ...proposed, figures: [{ ...proposed.figures[0]!, addedAt: NOW }] })).toBe(true);
  });
});
