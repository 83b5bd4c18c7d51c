/**
 * The sync: sends the outbox (in turns of at most PUSH_LIMIT changes) and pulls what changed since the last
 * version it has (in big pages, again while the server says there is more, asking for the next page while it
 * reads one), keeping what it pulled (outbox.ts, written once at the end) so that the fold is rebuilt after a
 * reload. A failure is said ("Sync failed — retrying") and tried again later, waiting longer each time (at most a
 * minute). The server's events (/api/workspace/events) and the browser coming back online start a sync at once.
 *
 * A change the server refused (e.g. a role changed meanwhile) leaves the outbox and goes to "not applied",
 * with the server's reason (kept in storage until dismissed); one answered "duplicate" was applied before (a
 * resend) and simply leaves the outbox. Only the signed-in person's changes are sent: what another account made on
 * this browser waits for it (counted as `othersWaiting`).
 */
import { PUSH_LIMIT, type Change, type LogEntry } from '../../model/workspace/protocol';
import { pullPage, pushChanges, WorkspaceApiError } from './workspace-api';
import { readSync, removeFromOutbox, waitingSplit, writeNotApplied, writeSync, type Maker } from './outbox';
import { useWorkspace, type NotApplied } from './workspace-store';

export interface SyncEngine {
  /** Sends and pulls now (one run at a time: a call during a run makes one more run after it). */
  syncNow: () => Promise<void>;
  /** The log pulled so far, oldest first. */
  log: () => readonly LogEntry[];
  stop: () => void;
}

export interface SyncHooks {
  /** The signed-in person and their workspace: only the changes they made are sent. */
  maker: Maker;
  /** The log or the outbox changed: fold again and show it (`waiting`: the signed-in person's changes). */
  onChange: (log: readonly LogEntry[], waiting: readonly Change[]) => void | Promise<void>;
  /** The server says the session is gone. */
  onSignedOut: () => void;
}

/** What a refused change was, in words. */
export function changeWords(change: Change): string {
  switch (change.type) {
    case 'pack.put':
      return `Adding “${change.pack.source.title}”`;
    case 'pack.remove':
      return `Removing the article ${change.packId}`;
    case 'correction':
      return `A correction of the ${change.correction.kind} ${change.correction.itemId} (${change.correction.changes.map((c) => c.field).join(', ')})`;
    case 'correction.undo':
      return 'Undoing a correction';
    case 'measure.create':
      return `Making the measure “${change.measure.measure.label}”`;
    case 'merge':
      return `Merging the measure ${change.merge.from} into ${change.merge.into}`;
    case 'merge.undo':
      return 'Undoing a merge of measures';
    case 'briefing.save':
      return `Saving the briefing “${change.briefing.name}”`;
    case 'briefing.remove':
      return `Deleting the briefing ${change.briefingId}`;
    case 'approve':
      return `Approving the ${change.item.kind} ${change.item.id}`;
    case 'conflict.resolve':
      return 'Resolving a conflict';
  }
}

const MAX_BACKOFF_MS = 60_000;

/**
 * Pulls the log after version `since`, page after page, into `pulled` (returned): each page's entries after the
 * last version held, in order (an entry not after the last one is dropped, so nothing is doubled). When the server
 * says where the next page starts, that page is asked for while this one is read and checked, and used only if
 * this page ends there. On a failure, what was pulled before it stays in `pulled`.
 */
export async function pullSince(since: number, pulled: LogEntry[] = []): Promise<LogEntry[]> {
  let last = since;
  let page = await pullPage(last);
  for (;;) {
    const next = page.next;
    const ahead = next !== null && next > last ? pullPage(next) : null;
    // Handled now (awaiting it later still throws): a page read ahead and then not wanted fails unheard.
    ahead?.catch(() => undefined);
    const answer = await page.answer;
    let fresh = 0;
    for (const entry of answer.entries) {
      if (entry.version <= last) continue;
      pulled.push(entry);
      last = entry.version;
      fresh++;
    }
    if (!answer.more || fresh === 0) return pulled;
    page = ahead && next === last ? await ahead : await pullPage(last);
  }
}

