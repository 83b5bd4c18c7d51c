// @vitest-environment node
/**
 * The workspace server under faults, as a real child process (scripts/lib/workspace-process.ts):
 *
 * - killed with SIGKILL while a push is being applied (some of its changes committed, the answer never sent),
 *   started again on the same data, and the browser resends what was not acknowledged (and, as a second tab
 *   would, some of what was): every change is in the log exactly once, versions run 1..N with no gap and no
 *   repeat, and each resend of a committed change is answered "duplicate" with the version it got first;
 * - two server processes behind one PostgreSQL: a browser watching one process hears versions pushed to the
 *   other (LISTEN/NOTIFY), and both processes taking pushes at once (some of the very same changes through
 *   both) still give gap-free versions with each change once.
 *
 * On SQLite always, on PostgreSQL when the test run started one (server/testing/pg-global-setup.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Change, Invite, LogEntry, Me, PullResponse, PushResponse } from '../src/model/workspace/protocol';
import { startWorkspace, type WorkspaceProcess } from '../scripts/lib/workspace-process';
import { freshPgDatabase, type Engine } from './testing/harness';
import { correction } from './testing/changes';
import { WorkspaceClient } from '../scripts/lib/workspace-client';

const pgUrl = inject('pgUrl');
const engines: Engine[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

/** A browser talking to one server process over HTTP: its session cookie, JSON, the page's origin. */
class Client extends WorkspaceClient {
  /** The same browser (same cookies) talking to another process behind the same database. */
  at(url: string): Client {
    const other = new Client(url);
    other.cookie = this.cookie;
    return other;
  }

  async signUp(email: string, name: string) {
    const res = await this.request('POST', '/api/auth/sign-up/email', {
      email,
      name,
      password: 'correct horse battery',
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
  }

  async push(changes: readonly Change[]): Promise<PushResponse> {
    const res = await this.request<PushResponse>('POST', '/api/workspace/changes', { changes });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json;
  }

  async version(): Promise<number> {
    const res = await this.request<PullResponse>('GET', '/api/workspace/changes?since=999999999');
    expect(res.status).toBe(200);
    return res.json.version;
  }

  /** The whole log, pulled as a browser does: since 0, again while `more`. */
  async pullAll(): Promise<LogEntry[]> {
    const all: LogEntry[] = [];
    let since = 0;
    for (;;) {
      const res = await this.request<PullResponse>('GET', `/api/workspace/changes?since=${since}`);
      expect(res.status).toBe(200);
      const page = res.json;
      all.push(...page.entries);
      if (!page.more) return all;
      expect(page.entries.length).toBeGreaterThan(0);
      since = page.entries.at(-1)!.version;
    }
  }
}

/** Every change id once, versions 1..N in order with no gap and no repeat. */
function expectExactlyOnce(log: readonly LogEntry[], ids: readonly string[]) {
  expect(log.map((e) => e.version)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
  const seen = new Map<string, number>();
  for (const e of log) seen.set(e.change.id, (seen.get(e.change.id) ?? 0) + 1);
  const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  expect(twice, 'changes applied more than once').toEqual([]);
  const missing = ids.filter((id) => !seen.has(id));
  expect(missing, 'acknowledged or sent changes missing from the log').toEqual([]);
  expect(log).toHaveLength(ids.length);
}

const changesNamed = (prefix: string, n: number): Change[] =>
  Array.from({ length: n }, (_, i) =>
    correction(`${prefix}-${String(i).padStart(4, '0')}`, `fig-${i % 40}`, 'value', i, i + 1),
  );

const chunks = <T>(xs: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

/** Cleanup that runs even when a test fails half-way. */
let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.reverse()) await clean().catch(() => undefined);
  cleanups = [];
});

/**
 * A database for the server: a fresh PostgreSQL database, or a folder for the SQLite file. `peek` reads the
 * workspace's committed version straight from it, as another process would (the fault test's eye on a push in
 * flight: on SQLite the server cannot answer a request while it applies a push, its driver being synchronous).
 */
async function database(engine: Engine) {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'geobrief-fault-'));
    let file: Database.Database | undefined;
    cleanups.push(async () => {
      file?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const peek = async () => {
      file ??= new Database(join(dir, 'geobrief.sqlite'), { readonly: true, fileMustExist: true });
      const row = file.prepare('SELECT max(version) AS v FROM workspace_state').get() as { v: number | null };
      return Number(row.v ?? 0);
    };
    const env: Record<string, string> = { WORKSPACE_DIR: dir };
    return { databaseUrl: undefined, env, peek };
  }
  const db = await freshPgDatabase(pgUrl);
  cleanups.push(db.drop);
  let client: pg.Client | undefined;
  cleanups.push(async () => client?.end());
  const peek = async () => {
    if (!client) {
      client = new pg.Client({ connectionString: db.url });
      await client.connect();
    }
    const res = await client.query<{ v: string | null }>('SELECT max(version) AS v FROM workspace_state');
    return Number(res.rows[0]?.v ?? 0);
  };
  const env: Record<string, string> = {};
  return { databaseUrl: db.url, env, peek };
}

