/**
 * Applying changes and serving the change log. Each change is applied in its own transaction:
 *
 * 1. The role is checked against the protocol's table (`roleMay`): a refused change is answered, not logged.
 * 2. Changes are applied in groups of up to ten, one transaction each, which first takes the workspace's row
 *    (on PostgreSQL a row lock held until commit, on SQLite the write lock): versions are then taken
 *    (`version = version + 1 … RETURNING`) and committed in order, so a pull "since N" never skips a slow
 *    transaction's row (a sequence could), and the lock is taken once per group, not per change.
 * 3. A change id already in the log is a resend: answered "duplicate" with the version it got first (looked up
 *    under the lock, so the same change pushed through two processes at once is applied by one of them).
 * 4. The change's effect on the review state (who added, edited, approved) and on each corrected field
 *    (conflicts: two people changed one field from the same value to different values) is written.
 * 5. The change is appended to the log with who and when (from the session, never from the body).
 *
 * A crash at any point leaves each group either committed or not; the browser resends what was not
 * acknowledged, and step 3 makes the resend harmless: every change is applied exactly once.
 */
import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import { acceptedItems } from '../src/model/pack/lifecycle';
import {
  PULL_LIMIT,
  roleMay,
  type Change,
  type Conflict,
  type LogEntry,
  type Person,
  type PushResult,
  type Role,
} from '../src/model/workspace/protocol';
import type { Correction } from '../src/model/corrections/edits-schema';
import type { Tables } from './db';

type Tx = Transaction<Tables>;

/** A change the workspace's state refuses (not the role), decided before it writes: answered with the reason. */
class Refusal extends Error {}

const ROLE_REASON: Record<Role, string> = {
  owner: '',
  analyst: 'analysts cannot approve or resolve conflicts',
  reviewer: 'reviewers cannot add articles or correct figures',
  viewer: 'viewers cannot make changes',
};

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

const HEX = '0123456789abcdef';
const escapeChar = (c: string) => {
  const u = c.charCodeAt(0);
  return `\\u${HEX[(u >> 12) & 15]}${HEX[(u >> 8) & 15]}${HEX[(u >> 4) & 15]}${HEX[u & 15]}`;
};

/**
 * A value as the change log stores it: JSON with every character past ASCII written as a \u escape (the same
 * JSON, read back the same). Pull answers are made by concatenating it (pullText), so they stay ASCII and are
 * decoded as one-byte text (measured in Node here: half the decoding time and half the memory of the same answer
 * as UTF-8 with a few curly quotes in it). Names past ASCII and rows stored before are sent as they are: valid
 * JSON, only slower to decode.
 */
export const logJson = (value: unknown): string => JSON.stringify(value).replace(/[\u0080-\uffff]/g, escapeChar);

async function takeVersion(tx: Tx, workspaceId: string): Promise<number> {
  const row = await tx
    .updateTable('workspace_state')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('workspace_id', '=', workspaceId)
    .returning('version')
    .executeTakeFirst();
  if (!row) throw new Refusal('this workspace no longer exists');
  return Number(row.version);
}

async function touchItem(
  tx: Tx,
  ws: string,
  kind: string,
  itemId: string,
  set: Partial<Omit<Tables['item_state'], 'workspace_id' | 'kind' | 'item_id'>>,
) {
  // One round trip: insert, or update the row that is there (both engines speak ON CONFLICT).
  await tx
    .insertInto('item_state')
    .values({ workspace_id: ws, kind, item_id: itemId, ...set })
    .onConflict((oc) => oc.columns(['workspace_id', 'kind', 'item_id']).doUpdateSet(set))
    .execute();
}

const PACK_KINDS = [
  ['figures', 'figure'],
  ['actors', 'actor'],
  ['events', 'event'],
  ['places', 'place'],
] as const;

