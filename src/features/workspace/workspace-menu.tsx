import { useWorkspace } from '../../state/workspace/workspace-store';
import { dismissError, signOut } from '../../state/workspace/workspace-sync';
import type { WorkspacePanel } from './workspace-panel';
import { othersWaitingWords } from './others-waiting';

/**
 * The Workspace control's menu (loaded with the dialogs): the last failure with "Dismiss", "Sign in" or "Sign out",
 * "Create workspace" for a person in none, "Members", "Activity", "Review queue", "Export workspace", and what another account left
 * waiting on this browser.
 */
export function WorkspaceMenu({ onShow, onClose }: { onShow: (panel: WorkspacePanel) => void; onClose: () => void }) {
  const lastError = useWorkspace((s) => s.lastError);
  const signedIn = useWorkspace((s) => s.user !== null);
  const inWorkspace = useWorkspace((s) => s.workspace !== null);
  const othersWaiting = useWorkspace((s) => s.othersWaiting);
  const item = (panel: WorkspacePanel, words: string, disabled = false) => (
    <button type="button" className="button button--quiet" disabled={disabled} onClick={() => onShow(panel)}>
      {words}
    </button>
  );
  return (
    <>
      {lastError && (
        <div role="alert" className="workspace-menu__error">
          <span>{lastError}</span>
          <button type="button" className="button button--quiet" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {signedIn ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            onClose();
            // A failure is kept as the last error, and the menu opens again to say it.
            signOut().catch(() => undefined);
          }}
        >
          Sign out
        </button>
      ) : (
        item('sign-in', 'Sign in')
      )}
      {signedIn && !inWorkspace && (
        <>
          <p className="workspace-menu__note">
            You are in no workspace yet: create one, or open an invite link someone in a workspace sent you.
          </p>
          {item('create', 'Create workspace')}
        </>
      )}
      {item('members', 'Members', !inWorkspace)}
      {item('activity', 'Activity', !inWorkspace)}
      {item('review', 'Review queue', !inWorkspace)}
      {inWorkspace && (
        // The server's export: the workspace's packs, briefings and corrections with its whole change log.
        <a className="button button--quiet" href="/api/workspace/export" download onClick={onClose}>
          Export workspace
        </a>
      )}
      {signedIn && othersWaiting > 0 && <p className="workspace-menu__note">{othersWaitingWords(othersWaiting)}.</p>}
    </>
  );
}
