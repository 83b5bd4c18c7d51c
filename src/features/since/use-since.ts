/**
 * The comparison with a saved briefing, for the view and the slide: which briefing (the one `since=` names, or
 * the last saved), the comparison of its data with the dashboard's as they stand under the filters, and the
 * front line between the two dates (areas computed at build time, src/model/frontline/frontline-difference.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Briefing } from '../../model/briefing/briefing';
import { latestBriefing } from '../../model/briefing/briefing';
import { compareBriefing, filterComparison, frontlineSpan } from '../../model/briefing/briefing-compare';
import type { BriefingComparison } from '../../model/briefing/briefing-comparison';
import type { FrontlineChange } from '../../model/briefing/change-rows';
import { FRONTLINE_ATTRIBUTION, situationAt } from '../../model/frontline/frontline';
import { loadDifferenceAreas, loadFrontlineIndex } from '../../model/frontline/frontline-data';
import { differenceAreas } from '../../model/frontline/frontline-difference';
import { asOfDate, formatDate } from '../../model/format/format';
import type { Dataset } from '../../model/dataset/schema';
import { summariseSince, type SinceSummary } from '../../model/briefing/since-summary';
import type { Filters } from '../../model/dataset/selectors';
import { useUserData } from '../../state/user-data';
import { useFrontlineDate } from '../../state/use-frontline-index';

export type BriefingLookup =
  { kind: 'loading' } | { kind: 'missing'; id: string } | { kind: 'found'; briefing: Briefing };

/** The saved briefing of an id (null: the last one saved); "loading" until this browser's storage was read. */
export function useBriefing(id: string | null): BriefingLookup {
  const briefings = useUserData((s) => s.briefings);
  const loading = useUserData((s) => s.status.kind === 'loading');
  const briefing = id === null ? latestBriefing(briefings) : briefings.find((b) => b.id === id);
  if (briefing) return { kind: 'found', briefing };
  if (loading) return { kind: 'loading' };
  return { kind: 'missing', id: id ?? '' };
}

/** The front-line date the dashboard shows now (null while the list of dates loads). */
export function useFrontlineNow(dataset: Dataset): string | null {
  return useFrontlineDate(asOfDate(dataset.sources));
}

/** What changed since the briefing, whole and under the filters. */
export function useComparison(
  dataset: Dataset,
  briefing: Briefing | undefined,
  filters: Filters,
): { all: BriefingComparison; shown: BriefingComparison } | null {
  const all = useMemo(() => (briefing ? compareBriefing(briefing, dataset) : null), [briefing, dataset]);
  return useMemo(() => (all ? { all, shown: filterComparison(all, filters, dataset) } : null), [all, filters, dataset]);
}

/** The comparison under the filters, summed up for a briefer (see since-summary.ts). */
export function useSinceSummary(
  dataset: Dataset,
  briefing: Briefing | undefined,
  shown: BriefingComparison | undefined,
): SinceSummary | null {
  return useMemo(
    () =>
      briefing && shown
        ? summariseSince(shown, {
            measures: dataset.measures,
            thenMeasures: briefing.measures,
            thenFigures: briefing.figures,
            units: dataset.units,
            sources: [...briefing.sources, ...dataset.sources],
            topics: dataset.topics,
          })
        : null,
    [briefing, shown, dataset],
  );
}

export type FrontlineState =
  | { kind: 'same'; date: string }
  | { kind: 'loading'; earlier: string; later: string }
  | { kind: 'error'; earlier: string; later: string; message: string }
  | { kind: 'ready'; change: FrontlineChange };

/** The front line between the briefing's date and the date shown now: area taken and retaken. */
export function useFrontlineChange(then: string | undefined, now: string | null): FrontlineState | null {
  const span = then === undefined || now === null ? null : frontlineSpan(then, now);
  const key = span && !span.same ? `${span.earlier}→${span.later}` : null;
  const [result, setResult] = useState<{ key: string; change?: FrontlineChange; error?: string } | null>(null);
  useEffect(() => {
    if (!span || !key) return;
    let live = true;
    (async () => {
      const [index, areas] = await Promise.all([loadFrontlineIndex(), loadDifferenceAreas()]);
      const earlier = situationAt(index, span.earlier);
      const later = situationAt(index, span.later);
      if (!earlier || !later) {
        const missing = !earlier ? span.earlier : span.later;
        throw new Error(`no front-line situation is mapped for ${formatDate(missing)}`);
      }
      const diff = differenceAreas(areas, earlier.date, later.date);
      if (!diff)
        throw new Error(`no front-line change is listed from ${formatDate(earlier.date)} to ${formatDate(later.date)}`);
      return {
        earlier: span.earlier,
        later: span.later,
        takenKm2: diff.takenKm2,
        retakenKm2: diff.retakenKm2,
        attribution: FRONTLINE_ATTRIBUTION,
      };
    })().then(
      (change) => live && setResult({ key, change }),
      (error: unknown) => live && setResult({ key, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // The key names both dates.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!span) return null;
  if (span.same) return { kind: 'same', date: span.earlier };
  const current = result?.key === key ? result : null;
  if (current?.change) return { kind: 'ready', change: current.change };
  if (current?.error) return { kind: 'error', earlier: span.earlier, later: span.later, message: current.error };
  return { kind: 'loading', earlier: span.earlier, later: span.later };
}