/** Field corrections: conflicts with another person's unseen change of the same field, and the new values. */
async function correct(tx: Tx, ws: string, c: Correction, by: Person, changeId: string): Promise<Conflict[]> {
  const conflicts: Conflict[] = [];
  for (const [i, change] of c.changes.entries()) {
    const key = { workspace_id: ws, kind: c.kind, item_id: c.itemId, field: change.field };
    const last = await tx
      .selectFrom('field_state')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('kind', '=', c.kind)
      .where('item_id', '=', c.itemId)
      .where('field', '=', change.field)
      .executeTakeFirst();
    const from = json(change.from ?? null);
    if (last && last.value !== from && last.user_id !== by.id && last.value !== json(change.to ?? null)) {
      conflicts.push({
        id: `${changeId.slice(0, 72)}-f${i}`,
        kind: c.kind,
        itemId: c.itemId,
        field: change.field,
        values: [
          {
            value: last.value === null ? null : JSON.parse(last.value),
            by: { id: last.user_id, name: last.user_name },
            changeId: last.change_id,
          },
          { value: change.to ?? null, by, changeId },
        ],
      });
    }
    const value = json(change.to ?? null);
    if (last) {
      await tx
        .updateTable('field_state')
        .set({ value, change_id: changeId, user_id: by.id, user_name: by.name })
        .where('workspace_id', '=', ws)
        .where('kind', '=', c.kind)
        .where('item_id', '=', c.itemId)
        .where('field', '=', change.field)
        .execute();
    } else {
      await tx
        .insertInto('field_state')
        .values({ ...key, value, change_id: changeId, user_id: by.id, user_name: by.name })
        .execute();
    }
  }
  for (const conflict of conflicts) {
    await tx
      .insertInto('conflict')
      .values({
        workspace_id: ws,
        id: conflict.id,
        kind: conflict.kind,
        item_id: conflict.itemId,
        field: conflict.field,
        values: JSON.stringify(conflict.values),
      })
      .execute();
  }
  // An edited item goes back to review.
  if (c.kind !== 'measure') {
    await touchItem(tx, ws, c.kind, c.itemId, {
      edited_by: by.name,
      edited_at: c.at,
      approved_by: null,
      approved_at: null,
    });
  }
  return conflicts;
}

/** The change's effect on the workspace's state; returns what the log entry carries beside the change. */
async function applyEffect(
  tx: Tx,
  ws: string,
  change: Change,
  by: Person,
  now: string,
): Promise<{ conflicts?: Conflict[]; resolution?: Correction }> {
  switch (change.type) {
    case 'pack.put': {
      const kept = acceptedItems(change.pack);
      for (const [list, kind] of PACK_KINDS) {
        for (const item of kept[list]) {
          const found = await tx
            .selectFrom('item_state')
            .select(['added_by', 'deleted_at'])
            .where('workspace_id', '=', ws)
            .where('kind', '=', kind)
            .where('item_id', '=', item.id)
            .executeTakeFirst();
          if (!found || found.added_by === null || found.deleted_at !== null) {
            await touchItem(tx, ws, kind, item.id, {
              pack_id: change.pack.source.id,
              added_by: by.name,
              added_at: now,
              deleted_at: null,
            });
          }
        }
      }
      return {};
    }
    case 'pack.remove':
      await tx
        .updateTable('item_state')
        .set({ deleted_at: now })
        .where('workspace_id', '=', ws)
        .where('pack_id', '=', change.packId)
        .execute();
      return {};
    case 'correction': {
      const conflicts = await correct(tx, ws, change.correction, by, change.id);
      return conflicts.length > 0 ? { conflicts } : {};
    }
    case 'correction.undo':
      await tx
        .deleteFrom('field_state')
        .where('workspace_id', '=', ws)
        .where('change_id', '=', change.correctionId)
        .execute();
      return {};
    case 'approve':
      await touchItem(tx, ws, change.item.kind, change.item.id, { approved_by: by.name, approved_at: now });
      return {};
    case 'conflict.resolve': {
      const row = await tx
        .selectFrom('conflict')
        .selectAll()
        .where('workspace_id', '=', ws)
        .where('id', '=', change.conflictId)
        .executeTakeFirst();
      if (!row) throw new Refusal(`no conflict "${change.conflictId}" in this workspace`);
      if (row.resolved_at) throw new Refusal(`the conflict was already resolved by ${row.resolved_by ?? 'someone'}`);
      const values = JSON.parse(row.values) as Conflict['values'];
      const kept = values[change.keep];
      if (!kept) throw new Refusal(`the conflict has ${values.length} values; "keep" ${change.keep} is not one`);
      const current = await tx
        .selectFrom('field_state')
        .select('value')
        .where('workspace_id', '=', ws)
        .where('kind', '=', row.kind)
        .where('item_id', '=', row.item_id)
        .where('field', '=', row.field)
        .executeTakeFirst();
      const from = current?.value == null ? undefined : (JSON.parse(current.value) as Correction['changes'][0]['to']);
      const to = kept.value as Correction['changes'][0]['to'];
      const resolution: Correction = {
        id: change.id,
        kind: row.kind as Correction['kind'],
        itemId: row.item_id,
        at: now,
        by: by.name,
        changes: [{ field: row.field, ...(from === undefined ? {} : { from }), ...(to == null ? {} : { to }) }],
      };
      await correct(tx, ws, resolution, by, change.id);
      await tx
        .updateTable('conflict')
        .set({ resolved_by: by.name, resolved_at: now })
        .where('workspace_id', '=', ws)
        .where('id', '=', row.id)
        .execute();
      return { resolution };
    }
    default:
      // Measures, merges and briefings: the log is their record.
      return {};
  }
}

