import { useMemo } from 'react';
import type { Dataset } from '../../model/dataset/schema';
import { selectFigures } from '../../model/dataset/selectors';
import { useChoices } from '../../state/store';
import { useFilters } from '../../state/use-filters';
import { chartSpecsFor } from './chart-specs';
import { buildChart, hasContent } from './build-chart';
import { ChartCard } from './chart-card';

/** One chart on its own, for a slide. */
export function ChartSlide({ dataset, specId }: { dataset: Dataset; specId: string }) {
  const filters = useFilters();
  const openFigure = useChoices((s) => s.openFigure);
  const model = useMemo(() => {
    const spec = chartSpecsFor(dataset).find((s) => s.id === specId);
    return spec ? buildChart(spec, selectFigures(dataset, filters), dataset.sources) : null;
  }, [dataset, filters, specId]);
  if (!model || !hasContent(model)) return <p>No figure of this chart matches the filters.</p>;
  return <ChartCard model={model} onOpen={openFigure} variant="slide" />;
}
