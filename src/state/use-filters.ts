import { startTransition, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Filters } from '../model/selectors';
import { useChoices } from './store';

/** The filter part of the user's choices, re-rendering only when it changes. */
export function useFilters(): Filters {
  return useChoices(useShallow((s) => ({ countries: s.countries, topics: s.topics, actor: s.actor, q: s.q })));
}

/**
 * The filters for a heavy panel. A click first paints what is cheap (the filter bar and its summary);
 * only after that paint does the panel catch up, in a transition React can interrupt. `pending` is true
 * while it does.
 */
export function useDeferredFilters(): { filters: Filters; pending: boolean } {
  const filters = useFilters();
  const [shown, setShown] = useState(filters);
  useEffect(() => {
    if (shown === filters) return;
    // requestAnimationFrame runs just before the next paint; the timeout, just after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(filters)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [filters, shown]);
  return { filters: shown, pending: shown !== filters };
}
