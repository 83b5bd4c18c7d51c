/**
 * The review of a pack as a reducer: which item is selected, each item's status, the analyst's edits,
 * figures added by hand. Pure, so the rules are tested without React.
 */
import { type Actor, type Event, type Figure, type ItemStatus, type Place } from '../../model/dataset/schema';
import type { Pack } from '../../model/pack/pack-schema';
import type { ParsedAmount } from './parse-selection';
import { entityProblems, figureProblems, type EntityKind } from '../../model/corrections/item-problems';
import { ITEM_KINDS, type ItemKind } from '../../model/pack/lifecycle';

/** An item the engine is confident of: no doubts, and (for a figure) nothing to fix. */
export function isConfident(item: { doubts?: readonly string[] | undefined }): boolean {
  return (item.doubts?.length ?? 0) === 0;
}

export interface ReviewState {
  pack: Pack;
  /** The figure selected in the list and in the article. */
  selected: string | null;
}

export type ReviewAction =
  | { type: 'select'; id: string | null }
  | { type: 'status'; kind: ItemKind; key: string; status: ItemStatus }
  | { type: 'edit-figure'; figure: Figure }
  | { type: 'edit-item'; kind: EntityKind; key: string; item: Actor | Event | Place }
  | { type: 'accept-all' }
  | { type: 'add-figure'; figure: Figure };

/** The key of an item in the list: its id, or its position for statements (which have none). */
export function itemKey(kind: ItemKind, item: object, index: number): string {
  if (kind === 'statements' || !('id' in item) || typeof item.id !== 'string') return `${kind}-${index}`;
  return item.id;
}

export function isFigureValid(figure: Figure, articleText: string): boolean {
  return Object.keys(figureProblems(figure, articleText)).length === 0;
}

function setStatus<T extends { status?: ItemStatus }>(items: T[], index: number, status: ItemStatus): T[] {
  return items.map((item, i) => (i === index ? { ...item, status } : item));
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  const { pack } = state;
  switch (action.type) {
    case 'select':
      return { ...state, selected: action.id };
    case 'status': {
      const items = pack[action.kind] as { id?: string; status?: ItemStatus }[];
      const index = items.findIndex((item, i) => itemKey(action.kind, item, i) === action.key);
      if (index < 0) return state;
      if (
        action.kind === 'figures' &&
        action.status === 'accepted' &&
        !isFigureValid(pack.figures[index]!, pack.article.text)
      ) {
        return { ...state, selected: action.key };
      }
      if (
        (action.kind === 'actors' || action.kind === 'events' || action.kind === 'places') &&
        action.status === 'accepted' &&
        Object.keys(entityProblems(action.kind, items[index] as Actor | Event | Place)).length > 0
      ) {
        return state;
      }
      return { ...state, pack: { ...pack, [action.kind]: setStatus(items, index, action.status) } };
    }
    case 'edit-figure': {
      const figure = action.figure;
      // An accepted figure edited into an invalid one goes back to review.
      const status =
        figure.status === 'accepted' && !isFigureValid(figure, pack.article.text) ? 'proposed' : figure.status;
      return {
        ...state,
        pack: { ...pack, figures: pack.figures.map((f) => (f.id === figure.id ? { ...figure, status } : f)) },
      };
    }
    case 'edit-item': {
      const items = pack[action.kind] as (Actor | Event | Place)[];
      const index = items.findIndex((item, i) => itemKey(action.kind, item, i) === action.key);
      if (index < 0) return state;
      const item = action.item;
      // An accepted item edited into an invalid one goes back to review.
      const invalid = Object.keys(entityProblems(action.kind, item)).length > 0;
      const next = invalid && item.status === 'accepted' ? { ...item, status: 'proposed' as const } : item;
      return { ...state, pack: { ...pack, [action.kind]: items.map((x, i) => (i === index ? next : x)) } };
    }
    case 'accept-all': {
      // Only what the engine is confident of: an item with doubts waits for the analyst.
      const accept = <T extends { status?: ItemStatus; doubts?: string[] }>(
        items: T[],
        ok: (item: T) => boolean = () => true,
      ) =>
        items.map((item) =>
          item.status !== 'accepted' && item.status !== 'rejected' && isConfident(item) && ok(item)
            ? { ...item, status: 'accepted' as const }
            : item,
        );
      return {
        ...state,
        pack: {
          ...pack,
          figures: accept(pack.figures, (f) => isFigureValid(f, pack.article.text)),
          actors: accept(pack.actors, (a) => Object.keys(entityProblems('actors', a)).length === 0),
          events: accept(pack.events, (e) => Object.keys(entityProblems('events', e)).length === 0),
          places: accept(pack.places, (p) => Object.keys(entityProblems('places', p)).length === 0),
          statements: accept(pack.statements),
        },
      };
    }
    case 'add-figure':
      return { ...state, pack: { ...pack, figures: [...pack.figures, action.figure] }, selected: action.figure.id };
  }
}

