import { Suspense, useMemo, type ReactNode } from 'react';
import { ChartSlide, FigureClaimChecks, FrontlineChart, MapPanel } from './lazy-panels';
import { CHECKED_FIGURES } from '../model/frontline/checked-figures';
import { FRONTLINE_ATTRIBUTION } from '../model/frontline/frontline';
import { occupiedChartMatches } from '../model/frontline/frontline-series';
import type { Dataset } from '../model/dataset/schema';
import {
  ALL_SLIDES,
  actorRows,
  contributingSources,
  deckSlides,
  eventRows,
  paginate,
  partTitle,
  speakerNotes,
  storyRows,
  summarise,
  topByMeasure,
} from '../model/deck/deck';
import { leadFigures, newestEstimate } from '../model/measures/leads';
import { useLeads } from '../state/use-leads';
import { NO_ACTOR_FILTERS, selectActors } from '../model/dataset/actor-selectors';
import { selectEvents } from '../model/dataset/event-selectors';
import { asOfDate, coverageWords, formatDate, formatEventDate, sourceByline } from '../model/format/format';
import { describeFilters, selectFigures } from '../model/dataset/selectors';
import { eventsAtScale, weekOf, type TimelineScale } from '../model/dataset/timeline';
import { usePrefs } from '../state/prefs';
import { useChoices } from '../state/store';
import { useFilters } from '../state/use-filters';
import { useFrontlineDate } from '../state/use-frontline-index';
import { Deck, type BriefSlide } from '../features/deck/deck';
import { PresenterView } from '../features/deck/presenter-view';
import { isPresenterWindow } from '../features/deck/presenter-window';
import {
  ActorTable,
  EventTable,
  FigureSlideContent,
  StoryTable,
  TitleSlideContent,
} from '../features/deck/slide-content';
import { chartFigures } from '../features/charts/chart-figures';
import { chartSpecsFor, OVER_TIME_PREFIX, TOPIC_PREFIX } from '../features/charts/chart-specs';
import { useSinceSlide } from '../features/since/use-since-slide';

/**
 * How many items a 1920×1080 slide holds at its text size (≥ 24 px): longer lists run over several
 * slides, "Actors (1/7)"… The deck's journey checks that no slide's body overflows.
 */
const PER_SLIDE = { leadFigures: 6, figures: 7, actors: 10, events: 8, stories: 9 } as const;
/**
 * The most slides a list or a kind of chart takes: the deck summarises (the top figures by measure, the most
 * cited actors, the newest events); the handout and the exports keep every item.
 */
const MAX_SLIDES = { figures: 2, actors: 2, events: 2, stories: 2, charts: 4 } as const;

/** The last line of a summarised list's last slide: what is left out, and where it is. */
function More({ count, what, where }: { count: number; what: string; where: string }) {
  if (count <= 0) return null;
  return (
    <p className="slide-more">
      …and {count} more {what}: {where}.
    </p>
  );
}

/** The timeline slide's scale in words: the newest article's week, or the whole war. */
function scaleWords(scale: TimelineScale, asOf: string): string {
  const week = weekOf(asOf);
  return scale === 'week'
    ? `the week of the newest article (${formatEventDate({ date: week.from, endDate: week.to })})`
    : 'the war (2014 onward)';
}

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

/** Slides of one kind: the first keeps the kind's id, the later parts get "-2", "-3"… */
function parts<P>(
  id: string,
  title: string,
  pages: readonly P[],
  build: (page: P) => Omit<BriefSlide, 'id' | 'title'>,
): BriefSlide[] {
  return pages.map((page, i) => ({
    id: i === 0 ? id : `${id}-${i + 1}`,
    title: partTitle(title, i, pages.length),
    ...build(page),
  }));
}

/**
 * The brief view: a deck of slides built from the data under the filters and focus, one idea per slide.
 * `tools`: more buttons for the deck's bar (the projected window's; the presenter view has its own).
 */
