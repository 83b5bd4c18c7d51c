import { useEffect, useId, type RefObject } from 'react';
import type { BriefingComparison } from '../../model/briefing/briefing-comparison';
import { changeRows, changesToCsv, type FrontlineChange } from '../../model/briefing/change-rows';
import type { Briefing } from '../../model/briefing/briefing';
import { download } from '../../components/export-image';
import type { Measure, Source } from '../../model/dataset/schema';
import { formatDateTime } from '../../model/format/format';
import { useChoices } from '../../state/store';
import { useUserData } from '../../state/user-data';

/** Downloads the changes shown, as CSV or JSON. */
export function exportChanges(
  format: 'csv' | 'json',
  briefing: Briefing,
  shown: BriefingComparison,
  sources: readonly Source[],
  frontline: FrontlineChange | null,
  filterWords: string[],
  measures: readonly Measure[],
) {
  const rows = changeRows(shown, sources, frontline, measures);
  const name = `changes-since-${briefing.id}.${format}`;
  if (format === 'csv') {
    download(new Blob([changesToCsv(rows)], { type: 'text/csv;charset=utf-8' }), name);
    return;
  }
  const file = {
    format: 'geobrief-changes',
    briefing: { id: briefing.id, name: briefing.name, savedAt: briefing.savedAt, frontline: briefing.frontline },
    comparedAt: new Date().toISOString(),
    filters: filterWords,
    rows,
  };
  download(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), name);
}

/** Chooses the briefing to compare with (or none). */
export function BriefingPicker({ current }: { current: string }) {
  const briefings = useUserData((s) => s.briefings);
  const setSince = useChoices((s) => s.setSince);
  const id = useId();
  if (briefings.length === 0) return null;
  const known = briefings.some((b) => b.id === current);
  return (
    <span className="since__picker">
      <label htmlFor={id}>Compare with briefing</label>
      <select id={id} value={known ? current : ''} onChange={(e) => setSince(e.target.value || null)}>
        {!known && <option value="">Choose a briefing…</option>}
        {[...briefings].reverse().map((b) => (
          <option key={b.id} value={b.id}>
            {b.name} ({formatDateTime(b.savedAt)})
          </option>
        ))}
      </select>
    </span>
  );
}

export function CloseButton() {
  const setSince = useChoices((s) => s.setSince);
  return (
    <button type="button" className="button button--quiet" onClick={() => setSince(null)}>
      Close comparison
    </button>
  );
}

/**
 * Opens every group for the printer (the handout lists every change), and closes again those it opened after.
 * `onBeforePrint` runs first (to lay out what is made only when opened).
 */
export function usePrintOpen(ref: RefObject<HTMLElement | null>, onBeforePrint?: () => void) {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      onBeforePrint?.();
      opened = [...(ref.current?.querySelectorAll<HTMLDetailsElement>('details:not([open])') ?? [])];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [ref, onBeforePrint]);
}
