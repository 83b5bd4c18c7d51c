import { useCallback, useEffect, useId, useMemo, useRef, useState, type Dispatch } from 'react';
import type { Actor, Dataset, Event, Figure, ItemStatus, Place } from '../../model/dataset/schema';
import { formatDate, plural } from '../../model/format/format';
import { ArticlePane } from './article-pane';
import { EntityList } from './entity-list';
import { ReviewFigureCard, type ReviewVocabulary } from './review-figure-card';
import { parseAmount } from './parse-selection';
import { figureProblems, type EntityKind } from '../../model/corrections/item-problems';
import {
  doubtfulCount,
  figureFromSelection,
  isConfident,
  reviewCounts,
  reviewReducer,
  type ReviewAction,
  type ReviewState,
} from './review-state';
import type { ItemKind } from '../../model/pack/lifecycle';

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

interface ReviewProps {
  state: ReviewState;
  dispatch: Dispatch<ReviewAction>;
  dataset: Dataset;
  save: SaveState;
  adding: boolean;
  addError: string | null;
  onAdd: () => void;
  onDiscard: () => void;
}

/** "3 figures", "3 figures and 2 other items", "2 items". */
function willAdd(figures: number, others: number): string {
  if (figures === 0) return plural(others, 'item');
  return others === 0 ? plural(figures, 'figure') : `${plural(figures, 'figure')} and ${plural(others, 'other item')}`;
}

