/**
 * The shipped dataset: the JSON files under data/, validated once when this module loads.
 * It is an immutable module value, never store state. Import it lazily (it carries the data and zod).
 * `@data` is data/ unless GEOBRIEF_DATA_DIR names another folder (the benchmark's generated dataset).
 */
import sources from '@data/sources.json';
import topics from '@data/topics.json';
import countries from '@data/countries.json';
import units from '@data/units.json';
import figures from '@data/figures.json';
import actors from '@data/actors.json';
import events from '@data/events.json';
import places from '@data/places.json';
import { parseDataset } from './load-dataset';

/** `{ ok: true, dataset }`, or `{ ok: false, errors }` naming each file, index and field at fault. */
export const loaded = parseDataset({ sources, topics, countries, units, figures, actors, events, places });
