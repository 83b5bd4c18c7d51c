/**
 * The team workspace as the page knows it: is there a server (it answered once in this browser), who is signed
 * in and with which role, the sync's state, how many changes wait in the outbox, the changes the server refused
 * ("not applied", with why), and the fold of the change log (who added, edited and approved each item, the open
 * conflicts, the activity). Small on purpose: the header's "Workspace" button reads it at first paint; the sync
 * itself (workspace-sync.ts) loads after.
 */
import { create } from 'zustand';
import type { Me, Member, Role, Workspace } from '../../model/workspace/protocol';
import type { ActivityLine, OpenConflict, Provenance } from '../../model/workspace/fold';

/** Remembered in localStorage: a workspace server answered here once, so the control shows even offline. */
const SERVER_KEY = 'geobrief-workspace-server';

export type SyncPhase = 'idle' | 'syncing' | 'synced' | 'failed';

/** A change the server refused: it stays listed, with why, until dismissed. */
export interface NotApplied {
  id: string;
  /** What it was, in words ("a correction of figure …"). */
  what: string;
  reason: string;
  at: string;
}

export interface WorkspaceState {
  /** A workspace server answered in this browser once. */
  server: boolean;
  /** The server answered now (false when offline or down). */
  reachable: boolean;
  online: boolean;
  user: Me['user'];
  workspace: Workspace | null;
  phase: SyncPhase;
  /** The signed-in person's changes in the outbox (everyone's when signed out), not yet answered by the server. */
  waiting: number;
  /** Changes another account made on this browser, waiting for it to sign in. */
  othersWaiting: number;
  notApplied: NotApplied[];
  provenance: ReadonlyMap<string, Provenance>;
  conflicts: readonly OpenConflict[];
  activity: readonly ActivityLine[];
  members: readonly Member[];
  /** The last failure, in words (shown in the menu until dismissed). */
  lastError: string | null;
  /** The menu was asked for (a failure of something the person did, e.g. an invite link or signing out). */
  menuWanted: boolean;
  /** An invite link's token waiting for the person to sign in. */
  joinToken: string | null;
  /** The sign-in dialog was asked for (an invite link opened while signed out). */
  signInWanted: boolean;
}

function rememberedServer(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(SERVER_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers that a server answered (so that offline, the control still shows what waits). */
export function rememberServer(): void {
  try {
    localStorage.setItem(SERVER_KEY, '1');
  } catch {
    // storage refused: the control shows once the server answers again
  }
}

export const useWorkspace = create<WorkspaceState>()(() => ({
  server: rememberedServer(),
  reachable: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine !== false,
  user: null,
  workspace: null,
  phase: 'idle',
  waiting: 0,
  othersWaiting: 0,
  notApplied: [],
  provenance: new Map(),
  conflicts: [],
  activity: [],
  members: [],
  lastError: null,
  menuWanted: false,
  joinToken: null,
  signInWanted: false,
}));

/** The state in the words the "Workspace" button shows. */
export function syncWords(
  s: Pick<WorkspaceState, 'user' | 'workspace' | 'online' | 'reachable' | 'phase' | 'waiting'>,
): string {
  const waiting = `${s.waiting} ${s.waiting === 1 ? 'change' : 'changes'} waiting`;
  if (!s.online) return `Offline — ${waiting}`;
  if (!s.user) return s.waiting > 0 ? `Signed out — ${waiting}` : 'Signed out';
  if (!s.workspace) return 'No workspace';
  if (s.phase === 'failed') return 'Sync failed — retrying';
  if (s.phase === 'syncing' || s.waiting > 0) return s.waiting > 0 ? `Syncing — ${waiting}` : 'Syncing';
  return 'Synced';
}

const EDITORS: readonly Role[] = ['owner', 'analyst'];
const REVIEWERS: readonly Role[] = ['owner', 'reviewer'];

/** Why the current person may not add or edit, or null when they may (no workspace: their own data). */
export function readOnlyReason(s: Pick<WorkspaceState, 'workspace'>): string | null {
  const role = s.workspace?.role;
  if (!role || EDITORS.includes(role)) return null;
  return role === 'viewer'
    ? 'Viewers read and present: ask the workspace’s owner for the analyst role to add or edit.'
    : 'Reviewers approve and resolve conflicts: ask the workspace’s owner for the analyst role to add or edit.';
}

/** May the current person approve items and resolve conflicts? */
export const mayReview = (s: Pick<WorkspaceState, 'workspace'>): boolean =>
  !!s.workspace && REVIEWERS.includes(s.workspace.role);

/** Hook: the reason the current person may not add or edit (null: they may). */
export const useReadOnlyReason = (): string | null => useWorkspace(readOnlyReason);

/**
 * The items a viewer does not see when the workspace shows viewers approved items only (keys `${kind}:${id}`),
 * or null when everything shows. A presentation rule, not a security boundary: the server still sends every
 * item to every member.
 */
export function hiddenForViewer(s: Pick<WorkspaceState, 'workspace' | 'provenance'>): ReadonlySet<string> | null {
  if (s.workspace?.role !== 'viewer' || !s.workspace.viewersApprovedOnly) return null;
  const hidden = new Set<string>();
  for (const [key, p] of s.provenance) if (p.status !== 'approved') hidden.add(key);
  return hidden;
}
