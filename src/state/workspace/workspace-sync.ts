/**
 * The team workspace in the page: finds the server (after the first paint; never at import), signs in and out,
 * joins by invite link, and keeps the analyst's stored data (user-data.ts, the browser's copy) and the
 * workspace in step:
 *
 * - what the analyst changes locally becomes outbox changes, found by comparing the stored data before and
 *   after each change (local-changes.ts); drafts and pinned leads are personal and not sent;
 * - what the workspace holds (the pulled log, with the outbox on top) is folded (src/model/workspace/fold.ts)
 *   and replaces the shared part of the stored data, without becoming outbox changes again;
 * - a person signing in to a workspace for the first time in this browser uploads their local data once;
 * - every outbox change is tagged with who made it in which workspace and sent only under that person: another
 *   account signing in on this browser leaves it waiting (and never sends it again as its own).
 *
 * Without a server nothing here runs, and the dashboard works as it always has.
 */
import type { Change, LogEntry, Me } from '../../model/workspace/protocol';
import { fold } from '../../model/workspace/fold';
import { replaceShared, useUserData, type UserDataState } from '../user-data';
import { takeJoinToken } from '../url-sync';
import * as api from './workspace-api';
import {
  addToOutbox,
  markUploaded,
  outboxEntries,
  readNotApplied,
  readSync,
  uploaded,
  waitingChanges,
  writeNotApplied,
  type Maker,
} from './outbox';
import { localAdditions, localChanges, uploadChanges, type SharedSnapshot } from './local-changes';
import { startSyncEngine, type SyncEngine } from './sync-engine';
import { rememberServer, useWorkspace } from './workspace-store';

let engine: SyncEngine | null = null;
let unwatch: (() => void) | null = null;
let snapshot: SharedSnapshot | null = null;
/** True while the workspace's data are written into the stored data (not the analyst's own change). */
let applying = false;
let started: Promise<void> | null = null;

const set = useWorkspace.setState;

function snapshotOf(s: Pick<UserDataState, 'packs' | 'briefings' | 'edits'>): SharedSnapshot {
  return {
    packs: new Map(s.packs.filter((p) => p.state === 'added').map((p) => [p.id, p.pack])),
    briefings: s.briefings,
    edits: s.edits,
  };
}

function userDataRead(): Promise<void> {
  if (useUserData.getState().status.kind !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const off = useUserData.subscribe((s) => {
      if (s.status.kind === 'loading') return;
      off();
      resolve();
    });
  });
}

