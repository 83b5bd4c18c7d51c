/**
 * The form behind "Edit" in a detail: the review's fields for a figure (and its measure), an actor, an event or a
 * place, checked as the analyst types, and "Save" / "Cancel". Loaded only when "Edit" is pressed (its own chunk,
 * like the add-article engine and the PowerPoint export): the dashboard does not carry it until then.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { EditKind } from '../model/corrections/edits-schema';
import { entityProblems, figureProblems } from '../model/corrections/item-problems';
import type { Actor, Dataset, Event, Figure, Place } from '../model/dataset/schema';
import { EntityFields, FigureFields } from './item-fields';

export type EditableKind = Exclude<EditKind, 'measure'>;
export type EditableItem = Figure | Actor | Event | Place;

export interface ItemEditorProps {
  kind: EditableKind;
  item: EditableItem;
  dataset: Pick<Dataset, 'units' | 'countries' | 'topics' | 'measures'>;
  /** "figure", "event"…: names the form ("Edit this figure"). */
  noun: string;
  onSave: (draft: EditableItem) => Promise<'saved' | 'unchanged'>;
  /** The form closes: after a save (with what happened) or a cancel (null). */
  onClose: (result: 'saved' | 'unchanged' | null) => void;
}

function problemsOf(kind: EditableKind, draft: EditableItem): Record<string, string> {
  if (kind === 'figure') return figureProblems(draft as Figure) as Record<string, string>;
  return entityProblems(`${kind}s` as 'actors' | 'events' | 'places', draft as Actor | Event | Place);
}

export function ItemEditor({ kind, item, dataset, noun, onSave, onClose }: ItemEditorProps) {
  const [draft, setDraft] = useState<EditableItem>(item);
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const measureId = useId();
  const problems = problemsOf(kind, draft);
  const shown = tried ? problems : {};
  const invalid = Object.keys(problems).length > 0;

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, []);

  let fields: ReactNode;
  if (kind === 'figure') {
    const figure = draft as Figure;
    const dimension = dataset.units.find((u) => u.id === figure.unit)?.dimension;
    const measures = dataset.measures.filter((m) => m.dimension === dimension || m.id === figure.measure);
    const linked = dataset.measures.some((m) => m.id === figure.measure);
    fields = (
      <>
        <FigureFields figure={figure} problems={shown} vocabulary={dataset} onChange={setDraft} />
        <div className="field field--wide">
          <label htmlFor={measureId}>Measure</label>
          <select
            id={measureId}
            value={linked ? figure.measure : ''}
            onChange={(e) => setDraft({ ...figure, measure: e.target.value || figure.id })}
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
  } else {
    fields = (
      <EntityFields
        kind={`${kind}s` as 'actors' | 'events' | 'places'}
        item={draft as Actor | Event | Place}
        problems={shown}
        vocabulary={dataset}
        onChange={setDraft}
      />
    );
  }

  return (
    <form
      ref={formRef}
      className="correction__form item-form"
      aria-label={`Edit this ${noun}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (invalid) return;
        void onSave(draft).then(onClose);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Esc closes the form, not the dialog around it.
          e.stopPropagation();
          e.preventDefault();
          onClose(null);
        }
      }}
    >
      <p className="correction__hint">
        Your change is kept as a new version, with who made it and when, and can be undone; the article’s own words (its
        quotes) never change.
      </p>
      {fields}
      <div className="correction__actions">
        <button type="submit" className="button">
          Save
        </button>
        <button type="button" className="button button--quiet" onClick={() => onClose(null)}>
          Cancel
        </button>
        <span role="status" className="correction__status">
          {tried && invalid ? 'Fix the marked fields to save.' : ''}
        </span>
      </div>
    </form>
  );
}
