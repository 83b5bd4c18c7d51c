/**
 * The workspace's database: an embedded SQLite file by default (better-sqlite3), or PostgreSQL when
 * DATABASE_URL names one. Kysely is the one query layer for both; the tables are in `Tables` and the
 * migrations in server/migrations/ run at start (migrate.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Generated } from 'kysely';
import pg from 'pg';

export type DbKind = 'sqlite' | 'postgres';

/** The workspace tables this server writes (better-auth's own tables are its business: see auth.ts). */
export interface Tables {
  workspace_state: {
    workspace_id: string;
    /** The workspace's version: taken (incremented) inside each writing transaction. */
    version: number;
    viewers_approved_only: number;
  };
  change_log: {
    workspace_id: string;
    version: number;
    change_id: string;
    type: string;
    /** The change as pushed, JSON. */
    change: string;
    user_id: string;
    user_name: string;
    at: string;
    /** JSON of the conflict this change made, or null. */
    conflict: string | null;
    /** JSON of the correction a resolved conflict made, or null. */
    resolution: string | null;
  };
  item_state: {
    workspace_id: string;
    kind: string;
    item_id: string;
    pack_id: string | null;
    added_by: string | null;
    added_at: string | null;
    edited_by: string | null;
    edited_at: string | null;
    approved_by: string | null;
    approved_at: string | null;
    deleted_at: string | null;
  };
  field_state: {
    workspace_id: string;
    kind: string;
    item_id: string;
    field: string;
    /** The value the field holds after the last correction applied (JSON; absent value: null). */
    value: string | null;
    change_id: string;
    user_id: string;
    user_name: string;
  };
  conflict: {
    workspace_id: string;
    id: string;
    kind: string;
    item_id: string;
    field: string;
    values: string;
    resolved_by: string | null;
    resolved_at: string | null;
  };
  invite: {
    token: string;
    workspace_id: string;
    role: string;
    created_by: string;
    created_at: string;
    expires_at: string;
    uses: Generated<number>;
  };
  // better-auth's tables this server reads (member roles, names).
  member: { id: string; organizationId: string; userId: string; role: string; createdAt: string };
  user: { id: string; name: string; email: string };
  organization: { id: string; name: string; slug: string; createdAt: string };
}

export interface Db {
  kind: DbKind;
  db: Kysely<Tables>;
  /** For PostgreSQL: the pool (LISTEN/NOTIFY takes its own client from it). */
  pool?: pg.Pool;
  close: () => Promise<void>;
}

/** Opens the database: PostgreSQL for a postgres:// URL, else the SQLite file at `sqlitePath`. */
export function openDb(options: { databaseUrl?: string | undefined; sqlitePath: string }): Db {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new Error('DATABASE_URL must be a postgres:// URL (or unset, for the SQLite file)');
    }
    // BIGINT (the version) comes back as a number: versions stay far below 2^53.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgres', db, pool, close: () => db.destroy() };
  }
  mkdirSync(dirname(options.sqlitePath), { recursive: true });
  const sqlite = new Database(options.sqlitePath);
  // WAL: readers do not wait for the writer; a crash loses no committed transaction.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kind: 'sqlite', db, close: () => db.destroy() };
}
