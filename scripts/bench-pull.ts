/**
 * A fresh browser pulling a big workspace ("a workspace pull of 100,000 items in ≤ 3 s"): the server as a child
 * process on SQLite (a temporary folder) and on PostgreSQL (a throwaway cluster, or TEST_DATABASE_URL), its change
 * log seeded with 100,000 entries of realistic size, then pulled from version 0 as a new page would.
 *
 * The log (100,000 entries, each counted): 5,000 articles added ("pack.put", each with its article's text and
 * 20 figures, 2 actors, 2 events, a place and a statement: 100,000 figures in all), then, after each article, 19
 * other changes drawn from the mix a team makes: field corrections (about 76 %: values, labels, periods,
 * countries; some change two fields; 1.5 % of those seeded by SQL carry a conflict), approvals, undone
 * corrections, measures made, merges, saved briefings (each a snapshot of up to 40 figures), articles removed and
 * resolved conflicts. The article texts are made from the words of data/articles/ (a word model, so no two are
 * alike and compression is not flattered by repeats); every quote is words of its text. About 122 MB of change
 * JSON, 132 MB of pull answers.
 *
 * Seeding: the first 1,000 changes are pushed over HTTP (the real route: schemas, roles, the effects on the
 * review state, versions); the rest are inserted straight into change_log in the row format pushChanges writes
 * (server/sync.ts logJson for the change, conflicts and resolution; who; when), in transactions of 500 rows, and
 * the workspace's version is set to the last one. The review-state tables are not filled for those rows: a pull
 * does not read them. On PostgreSQL the log is then vacuumed and analysed, as autovacuum does to a log that grew
 * over two years (without statistics the planner reads every row after `since` for each page). The output says
 * which way each part went.
 *
 * Measured, as a fresh client would pull (median of 3 runs, after one unmeasured pull): the time from the first
 * pull request until every entry is received and parsed (node:http, JSON.parse, every entry kept; versions
 * checked to be 1..N in order, nothing doubled; the next page asked for as soon as an answer's header names where
 * it starts, as the page does), the number of requests, the bytes on the wire (compressed when the server
 * compresses: the client accepts gzip and br as a browser does), the server's peak RSS (VmHWM, reset before each
 * run) and the CPU time of the client, the server and PostgreSQL (the machine is shared: the wall time moves with
 * its load, the CPU time much less; the load average is reported). The same again through the page's own client
 * code (sync-engine.ts pullSince over workspace-api.ts: fetch, then the protocol's zod checks of every entry), in
 * a process of its own with zod in its no-eval mode, as under the page's Content-Security-Policy; and once
 * through the page's whole sync engine, whose single IndexedDB write goes to fake-indexeddb here.
 *
 *   npx tsx scripts/bench-pull.ts [--items=100000] [--runs=3] [--engines=sqlite,postgres] [--limit=N]
 *     [--accept=identity] [--no-page]
 *   (prints the table and writes test-results/bench-pull.json)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { sql } from 'kysely';
import type { Change, Conflict, LogEntry, PullResponse } from '../src/model/workspace/protocol';
import type { Correction } from '../src/model/corrections/edits-schema';
import type { Figure } from '../src/model/dataset/schema';
import type { Pack } from '../src/model/pack/pack-schema';
import { openDb, type Tables } from '../server/db';
import { withThrowawayDatabase } from './lib/pg-cluster';
import { startWorkspace } from './lib/workspace-process';
import { WorkspaceClient } from './lib/workspace-client';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-results');
export const PULL_GOAL_MS = 3000;

export type PullEngine = 'sqlite' | 'postgres';

export interface PullBenchOptions {
  /** Log entries to seed (default 100,000). */
  items?: number;
  /** Measured pulls per client (default 3; the median is reported). */
  runs?: number;
  engines?: readonly PullEngine[];
  /** Entries asked for per request (default: the protocol's largest page). */
  limit?: number;
  /** Also pull through the page's own client code (default true). */
  pageClient?: boolean;
  /** Changes pushed over HTTP before the rest is inserted by SQL (default 1,000). */
  httpSeed?: number;
  /** The accept-encoding the fresh client sends (default a browser's: "gzip, deflate, br"). */
  accept?: string;
  /** Progress lines (default console.log). */
  log?: (line: string) => void;
}

/** One pull of the whole log from version 0. */
export interface PullRun {
  ms: number;
  requests: number;
  /** Bytes of the answers' bodies as sent (compressed when the server compressed). */
  wireBytes: number;
  /** Bytes of the answers' JSON. */
  jsonBytes: number;
  entries: number;
  /** content-encoding of the answers ('identity' when none). */
  encoding: string;
  /** The server's peak RSS during this run (MB), when it could be read. */
  serverPeakRssMb: number | null;
  /** CPU time of the client (this process) and of the server process during the run (ms). */
  clientCpuMs: number;
  serverCpuMs: number | null;
  /** CPU time of the PostgreSQL processes during the run (ms; 0 on SQLite). */
  postgresCpuMs: number;
}

export interface PullClientResult {
  runs: PullRun[];
  medianMs: number;
  requests: number;
  wireBytes: number;
  jsonBytes: number;
  /** Versions 1..N, in order, none missing or doubled, in every run. */
  inOrder: boolean;
}

export interface PageClientResult {
  /** The page's pull of the whole log (sync-engine.ts pullSince: workspace-api.ts, the protocol's zod checks). */
  runsMs: number[];
  medianMs: number;
  /** The page client's CPU time in a run (median). */
  cpuMs: number;
  requests: number;
  entries: number;
  inOrder: boolean;
  /** zod without eval (the page's CSP forbids it), or with (Node's default). */
  zod: 'no-eval' | 'jit';
  /** The zod checks alone of every page (PullResponseSchema.safeParse), measured apart. */
  validateMs: number;
  /** JSON.parse alone of every page's text, measured apart. */
  parseMs: number;
  /** The sync engine's whole run (push of nothing, the pull, one write of the log to IndexedDB). */
  syncEngineMs: number;
  /** Of which the one IndexedDB write (fake-indexeddb in Node: not a browser's IndexedDB), measured apart. */
  indexedDbWriteMs: number;
  syncEngineEntries: number;
}

