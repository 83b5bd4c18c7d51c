import { memo, useMemo } from 'react';
import type { Dataset } from '../../model/dataset/schema';
import type { Filters, SearchHits } from '../../model/dataset/selectors';
import { describeFilters, selectFigures } from '../../model/dataset/selectors';
import { EmptyState } from '../../components/empty-state';
import { useChoices } from '../../state/store';
import { useDeferredFilters } from '../../state/use-filters';
import { useSearch } from '../../state/use-search';
import { chartSpecsFor } from './chart-specs';
import { buildChart, hasContent } from './build-chart';
import { ChartCard } from './chart-card';
import { SourcesContext } from './sources-context';
import { corroborationsOf } from '../../model/measures/corroboration';

/** Every chart, following the filters; a chart with no matching figure is left out. */
const ChartsBody = memo(function ChartsBody({
  dataset,
  filters,
  hits,
}: {
  dataset: Dataset;
  filters: Filters;
  hits?: SearchHits;
}) {
  const openFigure = useChoices((s) => s.openFigure);
  const clearFilters = useChoices((s) => s.clearFilters);
  const models = useMemo(() => {
    const figures = selectFigures(dataset, filters, hits);
    const specs = chartSpecsFor(dataset);
    return {
      total: specs.length,
      shown: specs.map((spec) => buildChart(spec, figures, dataset.sources)).filter(hasContent),
    };
  }, [dataset, filters, hits]);

  if (models.shown.length === 0) {
    return <EmptyState what="charted figures" filters={describeFilters(dataset, filters)} onReset={clearFilters} />;
  }
  return (
    <SourcesContext.Provider value={corroborationsOf(dataset)}>
      <div className="charts">
        {models.shown.length < models.total && (
          <p className="region__note">
            {models.shown.length} of {models.total} charts have figures that match the filters.
          </p>
        )}
        <div className="chart-grid">
          {models.shown.map((model) => (
            <ChartCard key={model.spec.id} model={model} onOpen={openFigure} />
          ))}
        </div>
      </div>
    </SourcesContext.Provider>
  );
});

/** Follows the filters in a deferred render: the click paints first, this panel catches up after. */
export function Charts({ dataset }: { dataset: Dataset }) {
  const deferred = useDeferredFilters();
  const { filters, hits, pending } = useSearch(dataset, deferred.filters);
  const busy = pending || deferred.pending;
  return (
    <div className="deferred-panel" aria-busy={busy} data-pending={busy || undefined}>
      <ChartsBody dataset={dataset} filters={filters} hits={hits} />
    </div>
  );
}
