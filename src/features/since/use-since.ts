/**
 * The comparison with a saved briefing, for the view and the slide: which briefing (the one `since=` names, or
 * the last saved), the comparison of its data with the dashboard's as they stand under the filters (in a Web
 * Worker: since-client.ts, since-worker.ts), and the front line between the two dates (areas computed at build time, src/model/frontline/frontline-difference.ts).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Briefing } from '../../model/briefing/briefing';
import { latestBriefing } from '../../model/briefing/briefing';
import { frontlineSpan } from '../../model/briefing/briefing-compare';
import type { FrontlineChange } from '../../model/briefing/change-rows';
import { FRONTLINE_ATTRIBUTION, situationAt } from '../../model/frontline/frontline';
import { loadDifferenceAreas, loadFrontlineIndex } from '../../model/frontline/frontline-data';
import { differenceAreas } from '../../model/frontline/frontline-difference';
import { asOfDate, formatDate } from '../../model/format/format';
import type { Dataset } from '../../model/dataset/schema';
import type { Filters } from '../../model/dataset/selectors';
import { useUserData } from '../../state/user-data';
import { useFrontlineDate } from '../../state/use-frontline-index';
import { compareHere, failureWords, sinceClient } from './since-client';
import type { SinceResult } from './since-protocol';

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

/** Where a comparison stands: being worked out, ready (perhaps for the filters before, while it catches up), failed. */
export type SinceState =
  | { kind: 'working'; figures: number; briefingFigures: number }
  | { kind: 'ready'; result: SinceResult; updating: boolean }
  | { kind: 'error'; message: string; retry: () => void };

interface Asked {
  briefing: Briefing;
  dataset: Dataset;
  filters: Filters;
  attempt: number;
}

/**
 * What changed since the briefing, under the filters, with the summary of what moved: worked out in the
 * comparison's Web Worker (the page stays responsive), or on the main thread where there is no Worker.
 * The sides go to the worker once; a change of the filters sends only the filters (of the data, what changed), and
 * the view keeps the last answer (marked `updating`) until the new one comes.
 */
export function useSince(dataset: Dataset, briefing: Briefing | undefined, filters: Filters): SinceState | null {
  const client = sinceClient();
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<{ asked: Asked; result?: SinceResult; error?: string } | null>(null);
  const retry = useCallback(() => {
    client?.restart();
    setAttempt((n) => n + 1);
  }, [client]);

  const inline = useMemo(() => {
    if (client || !briefing) return null;
    try {
      return { result: compareHere(briefing, dataset, filters) };
    } catch (error) {
      return { error: failureWords(error) };
    }
    // `attempt` runs it again on retry.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, briefing, dataset, filters, attempt]);

  useEffect(() => client?.retain(), [client]);
  useEffect(() => {
    if (!client || !briefing) return;
    let live = true;
    const asked: Asked = { briefing, dataset, filters, attempt };
    client.compare(briefing, dataset, filters).then(
      (result) => live && setAnswer({ asked, result }),
      (error: unknown) => live && setAnswer({ asked, error: failureWords(error) }),
    );
    return () => {
      live = false;
    };
  }, [client, briefing, dataset, filters, attempt]);

  return useMemo((): SinceState | null => {
    if (!briefing) return null;
    if (inline) return inline.result ? ready(inline.result, false) : failed(inline.error!, retry);
    const a = answer?.asked;
    const sameBriefing = a?.briefing === briefing && a.attempt === attempt;
    if (answer && sameBriefing && a.dataset === dataset && a.filters === filters) {
      return answer.result ? ready(answer.result, false) : failed(answer.error!, retry);
    }
    // The filters or the data changed: the last answer for this briefing stands until the new one comes.
    if (answer?.result && sameBriefing) return ready(answer.result, true);
    return { kind: 'working', figures: dataset.figures.length, briefingFigures: briefing.figures.length };
  }, [briefing, dataset, filters, attempt, inline, answer, retry]);
}

const ready = (result: SinceResult, updating: boolean): SinceState => ({ kind: 'ready', result, updating });
const failed = (message: string, retry: () => void): SinceState => ({ kind: 'error', message, retry });

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
