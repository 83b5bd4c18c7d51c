/**
 * Events and the places where they happen, as the filters select them. Pure.
 */
import type { Dataset, Event, Place } from './schema';
import { queryTerms, type Filters } from './selectors';

const byIdCache = new WeakMap<readonly { id: string }[], Map<string, unknown>>();

/** Id → item for a list, built once per list (the dataset is immutable). */
function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  let map = byIdCache.get(list) as Map<string, T> | undefined;
  if (!map) {
    map = new Map(list.map((x) => [x.id, x]));
    byIdCache.set(list, map);
  }
  return map;
}

const countriesCache = new WeakMap<Event, Set<string>>();
const textCache = new WeakMap<Event, string>();

/** The countries an event concerns: those of its places and of its actors. */
export function eventCountries(dataset: Pick<Dataset, 'places' | 'actors'>, event: Event): Set<string> {
  let countries = countriesCache.get(event);
  if (!countries) {
    countries = new Set<string>();
    const places = byId(dataset.places);
    const actors = byId(dataset.actors);
    for (const id of event.placeIds) {
      const place = places.get(id);
      if (place) countries.add(place.country);
    }
    for (const id of event.actorIds) {
      const actor = actors.get(id);
      if (actor?.country) countries.add(actor.country);
    }
    countriesCache.set(event, countries);
  }
  return countries;
}

function eventText(dataset: Pick<Dataset, 'places' | 'actors'>, event: Event): string {
  let text = textCache.get(event);
  if (text === undefined) {
    const places = byId(dataset.places);
    const actors = byId(dataset.actors);
    const names = [
      ...event.placeIds.map((id) => places.get(id)?.name ?? ''),
      ...event.actorIds.map((id) => actors.get(id)?.name ?? ''),
    ];
    text = [event.title, event.summary ?? '', ...names].join(' ').toLowerCase().replace(/[’‘]/g, "'");
    textCache.set(event, text);
  }
  return text;
}

export function eventMatches(dataset: Pick<Dataset, 'places' | 'actors'>, event: Event, filters: Filters): boolean {
  if (filters.countries.length > 0) {
    const countries = eventCountries(dataset, event);
    if (!filters.countries.some((c) => countries.has(c))) return false;
  }
  if (filters.topics.length > 0 && !event.topics.some((t) => filters.topics.includes(t))) return false;
  if (filters.actor && !event.actorIds.includes(filters.actor)) return false;
  const terms = queryTerms(filters.q);
  if (terms.length > 0) {
    const text = eventText(dataset, event);
    if (!terms.every((t) => text.includes(t))) return false;
  }
  return true;
}

/** Events that match the filters, in date order (the data's order for equal dates). */
export function selectEvents(dataset: Pick<Dataset, 'events' | 'places' | 'actors'>, filters: Filters): Event[] {
  return dataset.events
    .filter((e) => eventMatches(dataset, e, filters))
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map(({ e }) => e);
}

export interface PlaceEvents {
  place: Place;
  events: Event[];
}

/** Each place with the matching events that happen there; places with none are left out. */
export function selectPlaceEvents(
  dataset: Pick<Dataset, 'events' | 'places' | 'actors'>,
  filters: Filters,
): PlaceEvents[] {
  const events = selectEvents(dataset, filters);
  const at = new Map<string, Event[]>();
  for (const e of events) {
    for (const id of e.placeIds) {
      const list = at.get(id);
      if (list) list.push(e);
      else at.set(id, [e]);
    }
  }
  return dataset.places
    .map((place) => ({ place, events: at.get(place.id) ?? [] }))
    .filter((pe) => pe.events.length > 0);
}