export async function startSyncEngine(hooks: SyncHooks): Promise<SyncEngine> {
  const kept = await readSync().catch(() => null);
  const { maker } = hooks;
  const fresh = !kept || kept.workspaceId !== maker.workspaceId;
  let log: LogEntry[] = fresh ? [] : kept.log;
  let version = fresh ? 0 : kept.version;
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let events: EventSource | null = null;
  let stopped = false;
  /** The failure this sync said last: a success takes it away (and only it: another, e.g. an invite's, stays). */
  let said: string | null = null;
  const set = useWorkspace.setState;
  const say = (lastError: string | null) => {
    if (lastError !== null || useWorkspace.getState().lastError === said) set({ lastError });
    said = lastError;
  };

  const waiting = async () => {
    const { mine, others } = await waitingSplit(maker);
    set({ waiting: mine.length, othersWaiting: others });
    return mine;
  };
  const report = async () => hooks.onChange(log, await waiting());

  const push = async () => {
    for (;;) {
      const mine = await waiting();
      if (mine.length === 0) return;
      const batch = mine.slice(0, PUSH_LIMIT);
      const answer = await pushChanges(batch);
      const done = new Set<string>();
      const refused: NotApplied[] = [];
      for (const result of answer.results) {
        done.add(result.id);
        if (result.status !== 'refused') continue;
        const change = batch.find((c) => c.id === result.id);
        refused.push({
          id: result.id,
          what: change ? changeWords(change) : result.id,
          reason: result.reason ?? 'refused by the server',
          at: change?.at ?? new Date().toISOString(),
        });
      }
      // A change the server did not answer for stays in the outbox; stop rather than send it forever.
      if (done.size === 0)
        throw new WorkspaceApiError('Sending changes failed: the server answered for none of them', 0);
      // Kept as "not applied" before leaving the outbox: a reload in between loses neither.
      if (refused.length > 0) {
        set((s) => ({ notApplied: [...s.notApplied.filter((n) => !done.has(n.id)), ...refused] }));
        await writeNotApplied(maker.userId, useWorkspace.getState().notApplied);
      }
      await removeFromOutbox([...done]);
    }
  };

  const pull = async () => {
    const pulled: LogEntry[] = [];
    try {
      await pullSince(version, pulled);
    } finally {
      // What was pulled is kept even if a later page failed; it is written to storage once, after the last page.
      if (pulled.length > 0) {
        log = log.concat(pulled);
        version = pulled.at(-1)!.version;
      }
    }
    if (pulled.length > 0) await writeSync({ workspaceId: maker.workspaceId, version, log });
  };

  const run = async () => {
    if (stopped) return;
    clearTimeout(retry);
    if (!useWorkspace.getState().online) {
      await report();
      return;
    }
    set({ phase: 'syncing' });
    try {
      await push();
      await pull();
      failures = 0;
      set({ phase: 'synced', reachable: true });
      say(null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof WorkspaceApiError && error.status === 401) {
        set({ phase: 'idle' });
        say(message);
        hooks.onSignedOut();
        return;
      }
      failures++;
      say(message);
      set({
        phase: 'failed',
        reachable: !(error instanceof WorkspaceApiError && error.status === 0),
      });
      const wait = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(failures - 1, 6));
      retry = setTimeout(() => void syncNow(), wait);
    } finally {
      await report();
    }
  };

  const syncNow = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await run();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const connect = () => {
    if (typeof EventSource === 'undefined' || events || stopped) return;
    events = new EventSource('/api/workspace/events', { withCredentials: true });
    events.addEventListener('version', (event) => {
      const moved = Number((JSON.parse((event as MessageEvent<string>).data) as { version?: unknown }).version);
      if (!Number.isFinite(moved) || moved > version) void syncNow();
    });
  };
  const disconnect = () => {
    events?.close();
    events = null;
  };
  const onOnline = () => {
    set({ online: true });
    connect();
    void syncNow();
  };
  const onOffline = () => {
    set({ online: false, phase: 'idle' });
    disconnect();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
  }
  if (useWorkspace.getState().online) connect();

  return {
    syncNow,
    log: () => log,
    stop: () => {
      stopped = true;
      clearTimeout(retry);
      disconnect();
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      }
    },
  };
}