export interface PullEngineResult {
  engine: PullEngine;
  database: string;
  seeding: {
    entries: number;
    viaHttpPush: number;
    viaSqlInsert: number;
    ms: number;
    /** Bytes of the log's change JSON (the `change` column), summed. */
    changeBytes: number;
    mix: Record<string, number>;
  };
  /** A fresh client (node:http, JSON.parse). */
  raw: PullClientResult;
  /** The page's client code in a process of its own, or why it did not run. */
  page: PageClientResult | { skipped: string };
  serverPeakRssMb: number | null;
  /** The machine's load average (1, 5, 15 min) when the measured pulls began. */
  loadAverage: number[];
  /** The limit asked for per request. */
  limit: number;
  goalMs: number;
  met: boolean;
}

export interface PullBenchResult {
  date: string;
  machine: { node: string; cpus: number; loadAverageAtEnd: number[] };
  settings: { items: number; runs: number; limit: number; httpSeed: number; accept: string };
  engines: Partial<Record<PullEngine, PullEngineResult | { skipped: string }>>;
}

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);

// ---------------------------------------------------------------------------------------------------------
// The log: realistic changes, made deterministically.

/** A small seeded PRNG (mulberry32), so every run seeds the same log. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}

const TOPICS = ['military-balance', 'casualties', 'territory', 'sanctions-energy', 'economy-markets', 'peace-talks'];
const COUNTRIES = ['RU', 'UA', 'US', 'CN', 'TW', 'DE', 'GB', 'FR', 'PL'];
const UNITS = ['usd', 'eur', 'percent', 'barrels-per-day', 'tonnes', 'square-kilometres', 'tanks', 'people'];
const QUALIFIERS = ['exact', 'about', 'more-than', 'nearly', 'at-least', 'up-to'] as const;
const ACTORS = ['vladimir-putin', 'volodymyr-zelensky', 'donald-trump', 'ben-barry', 'dmitry-peskov', 'marco-rubio'];
const CLAIMANTS = ['Reuters', 'IISS', 'Ukraine’s General Staff', 'Kremlin', 'US officials', 'the report'];
const PEOPLE = ['Ana', 'Ben', 'Carla', 'Dev', 'Eli', 'Farah', 'Goran', 'Hana'];

/** The words of the shipped articles, as a word model for article texts no two alike. */
function vocabulary(): string[] {
  const dir = join(ROOT, 'data/articles');
  const words = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\s+/))
    .map((w) => w.replace(/[“”"().,;:!?]/g, ''))
    .filter((w) => w.length > 0 && !/\d/.test(w));
  return words;
}

const slug = (words: readonly string[]) =>
  words
    .map((w) =>
      w
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]/g, ''),
    )
    .filter(Boolean)
    .join('-') || 'item';

interface LogSeed {
  change: Change;
  /** What the server writes beside some changes (conflicts, a resolution), for the rows inserted by SQL. */
  conflicts?: Conflict[];
  resolution?: Correction;
  by: string;
}

