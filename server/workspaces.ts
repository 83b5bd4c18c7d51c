/**
 * Workspaces and their members: the membership of a user (one workspace each), the first account's workspace,
 * invite links. Roles are stored by better-auth's organization plugin (its member table); role changes and
 * removals go through its API (auth.api) so its own permission checks apply too.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ROLES, type Member, type Role, type Workspace } from '../src/model/workspace/protocol';
import type { Tables } from './db';
import type { Auth } from './auth';

export interface Membership {
  workspace: Workspace;
  memberId: string;
}

const asRole = (r: string): Role => ((ROLES as readonly string[]).includes(r) ? (r as Role) : 'viewer');

export async function membershipOf(db: Kysely<Tables>, userId: string): Promise<Membership | null> {
  const row = await db
    .selectFrom('member')
    .innerJoin('organization', 'organization.id', 'member.organizationId')
    .innerJoin('workspace_state', 'workspace_state.workspace_id', 'organization.id')
    .select([
      'member.id as memberId',
      'member.role as role',
      'organization.id as id',
      'organization.name as name',
      'workspace_state.viewers_approved_only as approvedOnly',
    ])
    .where('member.userId', '=', userId)
    .orderBy('member.createdAt')
    .executeTakeFirst();
  if (!row) return null;
  return {
    memberId: row.memberId,
    workspace: {
      id: row.id,
      name: row.name,
      role: asRole(row.role),
      viewersApprovedOnly: Number(row.approvedOnly) === 1,
    },
  };
}

/** A workspace owned by `userId` (better-auth makes the organization and the owner's membership). */
export async function createWorkspace(auth: Auth, db: Kysely<Tables>, userId: string, name: string): Promise<void> {
  const slug = `ws-${randomUUID().slice(0, 8)}`;
  const org = await auth.api.createOrganization({ body: { name, slug, userId } });
  if (!org) throw new Error('the workspace could not be made');
  await db
    .insertInto('workspace_state')
    .values({ workspace_id: org.id, version: 0, viewers_approved_only: 0 })
    .execute();
}

/** The first account on a server gets a workspace it owns; later accounts join by invite links. */
export async function firstAccountWorkspace(auth: Auth, db: Kysely<Tables>, userId: string): Promise<void> {
  const any = await db.selectFrom('organization').select('id').limit(1).executeTakeFirst();
  if (!any) await createWorkspace(auth, db, userId, 'Team workspace');
}

export async function membersOf(db: Kysely<Tables>, workspaceId: string): Promise<Member[]> {
  const rows = await db
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.userId')
    .select(['member.userId as userId', 'user.name as name', 'user.email as email', 'member.role as role'])
    .where('member.organizationId', '=', workspaceId)
    .orderBy('member.createdAt')
    .execute();
  return rows.map((r) => ({ userId: r.userId, name: r.name, email: r.email, role: asRole(r.role) }));
}

export const INVITE_DAYS = 7;

export async function createInvite(db: Kysely<Tables>, workspaceId: string, role: Role, by: string, now = new Date()) {
  const token = randomBytes(18).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString();
  await db
    .insertInto('invite')
    .values({
      token,
      workspace_id: workspaceId,
      role,
      created_by: by,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, role, expiresAt };
}

export type AcceptResult = 'joined' | 'unknown' | 'expired' | 'member-elsewhere';

export async function acceptInvite(
  auth: Auth,
  db: Kysely<Tables>,
  token: string,
  userId: string,
  now = new Date(),
): Promise<AcceptResult> {
  const invite = await db.selectFrom('invite').selectAll().where('token', '=', token).executeTakeFirst();
  if (!invite) return 'unknown';
  if (invite.expires_at < now.toISOString()) return 'expired';
  const current = await membershipOf(db, userId);
  if (current) return current.workspace.id === invite.workspace_id ? 'joined' : 'member-elsewhere';
  await auth.api.addMember({ body: { userId, role: asRole(invite.role), organizationId: invite.workspace_id } });
  await db
    .updateTable('invite')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('token', '=', token)
    .execute();
  return 'joined';
}