export function BriefView({ dataset, tools }: { dataset: Dataset; tools?: ReactNode }) {
  const filters = useFilters();
  const scale = useChoices((s) => s.scale);
  const asOf = asOfDate(dataset.sources);
  const { pins } = useLeads(dataset.figures);
  // The map slide's situation (by default the newest on or before the articles' date) and the one it is
  // compared with.
  const shownFrontline = useFrontlineDate(asOf);
  const compare = useChoices((s) => s.compare);
  const custom = usePrefs((s) => s.deck);
  const since = useSinceSlide(dataset, filters);
  const words = describeFilters(dataset, filters);
  const subject = words.length > 0 ? words.join(' · ') : 'Ukraine, Russia and Taiwan';

  const slides = useMemo<BriefSlide[]>(() => {
    const figures = selectFigures(dataset, filters);
    const events = selectEvents(dataset, filters);
    const actors = selectActors(dataset, filters, NO_ACTOR_FILTERS);
    const shown = { figures, events, actors };
    const title = (id: string) => ALL_SLIDES.find((s) => s.id === id)!.title;
    /** A chart's slide, or null when none of its figures match the filters. */
    const chartSlide = (specId: string, slideTitle: string): BriefSlide | null => {
      const charted = chartFigures(dataset, filters, specId);
      if (charted.length === 0) return null;
      return {
        id: specId,
        title: slideTitle,
        content: (
          <Suspense fallback={<p>Loading the chart…</p>}>
            <ChartSlide dataset={dataset} specId={specId} />
          </Suspense>
        ),
        // What the chart shows is said, not projected: the slide keeps its height for the bars.
        notes: [
          ...chartSpecsFor(dataset)
            .filter((spec) => spec.id === specId)
            .map((spec) => `About this chart: ${spec.description}`),
          ...speakerNotes(charted, dataset.sources),
        ],
        sources: sourcesLine(
          dataset,
          charted.map((f) => f.sourceId),
        ),
      };
    };
    const make = (id: string): BriefSlide[] => {
      if (id === 'since') return since ? [{ id, title: title(id), ...since }] : [];
      if (id === 'title') {
        const stories = storyRows(contributingSources(dataset.sources, figures, events), shown);
        return [
          {
            id,
            title: `Briefing: ${subject}`,
            content: (
              <TitleSlideContent
                lead={`As reported in ${coverageWords(dataset.sources)} · as of ${formatDate(asOf)}`}
                figureCount={figures.length}
                eventCount={events.length}
                stories={stories}
              />
            ),
            notes: [
              `${figures.length} figures and ${events.length} events match: ${subject}.`,
              ...stories.map((s) => `${s.byline}, “${s.title}”, ${formatDate(s.published)}`),
            ],
            sources: sourcesLine(
              dataset,
              stories.map((s) => s.id),
            ),
          },
        ];
      }
      if (id === 'key-figures') {
        if (figures.length === 0) return [];
        const leads = leadFigures(pins, figures, dataset.sources).slice(0, PER_SLIDE.leadFigures);
        // Then every other figure when they fit the slides; else the newest estimate of each other measure,
        // the newest stories first.
        const others = figures.filter((f) => !leads.includes(f));
        const ledMeasures = new Set(leads.map((f) => f.measure));
        const bySource = new Map(dataset.sources.map((x) => [x.id, x]));
        const rest =
          others.length <= PER_SLIDE.figures * MAX_SLIDES.figures
            ? others
            : topByMeasure(
                others.filter((f) => !ledMeasures.has(f.measure)),
                dataset.sources,
                (estimates) => newestEstimate(estimates, bySource),
              );
        const summary = summarise(rest, PER_SLIDE.figures, MAX_SLIDES.figures);
        const left = figures.length - leads.length - summary.pages.flat().length;
        const pages = [
          ...(leads.length > 0 ? [{ cards: true, figures: leads, last: false }] : []),
          ...summary.pages.map((page, i) => ({
            cards: false,
            figures: page,
            last: i === summary.pages.length - 1,
          })),
        ];
        return parts(id, title(id), pages, (page) => ({
          content: (
            <>
              <FigureSlideContent figures={page.figures} cards={page.cards} />
              {page.last && (
                <More
                  count={left}
                  what="figures (other estimates of these measures, and more measures)"
                  where="every one is in the handout and the CSV export"
                />
              )}
            </>
          ),
          notes: speakerNotes(page.figures, dataset.sources),
          sources: sourcesLine(
            dataset,
            page.figures.map((f) => f.sourceId),
          ),
        }));
      }
      if (id === 'chart-over-time' || id === 'chart-topics') {
        // One slide per chart of the kind: each measure's estimates over time, each topic of added figures.
        const prefix = id === 'chart-over-time' ? OVER_TIME_PREFIX : TOPIC_PREFIX;
        const specs = chartSpecsFor(dataset).filter((spec) => spec.id.startsWith(prefix));
        const slides = specs
          .map((spec) => chartSlide(spec.id, spec.title))
          .filter((s) => s !== null)
          .slice(0, MAX_SLIDES.charts);
        return slides.map((slide, i) => ({ ...slide, id: i === 0 ? id : `${id}-${i + 1}` }));
      }
      if (id.startsWith('chart-')) {
        const slide = chartSlide(id.slice('chart-'.length), title(id));
        return slide ? [{ ...slide, id }] : [];
      }
      if (id === 'occupied-area') {
        if (!occupiedChartMatches(filters)) return [];
        return [
          {
            id,
            title: title(id),
            content: (
              <Suspense fallback={<p>Loading the chart…</p>}>
                <FrontlineChart asOf={asOf} slide />
              </Suspense>
            ),
            notes: [
              'The occupied area of Ukraine as DeepState maps it, by day since July 2024, Crimea and the areas held before 2022 included; the bars are net gains by month (ground taken minus ground retaken).',
              'Days with no file break the line; stale fetches, backfilled and suspect days are marked, not smoothed (data/geo/history/SOURCES.md).',
            ],
            sources: `${FRONTLINE_ATTRIBUTION} · data/geo/history/SOURCES.md`,
          },
        ];
      }
      if (id === 'claim-checks') {
        const checked = figures.filter((f) => CHECKED_FIGURES.has(f.id));
        if (checked.length === 0) return [];
        return [
          {
            id,
            title: title(id),
            content: (
              <ul className="slide-checks">
                {checked.map((f) => (
                  <li key={f.id} className="slide-checks__item" data-figure-id={f.id}>
                    <span className="slide-checks__label">
                      {f.label} ({f.claimant}): <q>{f.quote}</q>
                    </span>
                    <Suspense fallback={<p>Checking against the map…</p>}>
                      <FigureClaimChecks figureId={f.id} figures={dataset.figures} variant="note" />
                    </Suspense>
                  </li>
                ))}
              </ul>
            ),
            notes: [
              'Each claim beside what DeepState’s own geometry gives; the claims are never adjusted. The figure’s detail has the dates, values and tolerance.',
              ...speakerNotes(checked, dataset.sources),
            ],
            sources: `${sourcesLine(
              dataset,
              checked.map((f) => f.sourceId),
            )} · ${FRONTLINE_ATTRIBUTION}`,
          },
        ];
      }
      if (id === 'map') {
        const frontline = shownFrontline ? formatDate(shownFrontline) : 'of the articles’ date';
        return [
          {
            id,
            title: title(id),
            content: (
              <Suspense fallback={<p>Loading the map…</p>}>
                <MapPanel dataset={dataset} />
              </Suspense>
            ),
            notes: [
              `Front line: DeepStateMap.live, situation ${frontline}${compare ? `, compared with ${formatDate(compare)}` : ''}.`,
              ...events.filter((e) => e.placeIds.length > 0).map((e) => `${formatEventDate(e)}: ${e.title}`),
            ],
            sources: `Front line: DeepStateMap.live (situation ${frontline}${compare ? `, compared with ${formatDate(compare)}` : ''}) · Borders: Natural Earth · Places: GeoNames`,
          },
        ];
      }
      if (id === 'actors') {
        if (actors.length === 0) return [];
        const byId = new Map(actors.map((a) => [a.id, a]));
        // The most cited actors first (figures, events and statements under the filters).
        const summary = summarise(actorRows(dataset, actors, shown), PER_SLIDE.actors, MAX_SLIDES.actors);
        const lastPage = summary.pages.at(-1);
        return parts(id, title(id), summary.pages, (page) => ({
          content: (
            <>
              <ActorTable actors={page} />
              {page === lastPage && <More count={summary.more} what="actors" where="all of them are in the handout" />}
            </>
          ),
          notes: page.flatMap((row) => {
            const statement = byId.get(row.id)?.statements[0];
            return statement ? [`${row.name}: “${statement.quote}”`] : [`${row.name}: ${row.role}`];
          }),
          sources: sourcesLine(
            dataset,
            page.flatMap((row) => byId.get(row.id)?.statements.map((s) => s.sourceId) ?? []),
          ),
        }));
      }
      if (id === 'timeline') {
        const inWindow = eventsAtScale(events, scale, asOf);
        if (inWindow.length === 0) return [];
        const byId = new Map(inWindow.map((e) => [e.id, e]));
        // The newest events, in date order; the earlier ones are counted.
        const most = PER_SLIDE.events * MAX_SLIDES.events;
        const rows = eventRows(dataset, inWindow);
        const earlier = Math.max(0, rows.length - most);
        const pages = paginate(rows.slice(earlier), PER_SLIDE.events);
        return parts(id, `${title(id)}: ${scaleWords(scale, asOf)}`, pages, (page) => ({
          content: (
            <>
              {page === pages[0] && (
                <More count={earlier} what="earlier events" where="all of them are in the handout" />
              )}
              <EventTable events={page} />
            </>
          ),
          notes: page.map((row) => `${row.date}: ${row.title}. ${byId.get(row.id)?.summary ?? ''}`.trim()),
          sources: sourcesLine(
            dataset,
            page.flatMap((row) => byId.get(row.id)?.sourceIds ?? []),
          ),
        }));
      }
      if (id === 'sources') {
        const stories = storyRows(contributingSources(dataset.sources, figures, events), shown);
        if (stories.length === 0) return [];
        const summary = summarise(stories, PER_SLIDE.stories, MAX_SLIDES.stories);
        const lastPage = summary.pages.at(-1);
        return parts(id, title(id), summary.pages, (page) => ({
          content: (
            <>
              <StoryTable stories={page} />
              {page === lastPage && (
                <More count={summary.more} what="stories" where="all of them are in the handout and under Sources" />
              )}
            </>
          ),
          notes: page.map(
            (s) =>
              `${s.byline}, “${s.title}”, ${formatDate(s.published)}: ${s.figures} figures, ${s.events} events, ${s.statements} quotes under these filters.`,
          ),
          sources: sourcesLine(
            dataset,
            page.map((s) => s.id),
          ),
        }));
      }
      return [];
    };
    const built = new Map(ALL_SLIDES.map((s) => [s.id, make(s.id)]));
    return deckSlides(custom, (id) => (built.get(id)?.length ?? 0) > 0).flatMap((s) => built.get(s.id)!);
  }, [dataset, filters, custom, subject, asOf, scale, since, shownFrontline, compare, pins]);

  if (isPresenterWindow()) return <PresenterView slides={slides} subject={subject} asOf={asOf} />;
  return <Deck slides={slides} subject={subject} asOf={asOf} tools={tools} />;
}
