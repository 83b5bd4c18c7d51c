/**
 * Correcting an item from its detail: "Edit" opens its fields, "Save" keeps the change as a new version (the
 * quote never changes), and "History" lists every version with who made it and when, the newest still in force
 * with "Undo". The storage is the caller's (onSave, onUndo): this is the one way every detail shows it.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { FIELD_WORDS, isActive, type Correction, type FieldValue } from '../model/corrections';
import { formatDateTime } from '../model/format';

interface CorrectionPanelProps<T> {
  /** The item as it stands (with corrections in force). */
  item: T;
  /** "figure", "event"…: for the words ("Edit this figure"). */
  noun: string;
  /** The item's fields, editing a draft; `problems` by field name. */
  fields: (draft: T, setDraft: (next: T) => void, problems: Record<string, string>) => ReactNode;
  /** What is wrong with a draft, by field; empty when it can be saved. */
  problemsOf: (draft: T) => Record<string, string>;
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
}

export function CorrectionPanel<T>(props: CorrectionPanelProps<T>) {
  const { item, noun, fields, problemsOf, onSave, history, onUndo, describe, note, name } = props;
  const [draft, setDraft] = useState<T | null>(null);
  const [status, setStatus] = useState('');
  const [tried, setTried] = useState(false);
  const formId = useId();
  const editRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const problems = draft ? problemsOf(draft) : {};
  const shown = tried ? problems : {};
  const last = history.filter(isActive).at(-1);

  useEffect(() => {
    if (draft) formRef.current?.querySelector<HTMLElement>('input, select')?.focus();
    // Focus the first field once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft === null]);

  const close = () => {
    setDraft(null);
    setTried(false);
    requestAnimationFrame(() => editRef.current?.focus());
  };

  return (
    <section className="correction" aria-label={name ? `Correct the ${noun} ${name}` : `Correct this ${noun}`}>
      {draft === null ? (
        <div className="correction__bar">
          <button
            ref={editRef}
            type="button"
            className="button button--quiet"
            onClick={() => {
              setStatus('');
              setDraft(item);
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
          <span role="status" className="correction__status">
            {status}
          </span>
        </div>
      ) : (
        <form
          ref={formRef}
          id={formId}
          className="correction__form item-form"
          aria-label={`Edit this ${noun}`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (Object.keys(problems).length > 0) {
              setStatus('Fix the marked fields to save.');
              return;
            }
            void onSave(draft).then((result) => {
              setStatus(
                result === 'saved' ? 'Saved as a new version: see History.' : 'Nothing changed: no new version.',
              );
              close();
            });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              // Esc closes the form, not the dialog around it.
              e.stopPropagation();
              e.preventDefault();
              close();
            }
          }}
        >
          <p className="correction__hint">
            Your change is kept as a new version, with who made it and when, and can be undone; the article’s own words
            (its quotes) never change.
          </p>
          {fields(draft, setDraft, shown)}
          <div className="correction__actions">
            <button type="submit" className="button">
              Save
            </button>
            <button type="button" className="button button--quiet" onClick={close}>
              Cancel
            </button>
            <span role="status" className="correction__status">
              {tried && Object.keys(problems).length > 0 ? 'Fix the marked fields to save.' : ''}
            </span>
          </div>
        </form>
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
          {last && (
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
