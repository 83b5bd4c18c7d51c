/**
 * Correcting an item from its detail: "Edit" opens its fields, "Save" keeps the change as a new version (the
 * quote never changes), and "History" lists every version with who made it and when, the newest still in force
 * with "Undo". The storage is the caller's (onSave, onUndo): this is the one way every detail shows it.
 */
import { Suspense, useId, useRef, useState, type ReactNode } from 'react';
import { FIELD_WORDS, fieldValueWords } from '../model/corrections/corrections';
import type { Correction, FieldValue } from '../model/corrections/edits-schema';
import { isActive } from '../model/corrections/resolve-measure';
import { saveCorrection, undoLastCorrection, useHistory } from '../state/use-edits';
import { formatDateTime } from '../model/format/format';
import { useReadOnlyReason } from '../state/workspace/workspace-store';
import type { Dataset } from '../model/dataset/schema';
import { lazyWithRetry } from './lazy-with-retry';
import { PanelBoundary } from './panel-boundary';
import type { EditableItem, EditableKind } from './item-editors';

/** The form, loaded when "Edit" is first pressed. */
const editor = lazyWithRetry(
  () => import('./item-editors'),
  (m) => m.ItemEditor,
);

interface CorrectionPanelProps<T extends EditableItem> {
  kind: EditableKind;
  /** The item as it stands (with corrections in force). */
  item: T;
  /** The lists its fields choose from. */
  dataset: Pick<Dataset, 'units' | 'countries' | 'topics' | 'measures'>;
  /** "figure", "event"…: for the words ("Edit this figure"). */
  noun: string;
  onSave: (draft: T) => Promise<'saved' | 'unchanged'>;
  /** The item's versions, oldest first. */
  history: readonly Correction[];
  onUndo: () => Promise<unknown>;
  /** A field's value in words ("artillery systems", "Ukraine, Russia"). */
  describe: (field: string, value: FieldValue | undefined) => string;
  /** What shows while not editing, beside the Edit button. */
  note?: ReactNode;
  /** Where several items can be edited in one view: the item's name, said after "Edit" to assistive technology. */
  name?: string;
  /** Why this person may not edit (a workspace viewer): "Edit" is disabled and says why. */
  readOnly?: string | null;
}

export function CorrectionPanel<T extends EditableItem>(props: CorrectionPanelProps<T>) {
  const { kind, item, dataset, noun, onSave, history, onUndo, describe, note, name, readOnly } = props;
  const reasonId = useId();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState('');
  const editRef = useRef<HTMLButtonElement>(null);
  const last = history.filter(isActive).at(-1);
  const Editor = editor.Lazy;

  return (
    <section className="correction" aria-label={name ? `Correct the ${noun} ${name}` : `Correct this ${noun}`}>
      {!editing ? (
        <div className="correction__bar">
          <button
            ref={editRef}
            type="button"
            className="button button--quiet"
            disabled={!!readOnly}
            aria-describedby={readOnly ? reasonId : undefined}
            onClick={() => {
              setStatus('');
              setEditing(true);
            }}
          >
            Edit
            {name && (
              <span className="visually-hidden">
                {' '}
                {noun}: {name}
              </span>
            )}
          </button>
          {note}
          {readOnly && (
            <span id={reasonId} className="correction__status">
              {readOnly}
            </span>
          )}
          <span role="status" className="correction__status">
            {status}
          </span>
        </div>
      ) : (
        <PanelBoundary onRetry={editor.retry}>
          <Suspense fallback={<p className="correction__status">Loading the fields…</p>}>
            <Editor
              kind={kind}
              item={item}
              dataset={dataset}
              noun={noun}
              onSave={(draft) => onSave(draft as T)}
              onClose={(result) => {
                setEditing(false);
                if (result) {
                  setStatus(
                    result === 'saved' ? 'Saved as a new version: see History.' : 'Nothing changed: no new version.',
                  );
                }
                requestAnimationFrame(() => editRef.current?.focus());
              }}
            />
          </Suspense>
        </PanelBoundary>
      )}
      {history.length > 0 && (
        <div className="correction__history">
          <h3>History{name && <span className="visually-hidden"> of {name}</span>}</h3>
          <ol>
            {[...history].reverse().map((c) => (
              <li key={c.id} className={isActive(c) ? undefined : 'correction__undone'}>
                <span className="correction__when">
                  {formatDateTime(c.at)} · {c.by}
                  {!isActive(c) && c.undoneAt && ` · undone ${formatDateTime(c.undoneAt)} by ${c.undoneBy ?? c.by}`}
                </span>
                <ul>
                  {c.changes.map((x) => (
                    <li key={x.field}>
                      {FIELD_WORDS[x.field] ?? x.field}: <del>{describe(x.field, x.from)}</del> →{' '}
                      <ins>{describe(x.field, x.to)}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            <li className="correction__origin">As it came from its article (or the shipped data).</li>
          </ol>
          {last && !readOnly && (
            <button
              type="button"
              className="button button--quiet"
              aria-label={name ? `Undo the last correction of ${name}` : undefined}
              onClick={() => {
                void onUndo().then(() => setStatus(`Undone: the version of ${formatDateTime(last.at)}.`));
              }}
            >
              Undo
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * The panel wired to the analyst's corrections (src/state/use-edits.ts): an item's "Edit" keeps a new version of
 * it, its "History" and "Undo" are its own. What every detail shows under the item.
 */
export function ItemCorrection<T extends EditableItem>({
  kind,
  item,
  dataset,
  noun,
  name,
  note,
}: {
  kind: EditableKind;
  item: T;
  dataset: Pick<Dataset, 'units' | 'countries' | 'topics' | 'measures' | 'actors'>;
  noun: string;
  name?: string;
  note?: ReactNode;
}) {
  const history = useHistory(kind, item.id);
  const readOnly = useReadOnlyReason();
  return (
    <CorrectionPanel<T>
      kind={kind}
      item={item}
      dataset={dataset}
      noun={noun}
      {...(name === undefined ? {} : { name })}
      {...(note === undefined ? {} : { note })}
      history={history}
      readOnly={readOnly}
      describe={(field, value) => fieldValueWords(dataset, field, value)}
      onSave={(draft) => saveCorrection(kind, item, draft)}
      onUndo={() => undoLastCorrection(kind, item.id)}
    />
  );
}
