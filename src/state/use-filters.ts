import { startTransition, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Filters } from '../model/dataset/selectors';
import { useChoices } from './store';

/** The filter part of the user's choices, re-rendering only when it changes. */
export function useFilters(): Filters {
  return useChoices(
    useShallow((s) => ({ countries: s.countries, topics: s.topics, actor: s.actor, q: s.q, single: s.single })),
  );
}

/** Panels waiting to catch up with the filters; they all catch up together, in one transition. */
const waiting = new Set<() => void>();
let scheduled = false;

/**
 * Runs `update` after the next paint, in a transition, together with every other panel's: one render
 * for all of them rather than one each. Returns a function that takes it back.
 */
function afterNextPaint(update: () => void): () => void {
  waiting.add(update);
  if (!scheduled) {
    scheduled = true;
    // requestAnimationFrame runs just before the next paint; the timeout, just after it.
    requestAnimationFrame(() =>
      setTimeout(() => {
        scheduled = false;
        const updates = [...waiting];
        waiting.clear();
        startTransition(() => updates.forEach((u) => u()));
      }, 0),
    );
  }
  return () => {
    waiting.delete(update);
  };
}

/**
 * `value` as a heavy panel should see it: a change reaches it only after the next paint, in a transition React
 * can interrupt, in the same render as every other heavy panel's. `pending` is true until then. What is cheap
 * (the filter bar, the lead figures) takes the value at once and paints first.
 */
export function useAfterPaint<T>(value: T): { value: T; pending: boolean } {
  const [shown, setShown] = useState(() => value);
  useEffect(() => {
    if (shown === value) return;
    return afterNextPaint(() => setShown(() => value));
  }, [value, shown]);
  return { value: shown, pending: shown !== value };
}

/**
 * The filters for a heavy panel. A click first paints what is cheap (the filter bar and its summary);
 * only after that paint does the panel catch up, in a transition React can interrupt, in the same render
 * as every other heavy panel. `pending` is true while it does. The panel should keep what it draws in a
 * memoised child that takes `filters`, so that the click's own render of the panel is only this flag.
 */
export function useDeferredFilters(): { filters: Filters; pending: boolean } {
  const { value, pending } = useAfterPaint(useFilters());
  return { filters: value, pending };
}
