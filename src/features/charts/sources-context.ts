/**
 * How each charted figure stands against the other sources (corroboration.ts), for the readout under a chart
 * and its "Show data" table. The charts panel provides it; a chart drawn elsewhere (a slide) shows none.
 */
import { createContext, useContext } from 'react';
import type { Corroboration } from '../../model/measures/corroboration';

export const SourcesContext = createContext<ReadonlyMap<string, Corroboration> | null>(null);

/** The figure's corroboration, when the chart knows it. */
export function useSourcesOf(figureId: string): Corroboration | undefined {
  return useContext(SourcesContext)?.get(figureId);
}
