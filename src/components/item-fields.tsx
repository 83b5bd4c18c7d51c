/**
 * The fields of a figure, an actor, an event or a place, as the analyst edits them: in the review of an article
 * and when correcting an item from its detail ("Edit"). Each problem shows next to its field.
 */
import type { Country, Topic, UnitInfo } from '../model/dataset/schema';
import './item-fields.css';

/** The lists the fields choose from. */
export interface FieldVocabulary {
  units: readonly UnitInfo[];
  countries: readonly Country[];
  topics: readonly Topic[];
}

export { FigureFields } from './figure-fields';
export { EntityFields } from './entity-fields';
