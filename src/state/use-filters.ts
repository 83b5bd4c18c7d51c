import { useDeferredValue } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Filters } from '../model/selectors';
import { useChoices } from './store';

/** The filter part of the user's choices, re-rendering only when it changes. */
export function useFilters(): Filters {
  return useChoices(useShallow((s) => ({ countries: s.countries, topics: s.topics, actor: s.actor, q: s.q })));
}

/**
 * The filters for a heavy panel: the click paints at once (the filter bar and its summary), and the panel
 * follows in a background render that React can interrupt. `pending` is true while it catches up.
 */
export function useDeferredFilters(): { filters: Filters; pending: boolean } {
  const filters = useFilters();
  const deferred = useDeferredValue(filters);
  return { filters: deferred, pending: deferred !== filters };
}
