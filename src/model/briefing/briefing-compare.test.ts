import diff from 'microdiff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareBriefing,
  comparisonSourceIds,
  countChanges,
  filterComparison,
  frontlineSpan,
} from './briefing-compare';
import { CHANGE_COLUMNS, changeRows, changesToCsv } from './change-rows';
import { parseCsv } from '../dataset/figure-export';
import { NO_FILTERS } from '../dataset/selectors';
import { makeActor, makeEvent, makeFigure, makePlace, makeSource } from '../../testing/fixtures';
import type { BriefingData } from './briefing';

const western = makeFigure({
  id: 'casualties-western',
  label: 'Russian casualties a day (Western officials)',
  measure: 'russia-casualties-per-day',
  unit: 'casualties-per-day',
  value: 1000,
  qualifier: 'about',
  stated: '1,000 casualties a day',
  claimant: 'Western officials',
  quote: 'roughly 1,000 casualties a day, according to Western officials',
});
const tanks = makeFigure();

function side(overrides: Partial<BriefingData> = {}): BriefingData {
  return {
    figures: [tanks, western],
    actors: [makeActor()],
    events: [makeEvent()],
    sources: [makeSource()],
    ...overrides,
  };
}

describe('compareBriefing', () => {
  it('finds nothing when both sides are the same', () => {
    const c = compareBriefing(side(), side());
    expect(countChanges(c).total).toBe(0);
    expect(c.estimates).toEqual([]);
  });

  it('lists figures added and removed by id', () => {
    const added = makeFigure({ id: 'oil-output', measure: 'oil-output', label: 'Oil output', unit: 'barrels-per-day' });
    const c = compareBriefing(side(), side({ figures: [western, added] }));
    expect(c.figures.added.map((f) => f.id)).toEqual(['oil-output']);
    expect(c.figures.removed.map((f) => f.id)).toEqual(['test-tanks']);
    expect(c.figures.changed).toEqual([]);
    // A new measure is not a new estimate of a tracked one.
    expect(c.estimates).toEqual([]);
  });

  it('names each changed field with its value before and after, ignoring review status and date added', () => {
    const edited = {
      ...tanks,
      value: 1500,
      stated: '1,500',
      quote: 'Moscow lost 1,500 tanks in 2024',
      addedAt: '2026-01-01T00:00:00Z',
    };
    const c = compareBriefing(side(), side({ figures: [edited, western] }));
    expect(c.figures.changed).toHaveLength(1);
    expect(c.figures.changed[0]!.fields).toEqual([
      { field: 'value', before: 1400, after: 1500 },
      { field: 'stated', before: '1,400', after: '1,500' },
      { field: 'quote', before: 'Moscow lost 1,400 tanks in 2024', after: 'Moscow lost 1,500 tanks in 2024' },
    ]);
    const onlyProvenance = { ...tanks, status: 'accepted' as const, addedAt: '2026-01-01T00:00:00Z' };
    expect(compareBriefing(side(), side({ figures: [onlyProvenance, western] })).figures.changed).toEqual([]);
  });

  it('reports a list field (countries) as one field change', () => {
    const c = compareBriefing(side(), side({ figures: [{ ...tanks, countries: ['RU', 'UA'] }, western] }));
    expect(c.figures.changed[0]!.fields).toEqual([{ field: 'countries', before: ['RU'], after: ['RU', 'UA'] }]);
  });

  it('finds nothing in distinct copies that say the same, whatever their key order', () => {
    // A briefing read back from IndexedDB holds copies, not the dashboard's own objects.
    const reordered = Object.fromEntries(Object.entries(tanks).reverse()) as typeof tanks;
    const c = compareBriefing(side(), structuredClone(side({ figures: [reordered, western] })));
    expect(countChanges(c).total).toBe(0);
  });

  it('reports a change deep inside a nested field under its top-level field, with both whole values', () => {
    const derived = { ...tanks, derived: { formula: 'a + b', from: ['figure-a', 'figure-b'] } };
    const edited = { ...derived, derived: { formula: 'a + b', from: ['figure-a', 'figure-c'] } };
    const c = compareBriefing(side({ figures: [derived, western] }), side({ figures: [edited, western] }));
    expect(c.figures.changed.map((x) => x.after.id)).toEqual(['test-tanks']);
    expect(c.figures.changed[0]!.fields).toEqual([
      { field: 'derived', before: derived.derived, after: edited.derived },
    ]);
    // A change deep in an event's list is found as well.
    const event = makeEvent();
    const moved = { ...event, sourceIds: [...event.sourceIds.slice(0, -1), 'another-story'] };
    expect(compareBriefing(side(), side({ events: [moved] })).events.changed[0]!.fields).toEqual([
      { field: 'sourceIds', before: event.sourceIds, after: moved.sourceIds },
    ]);
  });

  it('takes an undefined key deep down, which a copy through JSON drops, for no change', () => {
    const derived = { ...tanks, derived: { formula: 'a + b', from: ['figure-a'] } };
    const withUndefined = { ...derived, derived: { ...derived.derived, note: undefined } };
    const c = compareBriefing(side({ figures: [derived, western] }), side({ figures: [withUndefined, western] }));
    expect(c.figures.changed).toEqual([]);
  });

  it('shows a new estimate of a measure already tracked beside the old ones (same measure id and unit)', () => {
    const uk = makeFigure({
      id: 'casualties-uk',
      label: 'Russian casualties a day (UK defence intelligence)',
      measure: 'russia-casualties-per-day',
      unit: 'casualties-per-day',
      value: 1500,
      stated: '1,500',
      claimant: 'UK defence intelligence',
      sourceId: 'new-story',
      quote: 'Russia lost 1,500 troops a day',
    });
    // Same measure id but another unit: not the same measure.
    const otherUnit = makeFigure({ id: 'casualties-total', measure: 'russia-casualties-per-day', unit: 'casualties' });
    const c = compareBriefing(side(), side({ figures: [tanks, western, uk, otherUnit] }));
    expect(c.figures.added.map((f) => f.id)).toEqual(['casualties-uk', 'casualties-total']);
    expect(c.estimates).toEqual([
      { measure: 'russia-casualties-per-day', unit: 'casualties-per-day', earlier: [western], added: [uk] },
    ]);
    expect(countChanges(c).estimates).toBe(1);
  });

  it('lists new actors, new statements of known actors, new events by date, and sources added', () => {
    const newSource = makeSource({ id: 'new-story', title: 'A later story', published: '2025-03-01' });
    const said = { quote: 'A new thing was said today.', sourceId: 'new-story' };
    const known = makeActor({ statements: [...makeActor().statements, said] });
    const newcomer = makeActor({ id: 'new-actor', name: 'New Actor', statements: [said] });
    const later = makeEvent({ id: 'later', date: '2025-03-01', sourceIds: ['new-story'] });
    const earlier = makeEvent({ id: 'earlier', date: '2025-02-20', sourceIds: ['new-story'] });
    const c = compareBriefing(
      side(),
      side({ actors: [known, newcomer], events: [makeEvent(), later, earlier], sources: [makeSource(), newSource] }),
    );
    expect(c.actors.added.map((a) => a.id)).toEqual(['new-actor']);
    // A statement alone does not make the actor "changed".
    expect(c.actors.changed).toEqual([]);
    expect(c.statements.map((s) => [s.actorId, s.newActor, s.statement.quote])).toEqual([
      ['test-actor', false, 'A new thing was said today.'],
      ['new-actor', true, 'A new thing was said today.'],
    ]);
    expect(c.events.added.map((e) => e.id)).toEqual(['earlier', 'later']);
    expect(c.sources.added.map((s) => s.id)).toEqual(['new-story']);
    expect(comparisonSourceIds(c)).toEqual(['new-story']);
  });
});

