/**
 * A workspace server for tests, on SQLite (a temporary file) or on the test PostgreSQL (a fresh database per
 * server), called in-process through `app.request`, and browsers as cookie jars.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startServer, type Running } from '../server';
import type { Config } from '../config';

export type Engine = 'sqlite' | 'postgres';
export const ORIGIN = 'http://127.0.0.1:4173';

export interface TestServer {
  running: Running;
  config: Config;
  close: () => Promise<void>;
}

/** A fresh database on the test PostgreSQL at `url`: its URL and a function that drops it. */
export async function freshPgDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function testServer(engine: Engine, pgUrl: string, extra: Partial<Config> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'geobrief-ws-'));
  const pgDb = engine === 'postgres' ? await freshPgDatabase(pgUrl) : undefined;
  const config: Config = {
    port: 4173,
    host: '127.0.0.1',
    databaseUrl: pgDb?.url,
    workspaceDir: dir,
    sqlitePath: join(dir, 'geobrief.sqlite'),
    secret: randomBytes(32).toString('base64url'),
    publicUrl: ORIGIN,
    staticDir: join(dir, 'no-dist'),
    signInLimit: 1000,
    ...extra,
  };
  const running = await startServer(config);
  return {
    running,
    config,
    close: async () => {
      await running.close();
      await pgDb?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A browser: keeps the session cookie, sends JSON with the page's origin. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(private readonly server: TestServer) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { origin: ORIGIN, ...headers };
    if (body !== undefined && !('content-type' in h)) h['content-type'] = 'application/json';
    if (this.cookies.size > 0) h['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.server.running.app.request(`${ORIGIN}${path}`, {
      method,
      headers: h,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    // The tests read answers field by field; their shapes are the protocol's, checked by the assertions.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: res.status, json: json as any, headers: res.headers };
  }

  signUp(email: string, name = email.split('@')[0]!, password = 'correct horse battery') {
    return this.request('POST', '/api/auth/sign-up/email', { email, password, name });
  }
  signIn(email: string, password = 'correct horse battery') {
    return this.request('POST', '/api/auth/sign-in/email', { email, password });
  }
}
