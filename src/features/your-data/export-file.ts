import { download } from '../../components/export-image';
import { exportData } from '../../state/user-data';
import { localDay } from '../../state/user-data-labels';

/** "geobrief-data-2026-11-22.json": today's date in the analyst's time zone. */
export function exportFileName(now: Date = new Date()): string {
  return `geobrief-data-${localDay(now.toISOString(), now)}.json`;
}

/** Downloads every pack (drafts too) and saved briefing as one geobrief data file; returns what it wrote. */
export function downloadDataFile(): { fileName: string; packs: number; briefings: number } {
  const file = exportData();
  const fileName = exportFileName();
  download(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), fileName);
  return { fileName, packs: file.packs.length, briefings: file.briefings.length };
}
