import type { Filters } from '../model/selectors';

/** The situation the shipped front-line layers draw; the occupied-area chart marks it. */
export const FRONTLINE_AS_OF = '2025-02-13';

/** The occupied-area chart is about Ukraine's territory: shown unless the filters point elsewhere. */
export function showsFrontline(filters: Filters): boolean {
  if (filters.actor) return false;
  const countryOk = filters.countries.length === 0 || filters.countries.some((c) => c === 'UA' || c === 'RU');
  const topicOk =
    filters.topics.length === 0 || filters.topics.some((t) => t === 'territory' || t === 'military-balance');
  return countryOk && topicOk && filters.q.trim() === '';
}
