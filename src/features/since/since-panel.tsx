import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { countChanges } from '../../model/briefing/briefing-compare';
import { formatDateTime, plural } from '../../model/format/format';
import type { Dataset } from '../../model/dataset/schema';
import { describeFilters, hasFilters } from '../../model/dataset/selectors';
import { useFilters } from '../../state/use-filters';
import { changePhrases, restPhrases } from './since-words';
import { useBriefing, useFrontlineChange, useFrontlineNow, useSince } from './use-since';
import './since.css';
import { briefingContents, type Briefing } from '../../model/briefing/briefing';
import { AllChanges } from './since-all-changes';
import { MOVED_SHOWN, MoreButton, type Lookups } from './since-common';
import { FrontlineSection } from './since-frontline';
import { MovedTable, NewMeasures } from './since-moved';
import { BriefingPicker, CloseButton, exportChanges, usePrintOpen } from './since-toolbar';

/** "Compared with “Monday”, saved …", the picker, the exports (once there is something to export) and Close. */
function SinceHead({ briefing, children }: { briefing: Briefing; children?: ReactNode }) {
  return (
    <div className="since__head">
      <p className="since__against">
        Compared with <strong>“{briefing.name}”</strong>, saved{' '}
        <time dateTime={briefing.savedAt}>{formatDateTime(briefing.savedAt)}</time>{' '}
        <span className="since__muted">({briefingContents(briefing)})</span>
      </p>
      <div className="since__toolbar">
        <BriefingPicker current={briefing.id} />
        {children}
        <CloseButton />
      </div>
    </div>
  );
}

/** The "Since the last briefing" view: what changed between a saved briefing and the dashboard as it stands. */
export function SincePanel({ dataset, briefingId }: { dataset: Dataset; briefingId: string }) {
  const lookup = useBriefing(briefingId);
  const filters = useFilters();
  const briefing = lookup.kind === 'found' ? lookup.briefing : undefined;
  const since = useSince(dataset, briefing, filters);
  const nowDate = useFrontlineNow(dataset);
  const frontline = useFrontlineChange(briefing?.frontline, nowDate);
  const root = useRef<HTMLDivElement>(null);
  const movedId = useId();
  const allId = useId();
  const [allMoved, setAllMoved] = useState(false);
  // On paper every change is listed: the groups made only when opened are made now, before the page is laid out.
  const [printing, setPrinting] = useState(false);
  usePrintOpen(
    root,
    useCallback(() => flushSync(() => setPrinting(true)), []),
  );
  const figureIds = useMemo(() => new Set(dataset.figures.map((f) => f.id)), [dataset]);
  const sources = useMemo(
    () => new Map([...(briefing?.sources ?? []), ...dataset.sources].map((s) => [s.id, s])),
    [briefing, dataset],
  );

  if (lookup.kind === 'loading') return <p className="region__loading">Reading the briefings saved in this browser…</p>;
  if (lookup.kind === 'missing' || !briefing || !since) {
    return (
      <div className="since">
        <p role="alert" className="since__missing">
          No saved briefing “{briefingId}” in this browser. Briefings are kept where they were saved: import the data
          pack that holds it (“Your data” → “Import data pack”), or choose another one.
        </p>
        <div className="since__toolbar">
          <BriefingPicker current={briefingId} />
          <CloseButton />
        </div>
      </div>
    );
  }
  if (since.kind === 'working') {
    return (
      <div className="since" aria-busy="true">
        <SinceHead briefing={briefing} />
        <p role="status" className="since__working" data-testid="since-working">
          Comparing {plural(since.figures, 'figure')} with the {since.briefingFigures.toLocaleString('en-US')} in “
          {briefing.name}”…
        </p>
      </div>
    );
  }
  if (since.kind === 'error') {
    return (
      <div className="since">
        <SinceHead briefing={briefing} />
        <div role="alert" className="since__failed">
          <p>
            The comparison with “{briefing.name}” could not be made: {since.message}. Nothing is lost: the briefing and
            the dashboard are as they were.
          </p>
          <button type="button" className="button" onClick={since.retry}>
            Try again
          </button>
        </div>
      </div>
    );
  }

  const { shown, summary, allCounts } = since.result;
  const counts = countChanges(shown);
  const phrases = changePhrases(counts);
  const filterWords = describeFilters(dataset, filters);
  const lookups: Lookups = { dataset, sources, figureIds };
  const readyFrontline = frontline?.kind === 'ready' ? frontline.change : null;
  const allSources = [...lookups.sources.values()];
  const measures = dataset.measures;
  const hidden = allCounts.total + allCounts.estimates - (counts.total + counts.estimates);
  const rest = restPhrases(summary.rest, summary.moved.length + summary.newMeasures.length > 0);
  const anyChange = counts.total > 0;

  return (
    <div className="since" ref={root} aria-busy={since.updating}>
      <SinceHead briefing={briefing}>
        <button
          type="button"
          className="button button--quiet"
          disabled={since.updating}
          onClick={() => exportChanges('csv', briefing, shown, allSources, readyFrontline, filterWords, measures)}
        >
          Export changes (CSV)
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={since.updating}
          onClick={() => exportChanges('json', briefing, shown, allSources, readyFrontline, filterWords, measures)}
        >
          Export changes (JSON)
        </button>
      </SinceHead>
      {since.updating && (
        <p role="status" className="since__working since__working--quiet">
          Updating the comparison…
        </p>
      )}
      <p className="since__summary" data-testid="since-summary">
        {phrases.length > 0 ? `${phrases.join(' · ')}.` : 'Nothing in the data has changed since this briefing.'}
        {hasFilters(filters) && (
          <span className="since__muted">
            {' '}
            Under the filters {filterWords.join(' · ')}
            {hidden > 0 ? `; ${plural(hidden, 'other change')} not shown` : ''}.
          </span>
        )}
      </p>

      {anyChange && (
        <section className="since__section since__moved-section" aria-labelledby={movedId}>
          <div className="since__section-head">
            <h3>
              {/* The region's name stays "What moved"; the count follows it. */}
              <span id={movedId}>What moved</span>{' '}
              {summary.moved.length > 0 && <span className="since__count">({summary.moved.length})</span>}
            </h3>
            <MoreButton
              total={summary.moved.length}
              limit={MOVED_SHOWN}
              all={allMoved}
              onToggle={setAllMoved}
              what="measures that moved"
            />
          </div>
          {summary.moved.length > 0 ? (
            <div className="since__scroll">
              <MovedTable
                moved={summary.moved}
                lookups={lookups}
                shown={allMoved ? summary.moved.length : MOVED_SHOWN}
              />
            </div>
          ) : (
            <p className="since__muted">No measure has a new estimate or a corrected value.</p>
          )}
        </section>
      )}
      <NewMeasures measures={summary.newMeasures} lookups={lookups} />
      {rest.length > 0 && (
        <p className="since__rest" data-testid="since-rest">
          {summary.moved.length + summary.newMeasures.length > 0 ? 'Also: ' : ''}
          {rest.join(' · ')}; every change is listed under “All changes”.
        </p>
      )}
      <FrontlineSection state={frontline} thenDate={briefing.frontline} nowDate={nowDate} />

      {anyChange && (
        <AllChanges id={allId} summary={summary} shown={shown} counts={counts} lookups={lookups} printing={printing} />
      )}
    </div>
  );
}

export default SincePanel;
