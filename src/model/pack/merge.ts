/**
 * Merges the accepted items of data packs into the dashboard's dataset. Pure and cheap: the base's arrays
 * are copied shallowly and its items shared as they are (already frozen); only new items, and known actors
 * that gain statements, are new objects. Check packs with `parsePack` first: it reports clashes and
 * duplicates, which the merge then simply skips (an id already present is never overwritten).
 */
import { deepFreeze } from '../dataset/load-dataset';
import type { Pack } from './pack-schema';
import type { Actor, Dataset, ItemStatus, Statement } from '../dataset/schema';

const isAccepted = (item: { status?: ItemStatus }) => item.status === undefined || item.status === 'accepted';

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

function hasItems(pack: Pack): boolean {
  return (
    pack.figures.length + pack.actors.length + pack.events.length + pack.places.length + pack.statements.length > 0
  );
}

/** A statement as an actor carries it (its review fields stay with the pack). */
function toStatement(s: Pack['statements'][number]): Statement {
  return s.context === undefined
    ? { quote: s.quote, sourceId: s.sourceId }
    : { quote: s.quote, sourceId: s.sourceId, context: s.context };
}

/**
 * The base dataset with the accepted items of every pack added: the pack's source (when any item of it is
 * accepted), its new countries, places, actors, events and figures, and its statements appended to the
 * actors they belong to. Deep-frozen; the base and the packs are left as they are. When nothing is added, the
 * base itself (so that a memoised view does not recompute).
 */
export function mergeDataset(base: Dataset, packs: readonly Pack[]): Dataset {
  if (packs.length === 0) return base;
  const out: Dataset = {
    sources: [...base.sources],
    topics: base.topics,
    countries: [...base.countries],
    units: [...base.units],
    figures: [...base.figures],
    actors: [...base.actors],
    events: [...base.events],
    places: [...base.places],
    measures: base.measures,
  };
  const idsOf = (items: readonly { id: string }[]) => new Set(items.map((x) => x.id));
  const ids = {
    units: idsOf(out.units),
    sources: idsOf(out.sources),
    countries: idsOf(out.countries),
    figures: idsOf(out.figures),
    actors: idsOf(out.actors),
    events: idsOf(out.events),
    places: idsOf(out.places),
  };
  let changed = false;
  const add = <K extends keyof typeof ids>(kind: K, items: readonly Dataset[K][number][]) => {
    for (const item of items) {
      if (ids[kind].has(item.id)) continue;
      changed = true;
      ids[kind].add(item.id);
      (out[kind] as Dataset[K][number][]).push(structuredClone(item));
    }
  };

  for (const pack of packs) {
    const accepted = acceptedItems(pack);
    if (!hasItems(accepted)) continue;
    add('sources', [accepted.source]);
    add('units', accepted.units);
    add('countries', accepted.countries);
    add('places', accepted.places);
    add('actors', accepted.actors);
    add('events', accepted.events);
    add('figures', accepted.figures);
    for (const s of accepted.statements) {
      const index = out.actors.findIndex((a) => a.id === s.actorId);
      const actor = out.actors[index];
      if (actor === undefined) continue;
      if (actor.statements.some((t) => t.quote === s.quote && t.sourceId === s.sourceId)) continue;
      out.actors[index] = { ...actor, statements: [...actor.statements, toStatement(s)] };
      changed = true;
    }
  }
  if (out.units.length === base.units.length) out.units = base.units;
  return changed ? deepFreeze(out) : base;
}
