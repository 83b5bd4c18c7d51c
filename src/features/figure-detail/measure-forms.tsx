/**
 * The forms of a figure's measure: "Link to measure" (or "New measure"), "Rename measure", "Merge measure".
 * Loaded when one is first opened. Every change is a person's, kept as a new version (src/state/use-edits.ts).
 */
import { useId, useState } from 'react';
import { unitDimension } from '../../model/format/format';
import type { Dataset, Figure, Measure } from '../../model/dataset/schema';
import { createMeasure, linkToMeasure, mergeMeasures, saveCorrection } from '../../state/use-edits';

export type MeasureFormMode = 'link' | 'rename' | 'merge';

export function MeasureForms({
  mode,
  dataset,
  figure,
  measure,
  candidates,
  onCancel,
  onDone,
}: {
  mode: MeasureFormMode;
  dataset: Dataset;
  figure: Figure;
  measure: Measure | undefined;
  candidates: readonly Measure[];
  onCancel: () => void;
  onDone: (words: string) => void;
}) {
  const name = (id: string) => dataset.measures.find((m) => m.id === id)?.label ?? id;
  if (mode === 'link') {
    return <LinkForm dataset={dataset} figure={figure} candidates={candidates} onCancel={onCancel} onDone={onDone} />;
  }
  if (!measure) return null;
  if (mode === 'rename') {
    return (
      <MeasureForm
        title="Rename measure"
        initial={measure}
        submit="Save"
        onCancel={onCancel}
        onSubmit={async (fields) => {
          const result = await saveCorrection('measure', measure, { ...measure, ...fields });
          onDone(result === 'saved' ? 'Measure renamed (a new version of it).' : 'Nothing changed.');
        }}
      />
    );
  }
  return (
    <MergeForm
      measure={measure}
      candidates={candidates}
      onCancel={onCancel}
      onMerge={async (into) => {
        await mergeMeasures(measure.id, into);
        onDone(`Merged into “${name(into)}”: its estimates are now that measure's.`);
      }}
    />
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
            { ...fields, dimension: unitDimension(dataset.units, figure.unit), countries: figure.countries },
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
