/**
 * "The workspace moved to version N", to every browser watching it (server-sent events). One process: an
 * in-memory fan-out. Several processes behind one PostgreSQL: each change is announced with NOTIFY after its
 * commit, and every process LISTENs and passes it to its own watchers, so a browser connected to any process
 * hears of a change pushed to any other.
 */
import { EventEmitter } from 'node:events';
import type pg from 'pg';

const CHANNEL = 'geobrief_workspace';

export interface Hub {
  announce: (workspaceId: string, version: number) => Promise<void>;
  watch: (workspaceId: string, listener: (version: number) => void) => () => void;
  close: () => Promise<void>;
}

export async function makeHub(pool?: pg.Pool): Promise<Hub> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const emit = (ws: string, version: number) => local.emit(ws, version);
  let listener: pg.PoolClient | undefined;
  if (pool) {
    listener = await pool.connect();
    listener.on('notification', (n) => {
      const [ws, v] = (n.payload ?? '').split(' ');
      if (ws && v) emit(ws, Number(v));
    });
    await listener.query(`LISTEN ${CHANNEL}`);
  }
  return {
    async announce(ws, version) {
      if (pool) await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, `${ws} ${version}`]);
      else emit(ws, version);
    },
    watch(ws, fn) {
      local.on(ws, fn);
      return () => local.off(ws, fn);
    },
    async close() {
      local.removeAllListeners();
      if (listener) {
        await listener.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
        listener.release();
      }
    },
  };
}
