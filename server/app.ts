/**
 * The workspace server's routes (Hono): better-auth under /api/auth, the workspace API under /api/workspace
 * (see the table in README's "Team workspace"), and the built dashboard. Every body is checked with the
 * protocol's zod schemas (400 naming the field), bodies are capped (413), changes need JSON (415), a request
 * from another site is refused (403), and every answer carries the security headers; nothing here renders user
 * text as HTML (the API answers JSON only).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { streamSSE } from 'hono/streaming';
import { serveStatic } from '@hono/node-server/serve-static';
import type { z } from '../src/model/dataset/zod';
import {
  InviteRequestSchema,
  PULL_LIMIT,
  PULL_MAX_LIMIT,
  PULL_NEXT_HEADER,
  PushRequestSchema,
  RoleChangeSchema,
  SettingsSchema,
  WorkspaceNameSchema,
  type Me,
  type Person,
} from '../src/model/workspace/protocol';
import type { Db } from './db';
import { pageOrigins } from './config';
import { exportWorkspace } from './export';
import type { Auth } from './auth';
import type { Hub } from './events';
import { currentVersion, pullText, pushChanges } from './sync';
import { acceptInvite, createInvite, createWorkspace, membersOf, membershipOf, type Membership } from './workspaces';

export interface AppDeps {
  d: Db;
  auth: Auth;
  hub: Hub;
  publicUrl: string;
  staticDir: string;
}

/** Pushes carry whole articles; 2 MB holds a long one many times over. Everything else is small. */
export const PUSH_BODY_LIMIT = 2 * 1024 * 1024;
export const BODY_LIMIT = 16 * 1024;

type Vars = { Variables: { person: Person; membership: Membership } };

const fail = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415, error: string, field?: string) =>
  c.json(field ? { error, field } : { error }, status);

/** The body as JSON checked by `schema`, or the answer naming what is wrong. */
async function body<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: fail(c, 400, 'the body is not valid JSON') };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data as z.infer<S> };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.');
  return { ok: false, response: fail(c, 400, `${field || 'body'}: ${issue.message}`, field || undefined) };
}

/** The page's CSP, as the build wrote it into index.html (one home: vite.config.ts), sent as a header too. */
function pageCsp(staticDir: string): string {
  const index = join(staticDir, 'index.html');
  if (!existsSync(index)) return "default-src 'self'";
  const m = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(index, 'utf8'));
  const unescape = (v: string) =>
    v
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  return m?.[1] ? unescape(m[1]) : "default-src 'self'";
}

