import { useEffect, useId, useRef, useState } from 'react';
import type { Dataset } from '../../model/schema';
import { figureCitation } from '../../model/citation';
import { figureWhen, formatFigureValue, QUALIFIER_WORDS } from '../../model/format';
import { SourceQuote } from '../../components/source-quote';
import { useChoices } from '../../state/store';

/** The outcome of the last "Copy citation", for the figure it was about. */
type CopyState = { figureId: string | null; kind: 'idle' | 'copied' | 'failed' };

/** The open figure's detail: quote, story, countries, topics, actors, and "Copy citation". */
export function FigureDetail({ dataset }: { dataset: Dataset }) {
  const figureId = useChoices((s) => s.figure);
  const openFigure = useChoices((s) => s.openFigure);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<Element | null>(null);
  const titleId = useId();
  const [lastCopy, setCopy] = useState<CopyState>({ figureId: null, kind: 'idle' });
  const copy = lastCopy.figureId === figureId ? lastCopy : { kind: 'idle' };

  const figure = figureId ? dataset.figures.find((f) => f.id === figureId) : undefined;
  const source = figure ? dataset.sources.find((s) => s.id === figure.sourceId) : undefined;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (figure && !dialog.open) {
      openerRef.current = document.activeElement;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!figure && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [figure]);

  const close = () => {
    openFigure(null);
    const opener = openerRef.current;
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  };

  const copyCitation = async () => {
    if (!figure || !source) return;
    try {
      await navigator.clipboard.writeText(figureCitation(figure, source));
      setCopy({ figureId: figure.id, kind: 'copied' });
    } catch {
      setCopy({ figureId: figure.id, kind: 'failed' });
    }
  };

  const names = <T extends { id: string }>(list: readonly T[], ids: readonly string[], name: (item: T) => string) =>
    ids
      .map((id) => list.find((x) => x.id === id))
      .filter((x): x is T => x !== undefined)
      .map(name);

  return (
    <dialog
      ref={dialogRef}
      className="figure-detail"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onClick={(e) => {
        if (e.target === dialogRef.current) close();
      }}
    >
      {figure && source && (
        <div className="figure-detail__body">
          <header className="figure-detail__header">
            <h2 id={titleId}>{figure.label}</h2>
            <button type="button" className="button button--quiet" onClick={close} aria-label="Close">
              ✕
            </button>
          </header>
          <p className="figure-detail__value">
            {formatFigureValue(figure)}
            {figure.derived && <span className="badge badge--derived">derived</span>}
          </p>
          <SourceQuote quote={figure.quote} claimant={figure.claimant} source={source} />
          <dl className="figure-detail__facts">
            <dt>Claimed by</dt>
            <dd>{figure.claimant}</dd>
            <dt>Precision</dt>
            <dd>{QUALIFIER_WORDS[figure.qualifier]}</dd>
            <dt>When</dt>
            <dd>{figureWhen(figure)}</dd>
            <dt>Story</dt>
            <dd>
              {source.title} ({source.publisher}
              {source.outlet !== source.publisher ? `, via ${source.outlet}` : ''})
            </dd>
            <dt>Countries</dt>
            <dd>{names(dataset.countries, figure.countries, (c) => c.name).join(', ')}</dd>
            <dt>Topics</dt>
            <dd>{names(dataset.topics, figure.topics, (t) => t.label).join(', ')}</dd>
            {figure.actorIds.length > 0 && (
              <>
                <dt>Actors</dt>
                <dd>{names(dataset.actors, figure.actorIds, (a) => a.name).join(', ')}</dd>
              </>
            )}
            {figure.reading && (
              <>
                <dt>Reading</dt>
                <dd>{figure.reading}</dd>
              </>
            )}
            {figure.derived && (
              <>
                <dt>Derived</dt>
                <dd>{figure.derived.formula}</dd>
              </>
            )}
            {figure.note && (
              <>
                <dt>Note</dt>
                <dd>{figure.note}</dd>
              </>
            )}
          </dl>
          <div className="figure-detail__actions">
            <button type="button" className="button" onClick={copyCitation}>
              Copy citation
            </button>
            <span role="status" className="figure-detail__copy-status">
              {copy.kind === 'copied' && 'Citation copied.'}
              {copy.kind === 'failed' && 'Copying is blocked here: select the citation below and copy it.'}
            </span>
          </div>
          {copy.kind === 'failed' && (
            <textarea className="figure-detail__citation" readOnly value={figureCitation(figure, source)} rows={4} />
          )}
        </div>
      )}
    </dialog>
  );
}
