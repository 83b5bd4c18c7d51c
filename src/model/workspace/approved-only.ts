/**
 * What a viewer sees when the workspace shows viewers approved items only: the dataset without the items a
 * workspace holds that are not approved (figures and events; an actor or a place only when nothing left refers
 * to it). A presentation rule, not a security boundary: the server still sends every item to every member.
 */
import type { Dataset } from '../dataset/schema';
import { provenanceKey, type Provenance } from './provenance';

export function approvedOnly(dataset: Dataset, provenance: ReadonlyMap<string, Provenance>): Dataset {
  const waiting = (kind: string, id: string) => provenance.get(provenanceKey(kind, id))?.status === 'pending';
  const figures = dataset.figures.filter((f) => !waiting('figure', f.id));
  const events = dataset.events.filter((e) => !waiting('event', e.id));
  if (figures.length === dataset.figures.length && events.length === dataset.events.length) {
    const anyOther = [...provenance.entries()].some(
      ([key, p]) => p.status === 'pending' && (key.startsWith('actor:') || key.startsWith('place:')),
    );
    if (!anyOther) return dataset;
  }
  const usedActors = new Set([
    ...figures.flatMap((f) => f.actorIds),
    ...events.flatMap((e) => e.actorIds),
    ...dataset.actors.flatMap((a) => a.memberOf ?? []),
  ]);
  const usedPlaces = new Set(events.flatMap((e) => e.placeIds));
  return {
    ...dataset,
    figures,
    events,
    actors: dataset.actors.filter((a) => !waiting('actor', a.id) || usedActors.has(a.id)),
    places: dataset.places.filter((p) => !waiting('place', p.id) || usedPlaces.has(p.id)),
  };
}
