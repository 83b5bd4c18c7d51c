import { useShallow } from 'zustand/react/shallow';
import type { Filters } from '../model/selectors';
import { useChoices } from './store';

/** The filter part of the user's choices, re-rendering only when it changes. */
export function useFilters(): Filters {
  return useChoices(useShallow((s) => ({ countries: s.countries, topics: s.topics, actor: s.actor, q: s.q })));
}