/** The log's changes, one by one: after each article added, 19 other changes of the mix. */
function* logChanges(items: number, httpSeed: number): Generator<LogSeed> {
  const r = prng(20260);
  const words = vocabulary();
  const sentence = (n: number) => Array.from({ length: n }, () => r.pick(words));
  const start = Date.parse('2024-03-01T08:00:00.000Z');
  let clock = 0;
  const at = () => new Date(start + (clock += 9 * 60_000 + r.int(60_000))).toISOString();
  const packs: { id: string; figures: string[]; title: string }[] = [];
  const figures: Figure[] = [];
  const corrections: string[] = [];
  const conflicts: string[] = [];
  const measures: string[] = [];
  let n = 0;
  const id = (prefix: string) => `${prefix}-${(n++).toString(36).padStart(6, '0')}`;
  const someFigure = () => {
    // Recent articles are corrected more than old ones.
    const recent = Math.max(0, packs.length - 1 - Math.floor(Math.abs(r.next() - r.next()) * packs.length));
    return r.pick(packs[recent]!.figures);
  };

  const packPut = (i: number, when: string): Change => {
    const sourceId = `${slug(sentence(3))}-${i}`;
    const sentences = Array.from({ length: 34 + r.int(30) }, () => {
      const s = sentence(10 + r.int(16));
      const num = r.next() < 0.5 ? String(1 + r.int(99)) : (1000 + r.int(99_000)).toLocaleString('en-US');
      s.splice(1 + r.int(s.length - 1), 0, num);
      s[0] = s[0]!.charAt(0).toUpperCase() + s[0]!.slice(1);
      return { words: s, num };
    });
    const text = sentences.map((s) => `${s.words.join(' ')}.`).join(' ');
    const title = sentence(9).join(' ');
    const made: Figure[] = Array.from({ length: 20 }, (_, k) => {
      const s = sentences[k]!;
      const label = sentence(4 + r.int(4));
      label[0] = label[0]!.charAt(0).toUpperCase() + label[0]!.slice(1);
      const value = Number(s.num.replace(/,/g, ''));
      const f: Figure = {
        id: `${sourceId}-${slug(label.slice(0, 3))}-${k + 1}`,
        label: label.join(' '),
        measure: `${slug(label.slice(0, 2))}-${r.int(400)}`,
        value,
        unit: r.pick(UNITS),
        qualifier: r.pick(QUALIFIERS),
        stated: s.num,
        ...(r.next() < 0.5 ? { period: `as of ${r.pick(['January', 'February', 'March'])} 2025` } : {}),
        ...(r.next() < 0.6 ? { date: '2025-02-12' } : {}),
        countries: [r.pick(COUNTRIES), ...(r.next() < 0.4 ? [r.pick(COUNTRIES)] : [])].filter(
          (c, j, all) => all.indexOf(c) === j,
        ),
        topics: [r.pick(TOPICS)],
        actorIds: r.next() < 0.7 ? [r.pick(ACTORS)] : [],
        claimant: r.pick(CLAIMANTS),
        sourceId,
        quote: s.words.join(' '),
        ...(r.next() < 0.3 ? { note: sentence(10 + r.int(12)).join(' ') } : {}),
        ...(r.next() < 0.1 ? { doubts: ['nobody is named as the source'] } : {}),
        status: 'accepted',
        addedAt: when,
      };
      if (f.date === undefined && f.period === undefined) f.period = '2025';
      return f;
    });
    packs.push({ id: sourceId, figures: made.map((f) => f.id), title });
    figures.push(...made.slice(0, 2));
    const pack: Pack = {
      format: 'geobrief-pack',
      version: 1,
      source: {
        id: sourceId,
        publisher: r.pick(['Reuters', 'The New York Times', 'AP', 'AFP']),
        outlet: r.pick(['Daily Maverick', 'The New York Times', 'The Guardian']),
        title,
        published: '2025-02-12',
      },
      article: { text, from: 'text', fileName: `${sourceId}.txt` },
      figures: made,
      actors: [0, 1].map((k) => ({
        id: `${slug(sentence(2))}-${i}-${k}`,
        name: sentence(2).join(' '),
        kind: r.pick(['person', 'government', 'organisation'] as const),
        country: r.pick(COUNTRIES),
        role: sentence(8).join(' '),
        topics: [r.pick(TOPICS)],
        statements: [],
        status: 'accepted' as const,
        addedAt: when,
      })),
      events: [0, 1].map((k) => ({
        id: `${slug(sentence(3))}-${i}-${k}`,
        date: '2025-02',
        title: sentence(8).join(' '),
        summary: sentence(20).join(' '),
        placeIds: [],
        actorIds: [r.pick(ACTORS)],
        topics: [r.pick(TOPICS)],
        sourceIds: [sourceId],
        status: 'accepted' as const,
        addedAt: when,
      })),
      places: [
        {
          id: `${slug(sentence(1))}-${i}`,
          name: sentence(1).join(' '),
          lat: round(44 + r.next() * 8, 5),
          lon: round(22 + r.next() * 18, 5),
          country: 'UA',
          coordinateSource: 'GeoNames coordinate, from the article’s place name',
          status: 'accepted',
          addedAt: when,
        },
      ],
      statements: [
        { actorId: r.pick(ACTORS), quote: sentences[21]!.words.join(' '), sourceId, status: 'accepted', addedAt: when },
      ],
      units: [],
      countries: [],
      notes: r.next() < 0.2 ? [sentence(12).join(' ')] : [],
      extractedFor: '2025-02-12',
    };
    return { id: id('put'), at: when, type: 'pack.put', pack };
  };

  const correction = (when: string, by: string): { change: Change; conflicts?: Conflict[] } => {
    const cid = id('cor');
    const itemId = someFigure();
    const field = () => {
      const x = r.next();
      if (x < 0.6) {
        const from = 1 + r.int(90_000);
        return { field: 'value', from, to: from + 1 + r.int(500) };
      }
      if (x < 0.75) return { field: 'label', from: sentence(5).join(' '), to: sentence(5).join(' ') };
      if (x < 0.85) return { field: 'period', from: 'as of February 2025', to: `as of ${r.int(28) + 1} February 2025` };
      if (x < 0.95)
        return { field: 'countries', from: [r.pick(COUNTRIES)], to: [r.pick(COUNTRIES), r.pick(COUNTRIES)] };
      return { field: 'qualifier', from: 'about', to: r.pick(QUALIFIERS) };
    };
    const changes = r.next() < 0.15 ? [field(), field()] : [field()];
    if (changes.length === 2 && changes[0]!.field === changes[1]!.field) changes.pop();
    corrections.push(cid);
    const change: Change = {
      id: cid,
      at: when,
      type: 'correction',
      correction: { id: cid, kind: 'figure', itemId, at: when, by, changes },
    };
    if (n <= httpSeed || r.next() >= 0.015) return { change };
    const first = changes[0]!;
    const other = r.pick(PEOPLE.filter((p) => p !== by));
    const conflictId = `${cid}-f0`;
    conflicts.push(conflictId);
    return {
      change,
      conflicts: [
        {
          id: conflictId,
          kind: 'figure',
          itemId,
          field: first.field,
          values: [
            { value: first.to, by: { id: `user-${other.toLowerCase()}`, name: other }, changeId: r.pick(corrections) },
            { value: first.to, by: { id: `user-${by.toLowerCase()}`, name: by }, changeId: cid },
          ],
        },
      ],
    };
  };

  for (let i = 0; n < items; i++) {
    const by = r.pick(PEOPLE);
    const when = at();
    yield { change: packPut(i, when), by };
    for (let k = 0; k < 19 && n < items; k++) {
      const who = r.pick(PEOPLE);
      const t = at();
      const x = r.next();
      const sql = n >= httpSeed;
      if (x < 0.8) yield { ...correction(t, who), by: who };
      else if (x < 0.95) {
        yield {
          change: { id: id('apr'), at: t, type: 'approve', item: { kind: 'figure', id: someFigure() } },
          by: who,
        };
      } else if (x < 0.965 && corrections.length > 0) {
        yield { change: { id: id('und'), at: t, type: 'correction.undo', correctionId: r.pick(corrections) }, by: who };
      } else if (x < 0.975) {
        const mid = `${slug(sentence(3))}-${n}`;
        measures.push(mid);
        const measure = {
          id: mid,
          label: sentence(5).join(' '),
          dimension: 'count',
          countries: [r.pick(COUNTRIES)],
          scope: 'cumulative since February 2022',
          definition: sentence(16).join(' '),
        };
        yield {
          change: { id: id('mea'), at: t, type: 'measure.create', measure: { measure, at: t, by: who } },
          by: who,
        };
      } else if (x < 0.985 && measures.length > 1) {
        const mid = id('mrg');
        const merge = { id: mid, from: r.pick(measures), into: measures[0]!, at: t, by: who };
        yield { change: { id: mid, at: t, type: 'merge', merge }, by: who };
      } else if (x < 0.989) {
        const snapshot = Array.from(
          { length: 40 },
          (_, j) => figures[(figures.length - 1 - ((j * 7) % figures.length) + figures.length) % figures.length]!,
        );
        const unique = [...new Map(snapshot.map((f) => [f.id, f])).values()];
        const briefing = {
          id: `briefing-${n}`,
          name: `Morning brief ${sentence(3).join(' ')}`,
          savedAt: t,
          asOf: '2025-02-12',
          frontline: '2025-02-10',
          filters: { countries: ['UA'], topics: [r.pick(TOPICS)], actor: null, q: '' },
          slides: null,
          figures: unique,
          actors: [],
          events: [],
          sources: [],
        };
        yield { change: { id: id('brf'), at: t, type: 'briefing.save', briefing }, by: who };
      } else if (x < 0.995 && packs.length > 3) {
        yield { change: { id: id('rem'), at: t, type: 'pack.remove', packId: r.pick(packs).id }, by: who };
      } else if (sql && conflicts.length > 0) {
        const conflictId = conflicts.shift()!;
        const cid = id('res');
        const resolution: Correction = {
          id: cid,
          kind: 'figure',
          itemId: someFigure(),
          at: t,
          by: who,
          changes: [{ field: 'value', from: r.int(1000), to: r.int(1000) }],
        };
        yield { change: { id: cid, at: t, type: 'conflict.resolve', conflictId, keep: 1 }, by: who, resolution };
      } else yield { ...correction(t, who), by: who };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The server, its owner and the seeding.

/** The server process's pid (a child of this process running server/main.ts). */
function serverPid(): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('server/main.ts')) return Number(entry);
    } catch {
      // Gone meanwhile.
    }
  }
  return null;
}

