/**
 * Words for items the analyst added. Light (no storage code), so any view can label what it shows.
 */
import { formatDate } from '../model/format/format';

/** The local calendar day of an ISO date-time, as YYYY-MM-DD. */
export function localDay(iso: string, at: Date = new Date(iso)): string {
  if (Number.isNaN(at.getTime())) return iso.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** "22 Nov 2026": the day an item was added, in the analyst's time zone. */
export function addedOn(addedAt: string): string {
  return formatDate(localDay(addedAt));
}

/** "Added 22 Nov 2026 from Russia able to fight on…" */
export function addedNote(addedAt: string, storyTitle: string | undefined): string {
  return storyTitle ? `Added ${addedOn(addedAt)} from ${storyTitle}` : `Added ${addedOn(addedAt)}`;
}
