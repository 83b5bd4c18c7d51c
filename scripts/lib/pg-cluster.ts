/**
 * A throwaway PostgreSQL cluster for the workspace server's tests and bench: `initdb` in a temporary folder,
 * `pg_ctl start` on a free loopback port, dropped (stopped and deleted) after. Uses the server binaries of the
 * machine (Debian's postgresql package puts them under /usr/lib/postgresql/<major>/bin; PG_BIN overrides).
 * initdb refuses to run as root, so as root the cluster runs as the unprivileged user `nobody` (setpriv).
 *
 * TEST_DATABASE_URL, when set, names a PostgreSQL to use instead (`.ci/run` starts one and sets it).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface PgCluster {
  url: string;
  /** Stops the server and deletes its folder (a cluster named by TEST_DATABASE_URL is left alone). */
  stop: () => void;
}

/** The folder of initdb/pg_ctl, or null when PostgreSQL's server is not installed. */
export function findPgBin(): string | null {
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(b) - Number(a));
  for (const major of majors) {
    const bin = join(root, major, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as `nobody` when we are root (initdb and postgres refuse root). */
function run(bin: string, args: string[]) {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', bin, ...args]]
    : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
}

/**
 * A PostgreSQL for tests: TEST_DATABASE_URL when set, else a fresh cluster; null (with the reason) when neither
 * is possible, so a machine without PostgreSQL still runs the SQLite half and says why the other half did not run.
 */
export async function startPgCluster(): Promise<PgCluster | { missing: string }> {
  const given = process.env['TEST_DATABASE_URL'];
  if (given) return { url: given, stop: () => undefined };
  const bin = findPgBin();
  if (!bin) return { missing: 'PostgreSQL server binaries not found (install the postgresql package, or set PG_BIN)' };
  const dir = mkdtempSync(join(tmpdir(), 'geobrief-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  run(join(bin, 'initdb'), ['-D', data, '-U', 'geobrief', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    'start',
  ]);
  const stop = () => {
    try {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://geobrief@127.0.0.1:${port}/postgres`, stop };
}

/**
 * Runs `fn` with the URL of a fresh database (named `<prefix>_<random>`) in a throwaway cluster, then drops the
 * database and stops the cluster. When no cluster can start or PostgreSQL does not answer, `fn` is not run and the
 * result says why (for a bench to report as skipped).
 */
export async function withThrowawayDatabase<T>(
  prefix: string,
  fn: (url: string) => Promise<T>,
): Promise<T | { skipped: string }> {
  let cluster: Awaited<ReturnType<typeof startPgCluster>>;
  try {
    cluster = await startPgCluster();
  } catch (error) {
    return { skipped: `no PostgreSQL cluster could start: ${error instanceof Error ? error.message : String(error)}` };
  }
  if ('missing' in cluster) return { skipped: cluster.missing };
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: cluster.url });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    cluster.stop();
    return { skipped: `PostgreSQL did not answer: ${error instanceof Error ? error.message : String(error)}` };
  }
  const u = new URL(cluster.url);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    cluster.stop();
  }
}
