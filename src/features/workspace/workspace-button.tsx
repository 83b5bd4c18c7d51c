import { Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Dataset } from '../../model/dataset/schema';
import { lazyWithRetry } from '../../components/lazy-with-retry';
import { syncWords, useWorkspace } from '../../state/workspace/workspace-store';
import type { WorkspacePanel } from './workspace-panel';
import './workspace.css';

const loadDialogs = () => import('./workspace-dialogs');
// The menu and the dialogs (sign in, members, activity, review queue) load when first asked for.
const dialogs = lazyWithRetry(loadDialogs, (m) => m.WorkspaceDialogs);
const menu = lazyWithRetry(loadDialogs, (m) => m.WorkspaceMenu);
const preload = () => void loadDialogs().catch(() => undefined);

/**
 * The header's "Workspace" control: shown once a workspace server has answered in this browser, with the
 * sync's state in its text ("Synced", "Offline — 2 changes waiting", "Sync failed — retrying"), and a menu:
 * "Sign in" / "Sign out", "Members", "Activity", "Review queue" (workspace-menu.tsx, loaded with the dialogs). The
 * menu opens by itself to say a failure of something the person did (an invite link, signing out).
 */
export function WorkspaceButton({ dataset }: { dataset: Dataset }) {
  const server = useWorkspace((s) => s.server);
  const words = useWorkspace(syncWords);
  const signedIn = useWorkspace((s) => s.user !== null);
  const signInWanted = useWorkspace((s) => s.signInWanted);
  const failed = useWorkspace((s) => s.phase === 'failed' || !s.online || s.lastError !== null);
  const menuWanted = useWorkspace((s) => s.menuWanted);
  const [openByUser, setOpen] = useState(false);
  const open = openByUser || menuWanted;
  const [panel, setPanel] = useState<WorkspacePanel | null>(null);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const shown: WorkspacePanel | null = panel ?? (signInWanted && !signedIn ? 'sign-in' : null);

  const closeMenu = useCallback(() => {
    setOpen(false);
    useWorkspace.setState({ menuWanted: false });
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) closeMenu();
    };
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && closeMenu();
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, closeMenu]);

  if (!server) return null;
  const show = (which: WorkspacePanel) => {
    closeMenu();
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
        onClick={() => (open ? closeMenu() : setOpen(true))}
        onPointerEnter={preload}
        onFocus={preload}
      >
        <span className="wide-only">Workspace: </span>
        <span id={`${menuId}-state`} className="workspace-control__state">
          {words}
        </span>
      </button>
      <div id={menuId} className="workspace-control__menu" hidden={!open}>
        {open && (
          <Suspense fallback={<span className="workspace-control__loading">Opening…</span>}>
            <menu.Lazy onShow={show} onClose={closeMenu} />
          </Suspense>
        )}
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
