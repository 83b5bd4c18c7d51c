/**
 * The workspace server's HTTP API (see server/ and src/model/workspace/protocol.ts), as typed calls: every
 * answer is checked with the protocol's schemas, and every failure is a `WorkspaceApiError` whose message
 * says what failed in words a person can act on ("Wrong email or password", "Too many attempts…").
 */
import type { z } from '../../model/dataset/zod';
import {
  ErrorSchema,
  InviteSchema,
  MembersResponseSchema,
  MeSchema,
  PULL_MAX_LIMIT,
  PULL_NEXT_HEADER,
  PullResponseSchema,
  PushResponseSchema,
  type Change,
  type Invite,
  type Me,
  type Member,
  type PullResponse,
  type PushResponse,
  type Role,
} from '../../model/workspace/protocol';

export class WorkspaceApiError extends Error {
  override name = 'WorkspaceApiError';
  constructor(
    message: string,
    /** The HTTP status, or 0 when the server could not be reached or answered something else. */
    readonly status: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

type Schema<T> = z.ZodMiniType<T>;

const WORDS: Record<number, string> = {
  401: 'you are not signed in',
  403: 'your role does not allow this',
  404: 'not found',
  409: 'it conflicts with what is there',
  410: 'it has expired',
  413: 'it is too big',
  429: 'too many attempts: wait a minute and try again',
};

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new WorkspaceApiError(
      `The workspace server cannot be reached (${String((error as Error)?.message ?? error)})`,
      0,
    );
  }
}

async function json(response: Response): Promise<unknown> {
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Calls the API; the answer checked with `schema` (`what` names the call in a message). */
async function call<T>(what: string, method: string, path: string, schema: Schema<T>, body?: unknown): Promise<T> {
  return answer(what, await send(method, path, body), schema);
}

/** Reads an answer: checked with `schema`, or a `WorkspaceApiError` saying what failed. */
async function answer<T>(what: string, response: Response, schema: Schema<T>): Promise<T> {
  const data = await json(response);
  if (!response.ok) {
    const error = ErrorSchema.safeParse(data);
    const reason = error.success
      ? error.data.error
      : (WORDS[response.status] ?? `the server answered ${response.status}`);
    throw new WorkspaceApiError(
      `${what} failed: ${reason}`,
      response.status,
      error.success ? error.data.field : undefined,
    );
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkspaceApiError(
      `${what} failed: the server's answer was not understood (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'not JSON'})`,
      0,
    );
  }
  return parsed.data;
}

/** Is there a workspace server? (probe.ts: the one check, also used before this code loads.) */
export { checkHealth } from './probe';

const Anything = { safeParse: (data: unknown) => ({ success: true as const, data }) } as unknown as Schema<unknown>;

/** Signs in; the session is a cookie. A wrong password and too many attempts are said as such. */
export async function signIn(email: string, password: string): Promise<void> {
  try {
    await call('Sign in', 'POST', '/api/auth/sign-in/email', Anything, { email, password });
  } catch (error) {
    if (error instanceof WorkspaceApiError && error.status === 401) {
      throw new WorkspaceApiError('Wrong email or password', 401);
    }
    if (error instanceof WorkspaceApiError && error.status === 429) {
      throw new WorkspaceApiError('Too many attempts to sign in: wait a minute and try again', 429);
    }
    throw error;
  }
}

export async function createAccount(name: string, email: string, password: string): Promise<void> {
  await call('Creating the account', 'POST', '/api/auth/sign-up/email', Anything, { email, password, name });
}

export async function signOut(): Promise<void> {
  await call('Sign out', 'POST', '/api/auth/sign-out', Anything, {});
}

export const fetchMe = (): Promise<Me> => call('Reading who you are', 'GET', '/api/workspace/me', MeSchema);

/** One page of the log: where the next one starts (known as soon as the answer begins), and the answer itself. */
export interface PullPage {
  /** The version the server says the next page starts after (PULL_NEXT_HEADER), or null (no `more`, or not said). */
  next: number | null;
  /** The page, read and checked with the protocol's schemas. */
  answer: Promise<PullResponse>;
}

/**
 * The log since a version, in pages of up to `limit` entries (`more`: pull again after the last entry's version).
 * Resolves when the answer begins, so that the next page can be asked for while this one is still read and
 * checked; a failure to reach the server rejects it, a failed answer rejects `answer`.
 */
export async function pullPage(since: number, limit = PULL_MAX_LIMIT): Promise<PullPage> {
  const response = await send('GET', `/api/workspace/changes?since=${since}&limit=${limit}`);
  const header = response.ok ? response.headers.get(PULL_NEXT_HEADER) : null;
  const next = header !== null && /^\d{1,15}$/.test(header) ? Number(header) : null;
  const page = answer('Pulling changes', response, PullResponseSchema);
  // Handled here too, so that a page read ahead and then not wanted cannot fail unheard; awaiting it still throws.
  page.catch(() => undefined);
  return { next, answer: page };
}

/** Pushes changes; a 403 whose answer still says, change by change, what was refused is an answer too. */
export async function pushChanges(changes: readonly Change[]): Promise<PushResponse> {
  const response = await send('POST', '/api/workspace/changes', { changes });
  const data = await json(response);
  const parsed = PushResponseSchema.safeParse(data);
  if (parsed.success && (response.ok || response.status === 403)) return parsed.data;
  const error = ErrorSchema.safeParse(data);
  const reason = error.success
    ? error.data.error
    : (WORDS[response.status] ?? `the server answered ${response.status}`);
  throw new WorkspaceApiError(`Sending changes failed: ${reason}`, response.ok ? 0 : response.status);
}

const members = (r: { members: Member[] }) => r.members;

export const fetchMembers = () =>
  call('Reading the members', 'GET', '/api/workspace/members', MembersResponseSchema).then(members);

export const setMemberRole = (userId: string, role: Role) =>
  call('Changing the role', 'PATCH', `/api/workspace/members/${encodeURIComponent(userId)}`, MembersResponseSchema, {
    role,
  }).then(members);

export const removeMember = (userId: string) =>
  call(
    'Removing the member',
    'DELETE',
    `/api/workspace/members/${encodeURIComponent(userId)}`,
    MembersResponseSchema,
  ).then(members);

export const createInvite = (role: Role): Promise<Invite> =>
  call('Making an invite link', 'POST', '/api/workspace/invites', InviteSchema, { role });

export async function acceptInvite(token: string): Promise<Me> {
  try {
    return await call(
      'Joining the workspace',
      'POST',
      `/api/workspace/invites/${encodeURIComponent(token)}/accept`,
      MeSchema,
      {},
    );
  } catch (error) {
    if (error instanceof WorkspaceApiError && error.status === 404) {
      throw new WorkspaceApiError('Joining the workspace failed: this invite link is not known', 404);
    }
    if (error instanceof WorkspaceApiError && error.status === 410) {
      throw new WorkspaceApiError('Joining the workspace failed: this invite link has expired; ask for a new one', 410);
    }
    throw error;
  }
}

export const createWorkspace = (name: string): Promise<Me> =>
  call('Making a workspace', 'POST', '/api/workspace', MeSchema, { name });

export const saveSettings = (viewersApprovedOnly: boolean): Promise<Me> =>
  call('Saving the settings', 'PATCH', '/api/workspace/settings', MeSchema, { viewersApprovedOnly });

/** The invite link a person opens to join: `<origin>/?join=<token>`. */
export const inviteLink = (origin: string, token: string) => `${origin}/?join=${encodeURIComponent(token)}`;
