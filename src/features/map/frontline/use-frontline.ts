/**
 * The front line the map shows: the chosen situation (store `frontline`; null = the newest situation on or
 * before the articles' as-of date), its geometry
 * fetched when it is shown, and the comparison with an earlier situation (store `compare`), computed at build
 * time and fetched as one file per pair (src/model/frontline/frontline-difference.ts). What is drawn is always what was loaded: while a new date loads, the last one stays,
 * with its own date.
 */
import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { situationAt, type FrontlineIndex, type Situation } from '../../../model/frontline/frontline';
import { loadDifference, loadSituation } from '../../../model/frontline/frontline-data';
import type { Difference } from '../../../model/frontline/frontline-geometry';
import { formatDate } from '../../../model/format/format';
import { useChoices } from '../../../state/store';
import { useFrontlineIndex } from '../../../state/use-frontline-index';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Keyed<T> {
  key: string;
  value?: T;
  error?: string;
}

export interface DrawnSituation {
  situation: Situation;
  geometry: FeatureCollection;
}

export interface Comparison {
  earlier: Situation;
  later: Situation;
  diff: Difference;
}

export interface FrontlineState {
  index: FrontlineIndex | null;
  indexError: string | null;
  /** The situation the map opens on: the newest on or before the articles' as-of date. */
  defaultDate: string | null;
  /** The newest situation there is: when the articles are newer, the map says so. */
  latestDate: string | null;
  /** The date asked for (the store's, or the as-of date). */
  requested: string;
  /** The situation asked for, once the index is known; null for a date without a situation. */
  requestedSituation: Situation | null;
  /** The situation to draw: the one asked for, or the as-of date's when there is none for that date. */
  target: Situation | null;
  /** What the map draws now (may lag `requested` while it loads). */
  drawn: DrawnSituation | null;
  /** Loading the requested situation. */
  loading: boolean;
  /** A readable problem with the date or its geometry; the map keeps what it drew. */
  error: string | null;
  /** The earlier situation compared with (valid only: earlier than the requested one and known). */
  compareWith: Situation | null;
  comparing: boolean;
  comparison: Comparison | null;
  compareError: string | null;
  retry: () => void;
}

export function useFrontline(asOf: string): FrontlineState {
  const frontline = useChoices((s) => s.frontline);
  const compare = useChoices((s) => s.compare);
  const [attempt, setAttempt] = useState(0);
  const loaded = useFrontlineIndex(asOf);
  const indexValue = loaded.index;

  // No date chosen: the newest situation on or before the articles' date (not a fixed date).
  const requested = frontline ?? loaded.defaultDate ?? '';
  const requestedSituation = indexValue ? (situationAt(indexValue, requested) ?? null) : null;
  // A date without a situation (a hand-written URL) shows the default one, and says so.
  const target =
    requestedSituation ??
    (indexValue && loaded.defaultDate ? (situationAt(indexValue, loaded.defaultDate) ?? null) : null);
  const compareWith =
    indexValue && target && compare && compare < target.date ? (situationAt(indexValue, compare) ?? null) : null;

  // The geometry of the requested situation, and the last one that loaded (what is drawn).
  const [geometry, setGeometry] = useState<Keyed<DrawnSituation> | null>(null);
  const [drawn, setDrawn] = useState<DrawnSituation | null>(null);
  const geometryKey = target ? `${target.date}#${attempt}` : null;
  useEffect(() => {
    if (!target || !geometryKey) return;
    let live = true;
    loadSituation(target).then(
      (fc) => {
        if (!live) return;
        const value = { situation: target, geometry: fc };
        setGeometry({ key: geometryKey, value });
        setDrawn(value);
      },
      (error: unknown) => live && setGeometry({ key: geometryKey, error: message(error) }),
    );
    return () => {
      live = false;
    };
    // The key names the situation and the attempt; the situation object follows from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [geometryKey]);

  // The comparison: the pair's file, computed at build time. Only against the situation actually drawn.
  const later = drawn && target && drawn.situation.date === target.date ? drawn : null;
  const compareKey = compareWith && later ? `${compareWith.date}→${later.situation.date}#${attempt}` : null;
  const [comparison, setComparison] = useState<Keyed<Comparison> | null>(null);
  useEffect(() => {
    if (!compareWith || !later || !compareKey) return;
    let live = true;
    loadDifference(compareWith, later.situation).then(
      (diff) =>
        live && setComparison({ key: compareKey, value: { earlier: compareWith, later: later.situation, diff } }),
      (error: unknown) => live && setComparison({ key: compareKey, error: message(error) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [compareKey]);

  let error: string | null = null;
  if (indexValue && !requestedSituation) {
    error = `No front-line situation is mapped for ${formatDate(requested)}; the map shows ${formatDate(loaded.defaultDate ?? indexValue.asOf)}. Pick a date from the list.`;
  } else if (target && geometry && geometry.key === geometryKey && geometry.error) {
    error = `The front line of ${formatDate(target.date)} could not be loaded: ${geometry.error}`;
  }
  const geometryCurrent = geometry?.key === geometryKey;
  const comparisonCurrent = comparison?.key === compareKey;
  let compareError: string | null = null;
  if (compare && indexValue && !compareWith) {
    compareError = `Compare with needs a situation earlier than ${formatDate(target?.date ?? requested)}.`;
  } else if (comparisonCurrent && comparison?.error) {
    compareError = `The comparison could not be made: ${comparison.error}`;
  }

  return {
    index: indexValue,
    indexError: loaded.error,
    defaultDate: loaded.defaultDate,
    latestDate: loaded.latestDate,
    requested,
    requestedSituation,
    target,
    drawn,
    loading: (indexValue === null && loaded.error === null) || (target !== null && !geometryCurrent),
    error,
    compareWith,
    comparing: compareWith !== null && !(comparisonCurrent && (comparison?.value || comparison?.error)),
    comparison: comparisonCurrent ? (comparison?.value ?? null) : null,
    compareError,
    retry: () => {
      loaded.retry();
      setAttempt((n) => n + 1);
    },
  };
}
