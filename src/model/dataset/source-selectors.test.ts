import { describe, expect, it } from 'vitest';
import { selectSourcesInView } from './source-selectors';
import { selectEvents } from './event-selectors';
import { loadDataset } from './load-dataset';
import { NO_FILTERS, selectFigures, type Filters } from './selectors';
import { makeActor, makeDataset, makeEvent, makeFigure, makeSource } from '../../testing/fixtures';
import sources from '../../../data/sources.json';
import topics from '../../../data/topics.json';
import countries from '../../../data/countries.json';
import units from '../../../data/units.json';
import figures from '../../../data/figures.json';
import actors from '../../../data/actors.json';
import events from '../../../data/events.json';
import places from '../../../data/places.json';
import measures from '../../../data/measures.json';

const shipped = loadDataset({ sources, topics, countries, units, figures, actors, events, places, measures });
const flat = (view: ReturnType<typeof selectSourcesInView>) =>
  [...view.groups.values()].flat().map((u) => [u.source.id, u.figures, u.statements, u.events]);

describe('selectSourcesInView', () => {
  const data = makeDataset({
    sources: [
      makeSource({ id: 'a', publisher: 'Reuters' }),
      makeSource({ id: 'b', publisher: 'Reuters' }),
      makeSource({ id: 'c', publisher: 'The New York Times' }),
    ],
    figures: [
      makeFigure({ id: 'f1', sourceId: 'a', countries: ['UA'] }),
      makeFigure({ id: 'f2', sourceId: 'c', countries: ['TW'] }),
    ],
    events: [makeEvent({ sourceIds: ['a', 'b'], placeIds: [], actorIds: [] })],
    actors: [makeActor({ country: 'UA', statements: [{ quote: 'Words that were said.', sourceId: 'b' }] })],
  });

  it('lists every story, with every count, when no filter is on', () => {
    const view = selectSourcesInView(data, NO_FILTERS);
    expect(flat(view)).toEqual([
      ['a', 1, 0, 1],
      ['b', 0, 1, 1],
      ['c', 1, 0, 0],
    ]);
    expect([...view.groups.keys()]).toEqual(['Reuters', 'The New York Times']);
    expect([view.contributing, view.total]).toEqual([3, 3]);
  });

  it('with a filter, lists only the stories that contribute, with the counts of what is shown', () => {
    const taiwan: Filters = { ...NO_FILTERS, countries: ['TW'] };
    const view = selectSourcesInView(data, taiwan);
    expect(flat(view)).toEqual([['c', 1, 0, 0]]);
    expect([...view.groups.keys()]).toEqual(['The New York Times']);
    expect([view.contributing, view.total]).toEqual([1, 3]);
  });

  it('counts a statement when its actor passes the filters, and only the focused actor’s', () => {
    expect(flat(selectSourcesInView(data, { ...NO_FILTERS, countries: ['UA'] }))).toEqual([
      ['a', 1, 0, 0],
      ['b', 0, 1, 0],
    ]);
    expect(selectSourcesInView(data, { ...NO_FILTERS, actor: 'someone-else' }).contributing).toBe(0);
  });

  it('on the shipped data, Taiwan + Tariffs keeps only the stories behind the shown figures and events', () => {
    const filters: Filters = { ...NO_FILTERS, countries: ['TW'], topics: ['tariffs'] };
    const view = selectSourcesInView(shipped, filters);
    const uses = [...view.groups.values()].flat();
    expect(view.total).toBe(shipped.sources.length);
    expect(view.contributing).toBeLessThan(view.total);
    expect(uses.map((u) => u.source.id)).toContain('nyt-taiwan-tariffs');
    expect(uses.map((u) => u.source.id)).not.toContain('reuters-iiss-assessment');
    expect(uses.every((u) => u.figures + u.statements + u.events > 0)).toBe(true);
    // The counts add up to what the key figures and the timeline show.
    const sum = (k: 'figures' | 'events') => uses.reduce((n, u) => n + u[k], 0);
    expect(sum('figures')).toBe(selectFigures(shipped, filters).length);
    expect(sum('events')).toBe(selectEvents(shipped, filters).reduce((n, e) => n + e.sourceIds.length, 0));
  });
});
