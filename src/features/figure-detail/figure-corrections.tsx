/**
 * In a figure's detail: how the other sources' estimates of its measure compare ("Sources"), its measure (link,
 * make, rename, merge), and its corrections ("Edit", "Save", "History", "Undo"). Every change is a person's and
 * is kept as a new version (src/state/use-edits.ts).
 */
import { useId, useState } from 'react';
import { CorrectionPanel } from '../../components/correction-panel';
import { FigureFields } from '../../components/item-fields';
import { corroborationsOf, corroborationWords, gapWords } from '../../model/corroboration';
import { fieldValueWords } from '../../model/corrections';
import { figureProblems } from '../../model/item-problems';
import { formatDate, formatDateTime, formatFigureValue, unitInfo } from '../../model/format';
import type { Dataset, Figure, Measure } from '../../model/schema';
import {
  createMeasure,
  linkToMeasure,
  mergeMeasures,
  saveCorrection,
  undoLastCorrection,
  undoMerge,
  useHistory,
  useMergesInto,
} from '../../state/use-edits';
import { useChoices } from '../../state/store';

const dimensionOf = (dataset: Dataset, unit: string) =>
  dataset.units.find((u) => u.id === unit)?.dimension ?? unitInfo(unit).dimension;

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
  const history = useHistory('figure', figure.id);
  const measureId = useId();
  const vocabulary = { units: dataset.units, countries: dataset.countries, topics: dataset.topics };
  return (
    <CorrectionPanel<Figure>
      key={figure.id}
      item={figure}
      noun="figure"
      history={history}
      describe={(field, value) => fieldValueWords(dataset, field, value)}
      problemsOf={(draft) => figureProblems(draft) as Record<string, string>}
      onSave={(draft) => saveCorrection('figure', figure, draft)}
      onUndo={() => undoLastCorrection('figure', figure.id)}
      fields={(draft, setDraft, problems) => {
        const dimension = dimensionOf(dataset, draft.unit);
        const measures = dataset.measures.filter((m) => m.dimension === dimension || m.id === draft.measure);
        const linked = dataset.measures.some((m) => m.id === draft.measure);
        return (
          <>
            <FigureFields figure={draft} problems={problems} vocabulary={vocabulary} onChange={setDraft} />
            <div className="field field--wide">
              <label htmlFor={measureId}>Measure</label>
              <select
                id={measureId}
                value={linked ? draft.measure : ''}
                onChange={(e) => setDraft({ ...draft, measure: e.target.value || draft.id })}
              >
                <option value="">Its own measure (linked to none)</option>
                {measures.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.label} ({m.scope})
                  </option>
                ))}
              </select>
            </div>
          </>
        );
      }}
    />
  );
}

type MeasureMode = 'idle' | 'link' | 'rename' | 'merge';

/** The figure's measure: what it is, and "Link to measure", "New measure", "Rename measure", "Merge measure". */
export function FigureMeasure({ dataset, figure }: { dataset: Dataset; figure: Figure }) {
  const measure = dataset.measures.find((m) => m.id === figure.measure);
  const estimates = dataset.figures.filter((f) => f.measure === figure.measure);
  const merges = useMergesInto(measure?.id);
  const [mode, setMode] = useState<MeasureMode>('idle');
  const [status, setStatus] = useState('');
  const dimension = dimensionOf(dataset, figure.unit);
  const candidates = dataset.measures.filter((m) => m.dimension === dimension && m.id !== figure.measure);
  const done = (words: string) => {
    setMode('idle');
    setStatus(words);
  };
  const name = (id: string) => dataset.measures.find((m) => m.id === id)?.label ?? id;

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
      {mode === 'link' && (
        <LinkForm
          dataset={dataset}
          figure={figure}
          candidates={candidates}
          onCancel={() => setMode('idle')}
          onDone={done}
        />
      )}
      {mode === 'rename' && measure && (
        <MeasureForm
          title="Rename measure"
          initial={measure}
          submit="Save"
          onCancel={() => setMode('idle')}
          onSubmit={async (fields) => {
            const result = await saveCorrection('measure', measure, { ...measure, ...fields });
            done(result === 'saved' ? 'Measure renamed (a new version of it).' : 'Nothing changed.');
          }}
        />
      )}
      {mode === 'merge' && measure && (
        <MergeForm
          measure={measure}
          candidates={candidates}
          onCancel={() => setMode('idle')}
          onMerge={async (into) => {
            await mergeMeasures(measure.id, into);
            done(`Merged into “${name(into)}”: its estimates are now that measure's.`);
          }}
        />
      )}
    </section>
  );
}

