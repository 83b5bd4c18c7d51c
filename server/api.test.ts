// @vitest-environment node
/**
 * The workspace API, on SQLite and on a real PostgreSQL (started by the test run: server/testing/): people and
 * roles, pushing changes exactly once and pulling them in pages, conflicts, approvals, invites, other workspaces out of
 * reach, and bad input answered with the field that is wrong.
 */
import { isAscii } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  PULL_MAX_LIMIT,
  PULL_NEXT_HEADER,
  PullResponseSchema,
  type Change,
  type LogEntry,
  type PullResponse,
} from '../src/model/workspace/protocol';
import { Browser, testServer, type Engine, type TestServer } from './testing/harness';
import { openDb } from './db';
import { pullText } from './sync';
import { correction, packPut } from './testing/changes';
import { DataFileSchema } from '../src/model/pack/pack-schema';

const pgUrl = inject('pgUrl');
const engines: Engine[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(engines)('workspace API on %s', (engine) => {
  let server: TestServer;
  let owner: Browser;

  beforeEach(async () => {
    server = await testServer(engine, pgUrl);
    owner = new Browser(server);
    expect((await owner.signUp('ana@example.org', 'Ana')).status).toBe(200);
  });
  afterEach(async () => {
    await server.close();
  });

  /** A second person, joined with `role` through an invite link made by the owner. */
  async function join(email: string, role: string): Promise<Browser> {
    const invite = await owner.request('POST', '/api/workspace/invites', { role });
    expect(invite.status).toBe(200);
    const b = new Browser(server);
    expect((await b.signUp(email)).status).toBe(200);
    const accepted = await b.request('POST', `/api/workspace/invites/${invite.json.token}/accept`, {});
    expect(accepted.status).toBe(200);
    expect(accepted.json.workspace.role).toBe(role);
    return b;
  }

  it('gives the first account a workspace it owns; a later account has none until invited', async () => {
    const me = await owner.request('GET', '/api/workspace/me');
    expect(me.json.user.email).toBe('ana@example.org');
    expect(me.json.workspace).toMatchObject({ name: 'Team workspace', role: 'owner' });
    const ben = new Browser(server);
    await ben.signUp('ben@example.org');
    expect((await ben.request('GET', '/api/workspace/me')).json.workspace).toBeNull();
    expect((await ben.request('GET', '/api/workspace/changes?since=0')).status).toBe(403);
    expect((await new Browser(server).request('GET', '/api/workspace/changes?since=0')).status).toBe(401);
  });

  it('applies each change once, records who and when from the session, and serves the log since a version', async () => {
    const changes: Change[] = [packPut('pack-1', 'source-a'), correction('c-000001', 'fig-a', 'value', 10, 12)];
    const first = await owner.request('POST', '/api/workspace/changes', { changes });
    expect(first.status).toBe(200);
    expect(first.json.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect(first.json.version).toBe(2);
    // A resend (the answer was lost) is a duplicate, not a second change.
    const again = await owner.request('POST', '/api/workspace/changes', { changes });
    expect(again.json.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(again.json.version).toBe(2);
    const pulled = await owner.request('GET', '/api/workspace/changes?since=0');
    expect(pulled.json.entries.map((e: { version: number }) => e.version)).toEqual([1, 2]);
    expect(pulled.json.entries[0].by.name).toBe('Ana');
    expect(pulled.json.more).toBe(false);
    expect((await owner.request('GET', '/api/workspace/changes?since=1')).json.entries).toHaveLength(1);
  });

  it('serves the log in pages of the limit asked for: in order, each version once, naming where the next starts', async () => {
    const changes: Change[] = [
      packPut('pack-1', 'source-a'),
      ...Array.from({ length: 24 }, (_, i) =>
        correction(`c-page-${String(i).padStart(2, '0')}`, `fig-${i % 3}`, 'value', i, i + 1),
      ),
    ];
    for (const at of [0, 12]) {
      const pushed = await owner.request('POST', '/api/workspace/changes', { changes: changes.slice(at, at + 12) });
      expect(pushed.status).toBe(200);
    }
    await owner.request('POST', '/api/workspace/changes', { changes: changes.slice(24) });
    const pages: number[][] = [];
    let since = 0;
    for (;;) {
      const page = await owner.request('GET', `/api/workspace/changes?since=${since}&limit=10`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^application\/json/);
      expect(page.json.version).toBe(25);
      pages.push(page.json.entries.map((e: LogEntry) => e.version));
      if (!page.json.more) {
        expect(page.headers.get(PULL_NEXT_HEADER)).toBeNull();
        break;
      }
      since = page.json.entries.at(-1).version;
      expect(page.headers.get(PULL_NEXT_HEADER)).toBe(String(since));
    }
    const versions = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    expect(pages).toEqual([versions(1, 10), versions(11, 20), versions(21, 25)]);

    // One big page holds them all, each a log entry the page's schema accepts, with the change as it was pushed.
    const all = await owner.request('GET', `/api/workspace/changes?since=0&limit=${PULL_MAX_LIMIT}`);
    expect(all.json).toMatchObject({ version: 25, more: false });
    expect(PullResponseSchema.safeParse(all.json).success).toBe(true);
    expect(all.json.entries.map((e: LogEntry) => e.change.id)).toEqual(changes.map((c) => c.id));
    expect(all.json.entries[1]).toEqual({
      version: 2,
      change: changes[1],
      by: { id: expect.any(String), name: 'Ana' },
      at: expect.any(String),
    });
    // Without a limit, the page is PULL_LIMIT entries at most, as before.
    expect((await owner.request('GET', '/api/workspace/changes?since=20')).json.entries).toHaveLength(5);
  });

  it('reads a page in chunks, ends it early once it is big enough (never empty), and sends it as ASCII', async () => {
    await owner.request('POST', '/api/workspace/changes', {
      changes: Array.from({ length: 13 }, (_, i) => correction(`c-chunk-${i}`, 'fig-a', 'value', i, i + 1)),
    });
    const ws = (await owner.request('GET', '/api/workspace/me')).json.workspace.id as string;
    const d = openDb({ databaseUrl: server.config.databaseUrl, sqlitePath: server.config.sqlitePath });
    try {
      const read = async (since: number, limit: number, options?: { chunk?: number; maxBytes?: number }) => {
        const page = await pullText(d.db, ws, since, limit, options);
        const json = JSON.parse(Buffer.from(page.json).toString('utf8')) as PullResponse;
        expect(json.entries).toHaveLength(page.entries);
        expect(json.more).toBe(page.more);
        return { ...page, json, versions: json.entries.map((e) => e.version) };
      };
      const first = await read(0, 10, { chunk: 3 });
      expect(first).toMatchObject({ versions: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], more: true, last: 10, version: 13 });
      expect(await read(10, 10, { chunk: 3 })).toMatchObject({ versions: [11, 12, 13], more: false, last: 13 });
      expect(await read(10, 3, { chunk: 3 })).toMatchObject({ versions: [11, 12, 13], more: false });
      expect(await read(13, 10)).toMatchObject({ versions: [], more: false, last: 13 });
      // Past the size: the chunk read so far only, and `more`.
      expect(await read(0, 10, { chunk: 4, maxBytes: 1 })).toMatchObject({ versions: [1, 2, 3, 4], more: true });
      // Chunks change nothing of the answer.
      expect((await read(0, 13, { chunk: 1 })).json).toEqual((await read(0, 13)).json);
      // Text past ASCII is stored and sent as \u escapes: the answer is ASCII, and reads back as it was pushed.
      const curly = correction('c-curly-1', 'fig-a', 'label', 'Kyiv’s “losses”', 'Zoë’s figure 😀');
      await owner.request('POST', '/api/workspace/changes', { changes: [curly] });
      const page = await pullText(d.db, ws, 13, 10);
      const text = Buffer.from(page.json).toString('utf8');
      expect(isAscii(Buffer.from(text))).toBe(true);
      expect(text).toContain('Zo\\u00eb\\u2019s figure \\ud83d\\ude00');
      expect((JSON.parse(text) as PullResponse).entries[0]!.change).toEqual(curly);
    } finally {
      await d.close();
    }
  });

  it('lets a viewer read and present but not change anything (403, whatever the browser claims)', async () => {
    const viewer = await join('vic@example.org', 'viewer');
    const push = await viewer.request(
      'POST',
      '/api/workspace/changes',
      { changes: [packPut('pack-v', 'source-v')], role: 'owner' },
      { 'x-role': 'owner' },
    );
    expect(push.status).toBe(400); // an unknown field ("role") is refused, naming it
    const plain = await viewer.request('POST', '/api/workspace/changes', { changes: [packPut('pack-v', 'source-v')] });
    expect(plain.status).toBe(403);
    expect(plain.json.results[0]).toMatchObject({ status: 'refused', reason: 'viewers cannot make changes' });
    expect((await viewer.request('GET', '/api/workspace/changes?since=0')).json.entries).toHaveLength(0);
    expect((await viewer.request('POST', '/api/workspace/invites', { role: 'owner' })).status).toBe(403);
    expect((await viewer.request('GET', '/api/workspace/members')).json.members).toHaveLength(2);
  });

  it('keeps both values when two people change one field from the same value; a reviewer keeps one', async () => {
    const ben = await join('ben@example.org', 'analyst');
    const rita = await join('rita@example.org', 'reviewer');
    await owner.request('POST', '/api/workspace/changes', {
      changes: [correction('c-ana-01', 'fig-a', 'value', 10, 11)],
    });
    const second = await ben.request('POST', '/api/workspace/changes', {
      changes: [correction('c-ben-01', 'fig-a', 'value', 10, 12)],
    });
    expect(second.json.results[0].status).toBe('applied');
    const log = (await rita.request('GET', '/api/workspace/changes?since=0')).json.entries;
    const conflict = log[1].conflicts[0];
    expect(conflict.values.map((v: { value: number; by: { name: string } }) => [v.value, v.by.name])).toEqual([
      [11, 'Ana'],
      [12, 'ben'],
    ]);
    // A change made after seeing the other's value is no conflict.
    const third = await owner.request('POST', '/api/workspace/changes', {
      changes: [correction('c-ana-02', 'fig-a', 'value', 12, 13)],
    });
    expect(third.json.results[0].status).toBe('applied');
    expect((await owner.request('GET', '/api/workspace/changes?since=2')).json.entries[0].conflicts).toBeUndefined();
    // Analysts cannot resolve; the reviewer can, once.
    const resolve = (id: string): Change => ({
      id,
      at: new Date().toISOString(),
      type: 'conflict.resolve',
      conflictId: conflict.id,
      keep: 0,
    });
    const byBen = await ben.request('POST', '/api/workspace/changes', { changes: [resolve('r-ben-01')] });
    expect(byBen.json.results[0]).toMatchObject({ status: 'refused' });
    const byRita = await rita.request('POST', '/api/workspace/changes', { changes: [resolve('r-rita-01')] });
    expect(byRita.json.results[0].status).toBe('applied');
    const twice = await rita.request('POST', '/api/workspace/changes', { changes: [resolve('r-rita-02')] });
    expect(twice.json.results[0].reason).toMatch(/already resolved by rita/);
    const last = (await rita.request('GET', '/api/workspace/changes?since=3')).json.entries[0];
    expect(last.resolution).toMatchObject({
      itemId: 'fig-a',
      by: 'rita',
      changes: [{ field: 'value', from: 13, to: 11 }],
    });
  });

  it('lets reviewers approve and analysts not', async () => {
    const ben = await join('ben@example.org', 'analyst');
    const rita = await join('rita@example.org', 'reviewer');
    const approve = (id: string): Change => ({
      id,
      at: new Date().toISOString(),
      type: 'approve',
      item: { kind: 'figure', id: 'fig-a' },
    });
    expect(
      (await ben.request('POST', '/api/workspace/changes', { changes: [approve('ap-ben-1')] })).json.results[0],
    ).toMatchObject({ status: 'refused', reason: 'analysts cannot approve or resolve conflicts' });
    expect(
      (await rita.request('POST', '/api/workspace/changes', { changes: [approve('ap-rita-1')] })).json.results[0],
    ).toMatchObject({ status: 'applied' });
    expect(
      (await rita.request('POST', '/api/workspace/changes', { changes: [packPut('pack-r', 'source-r', 'pr-000001')] }))
        .json.results[0],
    ).toMatchObject({ status: 'refused', reason: 'reviewers cannot add articles or correct figures' });
  });

  it('keeps other workspaces out of reach', async () => {
    await owner.request('POST', '/api/workspace/changes', {
      changes: [correction('c-ana-01', 'fig-a', 'value', 10, 11)],
    });
    const ben = await join('ben@example.org', 'analyst');
    await ben.request('POST', '/api/workspace/changes', {
      changes: [correction('c-ben-01', 'fig-a', 'value', 10, 12)],
    });
    const conflictId = (await owner.request('GET', '/api/workspace/changes?since=0')).json.entries[1].conflicts[0].id;

    const carol = new Browser(server);
    await carol.signUp('carol@example.org', 'Carol');
    const made = await carol.request('POST', '/api/workspace', { name: 'Other team' });
    expect(made.json.workspace).toMatchObject({ name: 'Other team', role: 'owner' });
    expect((await carol.request('GET', '/api/workspace/changes?since=0')).json.entries).toHaveLength(0);
    const members = (await carol.request('GET', '/api/workspace/members')).json.members;
    expect(members.map((m: { email: string }) => m.email)).toEqual(['carol@example.org']);
    // Another workspace's conflict, member and change ids mean nothing here.
    const resolve = await carol.request('POST', '/api/workspace/changes', {
      changes: [{ id: 'r-carol-1', at: new Date().toISOString(), type: 'conflict.resolve', conflictId, keep: 1 }],
    });
    expect(resolve.json.results[0].reason).toMatch(/no conflict/);
    const benId = members.length && (await owner.request('GET', '/api/workspace/members')).json.members[1].userId;
    expect((await carol.request('PATCH', `/api/workspace/members/${benId}`, { role: 'viewer' })).status).toBe(404);
    expect((await carol.request('DELETE', `/api/workspace/members/${benId}`)).status).toBe(404);
    // The same change id in another workspace is another change.
    const same = await carol.request('POST', '/api/workspace/changes', {
      changes: [correction('c-ana-01', 'fig-a', 'value', 10, 99)],
    });
    expect(same.json.results[0].status).toBe('applied');
    expect((await owner.request('GET', '/api/workspace/changes?since=0')).json.entries).toHaveLength(2);
  });

  it('lets the owner change roles, and the server checks the new role at once', async () => {
    const ben = await join('ben@example.org', 'analyst');
    expect(
      (await ben.request('POST', '/api/workspace/changes', { changes: [packPut('p-1', 's-1', 'pb-000001')] })).status,
    ).toBe(200);
    const benId = (await owner.request('GET', '/api/workspace/members')).json.members[1].userId;
    expect((await ben.request('PATCH', `/api/workspace/members/${benId}`, { role: 'owner' })).status).toBe(403);
    const changed = await owner.request('PATCH', `/api/workspace/members/${benId}`, { role: 'viewer' });
    expect(changed.json.members[1].role).toBe('viewer');
    const refused = await ben.request('POST', '/api/workspace/changes', {
      changes: [packPut('p-2', 's-2', 'pb-000002')],
    });
    expect(refused.status).toBe(403);
    expect((await owner.request('PATCH', `/api/workspace/members/${benId}`, { role: 'boss' })).json).toMatchObject({
      field: 'role',
    });
  });

  it('answers bad input with what is wrong', async () => {
    const raw = (body: string, type = 'application/json') =>
      owner.request('POST', '/api/workspace/changes', body, { 'content-type': type });
    expect((await raw('{"changes": [')).json).toEqual({ error: 'the body is not valid JSON' });
    expect((await raw('{"changes":[]}', 'text/plain')).status).toBe(415);
    const bad = await owner.request('POST', '/api/workspace/changes', {
      changes: [{ ...correction('c-bad-01', 'fig-a', 'value', 1, 2), correction: { kind: 'figure' } }],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.field).toMatch(/^changes\.0\.correction\./);
    const quote = await owner.request('POST', '/api/workspace/changes', {
      changes: [correction('c-quote1', 'fig-a', 'quote', 'a', 'b')],
    });
    expect(quote.json.error).toMatch(/"quote" cannot be corrected/);
    const big = 'x'.repeat(2 * 1024 * 1024 + 10);
    expect((await raw(JSON.stringify({ changes: [big] }))).status).toBe(413);
    expect(
      (await owner.request('POST', '/api/workspace/invites', { role: 'viewer', pad: 'y'.repeat(20_000) })).status,
    ).toBe(413);
    expect((await owner.request('GET', '/api/workspace/changes?since=abc')).json).toMatchObject({ field: 'since' });
    for (const limit of ['0', String(PULL_MAX_LIMIT + 1), 'abc', '-1', '1.5', '']) {
      const page = await owner.request('GET', `/api/workspace/changes?since=0&limit=${limit}`);
      expect(page.status).toBe(400);
      expect(page.json).toEqual({
        error: `limit: expected a whole number from 1 to ${PULL_MAX_LIMIT}`,
        field: 'limit',
      });
    }
    const foreign = await owner.request(
      'POST',
      '/api/workspace/changes',
      { changes: [packPut('p', 's')] },
      {
        origin: 'https://evil.example',
      },
    );
    expect(foreign.status).toBe(403);
    const unknown = await owner.request('GET', '/api/workspace/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/json/);
    expect(unknown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(unknown.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('accepts the page at either loopback name and refuses sign-up from another site', async () => {
    const local = new Browser(server);
    const ok = await local.request(
      'POST',
      '/api/auth/sign-up/email',
      { email: 'lo@example.org', password: 'correct horse battery', name: 'Lo' },
      { origin: 'http://localhost:4173' },
    );
    expect(ok.status).toBe(200);
    const evil = await new Browser(server).request(
      'POST',
      '/api/auth/sign-up/email',
      { email: 'ev@example.org', password: 'correct horse battery', name: 'Ev' },
      { origin: 'https://evil.example' },
    );
    expect(evil.status).toBe(403);
  });

  it('refuses a wrong password and slows down guessing', async () => {
    await server.close();
    server = await testServer(engine, pgUrl, { signInLimit: 3 });
    const a = new Browser(server);
    await a.signUp('ana@example.org', 'Ana');
    const guesser = new Browser(server);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await guesser.signIn('ana@example.org', `wrong-${i}-password`)).status);
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(statuses).toContain(429);
  });

  it('exports the workspace as a data file with its history, which the import schema reads', async () => {
    await owner.request('POST', '/api/workspace/changes', {
      changes: [packPut('pack-1', 'source-a'), correction('c-000001', 'fig-a', 'value', 10, 12)],
    });
    const file = await owner.request('GET', '/api/workspace/export');
    expect(file.headers.get('content-disposition')).toMatch(/attachment; filename="geobrief-workspace-/);
    expect(DataFileSchema.safeParse(file.json).success).toBe(true);
    expect(file.json.packs.map((p: { source: { id: string } }) => p.source.id)).toEqual(['source-a']);
    expect(file.json.edits.corrections[0]).toMatchObject({ id: 'c-000001', by: 'Ana' });
    expect(file.json.workspace.history.map((e: { by: { name: string } }) => e.by.name)).toEqual(['Ana', 'Ana']);
  });

  it('announces new versions to watchers of the workspace', async () => {
    const res = await server.running.app.request('http://127.0.0.1:4173/api/workspace/events', {
      headers: { cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value);
    };
    await readUntil('"version":0');
    await owner.request('POST', '/api/workspace/changes', { changes: [packPut('p-e', 's-e', 'pe-000001')] });
    await readUntil('"version":1');
    await reader.cancel();
  });
});
