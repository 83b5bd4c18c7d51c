/**
 * The workspace server as a child process (`tsx server/main.ts`) on a free loopback port, for the browser
 * journeys, the fault test and the bench: started with its own SQLite folder (or a DATABASE_URL), killed
 * (gracefully or with SIGKILL, as a crash) and started again on the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort } from './pg-cluster';

const ROOT = resolve(import.meta.dirname, '../..');

export interface WorkspaceProcess {
  url: string;
  port: number;
  /** The server's output so far (for a failure's message). */
  output: () => string;
  /** Kills the process: SIGKILL is a crash (nothing flushed), SIGTERM a clean stop. */
  kill: (signal?: 'SIGKILL' | 'SIGTERM') => Promise<void>;
  /** Starts the server again on the same port and data. */
  restart: () => Promise<void>;
  /** Stops it and deletes its folder. */
  close: () => Promise<void>;
}

export interface WorkspaceOptions {
  databaseUrl?: string;
  staticDir?: string;
  env?: Record<string, string>;
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the workspace server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/api/workspace/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the workspace server did not answer within 60 s:\n${output()}`);
}

export async function startWorkspace(options: WorkspaceOptions = {}): Promise<WorkspaceProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'geobrief-server-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess;
  const secret = randomBytes(32).toString('base64url');
  const launch = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        WORKSPACE_DIR: dir,
        BETTER_AUTH_SECRET: secret,
        STATIC_DIR: resolve(ROOT, options.staticDir ?? process.env['GEOBRIEF_DIST'] ?? 'dist'),
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATABASE_URL: '' }),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (log += b.toString()));
    await waitUntilUp(url, child, () => log);
  };
  await launch();
  const kill = async (signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  return {
    url,
    port,
    output: () => log,
    kill,
    restart: launch,
    close: async () => {
      await kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
