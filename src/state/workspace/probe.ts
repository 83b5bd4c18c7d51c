/**
 * Is there a team workspace server? The one question the page asks without loading the workspace's code:
 * true when this browser has seen one before (so that offline, what waits is still shown), or when
 * GET /api/workspace/health answers JSON `{ ok: true }`. Anything else is "no server", quietly, and the sync's
 * code is never loaded. The static build carries a stand-in file at that path (public/api/workspace/health,
 * `{ "ok": false }`, served without a JSON type), so a static host answers 200 rather than a 404 the browser
 * would log as an error; the server's own route answers before its static files. Offline, nothing is asked.
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
  if (useWorkspace.getState().server) return true;
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return false;
  return checkHealth();
}
