import { OccupiedAreaChart } from './occupied-area-chart';
import { useFrontlineSeries } from './use-frontline-series';

interface FrontlineChartProps {
  /** The dashboard's as-of date (13 Feb 2025 for the shipped data). */
  asOf: string;
  headingLevel?: 2 | 3;
  /** Drawn on a slide (large text, no controls). */
  slide?: boolean;
}

/** The occupied-area chart with its data fetched on demand: what Charts and the deck mount. */
export function FrontlineChart({ asOf, headingLevel = 3, slide = false }: FrontlineChartProps) {
  const series = useFrontlineSeries();
  if (series.status === 'loading') {
    return (
      <p className="chart-card__description" role="status">
        Loading the front-line series…
      </p>
    );
  }
  if (series.status === 'error') {
    return (
      <p className="chart-card__error" role="alert">
        The occupied-area chart could not be drawn: {series.message}
      </p>
    );
  }
  return (
    <OccupiedAreaChart
      daily={series.daily}
      gains={series.gains}
      asOf={asOf}
      headingLevel={headingLevel}
      slide={slide}
    />
  );
}
