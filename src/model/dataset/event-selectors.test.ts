import { describe, expect, it } from 'vitest';
import { eventCountries, selectEvents, selectPlaceEvents } from './event-selectors';
import { NO_FILTERS } from './selectors';
import { makeActor, makeDataset, makeEvent, makePlace } from '../../testing/fixtures';
import sources from '../../../data/sources.json';
import topics from '../../../data/topics.json';
import countries from '../../../data/countries.json';
import units from '../../../data/units.json';
import figures from '../../../data/figures.json';
import actors from '../../../data/actors.json';
import events from '../../../data/events.json';
import places from '../../../data/places.json';
import measures from '../../../data/measures.json';
import { loadDataset } from './load-dataset';

const dataset = makeDataset({
  places: [
    makePlace({ id: 'kyiv', name: 'Kyiv', country: 'UA' }),
    makePlace({ id: 'taiwan', name: 'Taipei', country: 'TW' }),
  ],
  actors: [
    makeActor({ id: 'zelensky', name: 'Volodymyr Zelensky', country: 'UA' }),
    makeActor({ id: 'lutnick', name: 'Howard Lutnick', country: 'US' }),
  ],
  events: [
    makeEvent({
      id: 'late',
      date: '2025-02-12',
      title: 'Bessent in Kyiv',
      placeIds: ['kyiv'],
      actorIds: ['zelensky'],
      topics: ['minerals-deal'],
    }),
    makeEvent({ id: 'early', date: '2024-05', title: 'Plea', placeIds: [], actorIds: [], topics: ['cybercrime'] }),
    makeEvent({
      id: 'tsmc',
      date: '2025-01',
      title: 'TSMC talks',
      placeIds: ['taiwan'],
      actorIds: ['lutnick'],
      topics: ['semiconductors'],
    }),
  ],
});

const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('selectEvents', () => {
  it('sorts by date, whatever the precision', () => {
    expect(ids(selectEvents(dataset, NO_FILTERS))).toEqual(['early', 'tsmc', 'late']);
  });

  it('matches a country through the event’s places or its actors', () => {
    expect(ids(selectEvents(dataset, { ...NO_FILTERS, countries: ['TW'] }))).toEqual(['tsmc']);
    expect(ids(selectEvents(dataset, { ...NO_FILTERS, countries: ['US'] }))).toEqual(['tsmc']);
    expect(eventCountries(dataset, dataset.events[0]!)).toEqual(new Set(['UA']));
  });

  it('follows topic, actor and search text', () => {
    expect(ids(selectEvents(dataset, { ...NO_FILTERS, topics: ['cybercrime'] }))).toEqual(['early']);
    expect(ids(selectEvents(dataset, { ...NO_FILTERS, actor: 'zelensky' }))).toEqual(['late']);
    expect(ids(selectEvents(dataset, { ...NO_FILTERS, q: 'lutnick' }))).toEqual(['tsmc']);
  });
});

describe('selectPlaceEvents', () => {
  it('lists each place with its matching events and hides places with none', () => {
    const all = selectPlaceEvents(dataset, NO_FILTERS);
    expect(all.map((pe) => [pe.place.id, ids(pe.events)])).toEqual([
      ['kyiv', ['late']],
      ['taiwan', ['tsmc']],
    ]);
    expect(selectPlaceEvents(dataset, { ...NO_FILTERS, countries: ['TW'] }).map((pe) => pe.place.id)).toEqual([
      'taiwan',
    ]);
  });

  it('on the shipped data, Taiwan shows its Taiwan marker and not Kyiv', () => {
    const data = loadDataset({ sources, topics, countries, units, figures, actors, events, places, measures });
    const shown = selectPlaceEvents(data, { ...NO_FILTERS, countries: ['TW'] }).map((pe) => pe.place.id);
    expect(shown).toContain('taiwan');
    expect(shown).not.toContain('kyiv');
    expect(selectPlaceEvents(data, NO_FILTERS).map((pe) => pe.place.id)).toContain('kyiv');
  });
});