export function createApp(deps: AppDeps): Hono<Vars> {
  const { d, auth, hub } = deps;
  const origins = pageOrigins(deps.publicUrl);
  const app = new Hono<Vars>();
  const csp = pageCsp(deps.staticDir);

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: undefined,
      crossOriginEmbedderPolicy: false,
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    c.header('Cache-Control', 'no-store');
  });

  // Another site's page cannot make changes with the user's cookie: the browser names the page's origin.
  app.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const from = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      if ((from && !origins.includes(from)) || site === 'cross-site')
        return fail(c, 403, 'requests from another site are refused');
    }
    return next();
  });
  const tooBig = (c: Context) => fail(c, 413, 'the request body is too large');
  app.post('/api/workspace/changes', bodyLimit({ maxSize: PUSH_BODY_LIMIT, onError: tooBig }));
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.path === '/api/workspace/changes') return next();
    return bodyLimit({ maxSize: BODY_LIMIT, onError: tooBig })(c, next);
  });
  app.use('/api/workspace/*', async (c, next) => {
    const method = c.req.method;
    if (method === 'POST' || method === 'PATCH' || method === 'PUT' || method === 'DELETE') {
      const type = c.req.header('content-type') ?? '';
      if (method !== 'DELETE' && !type.startsWith('application/json')) {
        return fail(c, 415, 'send the body as JSON (content-type: application/json)');
      }
    }
    return next();
  });

  app.on(['GET', 'POST'], '/api/auth/*', (c) => auth.handler(c.req.raw));

  app.get('/api/workspace/health', async (c) => {
    await d.db.selectFrom('workspace_state').select('workspace_id').limit(1).execute();
    return c.json({ ok: true, database: d.kind });
  });

  const personOf = async (c: Context): Promise<Person | null> => {
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    return session ? { id: session.user.id, name: session.user.name || session.user.email } : null;
  };

  /** The signed-in person and their workspace, as the page reads them (`Me`). */
  const meOf = async (c: Context): Promise<Me> => {
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    if (!session) return { user: null, workspace: null };
    const m = await membershipOf(d.db, session.user.id);
    const user = { id: session.user.id, name: session.user.name, email: session.user.email };
    return { user, workspace: m?.workspace ?? null };
  };

  app.get('/api/workspace/me', async (c) => c.json(await meOf(c)));

  app.post('/api/workspace', async (c) => {
    const person = await personOf(c);
    if (!person) return fail(c, 401, 'sign in first');
    const parsed = await body(c, WorkspaceNameSchema);
    if (!parsed.ok) return parsed.response;
    if (await membershipOf(d.db, person.id)) return fail(c, 409, 'you are already a member of a workspace');
    await createWorkspace(auth, d.db, person.id, parsed.value.name);
    return c.json(await meOf(c));
  });

  app.post('/api/workspace/invites/:token/accept', async (c) => {
    const person = await personOf(c);
    if (!person) return fail(c, 401, 'sign in first, then open the invite link again');
    const result = await acceptInvite(auth, d.db, c.req.param('token'), person.id);
    if (result === 'unknown') return fail(c, 404, 'this invite link is not known here');
    if (result === 'expired') return fail(c, 410, 'this invite link has expired: ask for a new one');
    if (result === 'member-elsewhere') return fail(c, 409, 'you are already a member of another workspace');
    return c.json(await meOf(c));
  });

  // Everything below: a member of a workspace; the workspace is the member's own, never named by the request.
  const member = new Hono<Vars>();
  member.use('*', async (c, next) => {
    const person = await personOf(c);
    if (!person) return fail(c, 401, 'sign in to use the workspace');
    const m = await membershipOf(d.db, person.id);
    if (!m) return fail(c, 403, 'you are not a member of a workspace: open an invite link');
    c.set('person', person);
    c.set('membership', m);
    return next();
  });
  /** A member of this workspace (never of another), by user id. */
  const memberIn = (ws: string, userId: string) =>
    d.db
      .selectFrom('member')
      .select('id')
      .where('organizationId', '=', ws)
      .where('userId', '=', userId)
      .executeTakeFirst();
  const ownerOnly = (c: Context<Vars>) =>
    c.get('membership').workspace.role === 'owner' ? null : fail(c, 403, 'only the owner can do this');

  // The log since a version, in pages of `limit` entries (default PULL_LIMIT, at most PULL_MAX_LIMIT): the answer's
  // JSON is made from the stored JSON (sync.ts pullText); with `more`, a header names where the next page starts.
  member.get('/changes', async (c) => {
    const raw = c.req.query('since') ?? '0';
    if (!/^\d{1,15}$/.test(raw)) return fail(c, 400, 'since: expected a version (a whole number ≥ 0)', 'since');
    const rawLimit = c.req.query('limit');
    const limit = rawLimit === undefined ? PULL_LIMIT : /^\d{1,6}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= PULL_MAX_LIMIT)) {
      return fail(c, 400, `limit: expected a whole number from 1 to ${PULL_MAX_LIMIT}`, 'limit');
    }
    const page = await pullText(d.db, c.get('membership').workspace.id, Number(raw), limit);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (page.more) headers[PULL_NEXT_HEADER] = String(page.last);
    return c.body(page.json, 200, headers);
  });

  member.post('/changes', async (c) => {
    const parsed = await body(c, PushRequestSchema);
    if (!parsed.ok) return parsed.response;
    const m = c.get('membership');
    const out = await pushChanges(d.db, m.workspace.id, c.get('person'), m.workspace.role, parsed.value.changes);
    if (out.applied.length > 0) await hub.announce(m.workspace.id, Math.max(...out.applied));
    const roleRefused = out.results.every((r) => r.status === 'refused') && m.workspace.role === 'viewer';
    return c.json({ results: out.results, version: out.version }, roleRefused ? 403 : 200);
  });

  member.get('/events', (c) => {
    const ws = c.get('membership').workspace.id;
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | undefined;
      let latest = await currentVersion(d.db, ws);
      let sent = -1;
      const stop = hub.watch(ws, (v) => {
        latest = Math.max(latest, v);
        wake?.();
      });
      stream.onAbort(() => {
        stop();
        wake?.();
      });
      while (!stream.aborted) {
        if (latest !== sent) {
          sent = latest;
          await stream.writeSSE({ event: 'version', data: JSON.stringify({ version: latest }) });
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 25_000);
        });
        if (latest === sent && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
      stop();
    });
  });

  member.get('/members', async (c) => c.json({ members: await membersOf(d.db, c.get('membership').workspace.id) }));

  member.patch('/members/:userId', async (c) => {
    const refused = ownerOnly(c);
    if (refused) return refused;
    const parsed = await body(c, RoleChangeSchema);
    if (!parsed.ok) return parsed.response;
    const ws = c.get('membership').workspace.id;
    const target = await memberIn(ws, c.req.param('userId'));
    if (!target) return fail(c, 404, 'no such member in this workspace');
    if (c.req.param('userId') === c.get('person').id && parsed.value.role !== 'owner') {
      return fail(c, 409, 'the owner cannot change their own role');
    }
    await auth.api.updateMemberRole({
      headers: c.req.raw.headers,
      body: { memberId: target.id, role: parsed.value.role, organizationId: ws },
    });
    return c.json({ members: await membersOf(d.db, ws) });
  });

  member.delete('/members/:userId', async (c) => {
    const refused = ownerOnly(c);
    if (refused) return refused;
    const ws = c.get('membership').workspace.id;
    if (c.req.param('userId') === c.get('person').id) return fail(c, 409, 'the owner cannot remove themselves');
    const target = await memberIn(ws, c.req.param('userId'));
    if (!target) return fail(c, 404, 'no such member in this workspace');
    await auth.api.removeMember({
      headers: c.req.raw.headers,
      body: { memberIdOrEmail: target.id, organizationId: ws },
    });
    return c.json({ members: await membersOf(d.db, ws) });
  });

  member.post('/invites', async (c) => {
    const refused = ownerOnly(c);
    if (refused) return refused;
    const parsed = await body(c, InviteRequestSchema);
    if (!parsed.ok) return parsed.response;
    return c.json(await createInvite(d.db, c.get('membership').workspace.id, parsed.value.role, c.get('person').id));
  });

  member.patch('/settings', async (c) => {
    const refused = ownerOnly(c);
    if (refused) return refused;
    const parsed = await body(c, SettingsSchema);
    if (!parsed.ok) return parsed.response;
    const ws = c.get('membership').workspace.id;
    await d.db
      .updateTable('workspace_state')
      .set({ viewers_approved_only: parsed.value.viewersApprovedOnly ? 1 : 0 })
      .where('workspace_id', '=', ws)
      .execute();
    return c.json(await meOf(c));
  });

  member.get('/export', async (c) => {
    const { workspace } = c.get('membership');
    const file = await exportWorkspace(d.db, workspace.id, workspace.name);
    const day = new Date().toISOString().slice(0, 10);
    c.header('Content-Disposition', `attachment; filename="geobrief-workspace-${day}.json"`);
    return c.json(file);
  });

  app.route('/api/workspace', member);
  app.all('/api/*', (c) => fail(c, 404, `no such API: ${c.req.method} ${c.req.path}`));

  // The built dashboard: hashed assets kept for a year, the page and the service worker always revalidated.
  app.use('*', async (c, next) => {
    await next();
    if (c.res.headers.get('content-type')?.startsWith('text/html')) c.header('Content-Security-Policy', csp);
    const p = c.req.path;
    if (p.startsWith('/assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    else c.header('Cache-Control', 'no-cache');
  });
  if (existsSync(deps.staticDir)) {
    app.use('*', serveStatic({ root: deps.staticDir }));
    app.get('*', serveStatic({ root: deps.staticDir, path: 'index.html' }));
  }
  return app;
}
