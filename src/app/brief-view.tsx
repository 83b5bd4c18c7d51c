import { Suspense, useMemo } from 'react';
import { ChartSlide, MapPanel } from './lazy-panels';
import type { Dataset } from '../model/schema';
import { ALL_SLIDES, deckSlides, speakerNotes } from '../model/deck';
import { selectEvents } from '../model/event-selectors';
import { asOfDate, formatDate, formatEventDate, sourceByline } from '../model/format';
import { describeFilters, selectFigures } from '../model/selectors';
import { usePrefs } from '../state/prefs';
import { useFilters } from '../state/use-filters';
import { Deck, type BriefSlide } from '../features/briefing/deck';
import { chartFigures } from '../features/charts/chart-figures';
import { KeyFigures } from '../features/key-figures/key-figures';
import { ActorPanel } from '../features/actors/actor-panel';
import { Timeline } from '../features/timeline/timeline';
import { SourceList } from '../features/sources/source-list';

/** Publishers of a set of figures, or every story's publisher. */
function sourcesLine(dataset: Dataset, sourceIds: readonly string[]): string {
  const ids = sourceIds.length > 0 ? sourceIds : dataset.sources.map((s) => s.id);
  const names = [
    ...new Set(
      ids
        .map((id) => dataset.sources.find((s) => s.id === id))
        .filter((s) => !!s)
        .map((s) => sourceByline(s!)),
    ),
  ];
  return `Sources: ${names.join('; ')}`;
}

/** The brief view: the features of the explore view, one per slide, following filters and focus. */
export function BriefView({ dataset }: { dataset: Dataset }) {
  const filters = useFilters();
  const custom = usePrefs((s) => s.deck);
  const asOf = asOfDate(dataset.sources);
  const words = describeFilters(dataset, filters);
  const subject = words.length > 0 ? words.join(' · ') : 'Ukraine, Russia and Taiwan';

  const slides = useMemo<BriefSlide[]>(() => {
    const figures = selectFigures(dataset, filters);
    const events = selectEvents(dataset, filters);
    const title = (id: string) => ALL_SLIDES.find((s) => s.id === id)!.title;
    const make = (id: string): BriefSlide | null => {
      if (id === 'title') {
        return {
          id,
          title: `Briefing: ${subject}`,
          content: (
            <div className="title-slide">
              <p className="title-slide__lead">As reported on 12–14 February 2025 · as of {formatDate(asOf)}</p>
              <p>
                {figures.length} sourced figures · {events.length} dated events
              </p>
              <ul>
                {dataset.sources.map((s) => (
                  <li key={s.id}>
                    {sourceByline(s)}, <cite>{s.title}</cite>, {formatDate(s.published)}
                  </li>
                ))}
              </ul>
            </div>
          ),
          notes: [`${figures.length} figures and ${events.length} events match: ${subject}.`],
          sources: sourcesLine(dataset, []),
        };
      }
      if (id === 'key-figures') {
        if (figures.length === 0) return null;
        return {
          id,
          title: title(id),
          content: <KeyFigures dataset={dataset} />,
          notes: speakerNotes(figures, dataset.sources),
          sources: sourcesLine(
            dataset,
            figures.map((f) => f.sourceId),
          ),
        };
      }
      if (id.startsWith('chart-')) {
        const specId = id.slice('chart-'.length);
        const shown = chartFigures(dataset, filters, specId);
        if (shown.length === 0) return null;
        return {
          id,
          title: title(id),
          content: (
            <Suspense fallback={<p>Loading the chart…</p>}>
              <ChartSlide dataset={dataset} specId={specId} />
            </Suspense>
          ),
          notes: speakerNotes(shown, dataset.sources),
          sources: sourcesLine(
            dataset,
            shown.map((f) => f.sourceId),
          ),
        };
      }
      if (id === 'map') {
        return {
          id,
          title: title(id),
          content: (
            <Suspense fallback={<p>Loading the map…</p>}>
              <MapPanel dataset={dataset} />
            </Suspense>
          ),
          notes: [
            'Front line: DeepStateMap.live, situation 13 Feb 2025.',
            ...events.filter((e) => e.placeIds.length > 0).map((e) => `${formatEventDate(e)}: ${e.title}`),
          ],
          sources: 'Front line: DeepStateMap.live (situation 13 Feb 2025) · Borders: Natural Earth · Places: GeoNames',
        };
      }
      if (id === 'actors') {
        return {
          id,
          title: title(id),
          content: <ActorPanel dataset={dataset} />,
          notes: [],
          sources: sourcesLine(dataset, []),
        };
      }
      if (id === 'timeline') {
        if (events.length === 0) return null;
        return {
          id,
          title: title(id),
          content: <Timeline dataset={dataset} />,
          notes: events.map((e) => `${formatEventDate(e)}: ${e.title}`),
          sources: sourcesLine(
            dataset,
            events.flatMap((e) => e.sourceIds),
          ),
        };
      }
      if (id === 'sources') {
        return {
          id,
          title: title(id),
          content: <SourceList dataset={dataset} />,
          notes: [],
          sources: sourcesLine(dataset, []),
        };
      }
      return null;
    };
    const built = new Map(ALL_SLIDES.map((s) => [s.id, make(s.id)]));
    return deckSlides(custom, (id) => built.get(id) != null).map((s) => built.get(s.id)!);
  }, [dataset, filters, custom, subject, asOf]);

  return <Deck slides={slides} subject={subject} asOf={asOf} />;
}
