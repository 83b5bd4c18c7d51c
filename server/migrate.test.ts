// @vitest-environment node
/**
 * The migrations kept in server/migrations run at start, once, on both engines, and leave nothing missing for
 * better-auth: after an upgrade of better-auth that needs a new column, this test fails until a migration adds it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { getMigrations } from 'better-auth/db/migration';
import { openDb, type Db } from './db';
import { migrate } from './migrate';
import { makeAuth } from './auth';
import { freshPgDatabase, type Engine } from './testing/harness';

const pgUrl = inject('pgUrl');
const engines: Engine[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(engines)('migrations on %s', (engine) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  async function open(): Promise<Db> {
    const dir = mkdtempSync(join(tmpdir(), 'geobrief-migrate-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    let databaseUrl: string | undefined;
    if (engine === 'postgres') {
      const fresh = await freshPgDatabase(pgUrl);
      cleanup.push(fresh.drop);
      databaseUrl = fresh.url;
    }
    const d = openDb({ databaseUrl, sqlitePath: join(dir, 'db.sqlite') });
    cleanup.push(() => d.close());
    return d;
  }

  it('run once, and better-auth finds every table and column it needs', async () => {
    const d = await open();
    await migrate(d);
    await migrate(d); // a second start runs nothing again
    const auth = makeAuth({
      db: d.db as never,
      kind: d.kind,
      secret: 'a-test-secret-that-is-long-enough-0123456789',
      publicUrl: 'http://127.0.0.1:4173',
      signInLimit: 10,
      onUserCreated: async () => undefined,
    });
    const plan = await getMigrations(auth.options);
    expect(plan.toBeCreated.map((t) => t.table)).toEqual([]);
    expect(plan.toBeAdded.map((t) => `${t.table}: ${Object.keys(t.fields).join(', ')}`)).toEqual([]);
    const ran = await d.db
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect(ran.map((r) => (r as { name: string }).name)).toEqual(['0001-auth', '0002-workspace']);
  });
});
