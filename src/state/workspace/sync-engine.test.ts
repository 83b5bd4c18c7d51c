import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PULL_MAX_LIMIT, type Change, type LogEntry } from '../../model/workspace/protocol';
import { fakeWorkspaceServer, type FakeServer } from './fake-workspace-server';
import { readSync, resetOutboxForTests } from './outbox';
import { pullSince, startSyncEngine } from './sync-engine';
import { pullPage } from './workspace-api';
import { useWorkspace } from './workspace-store';

let server: FakeServer;
const initial = useWorkspace.getState();

/** The log's entries 1..n: Ben's corrections. */
function fill(n: number) {
  for (let version = 1; version <= n; version++) {
    const at = new Date(Date.UTC(2025, 2, 1, 10, version)).toISOString();
    const id = `ben-fix-${String(version).padStart(3, '0')}`;
    const change: Change = {
      id,
      at,
      type: 'correction',
      correction: { id, kind: 'figure', itemId: 'fig-a', at, by: 'Ben', changes: [{ field: 'value', from: version }] },
    };
    server.log.push({ version, change, by: { id: 'user-ben', name: 'Ben' }, at });
  }
}

const versions = (entries: readonly LogEntry[]) => entries.map((e) => e.version);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

beforeEach(async () => {
  await resetOutboxForTests();
  useWorkspace.setState(initial, true);
  server = fakeWorkspaceServer();
  vi.stubGlobal('fetch', server.fetch);
  await server.fetch('/api/auth/sign-in/email', {
    method: 'POST',
    body: JSON.stringify({ email: 'ana@example.org', password: 'correct horse' }),
  });
});

afterEach(async () => {
  await resetOutboxForTests();
  vi.unstubAllGlobals();
});

describe('pulling the log', () => {
  it('asks for big pages and says where the next one starts', async () => {
    fill(5);
    server.pageSize = 2;
    const page = await pullPage(0);
    expect(page.next).toBe(2);
    expect(versions((await page.answer).entries)).toEqual([1, 2]);
    expect(server.pulls).toEqual([{ since: 0, limit: PULL_MAX_LIMIT }]);
    const last = await pullPage(4);
    expect(last.next).toBeNull();
    expect(await last.answer).toMatchObject({ more: false, version: 5 });
  });

  it('pulls everything in order across pages, asking for the next page while it reads one', async () => {
    fill(10);
    server.pageSize = 3;
    expect(versions(await pullSince(0))).toEqual(oneTo(10));
    expect(server.pulls.map((p) => p.since)).toEqual([0, 3, 6, 9]);
    expect(versions(await pullSince(7))).toEqual([8, 9, 10]);
  });

  it.each(['none', 'wrong'] as const)(
    'pulls each version once, in order, when the server names the next page %s',
    async (header) => {
      fill(10);
      server.pageSize = 3;
      server.nextHeader = header;
      expect(versions(await pullSince(0))).toEqual(oneTo(10));
      // A page asked for at a wrong place is not used: the next page is asked for after the last entry held.
      expect(server.pulls.map((p) => p.since).filter((since) => since % 3 === 0)).toEqual([0, 3, 6, 9]);
    },
  );

  it('drops entries it already holds or that go backwards, so nothing is doubled', async () => {
    fill(9);
    server.pageSize = 4;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await server.fetch(input, init);
      const url = String(input);
      if (!url.startsWith('/api/workspace/changes')) return response;
      const page = (await response.json()) as { entries: LogEntry[] };
      const since = Number(new URL(url, 'http://x').searchParams.get('since'));
      // The entry at `since` again, and the page's first entry once more at its end.
      const before = server.log.filter((e) => e.version === since);
      const body = { ...page, entries: [...before, ...page.entries, ...page.entries.slice(0, 1)] };
      return new Response(JSON.stringify(body), { headers: response.headers });
    });
    expect(versions(await pullSince(0))).toEqual(oneTo(9));
  });

  it('refuses a page the protocol does not describe, keeping what came before it', async () => {
    fill(6);
    server.pageSize = 3;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await server.fetch(input, init);
      if (!String(input).includes('since=3')) return response;
      const page = (await response.json()) as { entries: LogEntry[] };
      page.entries[1] = { ...page.entries[1]!, version: 'five' as unknown as number };
      return new Response(JSON.stringify(page), { headers: response.headers });
    });
    const pulled: LogEntry[] = [];
    await expect(pullSince(0, pulled)).rejects.toThrow(
      /Pulling changes failed: the server's answer was not understood/,
    );
    expect(versions(pulled)).toEqual([1, 2, 3]);
  });
});

describe('the sync engine', () => {
  it('pulls the whole log in pages, in order, and stores it once at the end', async () => {
    fill(12);
    server.pageSize = 5;
    const engine = await startSyncEngine({
      maker: { userId: 'user-ana', workspaceId: 'ws-1' },
      onChange: () => undefined,
      onSignedOut: () => undefined,
    });
    await engine.syncNow();
    expect(versions(engine.log())).toEqual(oneTo(12));
    expect(useWorkspace.getState().phase).toBe('synced');
    const kept = await readSync();
    expect(kept).toMatchObject({ workspaceId: 'ws-1', version: 12 });
    expect(versions(kept!.log)).toEqual(oneTo(12));

    // What comes later is pulled from the last version held, not from the start.
    const at = server.log.at(-1)!;
    server.log.push({ ...at, version: 13, change: { ...at.change, id: 'ben-fix-013' } });
    server.pulls.length = 0;
    await engine.syncNow();
    expect(versions(engine.log())).toEqual(oneTo(13));
    expect(server.pulls.map((p) => p.since)).toEqual([12]);
    engine.stop();
  });
});
