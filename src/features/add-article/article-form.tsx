import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent, type ReactNode } from 'react';
import { readArticleFile } from './read-article-file';

export interface ArticleFields {
  text: string;
  from: 'text' | 'markdown' | 'html';
  fileName?: string;
  published: string;
  publisher: string;
  title: string;
}

export interface Running {
  fraction: number;
  stage: string;
}

interface ArticleFormProps {
  fields: ArticleFields;
  onChange: (fields: ArticleFields) => void;
  onSubmit: () => void;
  onCancel: () => void;
  running: Running | null;
  /** A problem with the input or the last run, said plainly. */
  message: string | null;
  onMessage: (message: string | null) => void;
  /** What the engine noticed on the last run (non-English text, say). */
  notes: readonly string[];
  /** Drafts to resume, shown above the form. */
  drafts?: ReactNode;
}

type FieldErrors = Partial<Record<'published' | 'publisher' | 'title', string>>;

export function fieldErrors(fields: ArticleFields): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.published)) errors.published = 'Give the date it was published.';
  if (!fields.publisher.trim()) errors.publisher = 'Say who published it (Reuters, The New York Times…).';
  if (!fields.title.trim()) errors.title = 'Give the headline.';
  return errors;
}

/** A headline-like first line of pasted text, to prefill "Title". */
function firstLine(text: string): string {
  const line = text.trimStart().split('\n', 1)[0]?.trim() ?? '';
  return line.length > 0 && line.length <= 160 && !/[.:]$/.test(line) ? line : '';
}

