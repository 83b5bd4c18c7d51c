/**
 * The stories behind what the filters show. Pure.
 */
import { NO_ACTOR_FILTERS, selectActors } from './actor-selectors';
import { selectEvents } from './event-selectors';
import type { Dataset, Source } from './schema';
import { hasFilters, selectFigures, type Filters, type SourceUse } from './selectors';

export interface SourcesInView {
  /** The stories that contribute, grouped by publisher (in the dataset's order), with their counts under the filters. */
  groups: Map<string, SourceUse[]>;
  /** How many stories contribute (all of them when no filter is on). */
  contributing: number;
  /** How many stories the dataset holds. */
  total: number;
}

/**
 * Each story with how many of the figures, statements and events the filters select cite it. With a filter on,
 * only the stories that contribute something are listed; with none, every story is, even one that is cited
 * by nothing (so an added story still shows). Statements count when their actor passes the filters (country,
 * topic, search, focused actor), as the actor panel shows them.
 */
export function selectSourcesInView(dataset: Dataset, filters: Filters): SourcesInView {
  const filtered = hasFilters(filters);
  const figures = selectFigures(dataset, filters);
  const events = selectEvents(dataset, filters);
  const actors = selectActors(dataset, { ...filters, actor: null }, NO_ACTOR_FILTERS).filter(
    (a) => !filters.actor || a.id === filters.actor,
  );

  const uses = new Map<string, SourceUse>(
    dataset.sources.map((source: Source) => [source.id, { source, figures: 0, statements: 0, events: 0 }]),
  );
  for (const f of figures) {
    const use = uses.get(f.sourceId);
    if (use) use.figures++;
  }
  for (const e of events) {
    for (const id of e.sourceIds) {
      const use = uses.get(id);
      if (use) use.events++;
    }
  }
  for (const a of actors) {
    for (const s of a.statements) {
      const use = uses.get(s.sourceId);
      if (use) use.statements++;
    }
  }

  const groups = new Map<string, SourceUse[]>();
  let contributing = 0;
  for (const use of uses.values()) {
    if (filtered && use.figures + use.statements + use.events === 0) continue;
    contributing++;
    groups.set(use.source.publisher, [...(groups.get(use.source.publisher) ?? []), use]);
  }
  return { groups, contributing, total: dataset.sources.length };
}
