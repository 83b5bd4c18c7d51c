/**
 * In a figure's detail: how the other sources' estimates of its measure compare ("Sources"), its measure (link,
 * make, rename, merge), and its corrections ("Edit", "Save", "History", "Undo"). Every change is a person's and
 * is kept as a new version (src/state/use-edits.ts).
 */
import { Suspense, useState } from 'react';
import { ItemCorrection } from '../../components/correction-panel';
import { lazyWithRetry } from '../../components/lazy-with-retry';
import { PanelBoundary } from '../../components/panel-boundary';
import type { MeasureFormMode } from './measure-forms';
import { corroborationsOf, corroborationWords, gapWords } from '../../model/measures/corroboration';
import { formatDate, formatDateTime, formatFigureValue, unitDimension } from '../../model/format/format';
import type { Dataset, Figure } from '../../model/dataset/schema';
import { undoMerge, useMergesInto } from '../../state/use-edits';
import { useChoices } from '../../state/store';

/** The other claimants' estimates of the figure's measure, and how they relate to it. */
export function FigureSources({ dataset, figure }: { dataset: Dataset; figure: Figure }) {
  const c = corroborationsOf(dataset).get(figure.id);
  const openFigure = useChoices((s) => s.openFigure);
  if (!c) return null;
  const source = (f: Figure) => dataset.sources.find((s) => s.id === f.sourceId);
  const line = (f: Figure) => {
    const s = source(f);
    return `${formatFigureValue(f)} · ${f.claimant}${s ? ` · ${s.publisher}, ${formatDate(s.published)}` : ''}`;
  };
  return (
    <section className="figure-sources" aria-labelledby={`sources-${figure.id}`}>
      <h3 id={`sources-${figure.id}`}>
        Sources: <span className={`corroboration corroboration--${c.status}`}>{corroborationWords(c)}</span>
      </h3>
      {c.status === 'single' && (
        <p className="figure-sources__note">
          No other claimant gives this measure at about the same time: it rests on {figure.claimant} alone.
        </p>
      )}
      {c.compared.length > 0 && (
        <ul>
          {c.compared.map((x) => (
            <li key={x.other.id}>
              <strong>{x.relation === 'agree' ? 'Agrees' : `Differs by ${gapWords(x.gap)}`}</strong>:{' '}
              <button type="button" className="link-button" onClick={() => openFigure(x.other.id)}>
                {line(x.other)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {c.sameClaimant.length > 0 && (
        <p className="figure-sources__note">
          Also reported from the same claimant (one source, not corroboration):{' '}
          {c.sameClaimant.map((f) => source(f)?.publisher ?? f.sourceId).join(', ')}.
        </p>
      )}
      {c.notCompared.length > 0 && (
        <details className="figure-sources__more">
          <summary>Not compared ({c.notCompared.length})</summary>
          <ul>
            {c.notCompared.map((x) => (
              <li key={x.other.id}>
                <button type="button" className="link-button" onClick={() => openFigure(x.other.id)}>
                  {line(x.other)}
                </button>{' '}
                ({x.why})
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** "Edit" with the review's fields and the measure; "History" and "Undo". */
export function FigureCorrection({ dataset, figure }: { dataset: Dataset; figure: Figure }) {
  return <ItemCorrection<Figure> key={figure.id} kind="figure" item={figure} dataset={dataset} noun="figure" />;
}

type MeasureMode = 'idle' | MeasureFormMode;

/** The forms to link, make, rename and merge measures, loaded when one is first opened. */
const measureForms = lazyWithRetry(
  () => import('./measure-forms'),
  (m) => m.MeasureForms,
);

/** The figure's measure: what it is, and "Link to measure", "New measure", "Rename measure", "Merge measure". */
export function FigureMeasure({ dataset, figure }: { dataset: Dataset; figure: Figure }) {
  const measure = dataset.measures.find((m) => m.id === figure.measure);
  const estimates = dataset.figures.filter((f) => f.measure === figure.measure);
  const merges = useMergesInto(measure?.id);
  const [mode, setMode] = useState<MeasureMode>('idle');
  const [status, setStatus] = useState('');
  const dimension = unitDimension(dataset.units, figure.unit);
  const candidates = dataset.measures.filter((m) => m.dimension === dimension && m.id !== figure.measure);
  const done = (words: string) => {
    setMode('idle');
    setStatus(words);
  };
  const name = (id: string) => dataset.measures.find((m) => m.id === id)?.label ?? id;
  const Forms = measureForms.Lazy;

  return (
    <section className="figure-measure" aria-labelledby={`measure-${figure.id}`}>
      <h3 id={`measure-${figure.id}`}>Measure</h3>
      {measure ? (
        <p>
          <strong>{measure.label}</strong> ({measure.scope}): {measure.definition}{' '}
          <span className="figure-measure__count">
            {estimates.length === 1 ? 'Its only estimate.' : `${estimates.length} estimates.`}
          </span>
        </p>
      ) : (
        <p>Linked to no measure: it is compared with nothing until you link it.</p>
      )}
      {merges.length > 0 && (
        <ul className="figure-measure__merges">
          {merges.map((m) => (
            <li key={m.id}>
              “{name(m.from)}” merged into it on {formatDateTime(m.at)} by {m.by}.{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => void undoMerge(m.id).then(() => setStatus('Merge undone.'))}
              >
                Undo merge
              </button>
            </li>
          ))}
        </ul>
      )}
      {mode === 'idle' && (
        <div className="detail-dialog__actions figure-measure__actions">
          <button type="button" className="button button--quiet" onClick={() => setMode('link')}>
            Link to measure
          </button>
          {measure && (
            <button type="button" className="button button--quiet" onClick={() => setMode('rename')}>
              Rename measure
            </button>
          )}
          {measure && candidates.length > 0 && (
            <button type="button" className="button button--quiet" onClick={() => setMode('merge')}>
              Merge measure
            </button>
          )}
          <span role="status" className="correction__status">
            {status}
          </span>
        </div>
      )}
      {mode !== 'idle' && (
        <PanelBoundary onRetry={measureForms.retry}>
          <Suspense fallback={<p className="correction__status">Loading…</p>}>
            <Forms
              mode={mode}
              dataset={dataset}
              figure={figure}
              measure={measure}
              candidates={candidates}
              onCancel={() => setMode('idle')}
              onDone={done}
            />
          </Suspense>
        </PanelBoundary>
      )}
    </section>
  );
}
