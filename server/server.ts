/**
 * The server as a value: database opened and migrated, auth, change announcements and routes, ready to
 * serve (main.ts) or to call in tests (app.request) without a port.
 */
import type { Config } from './config';
import { openDb, type DbKind } from './db';
import { migrate } from './migrate';
import { makeAuth } from './auth';
import { makeHub } from './events';
import { createApp } from './app';
import { firstAccountWorkspace } from './workspaces';

export interface Running {
  kind: DbKind;
  app: ReturnType<typeof createApp>;
  close: () => Promise<void>;
}

export async function startServer(config: Config): Promise<Running> {
  const d = openDb({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  await migrate(d);
  const auth = makeAuth({
    db: d.db as never,
    kind: d.kind,
    secret: config.secret,
    publicUrl: config.publicUrl,
    signInLimit: config.signInLimit,
    onUserCreated: (userId) => firstAccountWorkspace(auth, d.db, userId),
  });
  const hub = await makeHub(d.pool);
  const app = createApp({ d, auth, hub, publicUrl: config.publicUrl, staticDir: config.staticDir });
  return {
    kind: d.kind,
    app,
    close: async () => {
      await hub.close();
      await d.close();
    },
  };
}