async function server(databaseUrl: string | undefined, env: Record<string, string> = {}): Promise<WorkspaceProcess> {
  const s = await startWorkspace({ ...(databaseUrl ? { databaseUrl } : {}), env });
  cleanups.push(async () => {
    await s.kill('SIGKILL');
    await s.close();
  });
  return s;
}

describe.each(engines)('a server killed in the middle of a push, on %s', (engine) => {
  it('applies every change exactly once after a restart and the resends', { timeout: 60_000 }, async () => {
    const db = await database(engine);
    const ws = await server(db.databaseUrl, db.env);
    const ana = new Client(ws.url);
    await ana.signUp('ana@example.org', 'Ana');

    const all = changesNamed('crash', 600);
    const BATCH = 100;
    /** What the browser saw acknowledged: id → version. */
    const acked = new Map<string, number>();
    let ackedVersion = 0;
    let interrupted: Change[] | undefined;
    const batches = chunks(all, BATCH);
    for (const [b, batch] of batches.entries()) {
      if (b < 2) {
        const out = await ana.push(batch);
        for (const r of out.results) acked.set(r.id, r.version!);
        ackedVersion = out.version;
        continue;
      }
      // This push is in flight: we watch the committed version move in the database and kill the server
      // (SIGKILL, nothing flushed) once part of the batch is committed and at least half of it is still to do,
      // so the answer can never have been sent.
      let answered = false;
      const push = ana.push(batch).then(
        (out) => {
          answered = true;
          return out;
        },
        () => {
          answered = true;
          return 'lost' as const;
        },
      );
      let killed = false;
      while (!answered) {
        const v = await db.peek().catch(() => -1);
        if (v > ackedVersion && v <= ackedVersion + BATCH / 2) {
          await ws.kill('SIGKILL');
          killed = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 1));
      }
      const out = await push;
      if (killed) {
        expect(out, 'the push in flight when the server was killed got no answer').toBe('lost');
        interrupted = batch;
        break;
      }
      // The batch finished between two looks: acknowledged; try again with the next one.
      if (out === 'lost') throw new Error(`the push failed without a kill:\n${ws.output()}`);
      for (const r of out.results) acked.set(r.id, r.version!);
      ackedVersion = out.version;
    }
    expect(interrupted, 'no push was caught half-applied (every batch finished between two looks)').toBeDefined();

    await ws.restart();
    // The session is in the database: the same cookie works after the crash.
    const committed = await ana.version();
    const partly = committed - ackedVersion;
    expect(partly, 'part of the interrupted push was committed before the kill').toBeGreaterThan(0);
    expect(partly).toBeLessThan(BATCH);

    // The browser resends its outbox: everything not acknowledged, in its order, in other batch sizes.
    const outbox = all.filter((c) => !acked.has(c.id));
    expect(outbox.length).toBe(all.length - ackedVersion);
    const answers = new Map<string, PushResponse['results'][number]>();
    for (const batch of chunks(outbox, 60)) {
      for (const r of (await ana.push(batch)).results) answers.set(r.id, r);
    }
    // The interrupted batch: its committed prefix is answered "duplicate" with the versions it got before
    // the crash, the rest applied after them; nothing after it was in the log before.
    const inFlight = new Set(interrupted!.map((c) => c.id));
    outbox.forEach((c, i) => {
      const r = answers.get(c.id)!;
      if (i < partly) {
        expect(inFlight.has(c.id)).toBe(true);
        expect(r).toEqual({ id: c.id, status: 'duplicate', version: ackedVersion + i + 1 });
      } else {
        expect(r).toEqual({ id: c.id, status: 'applied', version: ackedVersion + i + 1 });
      }
    });

    // A second tab (or a lost answer) sends acknowledged changes again: duplicates with their first version.
    const again = [...all.slice(0, 200).filter((_, i) => i % 7 === 0), ...batches[1]!.slice(-30)];
    for (const r of (await ana.push(again)).results) {
      expect(r).toEqual({ id: r.id, status: 'duplicate', version: acked.get(r.id) });
    }

    const log = await ana.pullAll();
    expectExactlyOnce(
      log,
      all.map((c) => c.id),
    );
    // The change as pushed, in the order the browser made it (one browser, so one order).
    expect(log.map((e) => e.change)).toEqual(all);
    expect(new Set(log.map((e) => e.by.name))).toEqual(new Set(['Ana']));
    expect(await ana.version()).toBe(all.length);
  });
});

