/**
 * Events and the places where they happen, as the filters select them. Pure.
 */
import type { Dataset, Event, Place } from './schema';
import { queryTerms, type Filters } from './selectors';

/** The countries an event concerns: those of its places and of its actors. */
export function eventCountries(dataset: Pick<Dataset, 'places' | 'actors'>, event: Event): Set<string> {
  const countries = new Set<string>();
  for (const id of event.placeIds) {
    const place = dataset.places.find((p) => p.id === id);
    if (place) countries.add(place.country);
  }
  for (const id of event.actorIds) {
    const actor = dataset.actors.find((a) => a.id === id);
    if (actor?.country) countries.add(actor.country);
  }
  return countries;
}

function eventText(dataset: Pick<Dataset, 'places' | 'actors'>, event: Event): string {
  const names = [
    ...event.placeIds.map((id) => dataset.places.find((p) => p.id === id)?.name ?? ''),
    ...event.actorIds.map((id) => dataset.actors.find((a) => a.id === id)?.name ?? ''),
  ];
  return [event.title, event.summary ?? '', ...names].join(' ').toLowerCase().replace(/[’‘]/g, "'");
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
  return dataset.places
    .map((place) => ({ place, events: events.filter((e) => e.placeIds.includes(place.id)) }))
    .filter((pe) => pe.events.length > 0);
}