/** Resets the process's peak RSS (Linux: clear_refs 5); false where it cannot. */
function resetPeak(pid: number | null): boolean {
  if (pid === null) return false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function peakRssMb(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

async function ok(client: WorkspaceClient, method: string, path: string, body?: unknown) {
  const res = await client.request(method, path, body);
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

async function seed(
  owner: WorkspaceClient,
  dbOptions: { databaseUrl?: string; sqlitePath: string },
  items: number,
  httpSeed: number,
  log: (line: string) => void,
): Promise<PullEngineResult['seeding']> {
  const t0 = performance.now();
  const me = (await ok(owner, 'GET', '/api/workspace/me')) as { workspace: { id: string } };
  const ws = me.workspace.id;
  const mix: Record<string, number> = {};
  let changeBytes = 0;
  const changes = logChanges(items, httpSeed);
  // The server's own format of the log's JSON (imported here, not above: see pageChild).
  const { logJson } = await import('../server/sync');
  const viaHttp = Math.min(httpSeed, items);
  // 1. The first changes over HTTP, 100 a push, as browsers send them.
  let batch: Change[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const answer = (await ok(owner, 'POST', '/api/workspace/changes', { changes: batch })) as {
      results: { status: string; reason?: string }[];
    };
    const refused = answer.results.find((r) => r.status !== 'applied');
    if (refused) throw new Error(`a seeded change was not applied: ${JSON.stringify(refused)}`);
    batch = [];
  };
  for (let i = 0; i < viaHttp; i++) {
    const { change } = changes.next().value as LogSeed;
    mix[change.type] = (mix[change.type] ?? 0) + 1;
    changeBytes += logJson(change).length;
    batch.push(change);
    if (batch.length === 100) await flush();
  }
  await flush();
  log(`   seeded ${viaHttp.toLocaleString('en-US')} changes over HTTP (POST /api/workspace/changes, 100 a push)`);
  // 2. The rest straight into change_log, in the row format pushChanges writes.
  const d = openDb(dbOptions);
  try {
    let version = viaHttp;
    const start = Date.now();
    let rows: Tables['change_log'][] = [];
    const insert = async () => {
      if (rows.length === 0) return;
      const chunk = rows;
      rows = [];
      await d.db.transaction().execute(async (tx) => {
        await tx.insertInto('change_log').values(chunk).execute();
        await tx
          .updateTable('workspace_state')
          .set({ version: chunk.at(-1)!.version })
          .where('workspace_id', '=', ws)
          .execute();
      });
    };
    for (let step = changes.next(); !step.done; step = changes.next()) {
      const s = step.value;
      const text = logJson(s.change);
      changeBytes += text.length;
      mix[s.change.type] = (mix[s.change.type] ?? 0) + 1;
      version++;
      rows.push({
        workspace_id: ws,
        version,
        change_id: s.change.id,
        type: s.change.type,
        change: text,
        user_id: `user-${s.by.toLowerCase()}`,
        user_name: s.by,
        at: new Date(start + version).toISOString(),
        conflict: s.conflicts ? logJson(s.conflicts) : null,
        resolution: s.resolution ? logJson(s.resolution) : null,
      });
      if (rows.length === 500) await insert();
    }
    await insert();
    log(
      `   inserted ${(version - viaHttp).toLocaleString('en-US')} more straight into change_log (SQL, 500 rows a transaction)`,
    );
    if (d.kind === 'postgres') {
      // A log that grew over two years has been vacuumed and analysed by autovacuum many times; one filled in
      // seconds has not (autovacuum looks once a minute, and would then do it during the measured pulls), and
      // without statistics the planner reads every row after `since` for each page instead of walking the key.
      await sql`VACUUM ANALYZE change_log`.execute(d.db);
      log('   VACUUM ANALYZE change_log (as autovacuum would have done)');
    }
  } finally {
    await d.close();
  }
  return {
    entries: items,
    viaHttpPush: viaHttp,
    viaSqlInsert: items - viaHttp,
    ms: Math.round(performance.now() - t0),
    changeBytes,
    mix,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The fresh client: node:http, compressed answers as a browser accepts them, JSON.parse.

/** What a browser says it accepts. */
const BROWSER_ENCODINGS = 'gzip, deflate, br';

interface Answer {
  status: number;
  /** The server's PULL_NEXT_HEADER: where the next page starts, known before the body is read. */
  next: number | null;
  encoding: string;
  /** The body: bytes as sent, bytes of JSON (decompressed) and its text. */
  body: Promise<{ wire: number; bytes: number; text: string }>;
}

/** Where an answer's pieces are put together before they are decoded: one buffer, kept and reused. */
let scratch = Buffer.alloc(0);

/** A GET whose promise resolves when the answer begins (its headers), its body read on. */
function get(
  agent: Agent,
  url: string,
  path: string,
  cookie: string,
  accept: string,
  nextHeader: string,
): Promise<Answer> {
  return new Promise((done, fail) => {
    const u = new URL(path, url);
    const req = httpRequest(
      {
        agent,
        host: u.hostname,
        port: u.port,
        path: `${u.pathname}${u.search}`,
        headers: { cookie, origin: url, accept: 'application/json', 'accept-encoding': accept },
      },
      (res: IncomingMessage) => {
        const coding = String(res.headers['content-encoding'] ?? 'identity');
        const header = res.headers[nextHeader] as string | undefined;
        const body = new Promise<{ wire: number; bytes: number; text: string }>((read, broke) => {
          let wire = 0;
          res.on('data', (b: Buffer) => (wire += b.length));
          const stream =
            coding === 'gzip'
              ? res.pipe(createGunzip())
              : coding === 'br'
                ? res.pipe(createBrotliDecompress())
                : coding === 'deflate'
                  ? res.pipe(createInflate())
                  : res;
          const parts: Buffer[] = [];
          stream.on('data', (b: Buffer) => parts.push(b));
          stream.on('error', broke);
          stream.on('end', () => {
            const bytes = parts.reduce((n, b) => n + b.length, 0);
            if (scratch.length < bytes) scratch = Buffer.allocUnsafe(Math.ceil(bytes * 1.25));
            let at = 0;
            for (const part of parts) at += part.copy(scratch, at);
            read({ wire, bytes, text: scratch.toString('utf8', 0, bytes) });
          });
        });
        body.catch(() => undefined);
        done({
          status: res.statusCode ?? 0,
          next: header !== undefined && /^\d+$/.test(header) ? Number(header) : null,
          encoding: coding,
          body,
        });
      },
    );
    req.on('error', fail);
    req.end();
  });
}

/** CPU time (user + system, ms) of a process, from /proc. */
function cpuMs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

interface RawPullInput {
  url: string;
  cookie: string;
  limit: number;
  expected: number;
  /** The accept-encoding sent. */
  accept: string;
  /** The protocol's PULL_NEXT_HEADER. */
  nextHeader: string;
  /** The PostgreSQL cluster's port (its CPU time is measured), or null. */
  pgPort: number | null;
}

/** CPU time (ms) of the PostgreSQL cluster listening on `port`: its postmaster and the processes it started. */
function postgresCpuMs(port: number | null): number {
  if (port === null) return 0;
  const parentOf = new Map<number, number>();
  let postmaster: number | null = null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args.some((a, i) => (a === '-p' && args[i + 1] === String(port)) || a === `-p ${port}`)) {
        postmaster = Number(entry);
      }
    } catch {
      // Gone meanwhile.
    }
  }
  let total = 0;
  for (const [pid, parent] of parentOf) {
    if (pid === postmaster || parent === postmaster) total += cpuMs(pid) ?? 0;
  }
  return total;
}

/**
 * A fresh client's pull of the whole log: page after page from version 0, each answer parsed (JSON.parse) and kept,
 * the next page asked for as soon as an answer names where it starts (as the page's sync engine does).
 */
async function rawPull(
  { url, cookie, limit, expected, accept, nextHeader, pgPort }: RawPullInput,
  pid: number | null,
): Promise<PullRun & { inOrder: boolean }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });
  const kept: LogEntry[][] = [];
  const path = (since: number) => `/api/workspace/changes?since=${since}&limit=${limit}`;
  let last = 0;
  let requests = 0;
  let wireBytes = 0;
  let jsonBytes = 0;
  let entries = 0;
  let inOrder = true;
  const encodings = new Set<string>();
  resetPeak(pid);
  const serverCpu0 = cpuMs(pid);
  const dbCpu0 = postgresCpuMs(pgPort);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ask = (since: number) => {
    requests++;
    return get(agent, url, path(since), cookie, accept, nextHeader);
  };
  let answer = await ask(0);
  for (;;) {
    const ahead = answer.next !== null ? { since: answer.next, answer: ask(answer.next) } : null;
    ahead?.answer.catch(() => undefined);
    const { wire, bytes, text } = await answer.body;
    if (answer.status !== 200) throw new Error(`pull since ${last}: ${answer.status} ${text.slice(0, 300)}`);
    encodings.add(answer.encoding);
    wireBytes += wire;
    jsonBytes += bytes;
    const page = JSON.parse(text) as PullResponse;
    page.entries.forEach((e, i) => {
      if (e.version !== last + 1 + i) inOrder = false;
    });
    kept.push(page.entries);
    entries += page.entries.length;
    if (page.entries.length > 0) last = page.entries.at(-1)!.version;
    if (!page.more || page.entries.length === 0) break;
    answer = ahead && ahead.since === last ? await ahead.answer : await ask(last);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const serverCpu1 = cpuMs(pid);
  const dbCpu = postgresCpuMs(pgPort) - dbCpu0;
  agent.destroy();
  if (entries !== expected || last !== expected) inOrder = false;
  return {
    ms: Math.round(ms),
    requests,
    wireBytes,
    jsonBytes,
    entries,
    encoding: [...encodings].join('+'),
    serverPeakRssMb: peakRssMb(pid),
    clientCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    serverCpuMs: serverCpu0 === null || serverCpu1 === null ? null : serverCpu1 - serverCpu0,
    postgresCpuMs: dbCpu,
    inOrder,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The page's own client code, in a process of its own (zod's mode is fixed when its schemas are made).

interface PageChildInput {
  url: string;
  cookie: string;
  runs: number;
  expected: number;
  jitless: boolean;
  userId: string;
  workspaceId: string;
}

async function pageChild(input: PageChildInput): Promise<PageClientResult> {
  if (input.jitless) {
    const { z } = await import('zod/mini');
    z.config({ jitless: true });
  }
  const idb = 'fake-indexeddb/auto'; // IndexedDB for the sync engine's storage (idb-keyval), as in the page's tests
  await import(idb);
  const { pullSince, startSyncEngine } = await import('../src/state/workspace/sync-engine');
  const outbox = await import('../src/state/workspace/outbox');
  const protocol = await import('../src/model/workspace/protocol');
  const realFetch = globalThis.fetch;
  let requests = 0;
  // The page's fetch, as a browser on the server's origin: the address completed, the session cookie sent. A GET
  // sent on a kept-alive connection the server had just closed is sent again, as browsers do (Node's fetch does not;
  // the checks here hold the event loop long enough for the server's keep-alive timeout to pass).
  globalThis.fetch = (async (what: RequestInfo | URL, init?: RequestInit) => {
    const path = typeof what === 'string' ? what : what instanceof URL ? what.href : what.url;
    const headers = new Headers(init?.headers);
    headers.set('cookie', input.cookie);
    headers.set('origin', input.url);
    const target = path.startsWith('/') ? `${input.url}${path}` : path;
    requests++;
    try {
      return await realFetch(target, { ...init, headers });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if ((init?.method ?? 'GET') !== 'GET' || code !== 'UND_ERR_SOCKET') throw error;
      return realFetch(target, { ...init, headers });
    }
  }) as typeof fetch;

  const runsMs: number[] = [];
  const cpuMsRuns: number[] = [];
  let inOrder = true;
  let entries = 0;
  requests = 0;
  for (let run = 0; run < input.runs; run++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const log = await pullSince(0);
    runsMs.push(Math.round(performance.now() - t0));
    const cpu = process.cpuUsage(cpu0);
    cpuMsRuns.push(Math.round((cpu.user + cpu.system) / 1000));
    entries = log.length;
    log.forEach((e, i) => {
      if (e.version !== i + 1) inOrder = false;
    });
    if (log.length !== input.expected) inOrder = false;
  }
  const perRun = Math.round(requests / input.runs);

  // The parts apart: the texts of every page once more, then JSON.parse and the zod checks alone.
  const texts: string[] = [];
  for (let since = 0; ;) {
    const res = await globalThis.fetch(`/api/workspace/changes?since=${since}&limit=${protocol.PULL_MAX_LIMIT}`);
    const text = await res.text();
    texts.push(text);
    const page = JSON.parse(text) as PullResponse;
    if (!page.more || page.entries.length === 0) break;
    since = page.entries.at(-1)!.version;
  }
  let t = performance.now();
  const pages = texts.map((text) => JSON.parse(text) as unknown);
  const parseMs = Math.round(performance.now() - t);
  t = performance.now();
  for (const page of pages) {
    if (!protocol.PullResponseSchema.safeParse(page).success) throw new Error('a page failed the protocol checks');
  }
  const validateMs = Math.round(performance.now() - t);
  texts.length = 0;
  pages.length = 0;

  // The sync engine itself: a fresh browser's first sync (nothing to push), the log written once.
  await outbox.resetOutboxForTests();
  const engine = await startSyncEngine({
    maker: { userId: input.userId, workspaceId: input.workspaceId },
    onChange: () => undefined,
    onSignedOut: () => undefined,
  });
  t = performance.now();
  await engine.syncNow();
  const syncEngineMs = Math.round(performance.now() - t);
  const synced = engine.log();
  engine.stop();
  const { useWorkspace } = await import('../src/state/workspace/workspace-store');
  const syncError = useWorkspace.getState().lastError;
  if (syncError) throw new Error(`the sync engine failed: ${syncError}`);
  t = performance.now();
  await outbox.writeSync({ workspaceId: input.workspaceId, version: synced.at(-1)?.version ?? 0, log: [...synced] });
  const indexedDbWriteMs = Math.round(performance.now() - t);
  return {
    runsMs,
    medianMs: Math.round(median(runsMs)),
    cpuMs: Math.round(median(cpuMsRuns)),
    requests: perRun,
    entries,
    inOrder,
    zod: input.jitless ? 'no-eval' : 'jit',
    validateMs,
    parseMs,
    syncEngineMs,
    indexedDbWriteMs,
    syncEngineEntries: synced.length,
  };
}

function runPageChild(input: PageChildInput): Promise<PageClientResult> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=8192', '--import', 'tsx', join(ROOT, 'scripts/bench-pull.ts'), '--page-client'],
      { cwd: ROOT, env: { ...process.env, BENCH_PULL_PAGE: JSON.stringify(input) }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('PAGE-RESULT '));
      if (code === 0 && line) done(JSON.parse(line.slice('PAGE-RESULT '.length)) as PageClientResult);
      else fail(new Error(`the page's client run failed (${code}):\n${out.slice(-3000)}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------------------

async function runEngine(
  engine: PullEngine,
  databaseUrl: string | undefined,
  o: Required<Omit<PullBenchOptions, 'log' | 'engines'>> & { nextHeader: string },
  log: (line: string) => void,
): Promise<PullEngineResult> {
  const dir = mkdtempSync(join(tmpdir(), 'geobrief-pull-'));
  const ws = await startWorkspace({
    ...(databaseUrl ? { databaseUrl } : {}),
    env: { GEOBRIEF_SIGNIN_LIMIT: '0', WORKSPACE_DIR: dir },
  });
  try {
    const pid = serverPid();
    log(`   server on ${ws.url} (pid ${pid ?? '?'}); signing up the owner`);
    const owner = new WorkspaceClient(ws.url);
    await ok(owner, 'POST', '/api/auth/sign-up/email', {
      email: 'owner@example.org',
      name: 'Owner',
      password: 'correct horse battery',
    });
    const me = (await ok(owner, 'GET', '/api/workspace/me')) as { user: { id: string }; workspace: { id: string } };
    const seeding = await seed(
      owner,
      { ...(databaseUrl ? { databaseUrl } : {}), sqlitePath: join(dir, 'geobrief.sqlite') },
      o.items,
      o.httpSeed,
      log,
    );
    log(
      `   seeded ${o.items.toLocaleString('en-US')} log entries (${mb(seeding.changeBytes)} MB of change JSON) in ${round(seeding.ms / 1000)} s`,
    );
    // One pull to warm the server (its code paths, the database's cache), not measured.
    const input: RawPullInput = {
      url: ws.url,
      cookie: owner.cookie,
      limit: o.limit,
      expected: o.items,
      accept: o.accept,
      nextHeader: o.nextHeader,
      pgPort: databaseUrl ? Number(new URL(databaseUrl).port) : null,
    };
    await rawPull(input, null);
    const loadAverage = loadavg().map((l) => round(l, 2));
    log(`   load average ${loadAverage.join(', ')} (${cpus().length} CPUs)`);
    const runs: (PullRun & { inOrder: boolean })[] = [];
    for (let i = 0; i < o.runs; i++) {
      const run = await rawPull(input, pid);
      log(
        `   pull ${i + 1}: ${run.ms} ms, ${run.requests} requests, ${mb(run.wireBytes)} MB on the wire (${run.encoding}), CPU client ${run.clientCpuMs} ms / server ${run.serverCpuMs ?? '?'} ms${run.postgresCpuMs ? ` / PostgreSQL ${run.postgresCpuMs} ms` : ''}, server peak RSS ${run.serverPeakRssMb ?? '?'} MB`,
      );
      runs.push(run);
    }
    const raw: PullClientResult = {
      runs: runs.map(({ inOrder: _, ...r }) => r),
      medianMs: Math.round(median(runs.map((r) => r.ms))),
      requests: runs[0]!.requests,
      wireBytes: runs[0]!.wireBytes,
      jsonBytes: runs[0]!.jsonBytes,
      inOrder: runs.every((r) => r.inOrder),
    };
    let page: PageClientResult | { skipped: string } = { skipped: 'not asked for' };
    if (o.pageClient) {
      log(`   the page's client (workspace-api.ts, zod without eval as under the page's CSP), ${o.runs} pulls`);
      try {
        page = await runPageChild({
          url: ws.url,
          cookie: owner.cookie,
          runs: o.runs,
          expected: o.items,
          jitless: true,
          userId: me.user.id,
          workspaceId: me.workspace.id,
        });
        log(
          `   page client: median ${page.medianMs} ms (runs ${page.runsMs.join(', ')}; CPU ${page.cpuMs} ms), of which zod ≈ ${page.validateMs} ms and JSON.parse ≈ ${page.parseMs} ms; sync engine ${page.syncEngineMs} ms with one IndexedDB write (${page.indexedDbWriteMs} ms in fake-indexeddb)`,
        );
      } catch (error) {
        page = { skipped: error instanceof Error ? error.message.slice(0, 500) : String(error) };
        log(`   page client not measured: ${page.skipped}`);
      }
    }
    const peaks = runs.map((r) => r.serverPeakRssMb).filter((p): p is number => p !== null);
    return {
      engine,
      database: engine === 'sqlite' ? 'SQLite file (better-sqlite3, WAL)' : 'PostgreSQL (throwaway cluster, fsync=off)',
      seeding,
      raw,
      page,
      serverPeakRssMb: peaks.length > 0 ? Math.max(...peaks) : null,
      loadAverage,
      limit: o.limit,
      goalMs: PULL_GOAL_MS,
      met: raw.inOrder && raw.medianMs <= PULL_GOAL_MS && ('skipped' in page || page.medianMs <= PULL_GOAL_MS),
    };
  } catch (error) {
    console.error(ws.output().slice(-4000));
    throw error;
  } finally {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seeds each engine's log and measures the pulls (see the file's comment). */
export async function pullBench(options: PullBenchOptions = {}): Promise<PullBenchResult> {
  const { PULL_MAX_LIMIT, PULL_NEXT_HEADER } = await import('../src/model/workspace/protocol');
  const log = options.log ?? ((line: string) => console.log(line));
  const o = {
    items: options.items ?? 100_000,
    runs: options.runs ?? 3,
    limit: options.limit ?? PULL_MAX_LIMIT,
    pageClient: options.pageClient ?? true,
    httpSeed: options.httpSeed ?? 1000,
    accept: options.accept ?? BROWSER_ENCODINGS,
    nextHeader: PULL_NEXT_HEADER,
  };
  const engines = options.engines ?? ['sqlite', 'postgres'];
  const results: PullBenchResult['engines'] = {};
  for (const engine of engines) {
    log(`== pull of ${o.items.toLocaleString('en-US')} log entries: ${engine}`);
    results[engine] =
      engine === 'sqlite'
        ? await runEngine('sqlite', undefined, o, log)
        : await withThrowawayDatabase('bench_pull', (url) => runEngine('postgres', url, o, log));
    const r = results[engine];
    if (r && 'skipped' in r) log(`   PostgreSQL not measured: ${r.skipped}`);
  }
  return {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, loadAverageAtEnd: loadavg().map((l) => round(l, 2)) },
    settings: { items: o.items, runs: o.runs, limit: o.limit, httpSeed: o.httpSeed, accept: o.accept },
    engines: results,
  };
}

/** The result as a table, its first line the verdict per engine. */
export function formatPullBench(result: PullBenchResult): string {
  const measured = Object.values(result.engines).filter((r): r is PullEngineResult => !!r && !('skipped' in r));
  const n = result.settings.items.toLocaleString('en-US');
  const verdicts = measured.map(
    (r) =>
      `${r.engine} ${r.raw.medianMs} ms${'skipped' in r.page ? '' : ` (page ${r.page.medianMs} ms)`} ${r.met ? 'met' : 'MISSED'}`,
  );
  const lines = [
    `Workspace pull of ${n} log entries by a fresh client, target ≤ ${PULL_GOAL_MS} ms: ${verdicts.join('; ')}`,
  ];
  const page = (r: PullEngineResult, f: (p: PageClientResult) => string) => ('skipped' in r.page ? '—' : f(r.page));
  const rows: [string, ...string[]][] = [
    ['', ...measured.map((r) => r.engine)],
    ['seeded: HTTP push / SQL insert', ...measured.map((r) => `${r.seeding.viaHttpPush} / ${r.seeding.viaSqlInsert}`)],
    ['change JSON in the log', ...measured.map((r) => `${mb(r.seeding.changeBytes)} MB`)],
    ['pull, median (runs)', ...measured.map((r) => `${r.raw.medianMs} ms (${r.raw.runs.map((x) => x.ms).join(', ')})`)],
    ['requests (limit asked)', ...measured.map((r) => `${r.raw.requests} (${r.limit})`)],
    ['bytes on the wire / JSON', ...measured.map((r) => `${mb(r.raw.wireBytes)} / ${mb(r.raw.jsonBytes)} MB`)],
    ['encoding', ...measured.map((r) => r.raw.runs[0]?.encoding ?? '')],
    [
      'CPU client / server / PostgreSQL',
      ...measured.map((r) => {
        const run = [...r.raw.runs].sort((a, b) => a.ms - b.ms)[Math.floor(r.raw.runs.length / 2)];
        return run ? `${run.clientCpuMs} / ${run.serverCpuMs ?? '?'} / ${run.postgresCpuMs} ms (median run)` : '';
      }),
    ],
    ['server peak RSS', ...measured.map((r) => (r.serverPeakRssMb === null ? '?' : `${r.serverPeakRssMb} MB`))],
    ['load average at the start', ...measured.map((r) => r.loadAverage.join(', '))],
    ['versions 1..N in order, once', ...measured.map((r) => (r.raw.inOrder ? 'yes' : 'NO'))],
    [
      'page client (zod no-eval), median',
      ...measured.map((r) => page(r, (p) => `${p.medianMs} ms (${p.runsMs.join(', ')}), CPU ${p.cpuMs} ms`)),
    ],
    ['  of which zod checks / JSON.parse', ...measured.map((r) => page(r, (p) => `${p.validateMs} / ${p.parseMs} ms`))],
    ['  requests; in order', ...measured.map((r) => page(r, (p) => `${p.requests}; ${p.inOrder ? 'yes' : 'NO'}`))],
    [
      'sync engine (entries; IndexedDB write)',
      ...measured.map((r) =>
        page(r, (p) => `${p.syncEngineMs} ms (${p.syncEngineEntries}; ≈ ${p.indexedDbWriteMs} ms, fake-indexeddb)`),
      ),
    ],
  ];
  for (const [label, ...cells] of rows) lines.push(label.padEnd(36) + cells.map((c) => c.padEnd(44)).join(''));
  for (const [engine, r] of Object.entries(result.engines)) {
    if (r && 'skipped' in r) lines.push(`${engine}: not run (${r.skipped})`);
  }
  for (const r of measured) {
    const mix = Object.entries(r.seeding.mix)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
      .join(', ');
    lines.push(`${r.engine} log: ${mix}`);
  }
  return lines.join('\n');
}

function cliOptions(argv: readonly string[]): PullBenchOptions {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const num = (name: string) => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a whole number > 0 (got "${raw}")`);
    return n;
  };
  const engines = value('engines')?.split(',') as PullEngine[] | undefined;
  for (const e of engines ?? []) if (e !== 'sqlite' && e !== 'postgres') throw new Error(`unknown engine "${e}"`);
  const items = num('items');
  const runs = num('runs');
  const limit = num('limit');
  return {
    ...(items ? { items } : {}),
    ...(runs ? { runs } : {}),
    ...(limit ? { limit } : {}),
    ...(engines ? { engines } : {}),
    ...(argv.includes('--no-page') ? { pageClient: false } : {}),
    ...(value('accept') ? { accept: value('accept')! } : {}),
  };
}

if (process.argv[1]?.endsWith('bench-pull.ts')) {
  if (process.argv.includes('--page-client')) {
    pageChild(JSON.parse(process.env['BENCH_PULL_PAGE'] ?? '{}') as PageChildInput)
      .then((r) => {
        console.log(`PAGE-RESULT ${JSON.stringify(r)}`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  } else {
    pullBench(cliOptions(process.argv.slice(2)))
      .then((result) => {
        mkdirSync(OUT, { recursive: true });
        const file = join(OUT, 'bench-pull.json');
        writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
        console.log(`\n${formatPullBench(result)}\n\nReport: ${file}`);
      })
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  }
}
