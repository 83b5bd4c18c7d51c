/**
 * The database's migrations, kept in the repository and run at every start (Kysely's Migrator records which
 * ran, in kysely_migration; each runs once, in order, in a transaction where the engine allows).
 * 0001: better-auth's tables, as its own migration writer makes them for each engine (the .sql files).
 * 0002: the workspace's tables, written once for both engines with Kysely's schema builder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Db, DbKind } from './db';

const HERE = import.meta.dirname;

function sqlFile(name: string, kind: DbKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const text = readFileSync(join(HERE, 'migrations', `${name}.${kind}.sql`), 'utf8');
      const statements = text
        .split('\n')
        .filter((l) => !l.startsWith('--'))
        .join('\n')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const statement of statements) await sql.raw(statement).execute(db);
    },
  };
}

const workspaceTables: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('workspace_state')
      .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('organization.id').onDelete('cascade'))
      .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('viewers_approved_only', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // The append-only change log: one row per applied change, numbered per workspace.
    await db.schema
      .createTable('change_log')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('change_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('change', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('conflict', 'text')
      .addColumn('resolution', 'text')
      .addPrimaryKeyConstraint('change_log_pk', ['workspace_id', 'version'])
      .addUniqueConstraint('change_log_change_once', ['workspace_id', 'change_id'])
      .execute();
    await db.schema
      .createTable('item_state')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('pack_id', 'text')
      .addColumn('added_by', 'text')
      .addColumn('added_at', 'text')
      .addColumn('edited_by', 'text')
      .addColumn('edited_at', 'text')
      .addColumn('approved_by', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('deleted_at', 'text')
      .addPrimaryKeyConstraint('item_state_pk', ['workspace_id', 'kind', 'item_id'])
      .execute();
    await db.schema
      .createTable('field_state')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('value', 'text')
      .addColumn('change_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('field_state_pk', ['workspace_id', 'kind', 'item_id', 'field'])
      .execute();
    await db.schema
      .createTable('conflict')
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('values', 'text', (c) => c.notNull())
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .addPrimaryKeyConstraint('conflict_pk', ['workspace_id', 'id'])
      .execute();
    await db.schema
      .createTable('invite')
      .addColumn('token', 'text', (c) => c.primaryKey())
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('organization.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

class Provider implements MigrationProvider {
  constructor(private readonly kind: DbKind) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve({
      '0001-auth': sqlFile('0001-auth', this.kind),
      '0002-workspace': workspaceTables,
    });
  }
}

/** Runs every migration not yet run; throws naming the one that failed. */
export async function migrate(d: Db): Promise<void> {
  const migrator = new Migrator({ db: d.db, provider: new Provider(d.kind) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
