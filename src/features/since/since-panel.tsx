import { useId, useRef, useState } from 'react';
import { countChanges } from '../../model/briefing/briefing-compare';
import { formatDateTime, plural } from '../../model/format/format';
import type { Dataset } from '../../model/dataset/schema';
import { describeFilters, hasFilters } from '../../model/dataset/selectors';
import { useFilters } from '../../state/use-filters';
import { changePhrases, restPhrases } from './since-words';
import { useBriefing, useComparison, useFrontlineChange, useFrontlineNow, useSinceSummary } from './use-since';
import './since.css';
import { briefingContents } from '../../model/briefing/briefing';
import { AllChanges } from './since-all-changes';
import { MOVED_SHOWN, MoreButton, type Lookups } from './since-common';
import { FrontlineSection } from './since-frontline';
import { MovedTable, NewMeasures } from './since-moved';
import { BriefingPicker, CloseButton, exportChanges, usePrintOpen } from './since-toolbar';

/** The "Since the last briefing" view: what changed between a saved briefing and the dashboard as it stands. */
export function SincePanel({ dataset, briefingId }: { dataset: Dataset; briefingId: string }) {
  const lookup = useBriefing(briefingId);
  const filters = useFilters();
  const briefing = lookup.kind === 'found' ? lookup.briefing : undefined;
  const comparison = useComparison(dataset, briefing, filters);
  const summary = useSinceSummary(dataset, briefing, comparison?.shown);
  const nowDate = useFrontlineNow(dataset);
  const frontline = useFrontlineChange(briefing?.frontline, nowDate);
  const root = useRef<HTMLDivElement>(null);
  const movedId = useId();
  const allId = useId();
  const [allMoved, setAllMoved] = useState(false);
  usePrintOpen(root);

  if (lookup.kind === 'loading') return <p className="region__loading">Reading the briefings saved in this browser…</p>;
  if (lookup.kind === 'missing' || !briefing || !comparison || !summary) {
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

  const { shown, all } = comparison;
  const counts = countChanges(shown);
  const phrases = changePhrases(counts);
  const filterWords = describeFilters(dataset, filters);
  const lookups: Lookups = {
    dataset,
    sources: new Map([...briefing.sources, ...dataset.sources].map((s) => [s.id, s])),
    figureIds: new Set(dataset.figures.map((f) => f.id)),
  };
  const readyFrontline = frontline?.kind === 'ready' ? frontline.change : null;
  const allSources = [...lookups.sources.values()];
  const measures = dataset.measures;
  const hidden = countChanges(all).total + countChanges(all).estimates - (counts.total + counts.estimates);
  const rest = restPhrases(summary.rest, summary.moved.length + summary.newMeasures.length > 0);
  const anyChange = counts.total > 0;

  return (
    <div className="since" ref={root}>
      <div className="since__head">
        <p className="since__against">
          Compared with <strong>“{briefing.name}”</strong>, saved{' '}
          <time dateTime={briefing.savedAt}>{formatDateTime(briefing.savedAt)}</time>{' '}
          <span className="since__muted">({briefingContents(briefing)})</span>
        </p>
        <div className="since__toolbar">
          <BriefingPicker current={briefing.id} />
          <button
            type="button"
            className="button button--quiet"
            onClick={() => exportChanges('csv', briefing, shown, allSources, readyFrontline, filterWords, measures)}
          >
            Export changes (CSV)
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => exportChanges('json', briefing, shown, allSources, readyFrontline, filterWords, measures)}
          >
            Export changes (JSON)
          </button>
          <CloseButton />
        </div>
      </div>
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

      {anyChange && <AllChanges id={allId} summary={summary} shown={shown} counts={counts} lookups={lookups} />}
    </div>
  );
}

export default SincePanel;
