/**
 * The workspace sync with several people on one browser, and what it keeps and says: each outbox change goes out
 * only under the person who made it; "not applied" survives a reload until dismissed; failures of an invite link
 * or of signing out are kept for the menu; a person in no workspace makes one; the owner removes a member.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshStoredData } from '../../testing/stored-data';
import { makePack, PACK_SOURCE_ID } from '../../model/pack/pack.fixtures';
import { addToDashboard } from '../pack-actions';
import { useUserData } from '../user-data';
import { fakeWorkspaceServer, type FakeServer } from './fake-workspace-server';
import { outboxEntries, resetOutboxForTests, waitingChanges } from './outbox';
import { useWorkspace } from './workspace-store';
import {
  createWorkspace,
  dismissNotApplied,
  removeMember,
  resetWorkspaceForTests,
  signIn,
  signOut,
  startWorkspace,
  loadMembers,
} from './workspace-sync';

let server: FakeServer;
const initial = useWorkspace.getState();
const ANA = ['ana@example.org', 'correct horse'] as const;
const BEN = ['ben@example.org', 'battery staple'] as const;

async function resetAll() {
  await resetWorkspaceForTests();
  await resetOutboxForTests();
  useWorkspace.setState(initial, true);
  localStorage.clear();
}

/** A reload: what is in memory goes, storage stays. */
async function reload() {
  await resetWorkspaceForTests();
  await resetOutboxForTests(true);
  useWorkspace.setState(initial, true);
  await startWorkspace();
}

beforeEach(async () => {
  await resetAll();
  await freshStoredData();
  server = fakeWorkspaceServer();
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(async () => {
  await resetAll();
  vi.unstubAllGlobals();
});

describe('the outbox, person by person', () => {
  it('keeps what Ana left waiting for Ana: Ben signing in on the same browser never sends it', async () => {
    await startWorkspace();
    await signIn(...ANA);
    server.failPushes = 1000;
    await addToDashboard(makePack());
    await vi.waitFor(() => expect(useWorkspace.getState().phase).toBe('failed'));
    expect(await outboxEntries()).toMatchObject([
      { change: { type: 'pack.put' }, userId: 'user-ana', workspaceId: 'ws-1' },
    ]);
    await signOut();
    expect(useWorkspace.getState().waiting).toBe(1);
    server.failPushes = 0;

    await signIn(...BEN);
    expect(useWorkspace.getState()).toMatchObject({ phase: 'synced', waiting: 0, othersWaiting: 1 });
    // Neither Ana's change nor Ben's first upload of this browser's data carries her article.
    expect(server.log).toEqual([]);
    expect(await waitingChanges()).toHaveLength(1);

    await signOut();
    await signIn(...ANA);
    expect(server.log.map((e) => [e.change.type, e.by.name])).toEqual([['pack.put', 'Ana']]);
    expect(useWorkspace.getState()).toMatchObject({ waiting: 0, othersWaiting: 0 });
    expect(useUserData.getState().packs.map((p) => p.id)).toEqual([PACK_SOURCE_ID]);
  });

  it('still sends what was added while nobody was signed in, once, under the next person', async () => {
    await startWorkspace();
    await signIn(...ANA);
    await signOut();
    await addToDashboard(makePack());
    await signIn(...BEN);
    expect(server.log.map((e) => [e.change.type, e.by.name])).toEqual([['pack.put', 'Ben']]);
    await signOut();
    await signIn(...ANA);
    expect(server.log).toHaveLength(1);
    expect(await waitingChanges()).toEqual([]);
  });
});

describe('"not applied"', () => {
  it('survives a reload until dismissed', async () => {
    server = fakeWorkspaceServer('viewer');
    server.refuseAll = true;
    vi.stubGlobal('fetch', server.fetch);
    await startWorkspace();
    await signIn(...ANA);
    await addToDashboard(makePack());
    await vi.waitFor(() => expect(useWorkspace.getState().notApplied).toHaveLength(1));

    await reload();
    await vi.waitFor(() => expect(useWorkspace.getState().notApplied).toHaveLength(1));
    expect(useWorkspace.getState().notApplied[0]).toMatchObject({ reason: 'viewers cannot make changes' });

    await dismissNotApplied(useWorkspace.getState().notApplied[0]!.id);
    await reload();
    expect(useWorkspace.getState().user?.name).toBe('Ana');
    expect(useWorkspace.getState().notApplied).toEqual([]);
  });

  it('is each person’s own', async () => {
    server = fakeWorkspaceServer('viewer');
    server.refuseAll = true;
    vi.stubGlobal('fetch', server.fetch);
    await startWorkspace();
    await signIn(...ANA);
    await addToDashboard(makePack());
    await vi.waitFor(() => expect(useWorkspace.getState().notApplied).toHaveLength(1));
    await signOut();
    expect(useWorkspace.getState().notApplied).toEqual([]);
  });
});

describe('failures kept for the menu', () => {
  it.each([
    ['unknown-1', 'this invite link is not known'],
    ['expired-1', 'this invite link has expired'],
  ])('an invite link %s: said, forgotten, and the person stays signed in', async (token, words) => {
    await startWorkspace();
    useWorkspace.setState({ joinToken: token });
    await signIn(...ANA);
    expect(useWorkspace.getState()).toMatchObject({ joinToken: null, menuWanted: true });
    expect(useWorkspace.getState().lastError).toContain(words);
    expect(useWorkspace.getState().user?.name).toBe('Ana');
  });

  it('signing out that fails: said, and still signed in', async () => {
    await startWorkspace();
    await signIn(...ANA);
    server.failSignOut = true;
    await expect(signOut()).rejects.toThrow('Sign out failed');
    expect(useWorkspace.getState()).toMatchObject({ menuWanted: true, user: { name: 'Ana' } });
    expect(useWorkspace.getState().lastError).toContain('Sign out failed: database is locked');
  });
});

describe('a person in no workspace', () => {
  it('makes one, owns it, and syncs it (uploading this browser’s data)', async () => {
    server.noWorkspace = true;
    await addToDashboard(makePack());
    await startWorkspace();
    await signIn(...ANA);
    expect(useWorkspace.getState()).toMatchObject({ workspace: null, user: { name: 'Ana' } });
    await createWorkspace('Kyiv desk');
    expect(useWorkspace.getState()).toMatchObject({
      workspace: { name: 'Kyiv desk', role: 'owner' },
      phase: 'synced',
    });
    expect(server.log.map((e) => e.change.type)).toEqual(['pack.put']);
  });
});

describe('members', () => {
  it('the owner removes one', async () => {
    server = fakeWorkspaceServer('owner');
    vi.stubGlobal('fetch', server.fetch);
    await startWorkspace();
    await signIn(...ANA);
    await loadMembers();
    expect(useWorkspace.getState().members.map((m) => m.name)).toEqual(['Ana', 'Ben']);
    await removeMember('user-ben');
    expect(useWorkspace.getState().members.map((m) => m.name)).toEqual(['Ana']);
  });
});