/** Server-sent events from /api/workspace/events: the versions heard so far. */
async function watch(client: Client) {
  const abort = new AbortController();
  const res = await fetch(`${client.url}/api/workspace/events`, {
    headers: { cookie: client.cookie },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  const heard: number[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(event)?.[1];
        if (/^event: version$/m.test(event) && data) heard.push((JSON.parse(data) as { version: number }).version);
      }
    }
  })().catch(() => undefined);
  cleanups.push(async () => {
    abort.abort();
    await reading;
  });
  /** Waits (a guard of 20 s, not a timing check) until a version ≥ `v` was heard. */
  const until = async (v: number) => {
    for (let i = 0; i < 400 && !heard.some((h) => h >= v); i++) await new Promise((r) => setTimeout(r, 50));
    expect(Math.max(-1, ...heard), `versions heard: ${heard.join(', ')}`).toBeGreaterThanOrEqual(v);
  };
  return { heard, until };
}

describe.runIf(pgUrl)('two server processes behind one PostgreSQL', () => {
  it('fan changes out to each other and number them without gaps', { timeout: 60_000 }, async () => {
    const { databaseUrl: url } = await database('postgres');
    // Every process behind one database signs sessions with the same secret (as the README says for production).
    const env = { BETTER_AUTH_SECRET: randomBytes(32).toString('base64url') };
    const one = await server(url, env);
    const two = await server(url, env);

    const ana = new Client(one.url);
    await ana.signUp('ana@example.org', 'Ana');
    const invite = await ana.request<Invite>('POST', '/api/workspace/invites', { role: 'analyst' });
    expect(invite.status).toBe(200);
    // Ben signs up and joins through the other process: the invite is in the shared database.
    const ben = new Client(two.url);
    await ben.signUp('ben@example.org', 'Ben');
    expect((await ben.request('POST', `/api/workspace/invites/${invite.json.token}/accept`, {})).status).toBe(200);

    // Ana's browser watches process 2, Ben's process 1; each hears what is pushed to the other.
    const anaOnTwo = ana.at(two.url);
    expect((await anaOnTwo.request<Me>('GET', '/api/workspace/me')).json.workspace?.role).toBe('owner');
    const watchTwo = await watch(anaOnTwo);
    const watchOne = await watch(ben.at(one.url));
    await watchTwo.until(0);
    await watchOne.until(0);
    const first = await ana.push([correction('first-0001', 'fig-a', 'value', 1, 2)]);
    expect(first.results[0]).toEqual({ id: 'first-0001', status: 'applied', version: 1 });
    await watchTwo.until(1);
    const second = await ben.push([correction('second-001', 'fig-b', 'value', 1, 2)]);
    expect(second.results[0]).toMatchObject({ status: 'applied', version: 2 });
    await watchOne.until(2);

    // Both processes take pushes at once; 40 changes reach both (a browser retrying through the other one).
    const anas = changesNamed('ana', 200);
    const bens = changesNamed('ben', 200);
    const both = changesNamed('both', 40);
    const pushAll = async (client: Client, mine: Change[]) => {
      const results: PushResponse['results'] = [];
      for (const [i, batch] of chunks(mine, 20).entries()) {
        const withShared = [...batch, ...both.slice((i % 4) * 10, (i % 4) * 10 + 10)];
        results.push(...(await client.push(withShared)).results);
      }
      return results;
    };
    const [fromOne, fromTwo] = await Promise.all([pushAll(ana, anas), pushAll(ben, bens)]);
    const results = [...fromOne, ...fromTwo];
    expect(results.filter((r) => r.status === 'refused')).toEqual([]);
    for (const c of [...anas, ...bens]) {
      expect(results.filter((r) => r.id === c.id).map((r) => r.status)).toEqual(['applied']);
    }
    for (const c of both) {
      const statuses = results.filter((r) => r.id === c.id).map((r) => r.status);
      expect(
        statuses.filter((s) => s === 'applied'),
        c.id,
      ).toHaveLength(1);
      expect(statuses.filter((s) => s === 'duplicate').length, c.id).toBeGreaterThan(0);
    }

    const ids = ['first-0001', 'second-001', ...[...anas, ...bens, ...both].map((c) => c.id)];
    const log = await anaOnTwo.pullAll();
    expectExactlyOnce(log, ids);
    expect(await ben.at(one.url).pullAll()).toEqual(log);
    // Every watcher, whichever process it is on, reaches the last version, never going back.
    await watchOne.until(ids.length);
    await watchTwo.until(ids.length);
    for (const { heard } of [watchOne, watchTwo]) expect(heard).toEqual([...heard].sort((a, b) => a - b));
  });
});