/** How many items still to review the engine has doubts about (left by "Accept all"). */
export function doubtfulCount(pack: Pack): number {
  let n = 0;
  for (const kind of ITEM_KINDS) {
    for (const item of pack[kind] as { status?: ItemStatus; doubts?: string[] }[]) {
      if ((item.status ?? 'proposed') === 'proposed' && !isConfident(item)) n++;
    }
  }
  return n;
}

/** How many items stand where. */
export function reviewCounts(pack: Pack): { accepted: number; rejected: number; proposed: number; figures: number } {
  let accepted = 0;
  let rejected = 0;
  let proposed = 0;
  for (const kind of ITEM_KINDS) {
    for (const item of pack[kind] as { status?: ItemStatus }[]) {
      if (item.status === 'accepted') accepted++;
      else if (item.status === 'rejected') rejected++;
      else proposed++;
    }
  }
  return { accepted, rejected, proposed, figures: pack.figures.filter((f) => f.status === 'accepted').length };
}

/**
 * A figure the analyst adds from words selected in the article: the selection is its quote; what could be
 * read from it is filled in, the rest (label at least) they type. Countries and topics start as the
 * article's most common ones.
 */
export function figureFromSelection(pack: Pack, quote: string, parsed: ParsedAmount): Figure {
  const taken = new Set(pack.figures.map((f) => f.id));
  let n = 1;
  while (taken.has(`${pack.source.id}-added-${n}`)) n++;
  const common = (pick: (f: Figure) => string[]) => {
    const counts = new Map<string, number>();
    for (const f of pack.figures) for (const id of pick(f)) counts.set(id, (counts.get(id) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    return best ? [best[0]] : [];
  };
  const figure: Figure = {
    id: `${pack.source.id}-added-${n}`,
    label: '',
    // A measure of its own: it joins a measure already tracked only when the analyst links it.
    measure: `${pack.source.id}-added-${n}`,
    unit: parsed.unit ?? 'people',
    qualifier: parsed.qualifier ?? 'exact',
    stated: parsed.stated && quote.includes(parsed.stated) ? parsed.stated : quote,
    date: pack.source.published,
    countries: common((f) => f.countries),
    topics: common((f) => f.topics),
    actorIds: [],
    claimant: pack.source.publisher,
    sourceId: pack.source.id,
    quote,
    status: 'proposed',
  };
  if (parsed.low !== undefined && parsed.high !== undefined) return { ...figure, low: parsed.low, high: parsed.high };
  if (parsed.value !== undefined) return { ...figure, value: parsed.value };
  return figure;
}

/**
 * The pack as it can be stored: every item valid against the schema, so that it reads back after a reload.
 * A figure in the middle of an edit that is not valid yet is stored as it last was when valid (with its
 * current status), or left out if it never was (a figure just added by hand, still without its label).
 */
export function storablePack(pack: Pack, lastValid: ReadonlyMap<string, Figure>): Pack {
  const figures = pack.figures.flatMap((f) => {
    if (isFigureValid(f, pack.article.text)) return [f];
    const before = lastValid.get(f.id);
    return before ? [{ ...before, status: f.status === 'accepted' ? 'proposed' : f.status }] : [];
  });
  return { ...pack, figures };
}
