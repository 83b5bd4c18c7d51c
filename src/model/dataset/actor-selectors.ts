/**
 * Actors as the panel and the focus show them. Pure.
 */
import type { Actor, ActorKind, Dataset, Event } from './schema';
import { selectEvents } from './event-selectors';
import { hasFilters, queryTerms, selectFigures, type Filters } from './selectors';

export interface ActorPanelFilters {
  kind: ActorKind | null;
  country: string | null;
  topic: string | null;
  q: string;
}

export const NO_ACTOR_FILTERS: ActorPanelFilters = Object.freeze({ kind: null, country: null, topic: null, q: '' });

/** "none" groups actors that belong to no country (NATO, BTC-e). */
export const NO_COUNTRY = 'none';

export interface ActorCounts {
  /** Figures naming the actor, among those the filters select. */
  figures: number;
  /** Events naming the actor, among those the filters select. */
  events: number;
  /** The actor's own quoted words (a statement has no country or topic of its own, so all of them). */
  statements: number;
  /** True when a filter is on, so the figure and event counts are those of the selection, not of the dataset. */
  filtered: boolean;
}

const countCache = new WeakMap<object, Map<string, ActorCounts>>();

/**
 * How many figures, events and statements each actor has: in the whole dataset, or, with filters, among the
 * figures and events the filters select (the numbers match what the other panels show).
 */
export function actorCounts(
  dataset: Pick<Dataset, 'actors' | 'figures' | 'events' | 'places'>,
  filters?: Filters,
): Map<string, ActorCounts> {
  const filtered = filters !== undefined && hasFilters(filters);
  const cached = filtered ? undefined : countCache.get(dataset.actors);
  if (cached) return cached;
  const counts = new Map<string, ActorCounts>(
    dataset.actors.map((a) => [a.id, { figures: 0, events: 0, statements: a.statements.length, filtered }]),
  );
  const figures = filtered ? selectFigures(dataset, filters) : dataset.figures;
  const events = filtered ? selectEvents(dataset, filters) : dataset.events;
  for (const f of figures) for (const id of f.actorIds) counts.get(id)!.figures++;
  for (const e of events) for (const id of e.actorIds) counts.get(id)!.events++;
  if (!filtered) countCache.set(dataset.actors, counts);
  return counts;
}

function text(actor: Actor): string {
  return `${actor.name} ${actor.role}`.toLowerCase().replace(/[’‘]/g, "'");
}

/**
 * Actors that pass the global filters (country, topic, search) and the panel's own filters.
 * The focused actor does not narrow this list: the panel stays a way to change focus.
 */
export function selectActors(dataset: Pick<Dataset, 'actors'>, global: Filters, panel: ActorPanelFilters): Actor[] {
  const terms = [...queryTerms(global.q), ...queryTerms(panel.q)];
  return dataset.actors.filter((actor) => {
    if (global.countries.length > 0 && !(actor.country && global.countries.includes(actor.country))) return false;
    if (global.topics.length > 0 && !actor.topics.some((t) => global.topics.includes(t))) return false;
    if (panel.kind && actor.kind !== panel.kind) return false;
    if (panel.country && (actor.country ?? NO_COUNTRY) !== panel.country) return false;
    if (panel.topic && !actor.topics.includes(panel.topic)) return false;
    if (terms.length > 0) {
      const t = text(actor);
      if (!terms.every((term) => t.includes(term))) return false;
    }
    return true;
  });
}

export interface ActorGroup {
  /** Country code, or NO_COUNTRY. */
  country: string;
  actors: Actor[];
}

/** Actors grouped by country, groups in the order of the countries list (no-country last), names sorted. */
export function groupActorsByCountry(dataset: Pick<Dataset, 'countries'>, actors: readonly Actor[]): ActorGroup[] {
  const order = [...dataset.countries.map((c) => c.id), NO_COUNTRY];
  const groups = new Map<string, Actor[]>();
  for (const actor of actors) {
    const key = actor.country ?? NO_COUNTRY;
    groups.set(key, [...(groups.get(key) ?? []), actor]);
  }
  return [...groups]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([country, list]) => ({ country, actors: list }));
}

export interface Relation {
  actor: Actor;
  /** The events both took part in, in date order. */
  events: Event[];
}

/** Who an actor met, called or dealt with: the other actors of its events, most shared events first. */
export function selectRelations(dataset: Pick<Dataset, 'actors' | 'events'>, actorId: string): Relation[] {
  const byId = new Map(dataset.actors.map((a) => [a.id, a]));
  const relations = new Map<string, Event[]>();
  const events = dataset.events
    .filter((e) => e.actorIds.includes(actorId))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const event of events) {
    for (const other of event.actorIds) {
      if (other === actorId) continue;
      relations.set(other, [...(relations.get(other) ?? []), event]);
    }
  }
  return [...relations]
    .filter(([id]) => byId.has(id))
    .map(([id, evs]) => ({ actor: byId.get(id)!, events: evs }))
    .sort((a, b) => b.events.length - a.events.length || a.actor.name.localeCompare(b.actor.name));
}
