/**
 * The front line's index of situations (public/frontline/index.json), fetched once and shared by every view
 * that needs it: the map, "Since the last briefing" and the deck. `defaultDate` is the situation the dashboard
 * opens on for data as of `asOf` (the newest article's date): the newest on or before it; `latestDate` is the
 * newest situation there is.
 */
import { useEffect, useState } from 'react';
import { latestSituation, situationOnOrBefore, type FrontlineIndex } from '../model/frontline/frontline';
import { loadFrontlineIndex } from '../model/frontline/frontline-data';
import { useChoices } from './store';

export interface FrontlineIndexState {
  index: FrontlineIndex | null;
  error: string | null;
  /** The situation shown when no date is chosen (the URL holds none): null until the index is known. */
  defaultDate: string | null;
  latestDate: string | null;
  retry: () => void;
}

export function useFrontlineIndex(asOf: string): FrontlineIndexState {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ attempt: number; index?: FrontlineIndex; error?: string } | null>(null);
  useEffect(() => {
    let live = true;
    loadFrontlineIndex().then(
      (index) => live && setState({ attempt, index }),
      (error: unknown) => live && setState({ attempt, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const index = state?.index ?? null;
  return {
    index,
    error: state?.error ?? null,
    defaultDate: index ? situationOnOrBefore(index, asOf).date : null,
    latestDate: index ? latestSituation(index).date : null,
    retry: () => setAttempt((n) => n + 1),
  };
}

/**
 * The front-line date the dashboard shows now: the one chosen (in the URL), else the default for the
 * articles' date; null while the index loads (or when it cannot be loaded and none was chosen).
 */
export function useFrontlineDate(asOf: string): string | null {
  const chosen = useChoices((s) => s.frontline);
  const { defaultDate } = useFrontlineIndex(asOf);
  return chosen ?? defaultDate;
}
