import { describe, expect, it } from 'vitest';
import {
  actorCounts,
  groupActorsByCountry,
  NO_ACTOR_FILTERS,
  NO_COUNTRY,
  selectActors,
  selectRelations,
} from './actor-selectors';
import { NO_FILTERS } from './selectors';
import { loadDataset } from './load-dataset';
import { makeActor, makeCountry, makeDataset, makeEvent, makeFigure } from '../../testing/fixtures';
import sources from '../../../data/sources.json';
import topics from '../../../data/topics.json';
import countries from '../../../data/countries.json';
import units from '../../../data/units.json';
import figures from '../../../data/figures.json';
import actors from '../../../data/actors.json';
import events from '../../../data/events.json';
import places from '../../../data/places.json';
import measures from '../../../data/measures.json';

const dataset = makeDataset({
  countries: [makeCountry({ id: 'UA', name: 'Ukraine' }), makeCountry({ id: 'RU', name: 'Russia' })],
  actors: [
    makeActor({
      id: 'putin',
      name: 'Vladimir Putin',
      country: 'RU',
      role: 'President of Russia',
      topics: ['peace-talks'],
    }),
    makeActor({
      id: 'zelensky',
      name: 'Volodymyr Zelensky',
      country: 'UA',
      role: 'President of Ukraine',
      topics: ['peace-talks', 'minerals-deal'],
    }),
    makeActor({
      id: 'kremlin',
      name: 'Kremlin',
      kind: 'government',
      country: 'RU',
      role: 'Russian leadership',
      topics: ['peace-talks'],
    }),
    makeActor({
      id: 'nato',
      name: 'NATO',
      kind: 'organisation',
      country: null,
      role: 'Alliance',
      topics: ['nato-alliances'],
    }),
  ],
  figures: [makeFigure({ actorIds: ['putin', 'kremlin'] })],
  events: [
    makeEvent({ id: 'call', date: '2025-02-12', actorIds: ['putin', 'zelensky'], placeIds: [] }),
    makeEvent({ id: 'later', date: '2025-02-14', actorIds: ['zelensky', 'nato', 'putin'], placeIds: [] }),
    makeEvent({ id: 'solo', date: '2025-02-13', actorIds: ['zelensky', 'kremlin'], placeIds: [] }),
  ],
});
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('selectActors', () => {
  it('filters by kind and country together', () => {
    expect(ids(selectActors(dataset, NO_FILTERS, { ...NO_ACTOR_FILTERS, kind: 'person', country: 'RU' }))).toEqual([
      'putin',
    ]);
  });

  it('filters by topic and by text over name and role', () => {
    expect(ids(selectActors(dataset, NO_FILTERS, { ...NO_ACTOR_FILTERS, topic: 'minerals-deal' }))).toEqual([
      'zelensky',
    ]);
    expect(ids(selectActors(dataset, NO_FILTERS, { ...NO_ACTOR_FILTERS, q: 'president russia' }))).toEqual(['putin']);
  });

  it('selects actors with no country through the "none" group', () => {
    expect(ids(selectActors(dataset, NO_FILTERS, { ...NO_ACTOR_FILTERS, country: NO_COUNTRY }))).toEqual(['nato']);
  });

  it('follows the global country, topic and search filters', () => {
    expect(ids(selectActors(dataset, { ...NO_FILTERS, countries: ['UA'] }, NO_ACTOR_FILTERS))).toEqual(['zelensky']);
    expect(ids(selectActors(dataset, { ...NO_FILTERS, topics: ['nato-alliances'] }, NO_ACTOR_FILTERS))).toEqual([
      'nato',
    ]);
    expect(ids(selectActors(dataset, { ...NO_FILTERS, q: 'kremlin' }, NO_ACTOR_FILTERS))).toEqual(['kremlin']);
  });

  it('is not narrowed by the focused actor', () => {
    expect(selectActors(dataset, { ...NO_FILTERS, actor: 'putin' }, NO_ACTOR_FILTERS)).toHaveLength(4);
  });
});

describe('groupActorsByCountry', () => {
  it('groups in the order of the country list, no-country last', () => {
    const groups = groupActorsByCountry(dataset, dataset.actors);
    expect(groups.map((g) => [g.country, ids(g.actors)])).toEqual([
      ['UA', ['zelensky']],
      ['RU', ['putin', 'kremlin']],
      [NO_COUNTRY, ['nato']],
    ]);
  });
});

const shippedDataset = loadDataset({ sources, topics, countries, units, figures, actors, events, places, measures });

describe('actorCounts and relations', () => {
  it('counts figures, events and statements per actor', () => {
    expect(actorCounts(dataset).get('putin')).toEqual({ figures: 1, events: 2, statements: 1, filtered: false });
    expect(actorCounts(dataset).get('nato')).toEqual({ figures: 0, events: 1, statements: 1, filtered: false });
  });

  it('counts figures and events under the filters, and says so', () => {
    const shipped = actorCounts(shippedDataset, { ...NO_FILTERS, countries: ['TW'], topics: ['tariffs'] });
    const all = actorCounts(shippedDataset);
    const trump = shipped.get('donald-trump')!;
    expect(trump.filtered).toBe(true);
    expect(trump.figures).toBeLessThan(all.get('donald-trump')!.figures);
    expect(trump.statements).toBe(all.get('donald-trump')!.statements);
    // Focused on Zelensky: Putin's counts are the figures and events naming both.
    const focused = actorCounts(dataset, { ...NO_FILTERS, actor: 'zelensky' });
    expect(focused.get('putin')).toEqual({ figures: 0, events: 2, statements: 1, filtered: true });
    expect(focused.get('kremlin')).toEqual({ figures: 0, events: 1, statements: 1, filtered: true });
    // With no filter on, the dataset's counts.
    expect(actorCounts(dataset, NO_FILTERS).get('putin')!.filtered).toBe(false);
  });

  it('draws relations from shared events, most shared first, with the events in date order', () => {
    const relations = selectRelations(dataset, 'zelensky');
    expect(relations.map((r) => [r.actor.id, ids(r.events)])).toEqual([
      ['putin', ['call', 'later']],
      ['kremlin', ['solo']],
      ['nato', ['later']],
    ]);
  });

  it('on the shipped data: Zelensky spoke with Trump; Fogel and Vinnik were exchanged', () => {
    const data = loadDataset({ sources, topics, countries, units, figures, actors, events, places, measures });
    const zelensky = selectRelations(data, 'volodymyr-zelensky').map((r) => r.actor.id);
    expect(zelensky).toContain('donald-trump');
    const person = selectActors(data, NO_FILTERS, { ...NO_ACTOR_FILTERS, kind: 'person', country: 'RU' }).map(
      (a) => a.id,
    );
    expect(person).toEqual(expect.arrayContaining(['vladimir-putin', 'dmitry-peskov']));
    expect(person).not.toContain('volodymyr-zelensky');
    const taiwan = selectActors(data, { ...NO_FILTERS, countries: ['TW'] }, NO_ACTOR_FILTERS);
    expect(taiwan.length).toBeGreaterThan(0);
    expect(taiwan.every((a) => a.country === 'TW')).toBe(true);
  });
});
