import { Suspense, useCallback, useEffect, useState } from 'react';
import { CHECKED_FIGURES } from '../model/frontline/checked-figures';
import { ChartsPanel, chartsPanel, FigureClaimChecks, FrontlineChartPanel, MapPanel, mapPanel } from './lazy-panels';
import type { Dataset } from '../model/dataset/schema';
import { articleSpan, asOfDate, coverageWords } from '../model/format/format';
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
import { useMergedDataset } from '../state/merged';
import { useUserData } from '../state/user-data';
import { useAfterPaint } from '../state/use-filters';
import { AddArticleButton } from '../features/add-article/add-article-button';
import { YourData } from './your-data';
import { StorageNotice } from '../features/your-data/storage-notice';
import { SaveBriefingButton } from '../features/saved-briefings/save-briefing-button';
import { SinceRegion } from '../features/since/since-region';
import { PrintHandout } from '../features/deck/print-handout';
import { ReadOnlyAdd } from '../features/workspace/read-only-add';
import { useReadOnlyReason, useWorkspace } from '../state/workspace/workspace-store';
import { lazyWithRetry } from '../components/lazy-with-retry';
import { workspaceServerLikely } from '../state/workspace/probe';

/** The header's "Workspace" control loads only where a workspace server answered (or answered before). */
const WorkspaceButton = lazyWithRetry(
  () => import('../features/workspace/workspace-button'),
  (m) => m.WorkspaceButton,
).Lazy;

/** After the first paint, looks for a team workspace server (its code loads then; nothing is asked before). */
function useStartWorkspace() {
  useEffect(() => {
    let cancelled = false;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        if (cancelled) return;
        // The sync's code loads only where a workspace server answers (or answered before, for offline).
        void workspaceServerLikely()
          .then((likely) => (likely && !cancelled ? import('../state/workspace/workspace-sync') : null))
          .then((m) => m?.startWorkspace())
          // No server, or its code could not load: the dashboard works as without a workspace.
          .catch(() => undefined);
      }, 0),
    );
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, []);
}

/** How long the heavy panels wait for this browser's stored data at most (a storage that never answers). */
const STORED_DATA_WAIT_MS = 10_000;

/**
 * True while this browser's stored packs, pins and edits are being read (at most STORED_DATA_WAIT_MS; the saved
 * briefings come after them and hold nothing up): the heavy panels wait, rather than render the shipped data alone
 * and then everything again, on the same CPU the browser is reading storage with. An empty storage answers in
 * milliseconds.
 */
function useReadingStoredData(): boolean {
  const reading = useUserData((s) => s.status.kind === 'loading' && s.status.left !== 'briefings');
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (!reading) return;
    const timer = setTimeout(() => setWaited(true), STORED_DATA_WAIT_MS);
    return () => clearTimeout(timer);
  }, [reading]);
  return reading && !waited;
}

/**
 * The layout: the only place that composes features. `base` is the shipped dataset; every feature gets it
 * merged with what the analyst added (which joins when this browser's storage has been read).
 */
export function App({ dataset: base }: { dataset: Dataset }) {
  const dataset = useMergedDataset(base);
  // The heavy panels take new data (the analyst's, read after the first paint; a correction) only after the
  // filter bar and the lead figures have painted it, in a render React can interrupt.
  const { value: later, pending: updating } = useAfterPaint(dataset);
  const hold = useReadingStoredData();
  const asOf = asOfDate(dataset.sources);
  const coverage = coverageWords(dataset.sources);
  // The tab says what the data cover too.
  useEffect(() => {
    document.title = `Ukraine, Russia and Taiwan briefing · ${articleSpan(dataset.sources)}`;
  }, [dataset.sources]);
  const figures = dataset.figures;
  // A figure that data/checks.json checks against the map says so on its card (the check loads on demand).
  const cardNote = useCallback(
    (figureId: string) =>
      CHECKED_FIGURES.has(figureId) ? (
        <Suspense fallback={null}>
          <FigureClaimChecks figureId={figureId} figures={figures} variant="note" />
        </Suspense>
      ) : null,
    [figures],
  );
  const claimChecks = (figureId: string) => (
    <Suspense fallback={null}>
      <FigureClaimChecks figureId={figureId} figures={dataset.figures} />
    </Suspense>
  );
  const view = useChoices((s) => s.view);
  const setView = useChoices((s) => s.setView);
  const readOnly = useReadOnlyReason();
  const workspaceServer = useWorkspace((s) => s.server);
  useApplyTheme();
  useStartWorkspace();

  if (view === 'brief') {
    return (
      <div className="app app--brief">
        <BriefView dataset={dataset} tools={<SaveBriefingButton dataset={dataset} />} />
        <FigureDetail dataset={dataset} extra={claimChecks} />
        <EventDetail dataset={dataset} />
      </div>
    );
  }
  return (
    <div className="app">
      <AppHeader
        asOf={asOf}
        coverage={coverage}
        more={
          <>
            <ThemeSwitch />
            <button type="button" className="button button--quiet" onClick={() => window.print()}>
              Print handout
            </button>
            <button type="button" className="button" onClick={() => setView('brief')}>
              Present
            </button>
          </>
        }
      >
        {readOnly ? <ReadOnlyAdd reason={readOnly} /> : <AddArticleButton dataset={dataset} />}
        <YourData base={base} />
        <SaveBriefingButton dataset={dataset} />
        {workspaceServer && (
          <Suspense fallback={null}>
            <WorkspaceButton dataset={dataset} />
          </Suspense>
        )}
      </AppHeader>
      <StorageNotice />
      <main className="layout" id="main">
        <SinceRegion dataset={dataset} />
        <Region id="filters" title="Filters" className="region--filters">
          <FilterBar dataset={dataset} />
        </Region>
        <Region id="key-figures" title="Key figures" className="region--figures">
          <KeyFigures dataset={dataset} cardNote={cardNote} />
        </Region>
        <Region id="charts" title="Charts" className="region--charts" onRetry={chartsPanel.retry} busy={updating}>
          <Deferred what="the charts" hold={hold}>
            <ChartsPanel dataset={later} />
          </Deferred>
          <Deferred what="the occupied-area chart" hold={hold}>
            <FrontlineChartPanel asOf={asOf} />
          </Deferred>
        </Region>
        <Region id="map" title="Map" className="region--map" onRetry={mapPanel.retry} busy={updating}>
          <Deferred what="the map" hold={hold}>
            <MapPanel dataset={later} />
          </Deferred>
        </Region>
        <Region id="actors" title="Actors" className="region--actors" busy={updating}>
          <Deferred what="the actors" hold={hold}>
            <ActorPanel dataset={later} />
          </Deferred>
        </Region>
        <Region id="timeline" title="Timeline" className="region--timeline" busy={updating}>
          <Deferred what="the timeline" hold={hold}>
            <Timeline dataset={later} />
          </Deferred>
        </Region>
        <Region id="sources" title="Sources" className="region--sources" busy={updating}>
          <Deferred what="the sources" hold={hold}>
            <SourceList dataset={later} />
          </Deferred>
        </Region>
      </main>
      <PrintHandout dataset={dataset} />
      <FigureDetail dataset={dataset} extra={claimChecks} />
      <EventDetail dataset={dataset} />
    </div>
  );
}
