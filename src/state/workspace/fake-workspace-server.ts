/**
 * For tests: a workspace server in memory behind `fetch`, answering the API of docs (workspace-api.md) closely
 * enough for the page's sync: health, me, sign-in, changes (push with duplicates and refusals, pull with `limit`,
 * `more` and the header naming where the next page starts), members (with removal), invites (404 unknown, 410
 * expired), making a workspace. Two people: Ana (ana@example.org) and Ben (ben@example.org), both in "Team
 * workspace" unless `noWorkspace`. Install it with `vi.stubGlobal('fetch', server.fetch)`.
 */
import {
  PULL_LIMIT,
  PULL_MAX_LIMIT,
  PULL_NEXT_HEADER,
  type Change,
  type LogEntry,
  type Me,
  type Role,
} from '../../model/workspace/protocol';

export interface FakeServer {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  log: LogEntry[];
  /** Every change id the server was sent, in order (resends included). */
  received: string[];
  me: Me;
  /** Answer pulls in pages of at most this many entries (and at most the `limit` asked for). */
  pageSize: number;
  /** Every pull asked for, in order. */
  pulls: { since: number; limit: number }[];
  /** The header naming where the next page starts: as the server sends it, left out, or naming a wrong version. */
  nextHeader: 'right' | 'none' | 'wrong';
  /** Refuse pushes of this role's changes ("viewers cannot make changes"). */
  refuseAll: boolean;
  /** Answer the next N pushes with a 500. */
  failPushes: number;
  passwords: Record<string, string>;
  rateLimited: boolean;
  /** Who signs in has no workspace yet (POST /api/workspace makes one). */
  noWorkspace: boolean;
  /** Answer the next sign-out with a 500. */
  failSignOut: boolean;
  members: { userId: string; name: string; email: string; role: Role }[];
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function fakeWorkspaceServer(role: Role = 'analyst'): FakeServer {
  const server: FakeServer = {
    log: [],
    received: [],
    me: { user: null, workspace: null },
    pageSize: PULL_MAX_LIMIT,
    pulls: [],
    nextHeader: 'right',
    refuseAll: false,
    failPushes: 0,
    passwords: { 'ana@example.org': 'correct horse', 'ben@example.org': 'battery staple' },
    rateLimited: false,
    noWorkspace: false,
    failSignOut: false,
    members: [
      { userId: 'user-ana', name: 'Ana', email: 'ana@example.org', role },
      { userId: 'user-ben', name: 'Ben', email: 'ben@example.org', role: 'analyst' },
    ],
    fetch: async (input, init) => {
      // A base only to read relative paths: nothing is requested, this fetch answers in memory.
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        'http://127.0.0.1',
      );
      const method = init?.method ?? 'GET';
      const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
      const path = url.pathname;
      if (path === '/api/workspace/health') return json({ ok: true, database: 'sqlite' });
      if (path === '/api/auth/sign-in/email') {
        if (server.rateLimited) return json({ error: 'Too many requests' }, 429);
        if (server.passwords[String(body['email'])] !== body['password'])
          return json({ error: 'Invalid email or password' }, 401);
        const ben = body['email'] === 'ben@example.org';
        server.me = {
          user: { id: ben ? 'user-ben' : 'user-ana', name: ben ? 'Ben' : 'Ana', email: String(body['email']) },
          workspace: server.noWorkspace
            ? null
            : { id: 'ws-1', name: 'Team workspace', role: ben ? 'analyst' : role, viewersApprovedOnly: false },
        };
        return json({ user: server.me.user });
      }
      if (path === '/api/auth/sign-out') {
        if (server.failSignOut) {
          server.failSignOut = false;
          return json({ error: 'database is locked' }, 500);
        }
        server.me = { user: null, workspace: null };
        return json({});
      }
      if (path === '/api/workspace/me') return json(server.me);
      if (!server.me.user) return json({ error: 'not signed in' }, 401);
      if (path === '/api/workspace/changes' && method === 'GET') {
        const since = Number(url.searchParams.get('since'));
        const limit = Number(url.searchParams.get('limit') ?? PULL_LIMIT);
        if (!Number.isInteger(limit) || limit < 1 || limit > PULL_MAX_LIMIT) {
          return json({ error: `limit: expected a whole number from 1 to ${PULL_MAX_LIMIT}`, field: 'limit' }, 400);
        }
        server.pulls.push({ since, limit });
        const after = server.log.filter((e) => e.version > since);
        const entries = after.slice(0, Math.min(limit, server.pageSize));
        const more = after.length > entries.length;
        const response = json({ entries, version: server.log.at(-1)?.version ?? 0, more });
        const last = entries.at(-1)?.version ?? since;
        if (more && server.nextHeader !== 'none') {
          response.headers.set(PULL_NEXT_HEADER, String(server.nextHeader === 'wrong' ? last + 1 : last));
        }
        return response;
      }
      if (path === '/api/workspace/changes' && method === 'POST') {
        if (server.failPushes > 0) {
          server.failPushes--;
          return json({ error: 'database is locked' }, 500);
        }
        const changes = body['changes'] as Change[];
        const results = changes.map((change) => {
          server.received.push(change.id);
          if (server.refuseAll)
            return { id: change.id, status: 'refused' as const, reason: 'viewers cannot make changes' };
          if (server.log.some((e) => e.change.id === change.id)) return { id: change.id, status: 'duplicate' as const };
          const version = (server.log.at(-1)?.version ?? 0) + 1;
          server.log.push({
            version,
            change,
            by: { id: server.me.user!.id, name: server.me.user!.name },
            at: new Date(Date.UTC(2025, 2, 1, 10, version)).toISOString(),
          });
          return { id: change.id, status: 'applied' as const, version };
        });
        return json({ results, version: server.log.at(-1)?.version ?? 0 }, server.refuseAll ? 403 : 200);
      }
      if (path === '/api/workspace' && method === 'POST') {
        server.me = {
          user: server.me.user,
          workspace: { id: 'ws-2', name: String(body['name']), role: 'owner', viewersApprovedOnly: false },
        };
        return json(server.me);
      }
      if (path.startsWith('/api/workspace/invites/') && path.endsWith('/accept')) {
        if (path.includes('expired')) return json({ error: 'this invite has expired' }, 410);
        return json({ error: 'no such invite' }, 404);
      }
      if (path === '/api/workspace/members') return json({ members: server.members });
      if (path.startsWith('/api/workspace/members/') && method === 'DELETE') {
        const id = decodeURIComponent(path.split('/').at(-1)!);
        server.members = server.members.filter((m) => m.userId !== id);
        return json({ members: server.members });
      }
      if (path === '/api/workspace/invites' && method === 'POST') {
        return json({ token: 'tok-123456789', role: body['role'], expiresAt: '2025-03-08T10:00:00.000Z' });
      }
      return json({ error: 'not found' }, 404);
    },
  };
  return server;
}
