/**
 * Helpers for the tests of the analyst's layer: a figure of a dataset by id, a correction of one field made by
 * "you", and a merge of two measures.
 */
import type { Dataset, Figure } from '../dataset/schema';
import { YOU, type Correction, type Merge } from './edits-schema';

export const figureOf = (dataset: Dataset, id: string): Figure => {
  const f = dataset.figures.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};

/** A correction of one field of an item, made by "you" at `at`. */
export function correct(
  kind: Correction['kind'],
  itemId: string,
  field: string,
  from: Correction['changes'][number]['from'],
  to: Correction['changes'][number]['to'],
  id: string,
  at: string,
): Correction {
  return {
    id,
    kind,
    itemId,
    at,
    by: YOU,
    changes: [{ field, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }],
  };
}

export const merge = (id: string, from: string, into: string, at: string): Merge => ({ id, from, into, at, by: YOU });
