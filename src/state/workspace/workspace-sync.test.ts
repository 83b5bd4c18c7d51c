import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshStoredData } from '../../testing/stored-data';
import { makePack, PACK_SOURCE_ID } from '../../model/pack/pack.fixtures';
import { addToDashboard } from '../pack-actions';
import { useUserData } from '../user-data';
import { fakeWorkspaceServer, type FakeServer } from './fake-workspace-server';
import { resetOutboxForTests, waitingChanges } from './outbox';
import { useWorkspace } from './workspace-store';
import { resetWorkspaceForTests, signIn, signOut, startWorkspace, syncNow } from './workspace-sync';
import { syncWords } from './workspace-store';
import { makePackFigure } from '../../model/pack/pack.fixtures';
import { saveCorrection } from '../use-edits';

let server: FakeServer;
const initial = useWorkspace.getState();

async function resetAll() {
  await resetWorkspaceForTests();
  await resetOutboxForTests();
  useWorkspace.setState(initial, true);
  localStorage.clear();
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

describe('the workspace sync', () => {
  it('finds the server, remembers it, and stays signed out until the person signs in', async () => {
    await startWorkspace();
    expect(useWorkspace.getState()).toMatchObject({ server: true, reachable: true, user: null });
    expect(localStorage.getItem('geobrief-workspace-server')).toBe('1');
    expect(syncWords(useWorkspace.getState())).toBe('Signed out');
  });

  it('says nothing and shows nothing without a server (a 404 or the static page’s HTML)', async () => {
    const errors = vi.spyOn(console, 'error');
    vi.stubGlobal(
      'fetch',
      async () => new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    await startWorkspace();
    expect(useWorkspace.getState().server).toBe(false);
    expect(errors).not.toHaveBeenCalled();
  });

  it('uploads the local data once at the first sign-in, then sends each local change', async () => {
    await addToDashboard(makePack());
    await startWorkspace();
    await signIn('ana@example.org', 'correct horse');
    expect(server.log.map((e) => e.change.type)).toEqual(['pack.put']);
    expect(useWorkspace.getState().phase).toBe('synced');
    expect(syncWords(useWorkspace.getState())).toBe('Synced');
    // The pack is the workspace's now, added by "you".
    expect(useWorkspace.getState().provenance.get(`figure:${makePackFigure().id}`)).toMatchObject({ addedBy: 'you' });

    const figure = makePackFigure();
    await saveCorrection('figure', figure, { ...figure, value: 4 });
    await syncNow();
    expect(server.log.map((e) => e.change.type)).toEqual(['pack.put', 'correction']);
    expect(await waitingChanges()).toEqual([]);

    // Signing in again in this browser does not upload again.
    await resetWorkspaceForTests();
    await startWorkspace();
    expect(server.received.filter((id) => id.startsWith('up-'))).toHaveLength(1);
  });

  it('applies what others did, page after page, without sending it back', async () => {
    const pack = makePack();
    for (let v = 1; v <= 3; v++) {
      server.log.push({
        version: v,
        by: { id: 'user-ben', name: 'Ben' },
        at: `2025-03-01T10:0${v}:00.000Z`,
        change: {
          id: `ben-put-${v}`,
          at: `2025-03-01T10:0${v}:00.000Z`,
          type: 'pack.put',
          pack: { ...pack, notes: [`v${v}`] },
        },
      });
    }
    server.pageSize = 1;
    await startWorkspace();
    await signIn('ana@example.org', 'correct horse');
    const stored = useUserData.getState().packs.find((p) => p.id === PACK_SOURCE_ID);
    expect(stored).toMatchObject({ state: 'added', pack: { notes: ['v3'] } });
    expect(server.received).toEqual([]);
    expect(useWorkspace.getState().activity.map((a) => a.by)).toEqual(['Ben', 'Ben', 'Ben']);
  });

  it('keeps changes in the outbox while the push fails, says so, and sends each once when it works', async () => {
    await startWorkspace();
    await signIn('ana@example.org', 'correct horse');
    server.failPushes = 1;
    await addToDashboard(makePack());
    await vi.waitFor(() => expect(useWorkspace.getState().phase).toBe('failed'));
    expect(syncWords(useWorkspace.getState())).toBe('Sync failed — retrying');
    expect((await waitingChanges()).map((c) => c.type)).toEqual(['pack.put']);

    // A reload: the outbox is read again from storage.
    await resetWorkspaceForTests();
    await resetOutboxForTests(true);
    expect((await waitingChanges()).map((c) => c.type)).toEqual(['pack.put']);
    await startWorkspace();
    expect(server.log.map((e) => e.change.type)).toEqual(['pack.put']);
    expect(await waitingChanges()).toEqual([]);
  });

  it('answers a resend "duplicate" and applies it once', async () => {
    await startWorkspace();
    await signIn('ana@example.org', 'correct horse');
    await addToDashboard(makePack());
    await syncNow();
    const put = server.log[0]!.change;
    const { addToOutbox } = await import('./outbox');
    await addToOutbox([put], { userId: 'user-ana', workspaceId: 'ws-1' });
    await syncNow();
    expect(server.received.filter((id) => id === put.id)).toHaveLength(2);
    expect(server.log).toHaveLength(1);
    expect(await waitingChanges()).toEqual([]);
  });

  it('lists the changes the server refused as not applied, with the reason', async () => {
    server = fakeWorkspaceServer('viewer');
    server.refuseAll = true;
    vi.stubGlobal('fetch', server.fetch);
    await startWorkspace();
    await signIn('ana@example.org', 'correct horse');
    await addToDashboard(makePack());
    await vi.waitFor(() => expect(useWorkspace.getState().notApplied).toHaveLength(1));
    expect(useWorkspace.getState().notApplied[0]).toMatchObject({ reason: 'viewers cannot make changes' });
    expect(await waitingChanges()).toEqual([]);
  });

  it('sends what was added here while signed out, at the next sign-in', async () => {
    await startWorkspace();
    await signIn('ana@example.org', 'correct horse');
    await signOut();
    await addToDashboard(makePack());
    expect(server.log).toEqual([]);
    await signIn('ana@example.org', 'correct horse');
    expect(server.log.map((e) => e.change.type)).toEqual(['pack.put']);
    expect(useUserData.getState().packs.map((p) => p.id)).toEqual([PACK_SOURCE_ID]);
  });

  it('names a wrong password and a rate limit', async () => {
    await startWorkspace();
    await expect(signIn('ana@example.org', 'wrong')).rejects.toThrow('Wrong email or password');
    server.rateLimited = true;
    await expect(signIn('ana@example.org', 'correct horse')).rejects.toThrow(/Too many attempts/);
  });
});
