/** Log entries for the workspace's tests: who, when and which version, with the change. */
import type { Change, LogEntry } from './protocol';

export const ANA = { id: 'user-ana', name: 'Ana' };
export const BEN = { id: 'user-ben', name: 'Ben' };
export const CAT = { id: 'user-cat', name: 'Cat' };

/** A log entry at version `version`, recorded at 10:0<version> on 1 March 2025. */
export function entry(
  version: number,
  by: { id: string; name: string },
  change: Change,
  extra: Partial<Pick<LogEntry, 'conflicts' | 'resolution'>> = {},
): LogEntry {
  const at = `2025-03-01T10:${String(version).padStart(2, '0')}:00.000Z`;
  return { version, by, at, change, ...extra };
}

/** The time a change is made (the same stamp as its entry). */
export const at = (n: number) => `2025-03-01T10:${String(n).padStart(2, '0')}:00.000Z`;
