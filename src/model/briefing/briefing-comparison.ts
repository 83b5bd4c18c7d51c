/**
 * What a comparison of a saved briefing with the dashboard holds (`compareBriefing` in `briefing-compare.ts`):
 * items added, removed and changed field by field, new estimates of tracked measures, new statements, events
 * and sources. Types only.
 */
import type { Actor, Event, Figure, Source, Statement } from '../dataset/schema';

export interface FieldChange {
  /** The item's top-level field, e.g. "value", "quote", "countries". */
  field: string;
  before: unknown;
  after: unknown;
}

export interface Changed<T> {
  before: T;
  after: T;
  fields: FieldChange[];
}

export interface ItemChanges<T> {
  added: T[];
  removed: T[];
  changed: Changed<T>[];
}

/** New estimates of one measure the briefing already tracked, beside the estimates it held. */
export interface NewEstimate {
  measure: string;
  /** The unit of the first new estimate. */
  unit: string;
  /** The estimates in the briefing (then), in data order. */
  earlier: Figure[];
  /** The estimates added since (now). */
  added: Figure[];
}

export interface NewStatement {
  actorId: string;
  actorName: string;
  /** Is the actor new as well? */
  newActor: boolean;
  statement: Statement;
}

export interface BriefingComparison {
  figures: ItemChanges<Figure>;
  estimates: NewEstimate[];
  actors: ItemChanges<Actor>;
  statements: NewStatement[];
  /** Added events are in date order. */
  events: ItemChanges<Event>;
  sources: { added: Source[]; removed: Source[] };
}