export interface PushOutcome {
  results: PushResult[];
  version: number;
  /** Versions committed by this push, to announce. */
  applied: number[];
}

/** Applies each change once, in order, each in its own transaction. */
/** Changes applied per transaction: one lock and one commit for up to this many (a crash keeps whole groups). */
export const GROUP = 10;

export async function pushChanges(
  db: Kysely<Tables>,
  ws: string,
  by: Person,
  role: Role,
  changes: readonly Change[],
  clock: () => Date = () => new Date(),
): Promise<PushOutcome> {
  const results = new Map<string, PushResult>();
  const applied: number[] = [];
  const allowed: Change[] = [];
  for (const change of changes) {
    if (roleMay(role, change.type)) allowed.push(change);
    else results.set(change.id, { id: change.id, status: 'refused', reason: ROLE_REASON[role] || 'not allowed' });
  }
  for (let at = 0; at < allowed.length; at += GROUP) {
    const group = allowed.slice(at, at + GROUP);
    const done = await db.transaction().execute(async (tx) => {
      const out: PushResult[] = [];
      // The workspace's row first: from here every other writer of this workspace waits, so the resends found
      // below and the fields' last values read by conflicts are those of every change committed before.
      await lockWorkspace(tx, ws);
      const seen = new Map(
        (
          await tx
            .selectFrom('change_log')
            .select(['change_id', 'version'])
            .where('workspace_id', '=', ws)
            .where(
              'change_id',
              'in',
              group.map((c) => c.id),
            )
            .execute()
        ).map((r) => [r.change_id, Number(r.version)]),
      );
      for (const change of group) {
        const first = seen.get(change.id);
        if (first !== undefined) {
          out.push({ id: change.id, status: 'duplicate', version: first });
          continue;
        }
        const now = clock().toISOString();
        let extra: Awaited<ReturnType<typeof applyEffect>>;
        try {
          // A refusal is decided before the change writes anything, so the group goes on without it.
          extra = await applyEffect(tx, ws, change, by, now);
        } catch (error) {
          if (error instanceof Refusal) {
            out.push({ id: change.id, status: 'refused', reason: error.message });
            continue;
          }
          throw error;
        }
        const version = await takeVersion(tx, ws);
        await tx
          .insertInto('change_log')
          .values({
            workspace_id: ws,
            version,
            change_id: change.id,
            type: change.type,
            change: logJson(change),
            user_id: by.id,
            user_name: by.name,
            at: now,
            conflict: extra.conflicts ? logJson(extra.conflicts) : null,
            resolution: extra.resolution ? logJson(extra.resolution) : null,
          })
          .execute();
        seen.set(change.id, version);
        out.push({ id: change.id, status: 'applied', version });
      }
      return out;
    });
    for (const r of done) {
      results.set(r.id, r);
      if (r.status === 'applied') applied.push(r.version!);
    }
  }
  return {
    results: changes.map((c) => results.get(c.id)!),
    version: await currentVersion(db, ws),
    applied,
  };
}

