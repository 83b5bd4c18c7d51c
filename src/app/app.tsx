import { ChartsPanel, chartsPanel, MapPanel, mapPanel } from './lazy-panels';
import type { Dataset } from '../model/schema';
import { asOfDate } from '../model/format';
import { Region } from '../components/region';
import { Deferred } from '../components/deferred';
import { FilterBar } from '../features/filters/filter-bar';
import { KeyFigures } from '../features/key-figures/key-figures';
import { FigureDetail } from '../features/figure-detail/figure-detail';
import { EventDetail } from '../features/event-detail/event-detail';
import { SourceList } from '../features/sources/source-list';
import { ActorPanel } from '../features/actors/actor-panel';
import { Timeline } from '../features/timeline/timeline';
import { AppHeader } from './app-header';
import { BriefView } from './brief-view';
import { ThemeSwitch, useApplyTheme } from '../components/theme-switch';
import { useChoices } from '../state/store';

/** The layout: the only place that composes features. */
export function App({ dataset }: { dataset: Dataset }) {
  const asOf = asOfDate(dataset.sources);
  const view = useChoices((s) => s.view);
  const setView = useChoices((s) => s.setView);
  useApplyTheme();

  if (view === 'brief') {
    return (
      <div className="app app--brief">
        <BriefView dataset={dataset} />
        <FigureDetail dataset={dataset} />
        <EventDetail dataset={dataset} />
      </div>
    );
  }
  return (
    <div className="app">
      <AppHeader asOf={asOf}>
        <ThemeSwitch />
        <button type="button" className="button button--quiet" onClick={() => window.print()}>
          Print handout
        </button>
        <button type="button" className="button" onClick={() => setView('brief')}>
          Present
        </button>
      </AppHeader>
      <main className="layout" id="main">
        <Region id="filters" title="Filters" className="region--filters">
          <FilterBar dataset={dataset} />
        </Region>
        <Region id="key-figures" title="Key figures" className="region--figures">
          <KeyFigures dataset={dataset} />
        </Region>
        <Region id="charts" title="Charts" className="region--charts" onRetry={chartsPanel.retry}>
          <Deferred what="the charts">
            <ChartsPanel dataset={dataset} />
          </Deferred>
        </Region>
        <Region id="map" title="Map" className="region--map" onRetry={mapPanel.retry}>
          <Deferred what="the map">
            <MapPanel dataset={dataset} />
          </Deferred>
        </Region>
        <Region id="actors" title="Actors" className="region--actors">
          <Deferred what="the actors">
            <ActorPanel dataset={dataset} />
          </Deferred>
        </Region>
        <Region id="timeline" title="Timeline" className="region--timeline">
          <Deferred what="the timeline">
            <Timeline dataset={dataset} />
          </Deferred>
        </Region>
        <Region id="sources" title="Sources" className="region--sources">
          <SourceList dataset={dataset} />
        </Region>
      </main>
      <FigureDetail dataset={dataset} />
      <EventDetail dataset={dataset} />
    </div>
  );
}