/** Step two: the article with its figures highlighted, the proposals to accept or reject, "Add to dashboard". */
export function Review({ state, dispatch, dataset, save, adding, addError, onAdd, onDiscard }: ReviewProps) {
  const { pack, selected } = state;
  const [notice, setNotice] = useState<string | null>(null);
  const listRef = useRef<HTMLElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const reasonId = useId();
  // The form that had the focus is gone: the review starts at its title (read out, scrolled to the top).
  useEffect(() => {
    const title = titleRef.current;
    title?.focus({ preventScroll: true });
    title?.closest('dialog')?.scrollTo?.(0, 0);
  }, []);
  const counts = reviewCounts(pack);

  const vocabulary: ReviewVocabulary = useMemo(() => {
    // A measure's name is the registry's (data/measures.json and the analyst's measures).
    const measures = new Map(dataset.measures.map((m) => [m.id, m.label]));
    const newUnits = pack.units.filter((u) => !dataset.units.some((d) => d.id === u.id));
    return {
      units: [...dataset.units, ...newUnits],
      newUnits: new Set(newUnits.map((u) => u.id)),
      countries: [...dataset.countries, ...pack.countries.filter((c) => !dataset.countries.some((d) => d.id === c.id))],
      topics: dataset.topics,
      measureName: (measure: string) => measures.get(measure),
    };
  }, [dataset, pack.countries, pack.units]);
  const actorName = useCallback(
    (id: string) => dataset.actors.find((a) => a.id === id)?.name ?? pack.actors.find((a) => a.id === id)?.name ?? id,
    [dataset.actors, pack.actors],
  );

  const select = useCallback((id: string) => dispatch({ type: 'select', id }), [dispatch]);
  const change = useCallback((figure: Figure) => dispatch({ type: 'edit-figure', figure }), [dispatch]);
  const setStatus = useCallback(
    (kind: ItemKind, key: string, status: ItemStatus) => dispatch({ type: 'status', kind, key, status }),
    [dispatch],
  );
  const editItem = useCallback(
    (kind: EntityKind, key: string, item: Actor | Event | Place) => dispatch({ type: 'edit-item', kind, key, item }),
    [dispatch],
  );
  const setFigureStatus = useCallback(
    (id: string, status: ItemStatus) => setStatus('figures', id, status),
    [setStatus],
  );

  const selectFromArticle = (id: string) => {
    select(id);
    // Bring the item into view in the list and put the keyboard there.
    requestAnimationFrame(() => {
      const head = listRef.current?.querySelector<HTMLElement>(
        `[data-item-id="${CSS.escape(id)}"] .review-item__title`,
      );
      head?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
      head?.focus({ preventScroll: true });
    });
  };

  const acceptAll = () => {
    const before = reviewCounts(pack).accepted;
    const doubtful = doubtfulCount(pack);
    const waiting = pack.figures.filter((f) => (f.status ?? 'proposed') === 'proposed' && isConfident(f));
    const blocked = waiting.filter((f) => Object.keys(figureProblems(f, pack.article.text)).length > 0);
    const next = reviewReducer(state, { type: 'accept-all' });
    dispatch({ type: 'accept-all' });
    const accepted = reviewCounts(next.pack).accepted - before;
    const left = [
      doubtful ? `${plural(doubtful, 'item')} the assistant is unsure of (each says what to check)` : '',
      blocked.length ? `${plural(blocked.length, 'figure')} that need${blocked.length === 1 ? 's' : ''} a fix` : '',
    ].filter(Boolean);
    setNotice(
      `Accepted ${plural(accepted, 'item')} the assistant is confident of.` +
        (left.length ? ` Left for you to review: ${left.join(' and ')}.` : ''),
    );
  };

  const addFromSelection = (quote: string) => {
    const figure = figureFromSelection(pack, quote, parseAmount(quote, dataset.units));
    dispatch({ type: 'add-figure', figure });
    setNotice('Added a figure from your selection: check its fields, give it a label, then accept it.');
    requestAnimationFrame(() => {
      const label = listRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(figure.id)}"] input`);
      label?.scrollIntoView?.({ block: 'nearest' });
      label?.focus({ preventScroll: true });
    });
  };

  const reason = counts.accepted === 0 ? 'Accept at least one item to add it to the dashboard.' : null;

  return (
    <div className="review">
      <div className="review__intro">
        <div className="review__source">
          <h3 className="review__title" ref={titleRef} tabIndex={-1}>
            <span className="visually-hidden">Review: </span>
            {pack.source.title}{' '}
            <span className="review__byline">
              · {pack.source.publisher} · {formatDate(pack.source.published)}
            </span>
          </h3>
          <button type="button" className="button button--quiet" onClick={onDiscard}>
            Discard draft
          </button>
        </div>
        <p className="add-article__lead">
          Figures are proposed with their quotes; nothing is added until you accept it.
          <span className="review__lead-more"> Check each one against its highlight in the article.</span>
        </p>
        {pack.notes.length > 0 && (
          <ul className="add-article__notes" aria-label="Notes from the extraction">
            {pack.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </div>

      <div className="review__panes">
        <ArticlePane
          text={pack.article.text}
          figures={pack.figures}
          selected={selected}
          onSelect={selectFromArticle}
          onAddFromSelection={addFromSelection}
        />

        <section className="review__items" aria-label="Proposed items" ref={listRef}>
          <div className="review__pane-bar">
            <h3 className="review__pane-title">
              Figures <span className="review-group__count">({pack.figures.length})</span>
            </h3>
            <button type="button" className="button" onClick={acceptAll} disabled={counts.proposed === 0}>
              Accept all
            </button>
          </div>
          <p className="review__hint" role="status">
            {notice ??
              `${plural(counts.proposed, 'item')} to review · ${counts.accepted} accepted · ${counts.rejected} rejected`}
          </p>
          {pack.figures.length === 0 ? (
            <p className="review__empty">No figures found in this text. Select words in the article to add one.</p>
          ) : (
            <ul className="review-list" aria-label="Proposed figures">
              {pack.figures.map((figure) => (
                <ReviewFigureCard
                  key={figure.id}
                  figure={figure}
                  selected={figure.id === selected}
                  problems={figureProblems(figure, pack.article.text)}
                  vocabulary={vocabulary}
                  onSelect={select}
                  onChange={change}
                  onStatus={setFigureStatus}
                />
              ))}
            </ul>
          )}
          {(['actors', 'statements', 'events', 'places'] as const).map((kind) => (
            <EntityList
              key={kind}
              pack={pack}
              kind={kind}
              actorName={actorName}
              vocabulary={vocabulary}
              onStatus={setStatus}
              onEdit={editItem}
            />
          ))}
        </section>
      </div>

      <div className="review__footer">
        <p className={`review__save${save.kind === 'failed' ? ' review__save--failed' : ''}`} role="status">
          {save.kind === 'saving' && 'Saving the draft…'}
          {save.kind === 'saved' && 'Draft saved: you can close this and come back to it.'}
          {save.kind === 'failed' && <span className="field__error">The draft could not be saved: {save.message}</span>}
        </p>
        <div className="review__add">
          <button
            type="button"
            className="button button--large"
            disabled={reason !== null || adding}
            aria-describedby={reason ? reasonId : undefined}
            onClick={onAdd}
          >
            {adding ? 'Adding…' : 'Add to dashboard'}
          </button>
          <span id={reasonId} className="review__reason">
            {reason ?? `${willAdd(counts.figures, counts.accepted - counts.figures)} will be added.`}
          </span>
        </div>
        {addError && (
          <p role="alert" className="field__error review__add-error">
            {addError}
          </p>
        )}
      </div>
    </div>
  );
}
