/**
 * Which measure a figure counts under, once the merges in force are followed (`resolveMeasure`), and the key
 * of a figure that links to no registered measure (`ownMeasureKey`); with when a change is in force and the
 * order changes apply in. Pure.
 */
import type { Figure } from '../dataset/schema';
import type { Merge } from './edits-schema';

/** A correction or a merge in force: not undone. */
export const isActive = (x: { undoneAt?: string | undefined }) => x.undoneAt === undefined;

/** Oldest first by the moment (times may be written with different offsets), then as written. */
export const byTime = (a: { at: string }, b: { at: string }) =>
  Date.parse(a.at) - Date.parse(b.at) || a.at.localeCompare(b.at);

/**
 * Where a measure's figures go: along the merges in force. A merge that would close a cycle (its target
 * already goes into its source) is left out, so that every chain ends in a measure that stays.
 */
export function resolveMeasure(id: string, merges: readonly Merge[]): string {
  return measureResolver(merges)(id);
}

/**
 * `resolveMeasure` for many figures: the merges in force are read once (a team's 100,000 figures would read them
 * 100,000 times), and each call follows them.
 */
export function measureResolver(merges: readonly Merge[]): (id: string) => string {
  const into = new Map<string, string>();
  const end = (from: string) => {
    const seen = new Set<string>([from]);
    let at = from;
    for (;;) {
      const next = into.get(at);
      if (next === undefined || seen.has(next)) return at;
      seen.add(next);
      at = next;
    }
  };
  for (const m of [...merges].filter(isActive).sort(byTime)) {
    const before = into.get(m.from);
    into.delete(m.from);
    if (end(m.into) !== m.from) into.set(m.from, m.into);
    else if (before !== undefined) into.set(m.from, before);
  }
  return end;
}

/**
 * The key a figure of no registered measure is grouped under: its own id (never another figure's, nor a
 * registered measure's; `figureIds`: every figure's id).
 */
export function ownMeasureKey(
  figure: Pick<Figure, 'id'>,
  registry: ReadonlySet<string>,
  figureIds: ReadonlySet<string> = new Set(),
): string {
  if (!registry.has(figure.id)) return figure.id;
  for (let n = 1; ; n++) {
    const key = n === 1 ? `${figure.id}-own` : `${figure.id}-own-${n}`;
    if (!registry.has(key) && !figureIds.has(key)) return key;
  }
}
