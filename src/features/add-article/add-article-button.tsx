import { Suspense, useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import type { Dataset } from '../../model/dataset/schema';
import { lazyWithRetry } from '../../components/lazy-with-retry';
import { clearResumeDraftId, useResumeDraftId } from './storage-adapter';
import './add-article.css';

const loadDialog = () => import('./add-article-dialog');
// The dialog, the review and the engine's client load only when the analyst first asks for them.
const dialog = lazyWithRetry(loadDialog, (m) => m.AddArticleDialog);

/** The header button "Add article": opens the dialog to bring in an article, and says what was added. */
export function AddArticleButton({ dataset }: { dataset: Dataset }) {
  const [opened, setOpened] = useState(false);
  const [wanted, setWanted] = useState(false);
  const [status, setStatus] = useState('');
  const resumeId = useResumeDraftId();
  const open = opened || resumeId !== null;

  const close = () => {
    setOpened(false);
    if (resumeId !== null) clearResumeDraftId();
  };

  return (
    <>
      <button
        type="button"
        className="button button--quiet add-article-button"
        onClick={() => {
          setWanted(true);
          setOpened(true);
          setStatus('');
        }}
        onPointerEnter={() => void loadDialog().catch(() => undefined)}
      >
        <span aria-hidden="true" className="add-article-button__plus">
          +
        </span>{' '}
        Add <span className="wide-only">article</span>
      </button>
      {/* A note at the foot of the window until dismissed or the next article: it never pushes the header's
          buttons onto another row, nor covers the filters. */}
      <span role="status" className="add-article-status add-article-status--toast" hidden={!status}>
        {status}
        {status && (
          <button type="button" className="add-article-status__close" onClick={() => setStatus('')}>
            <span aria-hidden="true">×</span>
            <span className="visually-hidden">Dismiss</span>
          </button>
        )}
      </span>
      {(wanted || open) && (
        <ErrorBoundary
          fallbackRender={({ resetErrorBoundary }) => (
            <span role="alert" className="add-article-status add-article-status--error">
              “Add article” could not be loaded.{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  dialog.retry();
                  resetErrorBoundary();
                }}
              >
                Try again
              </button>
            </span>
          )}
        >
          <Suspense fallback={open ? <span className="add-article-status">Opening…</span> : null}>
            <dialog.Lazy
              dataset={dataset}
              open={open}
              resumeId={resumeId}
              onClose={close}
              onAdded={(message) => {
                setStatus(message);
                close();
              }}
            />
          </Suspense>
        </ErrorBoundary>
      )}
    </>
  );
}
