import { memo, useMemo, useState, type ReactNode } from 'react';
import type { Dataset } from '../../model/schema';
import type { Filters } from '../../model/selectors';
import { describeFilters, hasFilters, selectComparableFigures, selectFigures, sourceById } from '../../model/selectors';
import { EmptyState } from '../../components/empty-state';
import { download } from '../../components/export-image';
import { figureRows, toCsv } from '../../model/figure-export';
import { useChoices } from '../../state/store';
import { useDeferredFilters } from '../../state/use-filters';
import { FigureCard } from './figure-card';

/** How many of the other figures show at first: a few when nothing is filtered, more when something is. */
const FIRST_OTHERS = 10;
const FIRST_FILTERED = 60;
/** How many more each "Show more" adds, so that a very large dataset never renders all at once. */
const PAGE = 60;

/** The lead figures first, then every other figure that matches the filters. */
interface KeyFiguresProps {
  dataset: Dataset;
  /** Extra lines for a figure's card (the app composes them, e.g. a check against the map), or nothing. */
  cardNote?: (figureId: string) => ReactNode;
}

const KeyFiguresBody = memo(function KeyFiguresBody({
  dataset,
  filters,
  cardNote,
}: KeyFiguresProps & { filters: Filters }) {
  const [extra, setExtra] = useState(0);
  const openFigure = useChoices((s) => s.openFigure);
  const clearFilters = useChoices((s) => s.clearFilters);
  const figures = useMemo(() => selectFigures(dataset, filters), [dataset, filters]);
  const sources = useMemo(() => sourceById(dataset), [dataset]);

  if (figures.length === 0) {
    return <EmptyState what="figures" filters={describeFilters(dataset, filters)} onReset={clearFilters} />;
  }
  const shownIds = new Set(figures.map((f) => f.id));
  const leads = figures.filter((f) => f.lead !== undefined);
  // What the analyst added comes first among the others, newest first: it is what they came to see.
  const others = figures
    .filter((f) => f.lead === undefined)
    .sort((a, b) => (b.addedAt ?? '').localeCompare(a.addedAt ?? ''));
  const limit = (hasFilters(filters) ? FIRST_FILTERED : FIRST_OTHERS) + extra;
  const visibleOthers = others.slice(0, limit);
  const remaining = others.length - visibleOthers.length;

  const exportFigures = (format: 'csv' | 'json') => {
    const rows = figureRows(dataset, figures);
    const blob =
      format === 'csv'
        ? new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' })
        : new Blob([`${JSON.stringify(rows, null, 2)}\n`], { type: 'application/json' });
    download(blob, `figures-${hasFilters(filters) ? 'filtered' : 'all'}.${format}`);
  };

  return (
    <div className="key-figures">
      <div className="region__toolbar">
        <span>
          Download the {figures.length} {hasFilters(filters) ? 'filtered ' : ''}figures with their quotes:
        </span>
        <button type="button" className="button button--quiet" onClick={() => exportFigures('csv')}>
          CSV
        </button>
        <button type="button" className="button button--quiet" onClick={() => exportFigures('json')}>
          JSON
        </button>
      </div>
      {leads.length > 0 && (
        <ul className="figure-grid figure-grid--lead" aria-label="Lead figures">
          {leads.map((figure) => (
            <li key={figure.id}>
              <FigureCard
                figure={figure}
                lead
                storyTitle={sources.get(figure.sourceId)?.title}
                onOpen={openFigure}
                note={cardNote?.(figure.id)}
                compare={selectComparableFigures(dataset, figure).filter((f) => shownIds.has(f.id))}
              />
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <h3 className="subheading">
            {leads.length > 0 ? 'More figures' : 'Figures'} <span className="subheading__count">({others.length})</span>
          </h3>
          <ul className="figure-grid figure-grid--compact" aria-label="More figures">
            {visibleOthers.map((figure) => (
              <li key={figure.id}>
                <FigureCard
                  figure={figure}
                  storyTitle={sources.get(figure.sourceId)?.title}
                  onOpen={openFigure}
                  note={cardNote?.(figure.id)}
                />
              </li>
            ))}
          </ul>
          {remaining > 0 && (
            <button type="button" className="button button--quiet show-all" onClick={() => setExtra((n) => n + PAGE)}>
              {remaining <= PAGE ? `Show all ${others.length} figures` : `Show ${PAGE} more (${remaining} not shown)`}
            </button>
          )}
        </>
      )}
    </div>
  );
});

/** Follows the filters in a deferred render: the click paints first, this panel catches up after. */
export function KeyFigures({ dataset, cardNote }: KeyFiguresProps) {
  const { filters, pending } = useDeferredFilters();
  return (
    <div className="deferred-panel" aria-busy={pending} data-pending={pending || undefined}>
      <KeyFiguresBody dataset={dataset} filters={filters} cardNote={cardNote} />
    </div>
  );
}
