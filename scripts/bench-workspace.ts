/**
 * The workspace server under load (issue 25), loopback only and bounded: 50 simulated browsers, each a member
 * signed in with its own session (joined through an invite link), push changes and pull the log for 60 s,
 * against the server as a child process on SQLite and on PostgreSQL (a throwaway cluster, or TEST_DATABASE_URL).
 *
 * Each browser runs the app's sync loop without pauses: push its next 10 changes (unique ids; a failed push
 * stays in its outbox and is sent again), then pull "since" the last version it saw until `more` is false, and
 * check that every pull continues exactly where the previous one stopped. At the end every outbox is flushed and
 * the whole log is pulled: every acknowledged change must be in it exactly once, nothing else, versions 1..N.
 *
 * Reports p50/p99 latency of push and pull, changes applied per second and requests per second, as a table and
 * test-results/bench-workspace.json; exits 1 if a change was lost or doubled (a bench that measures a broken
 * server is no bench).
 *
 * A hand-rolled loop of fetches rather than autocannon: each client has state autocannon does not model
 * well (its own cookie, an outbox of unacknowledged ids, the version it pulls from), push and pull latencies
 * are reported apart, and every answer is read to verify that nothing was lost or doubled.
 *
 *   npx tsx scripts/bench-workspace.ts [--seconds=60] [--clients=50] [--batch=10] [--engines=sqlite,postgres]
 *   (or BENCH_WORKSPACE_SECONDS=…)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Change, Invite, LogEntry, PullResponse, PushResponse } from '../src/model/workspace/protocol';
import { startWorkspace } from './lib/workspace-process';
import { withThrowawayDatabase } from './lib/pg-cluster';
import { WorkspaceClient } from './lib/workspace-client';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-results');

type EngineName = 'sqlite' | 'postgres';

function options(argv: readonly string[]) {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string, fallback: number) => {
    const raw = value(name);
    const n = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got "${raw}")`);
    return n;
  };
  const engines = (value('engines') ?? 'sqlite,postgres').split(',') as EngineName[];
  for (const e of engines) if (e !== 'sqlite' && e !== 'postgres') throw new Error(`unknown engine "${e}"`);
  return {
    seconds: num('seconds', Number(process.env['BENCH_WORKSPACE_SECONDS'] || 60)),
    clients: Math.round(num('clients', 50)),
    batch: Math.min(100, Math.round(num('batch', 10))),
    engines,
  };
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => (s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return {
    count: s.length,
    p50Ms: round(at(0.5)),
    p90Ms: round(at(0.9)),
    p99Ms: round(at(0.99)),
    maxMs: round(s.at(-1) ?? NaN),
    meanMs: round(mean),
  };
}

/** One browser: its session cookie and JSON calls with the page's origin. */
class Client extends WorkspaceClient {
  async ok(method: string, path: string, body?: unknown) {
    const res = await this.request(method, path, body);
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }
}

const AT = '2026-12-01T10:00:00.000Z';
/** A field correction of one of 500 figures (so that, now and then, two browsers correct the same field). */
function correction(id: string, n: number): Change {
  const itemId = `fig-${n % 500}`;
  return {
    id,
    at: AT,
    type: 'correction',
    correction: { id, kind: 'figure', itemId, at: AT, by: 'bench', changes: [{ field: 'value', from: n, to: n + 1 }] },
  };
}

