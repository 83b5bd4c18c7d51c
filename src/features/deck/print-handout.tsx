import { memo, useEffect, useId, useMemo } from 'react';
import type { Dataset } from '../../model/dataset/schema';
import { actorRows, eventRows, storyRows } from '../../model/deck/deck';
import { NO_ACTOR_FILTERS, selectActors } from '../../model/dataset/actor-selectors';
import { selectEvents } from '../../model/dataset/event-selectors';
import { selectFigures, type Filters } from '../../model/dataset/selectors';
import { useDeferredFilters } from '../../state/use-filters';
import { useLeads } from '../../state/use-leads';
import { usePrinting } from '../../components/use-printing';
import { leadFigures, type LeadPin } from '../../model/measures/leads';
import { ActorTable, EventTable, FigureSlideContent, StoryTable } from './slide-content';
import './print.css';

/** Width of the A4 page's printable area (210 mm less 2 × 11 mm margins), in CSS px. */
const A4_CONTENT_PX = (188 / 25.4) * 96;

/**
 * The printed map's greatest height (78 mm, in CSS px): what is left on the page the occupied-area chart
 * starts, so that the map region shares it. A wide screen's map is scaled to the page's width and stays under
 * it; a phone's tall map is scaled down further (whole, as on screen) instead of taking a page of its own.
 */
const PRINT_MAP_MAX_PX = (78 / 25.4) * 96;

/**
 * Before printing, the map keeps the size it has on screen (so Leaflet's layout stays right: nothing
 * cropped) and is scaled down to the page's width, and to no more than PRINT_MAP_MAX_PX tall: the print
 * stylesheet reads these variables.
 */
function sizeMapForPrint() {
  for (const canvas of document.querySelectorAll<HTMLElement>('.region--map .map-canvas')) {
    const { width, height } = canvas.getBoundingClientRect();
    if (width <= 0 || height <= 0) continue;
    const k = Math.min(1, A4_CONTENT_PX / width, PRINT_MAP_MAX_PX / height);
    const holder = canvas.parentElement ?? canvas;
    holder.style.setProperty('--print-map-w', `${width}px`);
    holder.style.setProperty('--print-map-h', `${height}px`);
    holder.style.setProperty('--print-map-k', String(k));
  }
}

/**
 * What the A4 handout prints after the explore view's lead figures, charts and map: every other figure, the
 * actors as a compact table, every event, and the stories, all following the filters. Hidden on screen (the
 * explore panels serve there); on paper they stand in for the figure cards past the lead ones (the screen
 * shows only the first few), the actor cards, the timeline and the source list, which are made for
 * scrolling and clicking. The tables are made only when the page is printed (usePrinting: in `beforeprint`,
 * before the browser lays the page out for paper), never on screen: a team's data would make a hundred
 * thousand hidden rows, and the first paint carries none of them.
 */
export function PrintHandout({ dataset }: { dataset: Dataset }) {
  const printing = usePrinting();
  useEffect(() => {
    window.addEventListener('beforeprint', sizeMapForPrint);
    return () => window.removeEventListener('beforeprint', sizeMapForPrint);
  }, []);
  return printing ? <PrintedHandout dataset={dataset} /> : null;
}

function PrintedHandout({ dataset }: { dataset: Dataset }) {
  const { filters } = useDeferredFilters();
  const { pins } = useLeads(dataset.figures);
  return <HandoutTables dataset={dataset} filters={filters} pins={pins} />;
}

/** The tables, for the filters given (the deferred ones); memoised, so a filter click does not redraw them. */
const HandoutTables = memo(function HandoutTables({
  dataset,
  filters,
  pins,
}: {
  dataset: Dataset;
  filters: Filters;
  pins: readonly LeadPin[];
}) {
  const titleId = useId();
  const { others, hasLeads, actors, events, stories } = useMemo(() => {
    const figures = selectFigures(dataset, filters);
    const events = selectEvents(dataset, filters);
    const actors = selectActors(dataset, filters, NO_ACTOR_FILTERS);
    const shown = { figures, events, actors };
    // The lead figures print first, from the explore view; the table holds every other figure.
    const leads = new Set(leadFigures(pins, figures, dataset.sources));
    return {
      others: figures.filter((f) => !leads.has(f)),
      hasLeads: leads.size > 0,
      actors: actorRows(dataset, actors, shown).sort((a, b) => a.name.localeCompare(b.name)),
      events: eventRows(dataset, events),
      stories: storyRows(dataset.sources, shown).filter((s) => s.figures + s.events + s.statements > 0),
    };
  }, [dataset, filters, pins]);

  return (
    <section className="print-handout" aria-labelledby={titleId}>
      <h2 id={titleId} className="visually-hidden">
        Handout tables
      </h2>
      {others.length > 0 && (
        <div className="print-handout__part">
          <h2>
            {hasLeads ? 'More figures' : 'Figures'} ({others.length})
          </h2>
          <FigureSlideContent figures={others} cards={false} />
        </div>
      )}
      <div className="print-handout__part">
        <h2>Actors ({actors.length})</h2>
        <ActorTable actors={actors} />
      </div>
      <div className="print-handout__part">
        <h2>Timeline ({events.length} events)</h2>
        <EventTable events={events} />
      </div>
      <div className="print-handout__part">
        <h2>Sources</h2>
        <StoryTable stories={stories} />
      </div>
    </section>
  );
});