/** Folds the log with the outbox on top, and puts the result into the stored data and the workspace state. */
async function show(log: readonly LogEntry[], waiting: readonly Change[]): Promise<void> {
  const user = useWorkspace.getState().user;
  const meId = user?.id ?? null;
  const pulled = fold(log, meId);
  const mine = waiting.map((change): LogEntry => ({
    version: 0,
    change,
    by: { id: meId ?? '', name: user?.name ?? '' },
    at: change.at,
  }));
  const folded = fold(mine, meId, pulled);
  set({
    provenance: folded.provenance,
    conflicts: [...folded.conflicts.values()],
    activity: folded.activity.filter((line) => line.version > 0),
  });
  applying = true;
  try {
    const written = replaceShared({
      packs: [...folded.packs.values()],
      briefings: folded.briefings,
      edits: folded.edits,
    });
    snapshot = snapshotOf(useUserData.getState());
    await written;
  } finally {
    applying = false;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Every local change to the shared data becomes outbox changes made by `maker`, then a sync. */
function watchLocalChanges(maker: Maker): () => void {
  snapshot = snapshotOf(useUserData.getState());
  return useUserData.subscribe((s, previous) => {
    if (s.packs === previous.packs && s.briefings === previous.briefings && s.edits === previous.edits) return;
    const next = snapshotOf(s);
    const before = snapshot ?? next;
    snapshot = next;
    if (applying) return;
    const changes = localChanges(before, next, new Date().toISOString());
    if (changes.length === 0) return;
    set((w) => ({ waiting: w.waiting + changes.length }));
    void addToOutbox(changes, maker).then(() => engine?.syncNow());
  });
}

async function stopSync(): Promise<void> {
  unwatch?.();
  unwatch = null;
  engine?.stop();
  engine = null;
  snapshot = null;
}

/** Starts syncing the signed-in person's workspace (uploading this browser's data the first time). */
async function beginSync(me: Me): Promise<void> {
  await stopSync();
  if (!me.user || !me.workspace) return;
  await userDataRead();
  const { user, workspace } = me;
  const maker: Maker = { userId: user.id, workspaceId: workspace.id };
  set({ notApplied: await readNotApplied(user.id).catch(() => []) });
  // Before the sync starts: its first fold replaces the shared part of the stored data.
  const kept = await readSync().catch(() => null);
  await sendLocalWork(kept?.workspaceId === workspace.id ? kept.log : [], user, maker);
  unwatch = watchLocalChanges(maker);
  engine = await startSyncEngine({
    maker,
    onChange: show,
    onSignedOut: () => {
      set({ user: null, workspace: null });
      void stopSync();
    },
  });
  await show(engine.log(), await waitingChanges(maker));
  await engine.syncNow();
}

/**
 * What this browser holds that neither the workspace's log nor the outbox (anyone's changes: another account's
 * stay its own) has, is sent as this person's: everything the first time they sign in to this workspace here
 * (uploaded once), later what was added or corrected while nobody was signed in (which the workspace's data would
 * otherwise replace). Only additions: a removal made here is not assumed.
 */
async function sendLocalWork(log: readonly LogEntry[], user: { id: string; name: string }, maker: Maker) {
  const waiting = (await outboxEntries()).map((w): LogEntry => ({
    version: 0,
    change: w.change,
    by: { id: w.userId ?? user.id, name: '' },
    at: w.change.at,
  }));
  const known = fold(waiting, user.id, fold(log, user.id));
  const local = snapshotOf(useUserData.getState());
  const now = new Date().toISOString();
  if (!(await uploaded(user.id, maker.workspaceId).catch(() => true))) {
    await addToOutbox(uploadChanges(local, user.id, now, known), maker);
    await markUploaded(user.id, maker.workspaceId);
  } else {
    await addToOutbox(localAdditions(known, local, now), maker);
  }
}

/** Reads who is signed in, joins a waiting invite when signed in, and syncs. */
async function refresh(): Promise<void> {
  let me = await api.fetchMe();
  set({ user: me.user, workspace: me.workspace, reachable: true });
  const token = useWorkspace.getState().joinToken;
  if (token && me.user) {
    try {
      me = await api.acceptInvite(token);
      set({ user: me.user, workspace: me.workspace, joinToken: null });
    } catch (error) {
      // An unknown or expired link is said in the menu and forgotten; one the server could not answer is kept.
      const keep = error instanceof api.WorkspaceApiError && error.status === 0;
      set({ lastError: messageOf(error), menuWanted: true, ...(keep ? {} : { joinToken: null }) });
    }
  } else if (token) {
    set({ signInWanted: true });
  }
  if (me.workspace) await beginSync(me);
  else await stopSync();
}

/**
 * Looks for a workspace server (GET /api/workspace/health) and, when one answers, shows the control and syncs.
 * Call after the first paint. Without a server it does nothing and logs nothing.
 */
export function startWorkspace(): Promise<void> {
  started ??= (async () => {
    const token = takeJoinToken();
    if (token) set({ joinToken: token });
    const onOnline = () => {
      set({ online: true });
      if (!useWorkspace.getState().reachable) void findServer();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', () => set({ online: false }));
    await findServer();
  })();
  return started;
}

async function findServer(): Promise<void> {
  if (!(await api.checkHealth())) {
    set({ reachable: false });
    // A server known before but not answering now: what waits is still counted.
    if (useWorkspace.getState().server) set({ waiting: (await waitingChanges().catch(() => [])).length });
    return;
  }
  rememberServer();
  set({ server: true, reachable: true });
  try {
    await refresh();
  } catch (error) {
    set({ lastError: messageOf(error) });
  }
}

/** Signs in (errors are thrown with their words for the dialog), then syncs. */
export async function signIn(email: string, password: string): Promise<void> {
  await api.signIn(email, password);
  set({ signInWanted: false, lastError: null });
  await refresh();
}

/** Makes an account and signs in with it (the first account on a server owns its workspace). */
export async function createAccount(name: string, email: string, password: string): Promise<void> {
  await api.createAccount(name, email, password);
  set({ signInWanted: false, lastError: null });
  await refresh();
}

/**
 * Signs out: the sync stops; this browser keeps its copy, and the outbox keeps what was not sent (for this person's
 * next sign-in). A failure is said in the menu and thrown; nothing changes then.
 */
export async function signOut(): Promise<void> {
  try {
    await api.signOut();
  } catch (error) {
    // The session is gone already: signed out all the same.
    if (!(error instanceof api.WorkspaceApiError && error.status === 401)) {
      set({ lastError: messageOf(error), menuWanted: true });
      throw error;
    }
  }
  await stopSync();
  set({
    user: null,
    workspace: null,
    phase: 'idle',
    members: [],
    conflicts: [],
    activity: [],
    provenance: new Map(),
    notApplied: [],
    othersWaiting: 0,
    waiting: (await waitingChanges().catch(() => [])).length,
  });
}

/** Makes a workspace (for a person signed in who is in none), which they own, and syncs it. */
export async function createWorkspace(name: string): Promise<void> {
  const me = await api.createWorkspace(name);
  set({ user: me.user, workspace: me.workspace, lastError: null });
  await beginSync(me);
}

/** Adds a workspace change the page makes itself (approve, resolve a conflict), then syncs. */
export async function sendChange(change: Change): Promise<void> {
  const { user, workspace } = useWorkspace.getState();
  if (!user || !workspace) throw new Error('Sign in to a workspace first');
  await addToOutbox([change], { userId: user.id, workspaceId: workspace.id });
  set((w) => ({ waiting: w.waiting + 1 }));
  await engine?.syncNow();
}

/** Reads the members into the state. */
export async function loadMembers(): Promise<void> {
  set({ members: await api.fetchMembers() });
}

export async function changeRole(userId: string, role: Parameters<typeof api.setMemberRole>[1]): Promise<void> {
  set({ members: await api.setMemberRole(userId, role) });
}

/** Takes a member out of the workspace (the owner only; the server checks). */
export async function removeMember(userId: string): Promise<void> {
  set({ members: await api.removeMember(userId) });
}

export async function setViewersApprovedOnly(on: boolean): Promise<void> {
  const me = await api.saveSettings(on);
  set({ workspace: me.workspace });
}

/** Sends and pulls now (e.g. after the page made a change of its own). */
export const syncNow = (): Promise<void> => engine?.syncNow() ?? Promise.resolve();

/** Takes a refused change off the "not applied" list. */
export async function dismissNotApplied(id: string): Promise<void> {
  set((w) => ({ notApplied: w.notApplied.filter((n) => n.id !== id) }));
  const { user, notApplied } = useWorkspace.getState();
  if (user) await writeNotApplied(user.id, notApplied);
}

/** Takes the last failure off the menu. */
export const dismissError = () => set({ lastError: null });

export { createInvite, inviteLink, WorkspaceApiError } from './workspace-api';

/** For tests: stop everything and start again from nothing. */
export async function resetWorkspaceForTests(): Promise<void> {
  await stopSync();
  started = null;
}
