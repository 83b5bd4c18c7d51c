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
import type { Kysely, Transaction } from 'kysely';
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
            change: JSON.stringify(change),
            user_id: by.id,
            user_name: by.name,
            at: now,
            conflict: extra.conflicts ? JSON.stringify(extra.conflicts) : null,
            resolution: extra.resolution ? JSON.stringify(extra.resolution) : null,
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

/** The log after version `since`, oldest first, at most PULL_LIMIT entries. */
export async function pullChanges(
  db: Kysely<Tables>,
  ws: string,
  since: number,
  limit = PULL_LIMIT,
): Promise<{ entries: LogEntry[]; version: number; more: boolean }> {
  const rows = await db
    .selectFrom('change_log')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where('version', '>', since)
    .orderBy('version')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const entries = rows.slice(0, limit).map((r): LogEntry => ({
    version: Number(r.version),
    change: JSON.parse(r.change) as Change,
    by: { id: r.user_id, name: r.user_name },
    at: r.at,
    ...(r.conflict ? { conflicts: JSON.parse(r.conflict) as Conflict[] } : {}),
    ...(r.resolution ? { resolution: JSON.parse(r.resolution) as Correction } : {}),
  }));
  return { entries, version: await currentVersion(db, ws), more };
}
