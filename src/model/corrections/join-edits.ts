/**
 * Joining two sets of the analyst's edits: what a browser kept and what a data file (or a write made before
 * the stored ones were read) brings. Pure; used when stored data are read and when a file is imported.
 */
import type { Edits } from './edits-schema';

/**
 * `extra`'s changes and measures joined to `kept`: a change already kept (same id) is kept once, with its
 * undoing if either side undid it; a measure whose id is kept with other content is left out and named.
 */
export function joinEdits(kept: Edits, extra: Edits): { edits: Edits; added: number; skipped: string[] } {
  const skipped: string[] = [];
  let added = 0;
  const join = <T extends { id: string; undoneAt?: string | undefined }>(a: readonly T[], b: readonly T[]): T[] => {
    const out = [...a];
    for (const x of b) {
      const at = out.findIndex((y) => y.id === x.id);
      if (at < 0) {
        out.push(x);
        added++;
      } else if (out[at]!.undoneAt === undefined && x.undoneAt !== undefined) out[at] = x;
    }
    return out;
  };
  const measures = [...kept.measures];
  for (const m of extra.measures) {
    const same = measures.find((k) => k.measure.id === m.measure.id);
    if (!same) {
      measures.push(m);
      added++;
    } else if (JSON.stringify(same) !== JSON.stringify(m)) {
      skipped.push(
        `Measure “${m.measure.label}”: another measure of yours has its id (${m.measure.id}); yours is kept`,
      );
    }
  }
  return {
    edits: {
      corrections: join(kept.corrections, extra.corrections),
      measures,
      merges: join(kept.merges, extra.merges),
    },
    added,
    skipped,
  };
}
