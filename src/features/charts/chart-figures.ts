import type { Dataset } from '../../model/dataset/schema';
import { selectFigures, type Filters } from '../../model/dataset/selectors';
import { buildChart, hasContent } from './build-chart';
import { chartSpecsFor } from './chart-specs';

/** The figures a chart would draw under the filters (none: the chart has nothing to show). */
export function chartFigures(dataset: Dataset, filters: Filters, specId: string) {
  const spec = chartSpecsFor(dataset).find((s) => s.id === specId);
  if (!spec) return [];
  const figures = selectFigures(dataset, filters);
  const chosen = spec.measures.flatMap((m) => figures.filter((f) => f.measure === m));
  // An over-time chart needs two dates left under the filters.
  if (spec.kind === 'over-time' && !hasContent(buildChart(spec, chosen, dataset.sources))) return [];
  return chosen;
}