describe('filterComparison', () => {
  it('applies the filters to added, removed and changed items and to new estimates', () => {
    const ua = makeFigure({ id: 'ua-figure', countries: ['UA'], measure: 'other', unit: 'tanks' });
    const ruEstimate = makeFigure({ ...western, id: 'casualties-new', value: 1200 });
    const c = compareBriefing(side(), side({ figures: [western, ua, ruEstimate] }));
    const context = { actors: [makeActor()], places: [makePlace()] };
    const onlyUa = filterComparison(c, { ...NO_FILTERS, countries: ['UA'] }, context);
    expect(onlyUa.figures.added.map((f) => f.id)).toEqual(['ua-figure']);
    expect(onlyUa.figures.removed).toEqual([]);
    expect(onlyUa.estimates).toEqual([]);
    const onlyRu = filterComparison(c, { ...NO_FILTERS, countries: ['RU'] }, context);
    expect(onlyRu.figures.added.map((f) => f.id)).toEqual(['casualties-new']);
    expect(onlyRu.figures.removed.map((f) => f.id)).toEqual(['test-tanks']);
    expect(onlyRu.estimates.map((e) => e.added.map((f) => f.id))).toEqual([['casualties-new']]);
    const search = filterComparison(c, { ...NO_FILTERS, q: 'western' }, context);
    expect(search.figures.added.map((f) => f.id)).toEqual(['casualties-new']);
  });
});

describe('frontlineSpan', () => {
  it('orders the two dates and says when they are the same', () => {
    expect(frontlineSpan('2024-08-01', '2025-02-13')).toEqual({
      earlier: '2024-08-01',
      later: '2025-02-13',
      same: false,
    });
    expect(frontlineSpan('2025-02-13', '2024-08-01')).toEqual({
      earlier: '2024-08-01',
      later: '2025-02-13',
      same: false,
    });
    expect(frontlineSpan('2025-02-13', '2025-02-13').same).toBe(true);
  });
});

