/**
 * A pack's life as pure functions: which of its items are accepted (and so reach the dashboard), the date
 * they were added, one item taken off again (rejected, kept in the pack with its article), and whether a pack
 * read from a file is reviewed (added) or still a draft. The review, the analyst's stored data, a file
 * import and `npm run import` all use these, so each rule has one home. Merging packs into the dataset is
 * `mergeDataset` (merge.ts); checking them is `parsePack` (pack.ts).
 */
import type { Pack } from './pack-schema';
import type { Actor, ItemStatus } from '../dataset/schema';

/** The kinds of item the analyst reviews in a pack (statements have no id; countries are vocabulary). */
export type ItemKind = 'figures' | 'actors' | 'events' | 'places' | 'statements';

export const ITEM_KINDS: readonly ItemKind[] = ['figures', 'actors', 'events', 'places', 'statements'];

/** An item that reaches the dashboard: accepted, or with no status (shipped data and hand-made packs). */
export const isAccepted = (item: { status?: ItemStatus }): boolean =>
  item.status === undefined || item.status === 'accepted';

/**
 * The pack with only its accepted items (status "accepted" or none). References to items of the pack that
 * were not accepted are dropped, a figure derived from one is left out, and of the pack's new countries
 * only those that kept items name are kept, so that what remains merges cleanly.
 */
export function acceptedItems(pack: Pack): Pack {
  const notKept = <T extends { id: string; status?: ItemStatus }>(items: readonly T[]) =>
    new Set(items.filter((x) => !isAccepted(x)).map((x) => x.id));
  const droppedActors = notKept(pack.actors);
  const droppedPlaces = notKept(pack.places);
  const droppedFigures = notKept(pack.figures);
  const without = (ids: string[], dropped: ReadonlySet<string>): string[] =>
    ids.some((id) => dropped.has(id)) ? ids.filter((id) => !dropped.has(id)) : ids;

  // A derived figure stands only with the figures it is computed from (repeat: derived from derived).
  let figures = pack.figures.filter(isAccepted);
  for (;;) {
    const next = figures.filter((f) => !f.derived?.from.some((id) => droppedFigures.has(id)));
    if (next.length === figures.length) break;
    for (const f of figures) if (!next.includes(f)) droppedFigures.add(f.id);
    figures = next;
  }
  figures = figures.map((f) => {
    const actorIds = without(f.actorIds, droppedActors);
    return actorIds === f.actorIds ? f : { ...f, actorIds };
  });

  const actors = pack.actors.filter(isAccepted).map((a): Actor => {
    if (a.memberOf === undefined) return a;
    const memberOf = without(a.memberOf, droppedActors);
    return memberOf === a.memberOf ? a : { ...a, memberOf };
  });
  const events = pack.events.filter(isAccepted).map((e) => {
    const placeIds = without(e.placeIds, droppedPlaces);
    const actorIds = without(e.actorIds, droppedActors);
    return placeIds === e.placeIds && actorIds === e.actorIds ? e : { ...e, placeIds, actorIds };
  });
  const places = pack.places.filter(isAccepted);
  const statements = pack.statements.filter((s) => isAccepted(s) && !droppedActors.has(s.actorId));

  const named = new Set<string>([
    ...figures.flatMap((f) => f.countries),
    ...actors.flatMap((a) => (a.country === null ? [] : [a.country])),
    ...places.map((p) => p.country),
  ]);
  const countries = pack.countries.filter((c) => named.has(c.id));
  // A unit the article brought comes in with the figures that use it.
  const used = new Set(figures.map((f) => f.unit));
  const units = pack.units.filter((u) => used.has(u.id));
  return { ...pack, figures, actors, events, places, statements, countries, units };
}

function stampAdded<T extends { status?: ItemStatus; addedAt?: string }>(items: readonly T[], now: string): T[] {
  return items.map((item) => (isAccepted(item) && item.addedAt === undefined ? { ...item, addedAt: now } : item));
}

/** The pack with `addedAt` set on its accepted items (and source) that do not have one yet. */
export function withAddedAt(pack: Pack, now: string): Pack {
  return {
    ...pack,
    source: pack.source.addedAt === undefined ? { ...pack.source, addedAt: now } : pack.source,
    figures: stampAdded(pack.figures, now),
    actors: stampAdded(pack.actors, now),
    events: stampAdded(pack.events, now),
    places: stampAdded(pack.places, now),
    statements: stampAdded(pack.statements, now),
    countries: stampAdded(pack.countries, now),
  };
}

/**
 * The pack with one item rejected (so it leaves every view; what referred to it is dropped by the merge).
 * Statements have no id: `itemId` is the statement's quote.
 */
export function withoutItem(pack: Pack, kind: ItemKind, itemId: string): Pack {
  const reject = <T extends { status?: ItemStatus; addedAt?: string }>(item: T): T => {
    const { addedAt: _addedAt, ...rest } = item;
    return { ...rest, status: 'rejected' } as T;
  };
  switch (kind) {
    case 'statements':
      return { ...pack, statements: pack.statements.map((s) => (s.quote === itemId ? reject(s) : s)) };
    case 'figures':
      return { ...pack, figures: pack.figures.map((x) => (x.id === itemId ? reject(x) : x)) };
    case 'actors':
      return { ...pack, actors: pack.actors.map((x) => (x.id === itemId ? reject(x) : x)) };
    case 'events':
      return { ...pack, events: pack.events.map((x) => (x.id === itemId ? reject(x) : x)) };
    case 'places':
      return { ...pack, places: pack.places.map((x) => (x.id === itemId ? reject(x) : x)) };
  }
}

/** Does the pack bring anything into the dashboard (it was reviewed), or is it still all in review (a draft)? */
export function isReviewed(pack: Pack): boolean {
  const items = [...pack.figures, ...pack.actors, ...pack.events, ...pack.places, ...pack.statements];
  return items.some((item) => item.addedAt !== undefined || isAccepted(item));
}
