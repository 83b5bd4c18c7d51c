import { lazyWithRetry } from '../components/lazy-with-retry';
import type { Dataset } from '../model/dataset/schema';

/**
 * Panels whose code is heavy load on demand, after the first paint, each in its own chunk; a failed load
 * can be retried. The map brings Leaflet (its geometry is fetched as data), the charts bring Recharts.
 */
export const mapPanel = lazyWithRetry(
  () => import('../features/map/map-panel'),
  (m) => m.default,
);
export const MapPanel = mapPanel.Lazy;

export const chartsPanel = lazyWithRetry<typeof import('../features/charts/charts'), { dataset: Dataset }>(
  () => import('../features/charts/charts'),
  (m) => m.Charts,
);
export const ChartsPanel = chartsPanel.Lazy;

export const chartSlide = lazyWithRetry<
  typeof import('../features/charts/chart-slide'),
  { dataset: Dataset; specId: string }
>(
  () => import('../features/charts/chart-slide'),
  (m) => m.ChartSlide,
);
export const ChartSlide = chartSlide.Lazy;

export const figureClaimChecks = lazyWithRetry(
  () => import('../features/map/frontline/figure-claim-checks'),
  (m) => m.FigureClaimChecks,
);
export const FigureClaimChecks = figureClaimChecks.Lazy;

/** The occupied-area chart (Recharts line and bars, its data fetched on demand), under the figures' charts. */
export const frontlineChartPanel = lazyWithRetry(
  () => import('../features/map/frontline/frontline-chart-panel'),
  (m) => m.FrontlineChartPanel,
);
export const FrontlineChartPanel = frontlineChartPanel.Lazy;

/** The occupied-area chart alone, for its slide. */
export const frontlineChart = lazyWithRetry(
  () => import('../features/map/frontline/frontline-chart'),
  (m) => m.FrontlineChart,
);
export const FrontlineChart = frontlineChart.Lazy;
