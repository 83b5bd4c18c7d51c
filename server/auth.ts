/**
 * People and their sessions: better-auth (email and password, hashed with scrypt; sessions in the database;
 * its CSRF check on every cookie-carrying request; sign-in rate-limited per address) with its organization
 * plugin for workspaces, members and their roles. The roles are the protocol's (owner, analyst, reviewer,
 * viewer); what each may change is the protocol's one table (`CAN`), checked by sync.ts on every change.
 */
import { betterAuth } from 'better-auth';
import { organization } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements, ownerAc } from 'better-auth/plugins/organization/access';
import type { Kysely } from 'kysely';
import type { DbKind } from './db';
import { pageOrigins } from './config';

const statements = { ...defaultStatements } as const;
const ac = createAccessControl(statements);

/** Only the owner manages the workspace and its members; the other roles' rights are the protocol's table. */
const roles = {
  owner: ac.newRole({ ...ownerAc.statements }),
  analyst: ac.newRole({}),
  reviewer: ac.newRole({}),
  viewer: ac.newRole({}),
};

export interface AuthOptions {
  db: Kysely<never>;
  kind: DbKind;
  secret: string;
  publicUrl: string;
  signInLimit: number;
  /** After an account is made (the first one gets a workspace). */
  onUserCreated: (userId: string) => Promise<void>;
}

export function makeAuth(o: AuthOptions) {
  return betterAuth({
    appName: 'Geobrief',
    secret: o.secret,
    baseURL: o.publicUrl,
    basePath: '/api/auth',
    trustedOrigins: pageOrigins(o.publicUrl),
    database: { db: o.db, type: o.kind },
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, cookieCache: { enabled: true, maxAge: 60 } },
    rateLimit: {
      enabled: o.signInLimit > 0,
      storage: 'database',
      window: 60,
      max: 600,
      customRules: {
        '/sign-in/email': { window: 60, max: o.signInLimit },
        '/sign-up/email': { window: 60, max: o.signInLimit },
      },
    },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await o.onUserCreated(user.id);
          },
        },
      },
    },
    advanced: { useSecureCookies: o.publicUrl.startsWith('https://') },
    telemetry: { enabled: false },
    plugins: [
      organization({
        ac,
        roles,
        creatorRole: 'owner',
        // Workspaces are made by the server (the first account's) and joined by invite links.
        allowUserToCreateOrganization: false,
      }),
    ],
  });
}

export type Auth = ReturnType<typeof makeAuth>;
