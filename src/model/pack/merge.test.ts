import { describe, expect, it } from 'vitest';
import { mergeDataset } from './merge';
import { acceptedItems } from './lifecycle';
import { parseDataset, type RawDataset } from '../dataset/load-dataset';
import { parsePack } from './pack';
import {
  makePack,
  makePackActor,
  makePackEvent,
  makePackFigure,
  PACK_SOURCE_ID,
  shippedDataset,
} from './pack.fixtures';
import type { Dataset } from '../dataset/schema';
import type { Pack } from './pack-schema';

const base = shippedDataset();

/** The merged dataset as raw JSON, through the loader again: it must pass every cross-check. */
function reload(dataset: Dataset): Dataset {
  const raw = JSON.parse(JSON.stringify(dataset)) as RawDataset;
  const result = parseDataset(raw);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.dataset;
}

function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

const secondPack = (): Pack =>
  makePack({
    source: { ...makePack().source, id: 'second-story', title: 'A second story' },
    figures: [makePackFigure({ id: 'second-figure', sourceId: 'second-story', countries: ['PL'] })],
    actors: [],
    events: [],
    statements: [],
    countries: [
      { id: 'PL', name: 'Poland' },
      { id: 'FR', name: 'France' },
    ],
    places: [{ id: 'rzeszow', name: 'Rzeszów', lat: 50.04, lon: 21.99, country: 'PL', coordinateSource: 'test' }],
  });

describe('mergeDataset', () => {
  it('adds the accepted items of a pack and the result passes the loader’s cross-checks', () => {
    const merged = mergeDataset(base, [makePack(), secondPack()]);
    expect(merged.figures).toHaveLength(base.figures.length + 3);
    expect(merged.sources.map((s) => s.id)).toEqual([...base.sources.map((s) => s.id), PACK_SOURCE_ID, 'second-story']);
    expect(merged.actors.at(-1)!.id).toBe('russian-armed-forces');
    expect(merged.events.at(-1)!.id).toBe(`${PACK_SOURCE_ID}-recruitment-drive`);
    expect(merged.places.at(-1)!.id).toBe('rzeszow');
    expect(reload(merged).figures).toHaveLength(merged.figures.length);
  });

  it('adds only the new countries that kept items name', () => {
    const merged = mergeDataset(base, [secondPack()]);
    expect(merged.countries.map((c) => c.id)).toContain('PL');
    expect(merged.countries.map((c) => c.id)).not.toContain('FR');
  });

  it('appends statements of known actors to a new, frozen actor object; the base is untouched', () => {
    const merged = mergeDataset(base, [makePack()]);
    const before = base.actors.find((a) => a.id === 'ben-barry')!;
    const after = merged.actors.find((a) => a.id === 'ben-barry')!;
    expect(after).not.toBe(before);
    expect(after.statements).toHaveLength(before.statements.length + 1);
    expect(after.statements.at(-1)).toEqual({
      quote: 'More bloody attrition on land with very heavy casualties on both sides.',
      sourceId: PACK_SOURCE_ID,
    });
    expect(Object.isFrozen(after)).toBe(true);
    expect(merged.actors.indexOf(after)).toBe(base.actors.indexOf(before));
  });

  it('is deep-frozen and shares the base’s items instead of copying them', () => {
    const merged = mergeDataset(base, [makePack(), secondPack()]);
    expect(isDeepFrozen(merged)).toBe(true);
    expect(merged.figures[0]).toBe(base.figures[0]);
    expect(merged.topics).toBe(base.topics);
    expect(merged.units).toBe(base.units);
  });

  it('leaves the packs it was given unfrozen and unchanged', () => {
    const pack = makePack();
    const copy = JSON.parse(JSON.stringify(pack)) as Pack;
    mergeDataset(base, [pack]);
    expect(Object.isFrozen(pack.figures[0])).toBe(false);
    expect(pack).toEqual(copy);
  });

  it('returns the base itself when there is nothing to merge or all of it is there already', () => {
    expect(mergeDataset(base, [])).toBe(base);
    const once = mergeDataset(base, [makePack()]);
    expect(mergeDataset(once, [makePack()])).toBe(once);
  });

  it('never overwrites: an item whose id is already there is skipped', () => {
    const clash = makePack({ figures: [makePackFigure({ id: 'russia-tanks-lost-2024', label: 'Overwritten?' })] });
    const merged = mergeDataset(base, [clash]);
    expect(merged.figures.find((f) => f.id === 'russia-tanks-lost-2024')!.label).toBe('Russian tanks lost in 2024');
    expect(merged.figures.filter((f) => f.id === 'russia-tanks-lost-2024')).toHaveLength(1);
  });

  it('does not add the source of a pack with nothing accepted', () => {
    const pack = makePack({
      figures: [makePackFigure({ status: 'proposed' })],
      actors: [makePackActor({ status: 'rejected' })],
      events: [],
      statements: [],
    });
    expect(mergeDataset(base, [pack])).toBe(base);
  });

  it('merges the same pack twice without duplicating anything', () => {
    const once = mergeDataset(base, [makePack()]);
    const twice = mergeDataset(base, [makePack(), makePack()]);
    expect(reload(twice).figures).toHaveLength(once.figures.length);
    expect(twice.actors.find((a) => a.id === 'ben-barry')!.statements).toHaveLength(
      once.actors.find((a) => a.id === 'ben-barry')!.statements.length,
    );
  });
});

