import { describe, expect, it } from 'vitest';
import { makePack } from '../../model/pack/pack.fixtures';
import type { Pack } from '../../model/pack/pack-schema';
import {
  doubtfulCount,
  figureFromSelection,
  reviewCounts,
  reviewReducer,
  storablePack,
  type ReviewState,
} from './review-state';
import { entityProblems, figureProblems } from '../../model/corrections/item-problems';

function proposed(pack: Pack = makePack()): Pack {
  const p = <T extends object>(items: T[]) => items.map((item) => ({ ...item, status: 'proposed' as const }));
  return {
    ...pack,
    figures: p(pack.figures),
    actors: p(pack.actors),
    events: p(pack.events),
    places: p(pack.places),
    statements: p(pack.statements),
  };
}

const start = (pack = proposed()): ReviewState => ({ pack, selected: null });

describe('reviewReducer', () => {
  it('accepts and rejects one item, and toggles back to proposed', () => {
    const pack = proposed();
    const id = pack.figures[0]!.id;
    let state = reviewReducer(start(pack), { type: 'status', kind: 'figures', key: id, status: 'accepted' });
    expect(state.pack.figures[0]!.status).toBe('accepted');
    state = reviewReducer(state, { type: 'status', kind: 'statements', key: 'statements-0', status: 'rejected' });
    expect(state.pack.statements[0]!.status).toBe('rejected');
    expect(reviewCounts(state.pack)).toEqual({ accepted: 1, rejected: 1, proposed: 3, figures: 1 });
  });

  it('"Accept all" accepts every valid proposal and leaves rejected and invalid ones', () => {
    const base = proposed();
    const pack = {
      ...base,
      figures: [
        { ...base.figures[0]!, label: '' },
        { ...base.figures[1]!, status: 'rejected' as const },
      ],
    };
    const state = reviewReducer(start(pack), { type: 'accept-all' });
    expect(state.pack.figures.map((f) => f.status)).toEqual(['proposed', 'rejected']);
    expect(state.pack.actors[0]!.status).toBe('accepted');
    expect(state.pack.events[0]!.status).toBe('accepted');
    expect(state.pack.statements[0]!.status).toBe('accepted');
  });

  it('will not accept an invalid figure: it selects it instead', () => {
    const base = proposed();
    const bad = { ...base.figures[0]!, countries: [] };
    const state = reviewReducer(start({ ...base, figures: [bad] }), {
      type: 'status',
      kind: 'figures',
      key: bad.id,
      status: 'accepted',
    });
    expect(state.pack.figures[0]!.status).toBe('proposed');
    expect(state.selected).toBe(bad.id);
  });

  it('sends an accepted figure edited into an invalid one back to review', () => {
    const base = makePack();
    const edited = { ...base.figures[0]!, value: undefined };
    const state = reviewReducer(start(base), { type: 'edit-figure', figure: edited });
    expect(state.pack.figures[0]!.status).toBe('proposed');
    expect(figureProblems(state.pack.figures[0]!, base.article.text).value).toBe(
      'Enter the number (or both ends of a range).',
    );
  });
});

describe('figureProblems', () => {
  it('names each field at fault in plain words', () => {
    const pack = makePack();
    const figure = { ...pack.figures[0]!, label: '', topics: [], quote: 'words not in the article at all' };
    const problems = figureProblems(figure, pack.article.text);
    expect(problems.label).toMatch(/label/);
    expect(problems.topics).toBe('Choose at least one topic.');
    expect(problems.quote).toBeDefined();
  });

  it('checks the quote by the one verbatim rule that an import uses: typography aside, word for word', () => {
    const pack = makePack();
    const straight = {
      ...pack.figures[1]!,
      quote: "Ukraine's Defence Ministry this week launched a recruitment drive to attract 18-to-24-year-olds",
    };
    expect(figureProblems(straight, pack.article.text).quote).toBeUndefined();
    const respelled = {
      ...straight,
      quote: "Ukraine's Defense Ministry this week launched a recruitment drive to attract 18-to-24-year-olds",
    };
    expect(figureProblems(respelled, pack.article.text).quote).toBe(
      'The quote must be words of the article, exactly as printed.',
    );
  });
});