/** Step one: the article's text (pasted, chosen or dropped), its date, publisher and title, and "Find figures". */
export function ArticleForm(props: ArticleFormProps) {
  const { fields, onChange, onSubmit, onCancel, running, message, onMessage, notes, drafts } = props;
  const ids = {
    text: useId(),
    file: useId(),
    hint: useId(),
    message: useId(),
    published: useId(),
    publisher: useId(),
    title: useId(),
  };
  const [errors, setErrors] = useState<FieldErrors>({});
  const [dragging, setDragging] = useState(false);
  const [replaced, setReplaced] = useState<{ text: string; fileName: string } | null>(null);
  const busy = running !== null;
  const submitRef = useRef<HTMLButtonElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  // Back from a review, or at the end of a run (stopped, failed, nothing found), the control that had the
  // focus is gone: it goes to the text, or to "Find figures".
  const mounted = useRef(false);
  useEffect(() => {
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (!busy && lost) (mounted.current ? submitRef : textRef).current?.focus();
    mounted.current = true;
  }, [busy]);

  const set = (patch: Partial<ArticleFields>) => {
    const next = { ...fields, ...patch };
    onChange(next);
    if (Object.keys(errors).length) setErrors(fieldErrors(next));
  };

  const takeFile = async (file: File | undefined) => {
    if (!file || busy) return;
    const read = await readArticleFile(file);
    if (!read.ok) {
      onMessage(`${read.message} Nothing was changed.`);
      return;
    }
    onMessage(null);
    setReplaced(fields.text.trim() ? { text: fields.text, fileName: read.fileName } : null);
    onChange({
      ...fields,
      text: read.text,
      from: read.from,
      fileName: read.fileName,
      title: fields.title.trim() || read.title || firstLine(read.text),
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found = fieldErrors(fields);
    setErrors(found);
    if (!fields.text.trim()) {
      onMessage('Paste the article’s text, or choose or drop a file, first.');
      return;
    }
    if (Object.keys(found).length) {
      onMessage(null);
      return;
    }
    onSubmit();
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void takeFile(e.dataTransfer.files[0]);
  };

  return (
    <form
      className={`article-form${dragging ? ' article-form--dragging' : ''}`}
      onSubmit={submit}
      noValidate
      onDragOver={(e) => {
        e.preventDefault();
        if (!busy) setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <p className="add-article__lead">
        Paste a news article or drop its file. Figures are proposed with their quotes; nothing is added until you accept
        it.
      </p>
      {drafts}
      <div className="article-form__text">
        <label htmlFor={ids.text}>Article text</label>
        <textarea
          id={ids.text}
          ref={textRef}
          value={fields.text}
          readOnly={busy}
          rows={10}
          spellCheck={false}
          aria-describedby={ids.hint}
          aria-invalid={message !== null && !fields.text.trim() ? true : undefined}
          placeholder="Paste the article here: headline, then the text."
          onChange={(e) => {
            const text = e.target.value;
            // A whole article pasted into an empty box: its first line is usually the headline.
            const pasted = !fields.text.trim() && text.length > 80;
            set({
              text,
              from: fields.fileName ? fields.from : 'text',
              ...(pasted && !fields.title.trim() ? { title: firstLine(text) } : {}),
            });
          }}
        />
        <div className="drop-zone">
          <span id={ids.hint}>
            {fields.fileName ? (
              <>
                From <strong>{fields.fileName}</strong>
                {fields.from === 'html' ? ': the page’s readable text, without its markup or scripts.' : '.'}
              </>
            ) : (
              'Or drop a .txt, .md or .html file here (up to 5 MB).'
            )}
          </span>
          <label className="button button--quiet drop-zone__pick" htmlFor={ids.file}>
            Choose a file…
          </label>
          <input
            id={ids.file}
            className="visually-hidden"
            type="file"
            aria-label="Article file"
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            disabled={busy}
            onChange={(e) => {
              void takeFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
        {replaced && (
          <p className="article-form__replaced">
            The text now comes from {replaced.fileName}.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onChange({ ...fields, text: replaced.text, from: 'text', fileName: undefined });
                setReplaced(null);
              }}
            >
              Bring back the text you had
            </button>
          </p>
        )}
      </div>

      <div className="article-form__fields">
        <div className="field">
          <label htmlFor={ids.published}>Published</label>
          <input
            id={ids.published}
            type="date"
            value={fields.published}
            readOnly={busy}
            aria-invalid={errors.published ? true : undefined}
            aria-describedby={errors.published ? `${ids.published}-error` : undefined}
            onChange={(e) => set({ published: e.target.value })}
          />
          {errors.published && (
            <p className="field__error" id={`${ids.published}-error`}>
              {errors.published}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.publisher}>Publisher</label>
          <input
            id={ids.publisher}
            value={fields.publisher}
            readOnly={busy}
            autoComplete="organization"
            placeholder="e.g. Reuters"
            aria-invalid={errors.publisher ? true : undefined}
            aria-describedby={errors.publisher ? `${ids.publisher}-error` : undefined}
            onChange={(e) => set({ publisher: e.target.value })}
          />
          {errors.publisher && (
            <p className="field__error" id={`${ids.publisher}-error`}>
              {errors.publisher}
            </p>
          )}
        </div>
        <div className="field field--wide">
          <label htmlFor={ids.title}>Title</label>
          <input
            id={ids.title}
            value={fields.title}
            readOnly={busy}
            placeholder="e.g. Russia braces for oil output cuts"
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? `${ids.title}-error` : undefined}
            onChange={(e) => set({ title: e.target.value })}
          />
          {errors.title && (
            <p className="field__error" id={`${ids.title}-error`}>
              {errors.title}
            </p>
          )}
        </div>
      </div>

      <div role="alert" className="add-article__message" id={ids.message}>
        {message && <p>{message}</p>}
        {notes.length > 0 && (
          <ul className="add-article__notes">
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </div>

      <div className="article-form__actions">
        {running ? (
          <>
            <div
              className="progress"
              role="progressbar"
              aria-label="Finding figures"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(running.fraction * 100)}
              aria-valuetext={`${Math.round(running.fraction * 100)}%: ${running.stage}`}
            >
              <span className="progress__bar" style={{ width: `${Math.max(4, running.fraction * 100)}%` }} />
            </div>
            <span className="progress__stage" aria-hidden="true">
              {running.stage}
            </span>
            <button type="button" className="button button--quiet" onClick={onCancel}>
              Cancel
            </button>
          </>
        ) : (
          <>
            <button type="submit" className="button button--large" ref={submitRef}>
              Find figures
            </button>
            <span className="article-form__after">You review every figure before anything is added.</span>
          </>
        )}
      </div>
    </form>
  );
}
