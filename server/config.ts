/**
 * The server's settings, from the environment only (secrets never come from a file in the repository):
 *
 * - PORT (default 4173), HOST (default 127.0.0.1)
 * - DATABASE_URL: postgres://… to run on PostgreSQL; unset: the SQLite file in WORKSPACE_DIR
 * - WORKSPACE_DIR: where the SQLite file and the generated secret are kept (default ./workspace-data)
 * - BETTER_AUTH_SECRET: the secret that signs sessions; unset: one is made on the first start and kept in
 *   WORKSPACE_DIR/secret (set it in production, the same for every process behind one database)
 * - PUBLIC_URL: the address people open (default http://HOST:PORT), for cookies and the CSRF check
 * - STATIC_DIR: the built dashboard to serve (default ./dist); GEOBRIEF_SIGNIN_LIMIT: sign-in attempts per
 *   minute per address (default 10)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The origins the page may be opened at: PUBLIC_URL's, and on loopback both names of this machine. */
export function pageOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  const origins = [url.origin];
  const other = url.hostname === '127.0.0.1' ? 'localhost' : url.hostname === 'localhost' ? '127.0.0.1' : null;
  if (other) origins.push(`${url.protocol}//${other}${url.port ? `:${url.port}` : ''}`);
  return origins;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  workspaceDir: string;
  sqlitePath: string;
  secret: string;
  publicUrl: string;
  staticDir: string;
  signInLimit: number;
}

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number (got "${raw}")`);
  return n;
}

/** The secret from the environment, or the one kept beside the database (made on the first start). */
function secretFor(dir: string, env: NodeJS.ProcessEnv): string {
  const given = env['BETTER_AUTH_SECRET'];
  if (given) {
    if (given.length < 32) throw new Error('BETTER_AUTH_SECRET must be at least 32 characters');
    return given;
  }
  const file = join(dir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const port = positiveInt('PORT', env['PORT'], 4173);
  const host = env['HOST'] || '127.0.0.1';
  const workspaceDir = resolve(cwd, env['WORKSPACE_DIR'] || 'workspace-data');
  return {
    port,
    host,
    databaseUrl: env['DATABASE_URL'] || undefined,
    workspaceDir,
    sqlitePath: join(workspaceDir, 'geobrief.sqlite'),
    secret: secretFor(workspaceDir, env),
    publicUrl: (env['PUBLIC_URL'] || `http://${host}:${port}`).replace(/\/$/, ''),
    staticDir: resolve(cwd, env['STATIC_DIR'] || 'dist'),
    signInLimit: positiveInt('GEOBRIEF_SIGNIN_LIMIT', env['GEOBRIEF_SIGNIN_LIMIT'], 10),
  };
}
