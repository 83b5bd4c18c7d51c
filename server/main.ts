/**
 * `npm start`: the dashboard and its team workspace on one port. Reads the settings (config.ts), opens the
 * database (SQLite file by default, PostgreSQL with DATABASE_URL), runs the migrations, and serves.
 */
import { serve } from '@hono/node-server';
import { readConfig } from './config';
import { startServer } from './server';

const config = readConfig();
const server = await startServer(config);
console.log(
  `Geobrief: ${config.publicUrl} (workspace on ${server.kind === 'postgres' ? 'PostgreSQL' : `SQLite, ${config.sqlitePath}`})`,
);
const http = serve({ fetch: server.app.fetch, port: config.port, hostname: config.host });

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    http.close();
    void server.close().then(() => process.exit(0));
    // Open event streams keep the server open: leave after a short grace.
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
