/**
 * A workspace's data as one geobrief data file: the packs on its dashboard, its saved briefings, its layer of
 * corrections, measures and merges (folded from the log by the page's own fold), with the whole change log and
 * each item's provenance for the record. "Import" in the dashboard reads it like any data file.
 */
import type { Kysely } from 'kysely';
import { DATA_FORMAT, PACK_VERSION, type DataFile } from '../src/model/pack/pack-schema';
import { fold } from '../src/model/workspace/fold';
import type { LogEntry } from '../src/model/workspace/protocol';
import type { Tables } from './db';
import { pullChanges } from './sync';

export async function exportWorkspace(db: Kysely<Tables>, workspaceId: string, name: string): Promise<DataFile> {
  const history: LogEntry[] = [];
  for (;;) {
    const page = await pullChanges(db, workspaceId, history.at(-1)?.version ?? 0);
    history.push(...page.entries);
    if (!page.more) break;
  }
  const folded = fold(history, null);
  return {
    format: DATA_FORMAT,
    version: PACK_VERSION,
    exportedAt: new Date().toISOString(),
    packs: [...folded.packs.values()],
    briefings: folded.briefings,
    edits: folded.edits,
    workspace: { name, history, provenance: Object.fromEntries(folded.provenance) },
  };
}