async function pool<T>(items: readonly T[], width: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

/** Pulls the whole log (since 0, again while `more`). */
async function pullAll(client: Client): Promise<LogEntry[]> {
  const all: LogEntry[] = [];
  let since = 0;
  for (;;) {
    const page = (await client.ok('GET', `/api/workspace/changes?since=${since}`)) as PullResponse;
    all.push(...page.entries);
    if (!page.more || page.entries.length === 0) return all;
    since = page.entries.at(-1)!.version;
  }
}

interface EngineResult {
  engine: EngineName;
  database: string;
  seconds: number;
  clients: number;
  batch: number;
  push: ReturnType<typeof stats>;
  pull: ReturnType<typeof stats>;
  changesApplied: number;
  changesPerSecond: number;
  requestsPerSecond: number;
  failedRequests: Record<string, number>;
  pulledEntriesPerSecond: number;
  verification: {
    logEntries: number;
    acknowledged: number;
    lost: number;
    doubled: number;
    unknownInLog: number;
    versionGaps: number;
    /** Pulls that did not start right after the version the browser had (a skipped or repeated entry). */
    pullDiscontinuities: number;
    ok: boolean;
  };
}

async function runEngine(
  engine: EngineName,
  databaseUrl: string | undefined,
  o: ReturnType<typeof options>,
): Promise<EngineResult> {
  const ws = await startWorkspace({
    ...(databaseUrl ? { databaseUrl } : {}),
    env: { GEOBRIEF_SIGNIN_LIMIT: '0' },
  });
  try {
    console.log(`   server on ${ws.url}; signing up the owner and ${o.clients} members (invite links)`);
    const owner = new Client(ws.url);
    await owner.ok('POST', '/api/auth/sign-up/email', {
      email: 'owner@example.org',
      name: 'Owner',
      password: 'correct horse battery',
    });
    const members = Array.from({ length: o.clients }, () => new Client(ws.url));
    await pool(members, 4, async (m, i) => {
      const invite = (await owner.ok('POST', '/api/workspace/invites', { role: 'analyst' })) as Invite;
      await m.ok('POST', '/api/auth/sign-up/email', {
        email: `analyst${i}@example.org`,
        name: `Analyst ${i}`,
        password: 'correct horse battery',
      });
      await m.ok('POST', `/api/workspace/invites/${invite.token}/accept`, {});
    });

    const pushMs: number[] = [];
    const pullMs: number[] = [];
    const failed: Record<string, number> = {};
    const fail = (what: string) => (failed[what] = (failed[what] ?? 0) + 1);
    const acked = new Set<string>();
    const made = new Set<string>();
    let applied = 0;
    let pulledEntries = 0;
    let discontinuities = 0;
    const start = performance.now();
    const deadline = start + o.seconds * 1000;

    console.log(`   ${o.clients} browsers pushing ${o.batch} changes and pulling, for ${o.seconds} s`);
    const browsers = members.map(async (m, b) => {
      const outbox: Change[] = [];
      let n = 0;
      let since = 0;
      const pushOnce = async (fill = true) => {
        while (fill && outbox.length < o.batch) {
          const id = `b${b}-${(n++).toString(36).padStart(5, '0')}`;
          made.add(id);
          outbox.push(correction(id, b * 7919 + n));
        }
        const batch = outbox.slice(0, o.batch);
        const t = performance.now();
        try {
          const res = await m.request('POST', '/api/workspace/changes', { changes: batch });
          pushMs.push(performance.now() - t);
          if (res.status !== 200) return fail(`push ${res.status}`);
          for (const r of (res.json as PushResponse).results) {
            if (r.status === 'refused') throw new Error(`change ${r.id} refused: ${r.reason}`);
            if (r.status === 'applied') applied++;
            acked.add(r.id);
          }
          outbox.splice(0, batch.length);
        } catch (error) {
          if (error instanceof Error && /refused/.test(error.message)) throw error;
          fail('push error');
        }
      };
      const pullOnce = async () => {
        for (;;) {
          const t = performance.now();
          let page: PullResponse;
          try {
            const res = await m.request('GET', `/api/workspace/changes?since=${since}`);
            pullMs.push(performance.now() - t);
            if (res.status !== 200) return fail(`pull ${res.status}`);
            page = res.json as PullResponse;
          } catch {
            return fail('pull error');
          }
          page.entries.forEach((e, i) => {
            if (e.version !== since + 1 + i) discontinuities++;
          });
          pulledEntries += page.entries.length;
          if (page.entries.length > 0) since = page.entries.at(-1)!.version;
          if (!page.more) return;
        }
      };
      while (performance.now() < deadline) {
        await pushOnce();
        if (performance.now() >= deadline) break;
        await pullOnce();
      }
      return { outbox, pushOnce };
    });
    const ended = await Promise.all(browsers);
    const elapsed = (performance.now() - start) / 1000;
    const pushes = pushMs.length;
    const pulls = pullMs.length;
    const appliedInWindow = applied;

    // Flush: every browser sends what is still in its outbox (failed pushes), as the app does when online.
    for (const { outbox, pushOnce } of ended) {
      for (let tries = 0; outbox.length > 0 && tries < 20; tries++) await pushOnce(false);
    }

    const log = await pullAll(owner);
    const count = new Map<string, number>();
    for (const e of log) count.set(e.change.id, (count.get(e.change.id) ?? 0) + 1);
    let gaps = 0;
    log.forEach((e, i) => {
      if (e.version !== i + 1) gaps++;
    });
    const lost = [...acked].filter((id) => !count.has(id)).length + [...made].filter((id) => !acked.has(id)).length;
    const doubled = [...count.values()].filter((c) => c > 1).length;
    const unknownInLog = [...count.keys()].filter((id) => !made.has(id)).length;
    const verification = {
      logEntries: log.length,
      acknowledged: acked.size,
      lost,
      doubled,
      unknownInLog,
      versionGaps: gaps,
      pullDiscontinuities: discontinuities,
      ok:
        lost === 0 &&
        doubled === 0 &&
        unknownInLog === 0 &&
        gaps === 0 &&
        discontinuities === 0 &&
        log.length === acked.size &&
        applied === log.length,
    };
    return {
      engine,
      database: engine === 'sqlite' ? 'SQLite file (better-sqlite3, WAL)' : 'PostgreSQL (pg pool of 10)',
      seconds: round(elapsed, 2),
      clients: o.clients,
      batch: o.batch,
      push: stats(pushMs),
      pull: stats(pullMs),
      changesApplied: appliedInWindow,
      changesPerSecond: round(appliedInWindow / elapsed),
      requestsPerSecond: round((pushes + pulls) / elapsed),
      failedRequests: failed,
      pulledEntriesPerSecond: round(pulledEntries / elapsed),
      verification,
    };
  } catch (error) {
    console.error(ws.output().slice(-4000));
    throw error;
  } finally {
    await ws.kill('SIGTERM');
    await ws.close();
  }
}

async function main() {
  const o = options(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  const results: Partial<Record<EngineName, EngineResult | { skipped: string }>> = {};
  for (const engine of o.engines) {
    console.log(`== workspace server under load: ${engine}`);
    results[engine] =
      engine === 'sqlite'
        ? await runEngine('sqlite', undefined, o)
        : await withThrowawayDatabase('bench', (url) => runEngine('postgres', url, o));
  }
  const report = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, loadAverageAtEnd: loadavg().map((l) => round(l, 2)) },
    loopback: true,
    settings: o,
    engines: results,
  };
  const file = join(OUT, 'bench-workspace.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  const measured = Object.values(results).filter((r): r is EngineResult => !!r && !('skipped' in r));
  const rows: [string, ...string[]][] = [
    ['measure', ...measured.map((r) => r.engine)],
    ['push p50 / p99', ...measured.map((r) => `${r.push.p50Ms} / ${r.push.p99Ms} ms`)],
    ['pull p50 / p99', ...measured.map((r) => `${r.pull.p50Ms} / ${r.pull.p99Ms} ms`)],
    ['pushes / pulls', ...measured.map((r) => `${r.push.count} / ${r.pull.count}`)],
    ['changes applied per second', ...measured.map((r) => `${r.changesPerSecond}`)],
    ['requests per second', ...measured.map((r) => `${r.requestsPerSecond}`)],
    ['log entries pulled per second', ...measured.map((r) => `${r.pulledEntriesPerSecond}`)],
    [
      'failed requests',
      ...measured.map((r) =>
        Object.keys(r.failedRequests).length === 0
          ? '0'
          : Object.entries(r.failedRequests)
              .map(([k, v]) => `${k}: ${v}`)
              .join(', '),
      ),
    ],
    [
      'log: entries / lost / doubled / gaps',
      ...measured.map(
        (r) =>
          `${r.verification.logEntries} / ${r.verification.lost} / ${r.verification.doubled} / ${r.verification.versionGaps}`,
      ),
    ],
    ['pulls not continuing where the last stopped', ...measured.map((r) => `${r.verification.pullDiscontinuities}`)],
    ['nothing lost or doubled', ...measured.map((r) => (r.verification.ok ? 'yes' : 'NO'))],
  ];
  console.log(`\n${o.clients} browsers, ${o.batch} changes per push, ${o.seconds} s each, loopback:`);
  for (const [label, ...cells] of rows) console.log(label.padEnd(46) + cells.map((c) => c.padEnd(24)).join(''));
  for (const [engine, r] of Object.entries(results)) {
    if (r && 'skipped' in r) console.log(`${engine}: not run (${r.skipped})`);
  }
  console.log(`\nReport: ${file}`);
  if (measured.some((r) => !r.verification.ok)) {
    console.error('A change was lost or doubled under load: see the report.');
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