describe('changeRows and changesToCsv', () => {
  it('writes one row per change with both values, quotes and sources', () => {
    const uk = makeFigure({
      ...western,
      id: 'casualties-uk',
      value: 1500,
      claimant: 'UK',
      quote: 'Russia lost 1,500 a day',
      stated: '1,500',
    });
    const edited = { ...tanks, value: 1500 };
    const c = compareBriefing(side(), side({ figures: [edited, western, uk] }));
    const rows = changeRows(c, [makeSource()], {
      earlier: '2024-08-01',
      later: '2025-02-13',
      takenKm2: 4321.4,
      retakenKm2: 12.6,
      attribution: 'Front line: DeepStateMap.live',
    });
    const estimate = rows.find((r) => r.change === 'new estimate')!;
    expect(estimate).toMatchObject({
      id: 'casualties-uk',
      before: 'about 1,000 casualties a day',
      after: 'about 1,500 casualties a day',
      claimant_before: 'Western officials',
      claimant_after: 'UK',
      quote_before: western.quote,
      quote_after: 'Russia lost 1,500 a day',
    });
    expect(estimate.source_after).toContain('Test headline about the war');
    expect(rows.find((r) => r.change === 'changed' && r.kind === 'figure')).toMatchObject({
      field: 'value',
      before: '1400',
      after: '1500',
    });
    expect(rows.filter((r) => r.kind === 'front line').map((r) => [r.field, r.after])).toEqual([
      ['taken km²', '4321'],
      ['retaken km²', '13'],
    ]);
    const csv = parseCsv(changesToCsv(rows));
    expect(csv[0]).toEqual([...CHANGE_COLUMNS]);
    expect(csv).toHaveLength(rows.length + 1);
  });
});

describe('the fast path of the comparison', () => {
  /** The rule as written before the fast path: microdiff's fields (provenance aside), unless JSON says the same. */
  function reference(before: Record<string, unknown>, after: Record<string, unknown>) {
    const fields = [...new Set(diff(before, after, { cyclesFix: false }).map((d) => String(d.path[0])))].filter(
      (f) => f !== 'status' && f !== 'addedAt',
    );
    const changes = fields
      .map((field) => ({ field, before: before[field], after: after[field] }))
      .filter((f) => f.before !== undefined || f.after !== undefined);
    if (changes.length === 0 || JSON.stringify(before) === JSON.stringify(after)) return null;
    return changes;
  }

  const leaf = fc.oneof(
    fc.constantFrom(0, -0, 1, 1.5, NaN, Infinity, null, undefined, true, false, '', 'a', 'b'),
    fc.integer({ min: -3, max: 3 }),
    // Not plain data: microdiff judges it.
    fc.constantFrom(new Date(0), new Date(1)),
  );
  const value = fc.letrec((tie) => ({
    any: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('any'), { maxLength: 3 }), tie('object')),
    object: fc.dictionary(fc.constantFrom('x', 'y', 'z', 'status'), tie('any'), { maxKeys: 3 }),
  })).any;
  const item = fc.dictionary(fc.constantFrom('value', 'label', 'countries', 'derived', 'note', 'addedAt'), value, {
    maxKeys: 4,
  });

  it('finds the same changes as microdiff and JSON would, item by item, whatever the values', () => {
    fc.assert(
      fc.property(item, item, fc.boolean(), (a, b, same) => {
        const before = { id: 'x', ...a };
        // Half the time a copy of the item, perhaps with keys in another order: mostly no change.
        const after = same
          ? (Object.fromEntries(Object.entries(before).reverse()) as typeof before)
          : { id: 'x', ...b };
        // Whatever the rule gives, or throws (microdiff cannot compare a Date with an object of no prototype).
        const outcome = <T>(f: () => T) => {
          try {
            return { value: f() };
          } catch (error) {
            return { error: String(error) };
          }
        };
        const expected = outcome(() => reference(before, after));
        const found = outcome(() =>
          compareBriefing(
            side({ figures: [before as never] }),
            side({ figures: [after as never] }),
          ).figures.changed.map((x) => x.fields),
        );
        expect(found).toEqual('error' in expected ? expected : { value: expected.value ? [expected.value] : [] });
      }),
      { numRuns: 3000 },
    );
  });

  it('matches items by id as a Map would, repeated ids included', () => {
    const f = (id: string, value: number) => makeFigure({ id, value });
    const then = [f('a', 1), f('b', 1), f('a', 2), f('c', 1)];
    const now = [f('c', 1), f('a', 3), f('d', 1), f('a', 2)];
    const c = compareBriefing(side({ figures: then }), side({ figures: now }));
    expect(c.figures.added.map((x) => x.id)).toEqual(['d']);
    expect(c.figures.removed.map((x) => x.id)).toEqual(['b']);
    // Each "a" of now is set against the last "a" of the briefing.
    expect(c.figures.changed.map((x) => [x.after.id, x.before.value, x.after.value])).toEqual([['a', 2, 3]]);
  });
});
