import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Dataset } from '../model/dataset/schema';
import type { Filters, SearchHits } from '../model/dataset/selectors';
import { searchIndex } from './search-index';

export interface Searched {
  /** The filters to show: `filters`, or the last ones settled while the index's answer is on its way. */
  filters: Filters;
  /** The index's answer for `filters.q`, for the selectors; none: they scan (see search-index.ts for when). */
  hits?: SearchHits;
  /** Waiting for the index's answer (a few milliseconds): the panel still shows the previous filters. */
  pending: boolean;
}

/**
 * The search index's answer for the filters' search, shared by every view that filters figures: pass `hits` to
 * `selectFigures` and friends with the returned `filters`. While the worker answers, the view keeps what it
 * showed (`pending`), rather than scanning every figure on the main thread first.
 */
export function useSearch(dataset: Dataset, filters: Filters): Searched {
  useSyncExternalStore(searchIndex.subscribe, searchIndex.snapshot, searchIndex.snapshot);
  const answer = searchIndex.hits(dataset, filters.q);
  useEffect(() => {
    searchIndex.follow(dataset);
    // Also once the index becomes ready: the search typed while it was built is asked then.
    if (answer === 'waiting') searchIndex.request(filters.q);
  }, [dataset, filters.q, answer]);

  const [settled, setSettled] = useState<Omit<Searched, 'pending'>>({ filters });
  if (answer === 'waiting') return { ...settled, pending: true };
  const hits = answer ?? undefined;
  // Remembered for the next wait (React's pattern for state that follows a render's inputs).
  if (settled.filters !== filters || settled.hits !== hits) setSettled({ filters, hits });
  return { filters, hits, pending: false };
}
