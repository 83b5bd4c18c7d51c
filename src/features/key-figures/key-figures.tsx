import { memo, useMemo, useState, type ReactNode } from 'react';
import type { Dataset, Figure } from '../../model/dataset/schema';
import type { Filters, SearchHits } from '../../model/dataset/selectors';
import {
  describeFilters,
  hasFilters,
  selectComparableFigures,
  selectFigures,
  sourceById,
} from '../../model/dataset/selectors';
import { leadFigures, missingPins, pinOf } from '../../model/measures/leads';
import { EmptyState } from '../../components/empty-state';
import { download } from '../../components/export-image';
import { figureRows, toCsv } from '../../model/dataset/figure-export';
import { useChoices } from '../../state/store';
import { useDeferredFilters } from '../../state/use-filters';
import { useSearch } from '../../state/use-search';
import { useLeads } from '../../state/use-leads';
import { FigureCard } from './figure-card';
import { corroborationsOf } from '../../model/measures/corroboration';

/** How many of the other figures show at first when the list is opened, and how many more each "Show more" adds. */
const FIRST_OTHERS = 12;
const PAGE = 60;
/** Under a filter, the lead row fills up to this many cards with other matching figures. */
const ROW = 5;

/** The lead figures the analyst pinned, then every other figure that matches the filters. */
interface KeyFiguresProps {
  dataset: Dataset;
  /** Extra lines for a figure's card (the app composes them, e.g. a check against the map), or nothing. */
  cardNote?: (figureId: string) => ReactNode;
}

const KeyFiguresBody = memo(function KeyFiguresBody({
  dataset,
  filters,
  hits,
  cardNote,
}: KeyFiguresProps & { filters: Filters; hits?: SearchHits }) {
  const [extra, setExtra] = useState(0);
  const openFigure = useChoices((s) => s.openFigure);
  const clearFilters = useChoices((s) => s.clearFilters);
  const figures = useMemo(() => selectFigures(dataset, filters, hits), [dataset, filters, hits]);
  const sources = useMemo(() => sourceById(dataset), [dataset]);
  const leads = useLeads(dataset.figures);
  const filtered = hasFilters(filters);

  if (figures.length === 0) {
    return <EmptyState what="figures" filters={describeFilters(dataset, filters)} onReset={clearFilters} />;
  }
  const shownIds = new Set(figures.map((f) => f.id));
  const pinned = leadFigures(leads.pins, figures, sources);
  // What the analyst added comes first among the others, newest first: it is what they came to see.
  const others = figures
    .filter((f) => !pinned.includes(f))
    .sort((a, b) => (b.addedAt ?? '').localeCompare(a.addedAt ?? ''));
  // Under a filter the first row shows what matches, so the filter's effect is seen at once.
  const matching = filtered ? others.slice(0, Math.max(0, ROW - pinned.length)) : [];
  const rest = others.filter((f) => !matching.includes(f));
  const limit = FIRST_OTHERS + extra;
  const visibleRest = rest.slice(0, limit);
  const remaining = rest.length - visibleRest.length;
  const gone = missingPins(leads.pins, dataset).length;

  const exportFigures = (format: 'csv' | 'json') => {
    const rows = figureRows(dataset, figures);
    const blob =
      format === 'csv'
        ? new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' })
        : new Blob([`${JSON.stringify(rows, null, 2)}\n`], { type: 'application/json' });
    download(blob, `figures-${filtered ? 'filtered' : 'all'}.${format}`);
  };

  const card = (figure: Figure, lead: boolean) => (
    <li key={figure.id}>
      <FigureCard
        figure={figure}
        lead={lead}
        storyTitle={sources.get(figure.sourceId)?.title}
        onOpen={openFigure}
        note={cardNote?.(figure.id)}
        {...(lead ? { compare: selectComparableFigures(dataset, figure).filter((f) => shownIds.has(f.id)) } : {})}
        corroboration={corroborationsOf(dataset).get(figure.id)}
        pinned={pinOf(leads.pins, figure) !== null}
        onPin={() => void (pinOf(leads.pins, figure) ? leads.unpin(figure) : leads.pin(figure, 'measure'))}
      />
    </li>
  );

  return (
    <div className="key-figures">
      {pinned.length + matching.length > 0 ? (
        <ul className="figure-grid figure-grid--lead" aria-label="Lead figures">
          {pinned.map((f) => card(f, true))}
          {matching.map((f) => card(f, true))}
        </ul>
      ) : (
        <p className="key-figures__none">
          {leads.pins.length === 0
            ? 'No lead figures: pin one with “Pin as lead” on any figure.'
            : 'None of the lead figures matches the filters.'}
        </p>
      )}
      <div className="key-figures__foot">
        {rest.length > 0 && (
          // Closed, so the map and the charts stay on the first screen.
          <details className="key-figures__more">
            <summary className="subheading">
              {pinned.length + matching.length > 0 ? 'More figures' : 'Figures'}{' '}
              <span className="subheading__count">({rest.length})</span>
            </summary>
            <ul className="figure-grid figure-grid--compact" aria-label="More figures">
              {visibleRest.map((f) => card(f, false))}
            </ul>
            {remaining > 0 && (
              <button type="button" className="button button--quiet show-all" onClick={() => setExtra((n) => n + PAGE)}>
                {remaining <= PAGE ? `Show all ${rest.length} figures` : `Show ${PAGE} more (${remaining} not shown)`}
              </button>
            )}
          </details>
        )}
        <div className="key-figures__bar">
          <span className="key-figures__leads-note">
            {matching.length > 0 &&
              (pinned.length === 0
                ? 'No lead figure matches: the row shows the matching figures, newest first. '
                : 'Then the other matches, newest first. ')}
            {leads.chosen ? 'Lead figures you pinned' : 'Lead figures: the default set'}
            {gone > 0 && ` (${gone} pinned ${gone === 1 ? 'figure is' : 'figures are'} no longer in the data)`}.{' '}
            {leads.chosen && (
              <button type="button" className="link-button" onClick={() => void leads.reset()}>
                Use the default lead figures
              </button>
            )}
          </span>
          <span className="key-figures__export">
            Download the {figures.length} {filtered ? 'filtered ' : ''}figures:{' '}
            <button type="button" className="button button--quiet" onClick={() => exportFigures('csv')}>
              CSV
            </button>{' '}
            <button type="button" className="button button--quiet" onClick={() => exportFigures('json')}>
              JSON
            </button>
          </span>
        </div>
      </div>
    </div>
  );
});

/** Follows the filters in a deferred render: the click paints first, this panel catches up after. */
export function KeyFigures({ dataset, cardNote }: KeyFiguresProps) {
  const deferred = useDeferredFilters();
  const { filters, hits, pending } = useSearch(dataset, deferred.filters);
  const busy = pending || deferred.pending;
  return (
    <div className="deferred-panel" aria-busy={busy} data-pending={busy || undefined}>
      <KeyFiguresBody dataset={dataset} filters={filters} hits={hits} cardNote={cardNote} />
    </div>
  );
}
