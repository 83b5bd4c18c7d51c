import { useEffect, useReducer, useRef, useState } from 'react';
import type { Dataset } from '../../model/dataset/schema';
import type { Pack } from '../../model/pack/pack-schema';
import { formatDate } from '../../model/format/format';
import { DetailDialog } from '../../components/detail-dialog';
import { ArticleForm, type ArticleFields, type Running } from './article-form';
import { Review, type SaveState } from './review';
import {
  isFigureValid,
  reviewCounts,
  reviewReducer,
  storablePack,
  type ReviewAction,
  type ReviewState,
} from './review-state';
import { checkAccepted } from '../../model/pack/pack';
import type { Figure } from '../../model/dataset/schema';
import { workerExtract, type ExtractFn } from './engine-client';
import { prepareArticle } from './read-article-file';
import { addToDashboard, removePack, saveDraft, unsavedReason, useDrafts, type StoredPack } from './storage-adapter';

export interface AddArticleDialogProps {
  dataset: Dataset;
  open: boolean;
  onClose: () => void;
  /** Called with the status line ("Added 5 figures from …") once the accepted items are in the dashboard. */
  onAdded: (message: string) => void;
  /** A draft to resume as soon as the dialog opens (from the user-data store). */
  resumeId?: string | null;
  /** The extraction; the Web Worker unless a test passes its own. */
  extract?: ExtractFn;
  /** Today's date (YYYY-MM-DD), the default for "Published". */
  today?: string;
}

const AUTOSAVE_MS = 500;

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function emptyFields(today: string): ArticleFields {
  return { text: '', from: 'text', published: today, publisher: '', title: '' };
}

function fieldsOf(pack: Pack): ArticleFields {
  return {
    text: pack.article.text,
    from: pack.article.from,
    fileName: pack.article.fileName,
    published: pack.source.published,
    publisher: pack.source.publisher,
    title: pack.source.title,
  };
}

type Action = ReviewAction | { type: 'start'; pack: Pack } | { type: 'clear' };