function LinkForm({
  dataset,
  figure,
  candidates,
  onCancel,
  onDone,
}: {
  dataset: Dataset;
  figure: Figure;
  candidates: readonly Measure[];
  onCancel: () => void;
  onDone: (words: string) => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState(candidates[0]?.id ?? '');
  const [creating, setCreating] = useState(candidates.length === 0);
  if (creating) {
    return (
      <MeasureForm
        title="New measure"
        initial={{ label: figure.label, scope: '', definition: '' }}
        submit="Create and link"
        onCancel={candidates.length === 0 ? onCancel : () => setCreating(false)}
        onSubmit={async (fields) => {
          const measureId = await createMeasure(
            { ...fields, dimension: dimensionOf(dataset, figure.unit), countries: figure.countries },
            [...dataset.measures.map((m) => m.id), ...dataset.figures.map((f) => f.measure)],
          );
          await linkToMeasure(figure, measureId);
          onDone(`Linked to the new measure “${fields.label}”.`);
        }}
      />
    );
  }
  return (
    <form
      className="figure-measure__form item-form"
      aria-label="Link to measure"
      onSubmit={(e) => {
        e.preventDefault();
        if (!choice) return;
        void linkToMeasure(figure, choice).then(() =>
          onDone(`Linked to “${dataset.measures.find((m) => m.id === choice)?.label ?? choice}”.`),
        );
      }}
    >
      <div className="field field--wide">
        <label htmlFor={id}>Measure it estimates</label>
        <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {candidates.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label} ({m.scope})
            </option>
          ))}
        </select>
      </div>
      <div className="correction__actions">
        <button type="submit" className="button">
          Link
        </button>
        <button type="button" className="button button--quiet" onClick={() => setCreating(true)}>
          New measure
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface MeasureFields {
  label: string;
  scope: string;
  definition: string;
}

function MeasureForm({
  title,
  initial,
  submit,
  onSubmit,
  onCancel,
}: {
  title: string;
  initial: MeasureFields;
  submit: string;
  onSubmit: (fields: MeasureFields) => Promise<void>;
  onCancel: () => void;
}) {
  const base = useId();
  const [fields, setFields] = useState<MeasureFields>({
    label: initial.label,
    scope: initial.scope,
    definition: initial.definition,
  });
  const [tried, setTried] = useState(false);
  const missing = (['label', 'scope', 'definition'] as const).filter((k) => fields[k].trim() === '');
  const words = { label: 'Label', scope: 'Scope', definition: 'Definition' } as const;
  const hints = {
    label: 'In your words: “Russian military casualties, total”',
    scope: '“cumulative since Feb 2022”, “per day”, “in 2024”',
    definition: 'What is in, what is out',
  };
  return (
    <form
      className="figure-measure__form item-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (missing.length > 0) return;
        void onSubmit({
          label: fields.label.trim(),
          scope: fields.scope.trim(),
          definition: fields.definition.trim(),
        });
      }}
    >
      {(['label', 'scope', 'definition'] as const).map((k) => (
        <div className="field field--wide" key={k}>
          <label htmlFor={`${base}-${k}`}>{words[k]}</label>
          <input
            id={`${base}-${k}`}
            value={fields[k]}
            placeholder={hints[k]}
            onChange={(e) => setFields({ ...fields, [k]: e.target.value })}
            {...(tried && missing.includes(k)
              ? { 'aria-invalid': true, 'aria-describedby': `${base}-${k}-error` }
              : {})}
          />
          {tried && missing.includes(k) && (
            <p className="field__error" id={`${base}-${k}-error`}>
              Give the measure’s {words[k].toLowerCase()}.
            </p>
          )}
        </div>
      ))}
      <div className="correction__actions">
        <button type="submit" className="button">
          {submit}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function MergeForm({
  measure,
  candidates,
  onMerge,
  onCancel,
}: {
  measure: Measure;
  candidates: readonly Measure[];
  onMerge: (into: string) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const [into, setInto] = useState(candidates[0]?.id ?? '');
  return (
    <form
      className="figure-measure__form item-form"
      aria-label="Merge measure"
      onSubmit={(e) => {
        e.preventDefault();
        if (into) void onMerge(into);
      }}
    >
      <div className="field field--wide">
        <label htmlFor={id}>Merge “{measure.label}” into</label>
        <select id={id} value={into} onChange={(e) => setInto(e.target.value)}>
          {candidates.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label} ({m.scope})
            </option>
          ))}
        </select>
      </div>
      <p className="correction__hint">
        Every estimate of “{measure.label}” becomes an estimate of the measure you choose. You can undo it.
      </p>
      <div className="correction__actions">
        <button type="submit" className="button">
          Merge
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
