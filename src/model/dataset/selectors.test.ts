import { describe, expect, it } from 'vitest';
import {
  describeFilters,
  filterSummary,
  hasFilters,
  NO_FILTERS,
  selectComparableFigures,
  selectFacetCounts,
  selectFigures,
  selectLeadFigures,
  selectSourceUses,
} from './selectors';
import {
  makeActor,
  makeCountry,
  makeDataset,
  makeEvent,
  makeFigure,
  makeSource,
  makeTopic,
} from '../../testing/fixtures';

const dataset = makeDataset({
  countries: [
    makeCountry({ id: 'RU', name: 'Russia' }),
    makeCountry({ id: 'TW', name: 'Taiwan' }),
    makeCountry({ id: 'US', name: 'United States' }),
  ],
  topics: [makeTopic({ id: 'casualties', label: 'Casualties' }), makeTopic({ id: 'tariffs', label: 'Tariffs' })],
  actors: [
    makeActor({ id: 'iiss', name: 'International Institute for Strategic Studies' }),
    makeActor({ id: 'kuo', name: 'Kuo Jyh-Huei' }),
  ],
  figures: [
    makeFigure({ id: 'tanks', countries: ['RU'], topics: ['casualties'], actorIds: ['iiss'], lead: 2 }),
    makeFigure({
      id: 'surplus',
      measure: 'surplus',
      label: 'Trade surplus',
      countries: ['TW', 'US'],
      topics: ['tariffs'],
      actorIds: ['kuo'],
      quote: 'a record $74 billion',
      stated: '$74 billion',
      value: 74e9,
      unit: 'usd',
      lead: 1,
    }),
    makeFigure({
      id: 'exports',
      measure: 'exports',
      label: 'Export share',
      countries: ['TW', 'US'],
      topics: ['tariffs'],
      actorIds: [],
      quote: 'nearly a quarter of its exports',
      stated: 'a quarter',
      value: 25,
      unit: 'percent',
    }),
    makeFigure({
      id: 'casualties',
      label: 'Casualties a day',
      measure: 'tank-losses',
      countries: ['RU'],
      topics: ['casualties'],
      actorIds: [],
      quote: 'roughly 1,000 casualties a day',
      stated: '1,000',
      value: 1000,
    }),
  ],
});

const ids = (figures: { id: string }[]) => figures.map((f) => f.id);

describe('selectFigures', () => {
  it('returns every figure without filters, leads first in rank order', () => {
    expect(ids(selectFigures(dataset, NO_FILTERS))).toEqual(['surplus', 'tanks', 'exports', 'casualties']);
  });

  it('keeps only figures about a chosen country', () => {
    expect(ids(selectFigures(dataset, { ...NO_FILTERS, countries: ['TW'] }))).toEqual(['surplus', 'exports']);
  });

  it('matches any of several countries (OR within a facet)', () => {
    expect(selectFigures(dataset, { ...NO_FILTERS, countries: ['TW', 'RU'] })).toHaveLength(4);
  });

  it('requires every facet to match (AND across facets)', () => {
    expect(selectFigures(dataset, { ...NO_FILTERS, countries: ['RU'], topics: ['tariffs'] })).toEqual([]);
  });

  it('follows the focused actor', () => {
    expect(ids(selectFigures(dataset, { ...NO_FILTERS, actor: 'kuo' }))).toEqual(['surplus']);
  });

  it('searches labels, quotes and actor names, case-insensitively, all words', () => {
    expect(ids(selectFigures(dataset, { ...NO_FILTERS, q: 'QUARTER' }))).toEqual(['exports']);
    expect(ids(selectFigures(dataset, { ...NO_FILTERS, q: 'strategic studies' }))).toEqual(['tanks']);
    expect(ids(selectFigures(dataset, { ...NO_FILTERS, q: 'record surplus' }))).toEqual(['surplus']);
    expect(selectFigures(dataset, { ...NO_FILTERS, q: 'record nothing' })).toEqual([]);
  });
});

describe('selectFacetCounts', () => {
  it('counts the figures each option would show', () => {
    const counts = selectFacetCounts(dataset, NO_FILTERS);
    expect(counts.countries.get('TW')).toBe(2);
    expect(counts.countries.get('RU')).toBe(2);
    expect(counts.topics.get('tariffs')).toBe(2);
  });

  it('ignores the option’s own facet but applies the others', () => {
    const counts = selectFacetCounts(dataset, { ...NO_FILTERS, countries: ['TW'] });
    expect(counts.countries.get('RU')).toBe(2);
    expect(counts.topics.get('casualties')).toBeUndefined();
    expect(counts.topics.get('tariffs')).toBe(2);
  });
});

describe('filter descriptions', () => {
  it('knows when filters are on', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, q: '  ' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, topics: ['tariffs'] })).toBe(true);
  });

  it('names the filters in words', () => {
    expect(
      describeFilters(dataset, { countries: ['TW'], topics: ['tariffs', 'casualties'], actor: 'kuo', q: 'oil' }),
    ).toEqual(['Country: Taiwan', 'Topics: Tariffs, Casualties', 'Actor: Kuo Jyh-Huei', 'Search: “oil”']);
  });

  it('summarises what is shown', () => {
    expect(filterSummary(dataset, { ...NO_FILTERS, countries: ['TW'] }, 2)).toBe('2 of 4 figures · Country: Taiwan');
    expect(filterSummary(dataset, NO_FILTERS, 4)).toBe('4 of 4 figures');
  });
});

describe('lead and comparable figures, source uses', () => {
  it('orders the lead figures by rank', () => {
    expect(ids(selectLeadFigures(dataset))).toEqual(['surplus', 'tanks']);
  });

  it('finds other figures of the same measure', () => {
    const tanks = dataset.figures[0]!;
    expect(ids(selectComparableFigures(dataset, tanks))).toEqual(['casualties']);
  });

  it('counts figures, statements and events per story, grouped by publisher', () => {
    const data = makeDataset({
      sources: [makeSource({ id: 'a', publisher: 'Reuters' }), makeSource({ id: 'b', publisher: 'Reuters' })],
      figures: [makeFigure({ sourceId: 'a' })],
      events: [makeEvent({ sourceIds: ['a', 'b'] })],
      actors: [makeActor({ statements: [{ quote: 'Words that were said.', sourceId: 'b' }] })],
    });
    const uses = selectSourceUses(data).get('Reuters')!;
    expect(uses.map((u) => [u.source.id, u.figures, u.statements, u.events])).toEqual([
      ['a', 1, 0, 1],
      ['b', 0, 1, 1],
    ]);
  });
});
