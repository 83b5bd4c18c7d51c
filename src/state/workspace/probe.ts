/**
 * Is there a team workspace server? The one question the page asks without loading the workspace's code:
 * true when this browser has seen one before (so that offline, what waits is still shown), or when
 * GET /api/workspace/health answers JSON `{ ok: true }`. Anything else (a 404, a static server's index.html, no
 * answer) is "no server", quietly: nothing is logged, and the sync's code is never loaded.
 */
import { useWorkspace } from './workspace-store';

export async function checkHealth(): Promise<boolean> {
  try {
    const response = await fetch('/api/workspace/health', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return false;
    const data = (await response.json()) as { ok?: unknown } | null;
    return data?.ok === true;
  } catch {
    return false;
  }
}

/** A server known before in this browser, or one answering now. */
export async function workspaceServerLikely(): Promise<boolean> {
  return useWorkspace.getState().server || (await checkHealth());
}