function reducer(state: ReviewState | null, action: Action): ReviewState | null {
  if (action.type === 'start') return { pack: action.pack, selected: null };
  if (action.type === 'clear') return null;
  return state ? reviewReducer(state, action) : state;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The dialog "Add article": the article form, extraction in a Web Worker, then the review. */
export function AddArticleDialog({
  dataset,
  open,
  onClose,
  onAdded,
  resumeId = null,
  extract = workerExtract,
  today = localToday(),
}: AddArticleDialogProps) {
  const [fields, setFields] = useState<ArticleFields>(() => emptyFields(today));
  const [running, setRunning] = useState<Running | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [notes, setNotes] = useState<readonly string[]>([]);
  const [review, dispatch] = useReducer(reducer, null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const drafts = useDrafts();

  const resume = (stored: StoredPack) => {
    setFields(fieldsOf(stored.pack));
    setMessage(null);
    setNotes([]);
    setSave({ kind: 'saved', at: stored.updatedAt });
    dispatch({ type: 'start', pack: stored.pack });
  };

  // "Resume" from elsewhere in the app (the user-data menu): open straight into that draft. Done while
  // rendering (state adjusted to a new prop), so the draft shows in the same paint.
  const [resumed, setResumed] = useState<string | null>(null);
  if (!resumeId && resumed) setResumed(null);
  if (resumeId && resumeId !== resumed) {
    const stored = drafts.find((d) => d.id === resumeId);
    if (stored) {
      setResumed(resumeId);
      resume(stored);
    }
  }

  // Autosave: every change to the pack in review is saved as a draft, debounced; leaving the page flushes it.
  const pack = review?.pack;
  const lastValid = useRef(new Map<string, Figure>());
  useEffect(() => {
    if (!pack) return;
    for (const f of pack.figures) if (isFigureValid(f, pack.article.text)) lastValid.current.set(f.id, f);
    let done = false;
    const flush = () => {
      if (done) return;
      done = true;
      saveDraft(storablePack(pack, lastValid.current)).then(
        () => {
          const problem = unsavedReason(pack.source.id);
          setSave(
            problem
              ? { kind: 'failed', message: `${problem}. It is kept while this tab stays open.` }
              : { kind: 'saved', at: new Date().toISOString() },
          );
        },
        (error: unknown) => setSave({ kind: 'failed', message: errorText(error) }),
      );
    };
    const timer = window.setTimeout(flush, AUTOSAVE_MS);
    window.addEventListener('pagehide', flush);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pagehide', flush);
    };
  }, [pack]);

  /** A change in review: applied at once, and said to be saving until the debounced autosave is done. */
  const change = (action: ReviewAction) => {
    dispatch(action);
    if (action.type !== 'select') setSave({ kind: 'saving' });
  };

  const findFigures = async () => {
    const article = prepareArticle(fields.text, fields.from);
    if (!article.ok) {
      setMessage(`${article.message} Nothing was lost.`);
      return;
    }
    const controller = new AbortController();
    abortRef.current = controller;
    let finished = false;
    setMessage(null);
    setNotes([]);
    setRunning({ fraction: 0, stage: 'Starting the extraction' });
    try {
      const result = await extract(
        {
          text: article.text,
          from: article.from,
          published: fields.published,
          publisher: fields.publisher.trim(),
          title: fields.title.trim(),
          ...(fields.fileName ? { fileName: fields.fileName } : {}),
        },
        dataset,
        (fraction, stage) => {
          // Progress from the worker can arrive after its answer: a finished run shows none.
          if (!controller.signal.aborted && !finished) setRunning({ fraction, stage });
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      const items =
        result.figures.length +
        result.actors.length +
        result.events.length +
        result.places.length +
        result.statements.length;
      if (result.figures.length === 0 && items === 0) {
        setMessage('No figures found in this text. Your text is kept: check it is the whole article.');
        setNotes(result.notes);
        return;
      }
      setSave({ kind: 'idle' });
      setAddError(null);
      dispatch({ type: 'start', pack: result });
    } catch (error) {
      if (controller.signal.aborted) {
        setMessage('Stopped. Your text is kept: change it or try again.');
      } else {
        // The details are for whoever debugs it; the analyst gets the message below.
        console.warn('The extraction failed:', error);
        setMessage(`The extraction failed: ${errorText(error)}. Your text is kept: try again.`);
      }
    } finally {
      finished = true;
      if (abortRef.current === controller) abortRef.current = null;
      setRunning(null);
    }
  };

  const cancel = () => abortRef.current?.abort();

  const close = () => {
    // Closing while the engine runs stops it; the text stays for next time.
    cancel();
    onClose();
  };

  const discard = () => {
    if (!review) return;
    void removePack(review.pack.source.id).catch(() => undefined);
    dispatch({ type: 'clear' });
    setSave({ kind: 'idle' });
  };

  const add = async () => {
    if (!review) return;
    // Only what was accepted goes in, checked as an imported pack would be: what the dashboard already
    // has is skipped and said so; anything that would not merge cleanly is named and nothing is added.
    const checked = checkAccepted(storablePack(review.pack, lastValid.current), dataset);
    if (!checked.ok) {
      setAddError(`Not added: ${checked.errors.join('; ')}. Your review is kept as a draft.`);
      return;
    }
    const counts = reviewCounts(checked.pack);
    setAdding(true);
    setAddError(null);
    try {
      await addToDashboard(checked.pack);
      const what =
        counts.figures > 0 || counts.accepted === 0
          ? `${counts.figures} figure${counts.figures === 1 ? '' : 's'}`
          : `${counts.accepted} item${counts.accepted === 1 ? '' : 's'}`;
      const skipped = checked.warnings.length;
      const problem = unsavedReason(checked.pack.source.id);
      onAdded(
        `Added ${what} from “${checked.pack.source.title}”.` +
          (skipped
            ? ` ${skipped} ${skipped === 1 ? 'item was' : 'items were'} already in the dashboard and skipped.`
            : '') +
          (problem ? ` Not kept in this browser (${problem}): export your data before closing the tab.` : ''),
      );
      dispatch({ type: 'clear' });
      setFields(emptyFields(today));
      setSave({ kind: 'idle' });
    } catch (error) {
      setAddError(`Not added: ${errorText(error)}. Your review is kept as a draft.`);
    } finally {
      setAdding(false);
    }
  };

  const otherDrafts = drafts.filter((d) => d.id !== review?.pack.source.id);

  return (
    <DetailDialog
      open={open}
      title="Add article"
      onClose={close}
      className={`add-article${review ? ' add-article--review' : ''}`}
    >
      {review ? (
        <Review
          state={review}
          dispatch={change}
          dataset={dataset}
          save={save}
          adding={adding}
          addError={addError}
          onAdd={() => void add()}
          onDiscard={discard}
        />
      ) : (
        <ArticleForm
          fields={fields}
          onChange={setFields}
          onSubmit={() => void findFigures()}
          onCancel={cancel}
          running={running}
          message={message}
          onMessage={setMessage}
          notes={notes}
          drafts={
            otherDrafts.length > 0 && (
              <div className="drafts" role="group" aria-label="Drafts in review">
                <p className="drafts__title">Continue where you left off:</p>
                <ul>
                  {otherDrafts.map((draft) => {
                    const left = reviewCounts(draft.pack).proposed;
                    return (
                      <li key={draft.id}>
                        <span>
                          <strong>{draft.pack.source.title}</strong> ({draft.pack.source.publisher},{' '}
                          {formatDate(draft.pack.source.published)}) · {left} to review
                        </span>
                        <span className="drafts__actions">
                          <button type="button" className="button" onClick={() => resume(draft)}>
                            Resume review
                          </button>
                          <button
                            type="button"
                            className="button button--quiet"
                            onClick={() => void removePack(draft.id).catch(() => undefined)}
                          >
                            Discard
                          </button>
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </div>
            )
          }
        />
      )}
    </DetailDialog>
  );
}

export default AddArticleDialog;
