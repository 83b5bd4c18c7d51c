import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Dataset } from '../../model/dataset/schema';
import { figureCitation } from '../../model/format/citation';
import { displayValue, figureWhen, formatReading, isVague, precisionWords } from '../../model/format/format';
import { namesOf } from '../../model/dataset/selectors';
import { DetailDialog } from '../../components/detail-dialog';
import { SourceQuote } from '../../components/source-quote';
import { ProvenanceNote } from '../../components/provenance-note';
import { useChoices } from '../../state/store';
import { removeItem, useAddedPack } from '../../state/pack-actions';
import { addedNote } from '../../state/user-data-labels';
import { useLeads } from '../../state/use-leads';
import { pinOf } from '../../model/measures/leads';
import { FigureCorrection, FigureMeasure, FigureSources } from './figure-corrections';
import { useHistory } from '../../state/use-edits';
import { isActive } from '../../model/corrections/resolve-measure';
import { formatDateTime } from '../../model/format/format';
import './figure-detail.css';

/** "Remove" for a figure the analyst added: asks once more, then takes it off the dashboard. */
function RemoveAddedFigure({
  packId,
  figureId,
  onRemoved,
}: {
  packId: string;
  figureId: string;
  onRemoved: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
        Remove
      </button>
    );
  }
  return (
    <span className="figure-detail__confirm" role="group" aria-label="Confirm removing this figure">
      <span>Remove this figure from the dashboard?</span>
      <button
        ref={confirmRef}
        type="button"
        className="button figure-detail__remove"
        onClick={() => {
          onRemoved();
          void removeItem(packId, 'figures', figureId);
        }}
      >
        Yes, remove
      </button>
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}

/** The outcome of the last "Copy citation", for the figure it was about. */
type CopyState = { figureId: string | null; kind: 'idle' | 'copied' | 'failed' };

/** The open figure's detail: quote, story, countries, topics, actors, and "Copy citation". */
interface FigureDetailProps {
  dataset: Dataset;
  /** What the app adds below the facts for a figure, e.g. its "Check against the map". */
  extra?: (figureId: string) => ReactNode;
}

export function FigureDetail({ dataset, extra }: FigureDetailProps) {
  const figureId = useChoices((s) => s.figure);
  const openFigure = useChoices((s) => s.openFigure);
  const [lastCopy, setCopy] = useState<CopyState>({ figureId: null, kind: 'idle' });
  const copy = lastCopy.figureId === figureId ? lastCopy : { kind: 'idle' };

  const figure = figureId ? dataset.figures.find((f) => f.id === figureId) : undefined;
  const source = figure ? dataset.sources.find((s) => s.id === figure.sourceId) : undefined;
  // An added figure can be removed while its article is in the analyst's data.
  const pack = useAddedPack(figure?.addedAt ? figure.sourceId : undefined);
  const leads = useLeads(dataset.figures);
  const pinned = figure ? pinOf(leads.pins, figure) : null;
  const estimates = figure ? dataset.figures.filter((f) => f.measure === figure.measure).length : 0;
  const corrections = useHistory('figure', figure?.id).filter(isActive);

  const copyCitation = async () => {
    if (!figure || !source) return;
    try {
      await navigator.clipboard.writeText(figureCitation(figure, source));
      setCopy({ figureId: figure.id, kind: 'copied' });
    } catch {
      setCopy({ figureId: figure.id, kind: 'failed' });
    }
  };

  return (
    <DetailDialog open={!!figure && !!source} title={figure?.label ?? ''} onClose={() => openFigure(null)}>
      {figure && source && (
        <>
          <p className="detail-dialog__value">
            {displayValue(figure)}
            {figure.derived && <span className="badge badge--derived">derived</span>}
          </p>
          {corrections.length > 0 && (
            <p className="figure-detail__corrected">
              Corrected by {corrections.at(-1)!.by} on {formatDateTime(corrections.at(-1)!.at)} (
              {corrections
                .flatMap((c) => c.changes.map((x) => x.field))
                .filter((f, i, all) => all.indexOf(f) === i)
                .join(', ')}
              ): the quote below is as printed. See History.
            </p>
          )}
          {isVague(figure) && (
            <details className="figure-detail__reading">
              <summary>Reading: how we drew these words as a number</summary>
              <p>{formatReading(figure)}</p>
            </details>
          )}
          <SourceQuote quote={figure.quote} claimant={figure.claimant} source={source} />
          {pinned && (
            <p className="figure-detail__added">
              {pinned === 'figure'
                ? 'A lead figure: this estimate is pinned.'
                : 'A lead figure: its measure is pinned, so the lead shows its newest estimate.'}
            </p>
          )}
          {figure.addedAt && <p className="figure-detail__added">{addedNote(figure.addedAt, source.title)}</p>}
          <ProvenanceNote kind="figure" id={figure.id} />
          {extra?.(figure.id)}
          <dl className="detail-dialog__facts">
            <dt>Claimed by</dt>
            <dd>{figure.claimant}</dd>
            <dt>Precision</dt>
            <dd>{precisionWords(figure)}</dd>
            <dt>When</dt>
            <dd>{figureWhen(figure)}</dd>
            <dt>Story</dt>
            <dd>
              {source.title} ({source.publisher}
              {source.outlet !== source.publisher ? `, via ${source.outlet}` : ''})
            </dd>
            <dt>Countries</dt>
            <dd>{namesOf(dataset.countries, figure.countries).join(', ')}</dd>
            <dt>Topics</dt>
            <dd>{namesOf(dataset.topics, figure.topics).join(', ')}</dd>
            {figure.actorIds.length > 0 && (
              <>
                <dt>Actors</dt>
                <dd>{namesOf(dataset.actors, figure.actorIds).join(', ')}</dd>
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
          <FigureSources dataset={dataset} figure={figure} />
          <div className="detail-dialog__actions">
            <button type="button" className="button" onClick={copyCitation}>
              Copy citation
            </button>
            {pinned ? (
              <button type="button" className="button button--quiet" onClick={() => void leads.unpin(figure)}>
                Unpin from the lead figures
              </button>
            ) : (
              <>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => void leads.pin(figure, 'measure')}
                  title="A lead figure that shows this measure's newest estimate"
                >
                  Pin as lead
                </button>
                {estimates > 1 && (
                  <button
                    type="button"
                    className="button button--quiet"
                    onClick={() => void leads.pin(figure, 'figure')}
                  >
                    Pin this estimate
                  </button>
                )}
              </>
            )}
            {pack && (
              <RemoveAddedFigure
                key={figure.id}
                packId={pack.id}
                figureId={figure.id}
                onRemoved={() => openFigure(null)}
              />
            )}
            <span role="status" className="detail-dialog__status">
              {copy.kind === 'copied' && 'Citation copied.'}
              {copy.kind === 'failed' && 'Copying is blocked here: select the citation below and copy it.'}
            </span>
          </div>
          {copy.kind === 'failed' && (
            <textarea className="detail-dialog__citation" readOnly value={figureCitation(figure, source)} rows={4} />
          )}
          <FigureCorrection dataset={dataset} figure={figure} />
          <FigureMeasure key={figure.id} dataset={dataset} figure={figure} />
        </>
      )}
    </DetailDialog>
  );
}
