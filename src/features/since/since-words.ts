/**
 * Words for a comparison with a saved briefing, shared by the "Since the last briefing" view and its slide. Pure.
 */
import type { countChanges } from '../../model/briefing/briefing-compare';
import { plural } from '../../model/format/format';
import type { SinceSummary } from '../../model/briefing/since-summary';

/** The counts of a comparison as short phrases, only those that are not zero. */
export function changePhrases(counts: ReturnType<typeof countChanges>): string[] {
  return [
    counts.figuresAdded > 0 && `${plural(counts.figuresAdded, 'figure')} added`,
    counts.estimates > 0 &&
      `${plural(counts.estimates, 'new estimate')} of ${counts.estimates === 1 ? 'a measure' : 'measures'} already tracked`,
    counts.figuresChanged > 0 && `${plural(counts.figuresChanged, 'figure')} changed`,
    counts.figuresRemoved > 0 && `${plural(counts.figuresRemoved, 'figure')} removed`,
    counts.actorsAdded > 0 && `${plural(counts.actorsAdded, 'new actor')}`,
    counts.statements > 0 && `${plural(counts.statements, 'new statement')}`,
    counts.actorsChanged > 0 && `${plural(counts.actorsChanged, 'actor')} changed`,
    counts.actorsRemoved > 0 && `${plural(counts.actorsRemoved, 'actor')} removed`,
    counts.eventsAdded > 0 && `${plural(counts.eventsAdded, 'new event')}`,
    counts.eventsChanged > 0 && `${plural(counts.eventsChanged, 'event')} changed`,
    counts.eventsRemoved > 0 && `${plural(counts.eventsRemoved, 'event')} removed`,
    counts.sourcesAdded > 0 && `${plural(counts.sourcesAdded, 'source')} added`,
    counts.sourcesRemoved > 0 && `${plural(counts.sourcesRemoved, 'source')} removed`,
  ].filter((p): p is string => typeof p === 'string');
}

/** The rest of a summary, counted: "38 other new figures · 12 events · 4 actors · 3 sources". */
export function restPhrases(rest: SinceSummary['rest'], anyInSummary: boolean): string[] {
  return [
    rest.figuresAdded > 0 &&
      (anyInSummary ? plural(rest.figuresAdded, 'other new figure') : plural(rest.figuresAdded, 'new figure')),
    rest.figuresChanged > 0 && `${plural(rest.figuresChanged, 'figure')} changed`,
    rest.figuresRemoved > 0 && `${plural(rest.figuresRemoved, 'figure')} removed`,
    rest.events > 0 && plural(rest.events, 'event'),
    rest.actors > 0 && plural(rest.actors, 'actor'),
    rest.statements > 0 && plural(rest.statements, 'statement'),
    rest.sources > 0 && plural(rest.sources, 'source'),
  ].filter((p): p is string => typeof p === 'string');
}