describe('figureFromSelection', () => {
  it('makes a figure whose quote is the selection, with what was read from it, and a unique id', () => {
    const pack = proposed();
    const quote = 'Moscow lost 1,400 tanks in 2024';
    const figure = figureFromSelection(pack, quote, {
      value: 1400,
      unit: 'tanks',
      stated: '1,400',
      qualifier: 'exact',
    });
    expect(figure).toMatchObject({
      quote,
      value: 1400,
      unit: 'tanks',
      stated: '1,400',
      sourceId: pack.source.id,
      claimant: 'Reuters',
      date: '2025-02-12',
      status: 'proposed',
      label: '',
    });
    expect(pack.figures.some((f) => f.id === figure.id)).toBe(false);
    expect(figureProblems(figure, pack.article.text)).toEqual({ label: expect.any(String) });
    const again = figureFromSelection({ ...pack, figures: [...pack.figures, figure] }, quote, {});
    expect(again.id).not.toBe(figure.id);
    expect(again.stated).toBe(quote);
  });
});

describe('storablePack: what the draft autosave writes', () => {
  it('keeps a figure mid-edit as it last was when valid, and leaves out one that never was', () => {
    const pack = proposed();
    const [first, second] = pack.figures;
    const editing = { ...first!, label: '', status: 'rejected' as const };
    const unlabelled = figureFromSelection(pack, 'Moscow lost 1,400 tanks in 2024', { value: 1400 });
    const stored = storablePack({ ...pack, figures: [editing, second!, unlabelled] }, new Map([[first!.id, first!]]));
    expect(stored.figures).toEqual([{ ...first!, status: 'rejected' }, second]);
  });
});

describe('what the assistant is unsure of', () => {
  it('"Accept all" takes only the confident proposals and counts the ones it leaves', () => {
    const base = proposed();
    const pack = {
      ...base,
      figures: [
        { ...base.figures[0]!, doubts: ['Nobody is named as the source: the claimant is the publisher.'] },
        base.figures[1]!,
      ],
      events: [{ ...base.events[0]!, doubts: ['The date is worked out from the article’s words: check it.'] }],
    };
    expect(doubtfulCount(pack)).toBe(2);
    const state = reviewReducer(start(pack), { type: 'accept-all' });
    expect(state.pack.figures.map((f) => f.status)).toEqual(['proposed', 'accepted']);
    expect(state.pack.events[0]!.status).toBe('proposed');
    expect(state.pack.actors[0]!.status).toBe('accepted');
    expect(doubtfulCount(state.pack)).toBe(2);
    // The analyst accepts a doubtful one by hand once checked.
    const checked = reviewReducer(state, {
      type: 'status',
      kind: 'figures',
      key: pack.figures[0]!.id,
      status: 'accepted',
    });
    expect(checked.pack.figures[0]!.status).toBe('accepted');
    expect(doubtfulCount(checked.pack)).toBe(1);
  });

  it('every field of an actor, event or place can be edited; an invalid edit cannot be accepted', () => {
    const base = proposed();
    const actor = base.actors[0]!;
    let state = reviewReducer(start(base), {
      type: 'edit-item',
      kind: 'actors',
      key: actor.id,
      item: { ...actor, kind: 'organisation', role: 'A think tank.' },
    });
    expect(state.pack.actors[0]).toMatchObject({ kind: 'organisation', role: 'A think tank.' });
    state = reviewReducer(state, {
      type: 'edit-item',
      kind: 'actors',
      key: actor.id,
      item: { ...state.pack.actors[0]!, name: '' },
    });
    expect(entityProblems('actors', state.pack.actors[0]!)).toHaveProperty('name');
    state = reviewReducer(state, { type: 'status', kind: 'actors', key: actor.id, status: 'accepted' });
    expect(state.pack.actors[0]!.status).not.toBe('accepted');
    const event = base.events[0]!;
    state = reviewReducer(state, {
      type: 'edit-item',
      kind: 'events',
      key: event.id,
      item: { ...event, date: '2025-13' },
    });
    expect(entityProblems('events', state.pack.events[0]!)).toHaveProperty('date');
  });
});
