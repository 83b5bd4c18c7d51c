import { occupiedChartMatches } from '../../../model/frontline/frontline-series';
import { useDeferredFilters } from '../../../state/use-filters';
import { memo } from 'react';
import { FrontlineChart as Chart } from './frontline-chart';

const FrontlineChart = memo(Chart);

/**
 * The occupied-area chart as Charts shows it: under the figures' charts, following the filters (a focused actor,
 * or a filter on Taiwan or tariffs, has nothing to do with it and hides it).
 */
export function FrontlineChartPanel({ asOf }: { asOf: string }) {
  const { filters } = useDeferredFilters();
  if (!occupiedChartMatches(filters)) return null;
  return (
    <div className="frontline-chart-panel">
      <FrontlineChart asOf={asOf} />
    </div>
  );
}