describe('acceptedItems', () => {
  it('keeps accepted items and items with no status, drops proposed and rejected ones', () => {
    const pack = makePack({
      figures: [
        makePackFigure({ id: 'a', status: 'accepted' }),
        makePackFigure({ id: 'b', status: undefined }),
        makePackFigure({ id: 'c', status: 'proposed' }),
        makePackFigure({ id: 'd', status: 'rejected' }),
      ],
    });
    expect(acceptedItems(pack).figures.map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('drops references to items of the pack that were not accepted, so the merge stays valid', () => {
    const pack = makePack({
      actors: [makePackActor({ status: 'rejected' })],
      places: [
        {
          id: 'rzeszow',
          name: 'Rzeszów',
          lat: 50.04,
          lon: 21.99,
          country: 'PL',
          coordinateSource: 'x',
          status: 'proposed',
        },
      ],
      countries: [{ id: 'PL', name: 'Poland' }],
      events: [makePackEvent({ placeIds: ['rzeszow', 'kyiv'], actorIds: ['russian-armed-forces', 'iiss'] })],
      statements: [{ actorId: 'russian-armed-forces', quote: 'the battlefield initiative', sourceId: PACK_SOURCE_ID }],
    });
    expect(parsePack(pack, base).ok).toBe(true);
    const accepted = acceptedItems(pack);
    expect(accepted.actors).toEqual([]);
    expect(accepted.places).toEqual([]);
    expect(accepted.countries).toEqual([]);
    expect(accepted.statements).toEqual([]);
    expect(accepted.figures[0]!.actorIds).toEqual([]);
    expect(accepted.events[0]!.placeIds).toEqual(['kyiv']);
    expect(accepted.events[0]!.actorIds).toEqual(['iiss']);
    expect(reload(mergeDataset(base, [pack])).events.at(-1)!.placeIds).toEqual(['kyiv']);
  });

  it('leaves out a derived figure whose inputs were not accepted', () => {
    const input = makePackFigure({ id: 'input', status: 'rejected' });
    const derived = makePackFigure({ id: 'derived', derived: { formula: '3 × 1', from: ['input'] } });
    const derivedTwice = makePackFigure({ id: 'derived-2', derived: { formula: '3 × 1', from: ['derived'] } });
    expect(acceptedItems(makePack({ figures: [input, derived, derivedTwice] })).figures).toEqual([]);
  });
});

describe('units an article brings', () => {
  it('come in with the accepted figures that use them, and only then', () => {
    const unit = { id: 'refineries', label: 'refineries', singular: 'refinery', dimension: 'count' };
    const figure = makePackFigure({ id: `${PACK_SOURCE_ID}-refineries-1`, unit: 'refineries', value: 3 });
    const accepted = mergeDataset(base, [makePack({ units: [unit], figures: [figure] })]);
    expect(accepted.units.at(-1)).toEqual(unit);
    const rejected = mergeDataset(base, [makePack({ units: [unit], figures: [{ ...figure, status: 'rejected' }] })]);
    expect(rejected.units.some((u) => u.id === 'refineries')).toBe(false);
  });
});
