import { Suspense, useEffect, useId, useRef, useState } from 'react';
import type { Dataset } from '../../model/dataset/schema';
import { lazyWithRetry } from '../../components/lazy-with-retry';
import { syncWords, useWorkspace } from '../../state/workspace/workspace-store';
import type { WorkspacePanel } from './workspace-dialogs';
import './workspace.css';

const loadDialogs = () => import('./workspace-dialogs');
// The dialogs (sign in, members, activity, review queue) load when first asked for.
const dialogs = lazyWithRetry(loadDialogs, (m) => m.WorkspaceDialogs);

/**
 * The header's "Workspace" control: shown once a workspace server has answered in this browser, with the
 * sync's state in its text ("Synced", "Offline — 2 changes waiting", "Sync failed — retrying"), and a menu:
 * "Sign in" / "Sign out", "Members", "Activity", "Review queue".
 */
export function WorkspaceButton({ dataset }: { dataset: Dataset }) {
  const server = useWorkspace((s) => s.server);
  const words = useWorkspace(syncWords);
  const signedIn = useWorkspace((s) => s.user !== null);
  const inWorkspace = useWorkspace((s) => s.workspace !== null);
  const signInWanted = useWorkspace((s) => s.signInWanted);
  const failed = useWorkspace((s) => s.phase === 'failed' || !s.online);
  const [open, setOpen] = useState(false);
  const [panel, setPanel] = useState<WorkspacePanel | null>(null);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const shown: WorkspacePanel | null = panel ?? (signInWanted && !signedIn ? 'sign-in' : null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  if (!server) return null;
  const show = (which: WorkspacePanel) => {
    setOpen(false);
    setPanel(which);
  };
  return (
    <div className="workspace-control" ref={rootRef}>
      <button
        type="button"
        className={`button button--quiet workspace-control__button${failed ? ' workspace-control__button--warn' : ''}`}
        aria-label="Workspace"
        aria-describedby={`${menuId}-state`}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        onPointerEnter={() => void loadDialogs().catch(() => undefined)}
      >
        <span className="wide-only">Workspace: </span>
        <span id={`${menuId}-state`} className="workspace-control__state">
          {words}
        </span>
      </button>
      <div id={menuId} className="workspace-control__menu" hidden={!open}>
        {signedIn ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setOpen(false);
              void import('../../state/workspace/workspace-sync')
                .then((m) => m.signOut())
                .catch((error: unknown) => useWorkspace.setState({ lastError: `Sign out failed: ${String(error)}` }));
            }}
          >
            Sign out
          </button>
        ) : (
          <button type="button" className="button button--quiet" onClick={() => show('sign-in')}>
            Sign in
          </button>
        )}
        <button type="button" className="button button--quiet" disabled={!inWorkspace} onClick={() => show('members')}>
          Members
        </button>
        <button type="button" className="button button--quiet" disabled={!inWorkspace} onClick={() => show('activity')}>
          Activity
        </button>
        <button type="button" className="button button--quiet" disabled={!inWorkspace} onClick={() => show('review')}>
          Review queue
        </button>
      </div>
      {shown && (
        <Suspense fallback={<span className="workspace-control__loading">Opening…</span>}>
          <dialogs.Lazy
            which={shown}
            dataset={dataset}
            onClose={() => {
              setPanel(null);
              useWorkspace.setState({ signInWanted: false });
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
