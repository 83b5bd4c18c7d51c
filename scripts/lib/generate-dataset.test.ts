import { describe, expect, it } from 'vitest';
import { generateDataset } from './generate-dataset';
import { loadDataset, parseDataset } from '../../src/model/dataset/load-dataset';
import sources from '../../data/sources.json';
import topics from '../../data/topics.json';
import countries from '../../data/countries.json';
import units from '../../data/units.json';
import figures from '../../data/figures.json';
import actors from '../../data/actors.json';
import events from '../../data/events.json';
import places from '../../data/places.json';
import measures from '../../data/measures.json';

const base = loadDataset({ sources, topics, countries, units, figures, actors, events, places, measures });

describe('generateDataset', () => {
  it('makes the requested numbers of items, valid against the schema and its cross-checks', () => {
    const data = generateDataset(base, { figures: 500, actors: 100, events: 300 });
    expect([data.figures.length, data.actors.length, data.events.length]).toEqual([500, 100, 300]);
    const result = parseDataset(JSON.parse(JSON.stringify(data)));
    expect(result.ok ? [] : result.errors.slice(0, 5)).toEqual([]);
  });

  it('is deterministic for a seed', () => {
    const a = generateDataset(base, { figures: 20, actors: 10, events: 10, seed: 7 });
    const b = generateDataset(base, { figures: 20, actors: 10, events: 10, seed: 7 });
    expect(a).toEqual(b);
  });
});