/** Takes the workspace's row for this transaction (PostgreSQL: a row lock; SQLite: the write lock). */
async function lockWorkspace(tx: Tx, ws: string): Promise<void> {
  const row = await tx
    .updateTable('workspace_state')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('workspace_id', '=', ws)
    .returning('version')
    .executeTakeFirst();
  if (!row) throw new Error('this workspace no longer exists');
}

export async function currentVersion(db: Kysely<Tables>, ws: string): Promise<number> {
  const row = await db
    .selectFrom('workspace_state')
    .select('version')
    .where('workspace_id', '=', ws)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** A pull answer stops taking more entries once its JSON passes this many bytes (a page of big articles is shorter). */
export const PULL_MAX_BYTES = 16 * 1024 * 1024;
/** Log entries read per query while a pull answer is made: a pull holds about PULL_MAX_BYTES and one chunk. */
const PULL_CHUNK = 1000;

const isPostgres = (db: Kysely<Tables>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * One log entry as JSON text, made by the database from the stored JSON (the change, its conflicts and
 * resolution were written by pushChanges as JSON, logJson, so they are copied as they are); the strings around
 * them are quoted by the database's own JSON quoting. Keys in the protocol's order (LogEntry).
 */
const ENTRY_SQLITE =
  `'{"version":' || "version" || ',"change":' || "change" || ',"by":{"id":' || json_quote("user_id") || ` +
  `',"name":' || json_quote("user_name") || '},"at":' || json_quote("at") || ` +
  `coalesce(',"conflicts":' || "conflict", '') || coalesce(',"resolution":' || "resolution", '') || '}'`;
/** The same for PostgreSQL: concat() builds it once (a chain of || copies a long change at every step). */
const ENTRY_POSTGRES =
  `concat('{"version":', "version", ',"change":', "change", ',"by":{"id":', to_json("user_id")::text, ` +
  `',"name":', to_json("user_name")::text, '},"at":', to_json("at")::text, ` +
  `',"conflicts":' || "conflict", ',"resolution":' || "resolution", '}')`;

interface Chunk {
  /** The entries' JSON joined with commas, as bytes (SQLite), or each entry's JSON (PostgreSQL); null: none. */
  body: Buffer | string[] | null;
  /** Its size: bytes, or characters (about as many: the stored JSON is ASCII, see logJson). */
  size: number;
  n: number;
  last: number | null;
}

async function readChunk(db: Kysely<Tables>, ws: string, after: number, want: number): Promise<Chunk> {
  if (isPostgres(db)) {
    const { rows } = await sql<{ v: number; e: string }>`
      SELECT "version" AS v, ${sql.raw(ENTRY_POSTGRES)} AS e FROM change_log
      WHERE workspace_id = ${ws} AND "version" > ${after} ORDER BY "version" LIMIT ${want}`.execute(db);
    if (rows.length === 0) return { body: null, size: 0, n: 0, last: null };
    const texts = rows.map((r) => r.e);
    const size = texts.reduce((n, t) => n + t.length + 1, 0);
    return { body: texts, size, n: rows.length, last: Number(rows.at(-1)!.v) };
  }
  const read = async (ordered: boolean) => {
    const by = ordered ? ' ORDER BY v' : '';
    const { rows } = await sql<{ body: Buffer | null; versions: string | null; n: number; last: number | null }>`
      SELECT CAST(group_concat(e, ','${sql.raw(by)}) AS BLOB) AS body, group_concat(v, ','${sql.raw(by)}) AS versions,
        count(*) AS n, max(v) AS last
      FROM (
        SELECT "version" AS v, ${sql.raw(ENTRY_SQLITE)} AS e FROM change_log
        WHERE workspace_id = ${ws} AND "version" > ${after} ORDER BY "version" LIMIT ${want}
      ) AS page`.execute(db);
    return rows[0]!;
  };
  let chunk = await read(false);
  const versions = chunk.versions?.split(',').map(Number) ?? [];
  if (!versions.every((v, i) => i === 0 || v > versions[i - 1]!)) chunk = await read(true);
  const size = chunk.body?.length ?? 0;
  return { body: chunk.body, size, n: Number(chunk.n), last: chunk.last === null ? null : Number(chunk.last) };
}

/** A pull answer (the protocol's PullResponse) as JSON bytes, and what it holds. */
export interface PullText {
  json: Uint8Array<ArrayBuffer> | string;
  entries: number;
  more: boolean;
  version: number;
  /** The version of the answer's last entry (`since` when it has none): where the next page starts. */
  last: number;
}

/**
 * The log after version `since`, oldest first: at most `limit` entries, fewer once the answer passes
 * PULL_MAX_BYTES (never none while there are some). Keyset paging on the log's primary key (workspace_id,
 * version), PULL_CHUNK entries a query, each entry's JSON made by the database from the stored JSON (readChunk):
 * nothing is parsed and written again. The log is append-only and versions become visible
 * in order (pushChanges takes them under the workspace's lock), so the chunks of one answer follow each other
 * without a gap.
 */
export async function pullText(
  db: Kysely<Tables>,
  ws: string,
  since: number,
  limit = PULL_LIMIT,
  { maxBytes = PULL_MAX_BYTES, chunk = PULL_CHUNK }: { maxBytes?: number; chunk?: number } = {},
): Promise<PullText> {
  const blobs: Buffer[] = [];
  const texts: string[] = [];
  let size = 0;
  let entries = 0;
  let after = since;
  let end = false;
  while (entries < limit && size < maxBytes) {
    const want = Math.min(chunk, limit - entries);
    const read = await readChunk(db, ws, after, want);
    if (read.n > 0 && read.body !== null && read.last !== null) {
      if (Buffer.isBuffer(read.body)) {
        if (blobs.length > 0) blobs.push(COMMA);
        blobs.push(read.body);
      } else {
        for (const text of read.body) texts.push(text);
      }
      size += read.size;
      entries += read.n;
      after = read.last;
    }
    if (read.n < want) {
      end = true;
      break;
    }
  }
  const more =
    !end &&
    (await db
      .selectFrom('change_log')
      .select('version')
      .where('workspace_id', '=', ws)
      .where('version', '>', after)
      .orderBy('version') // along the primary key: without it PostgreSQL may scan the table for a row that is not there
      .limit(1)
      .executeTakeFirst()) !== undefined;
  const version = await currentVersion(db, ws);
  const tail = `],"version":${version},"more":${more}}`;
  // Bytes put together once (SQLite's chunks), or one string the socket encodes as it writes it (PostgreSQL's).
  const json =
    blobs.length > 0
      ? (Buffer.concat([OPEN, ...blobs, Buffer.from(tail)]) as Uint8Array<ArrayBuffer>)
      : `{"entries":[${texts.join(',')}${tail}`;
  return { json, entries, more, version, last: after };
}

const OPEN = Buffer.from('{"entries":[');
const COMMA = Buffer.from(',');

/** The log after version `since` as objects (see pullText), for the server's own readers (the export). */
export async function pullChanges(
  db: Kysely<Tables>,
  ws: string,
  since: number,
  limit = PULL_LIMIT,
): Promise<{ entries: LogEntry[]; version: number; more: boolean }> {
  const page = await pullText(db, ws, since, limit);
  const text = typeof page.json === 'string' ? page.json : Buffer.from(page.json).toString('utf8');
  return JSON.parse(text) as {
    entries: LogEntry[];
    version: number;
    more: boolean;
  };
}
