import { useMemo } from 'react';
import type { Dataset } from '../../model/schema';
import { asOfDate } from '../../model/format';
import { selectFigures, type Filters } from '../../model/selectors';
import { useChoices } from '../../state/store';
import { useFilters } from '../../state/use-filters';
import { CHART_SPECS } from './chart-specs';
import { buildChart } from './series';
import { ChartCard } from './chart-card';

/** The figures a chart would draw under the filters (none: the chart has nothing to show). */
export function chartFigures(dataset: Dataset, filters: Filters, specId: string) {
  const spec = CHART_SPECS.find((s) => s.id === specId);
  if (!spec) return [];
  const figures = selectFigures(dataset, filters);
  return spec.measures.flatMap((m) => figures.filter((f) => f.measure === m));
}

/** One chart on its own, for a slide. */
export function ChartSlide({ dataset, specId }: { dataset: Dataset; specId: string }) {
  const filters = useFilters();
  const openFigure = useChoices((s) => s.openFigure);
  const model = useMemo(() => {
    const spec = CHART_SPECS.find((s) => s.id === specId);
    return spec ? buildChart(spec, selectFigures(dataset, filters), dataset.sources) : null;
  }, [dataset, filters, specId]);
  if (!model || model.panels.length === 0) return <p>No figure of this chart matches the filters.</p>;
  return <ChartCard model={model} asOf={asOfDate(dataset.sources)} onOpen={openFigure} />;
}
