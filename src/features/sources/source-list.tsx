import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Dataset, Source } from '../../model/dataset/schema';
import { formatDate, plural, sourceByline } from '../../model/format/format';
import { describeFilters, hasFilters, type Filters, type SourceUse } from '../../model/dataset/selectors';
import { selectSourcesInView } from '../../model/dataset/source-selectors';
import { useDeferredFilters } from '../../state/use-filters';
import { removePack, useAddedPack } from '../../state/pack-actions';
import { addedOn } from '../../state/user-data-labels';
import './source-list.css';

/** "Remove" for a story the analyst added: asks once more, then takes the story and its items off the dashboard. */
function RemoveAddedStory({ source }: { source: Source }) {
  const pack = useAddedPack(source.id);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (!pack) return null;
  if (!confirming) {
    return (
      <button
        type="button"
        className="link-button source-list__remove"
        aria-label={`Remove: ${source.title}`}
        onClick={() => setConfirming(true)}
      >
        Remove
      </button>
    );
  }
  return (
    <span className="source-list__confirm" role="group" aria-label={`Confirm removing ${source.title}`}>
      <span>Remove this story and everything added from it?</span>
      <button
        ref={confirmRef}
        type="button"
        className="button source-list__confirm-remove"
        onClick={() => void removePack(pack.id)}
      >
        Yes, remove
      </button>
      <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}

/** How many stories a publisher's list shows at first, and how many more each "Show more" adds. */
export const FIRST_STORIES = 20;
const MORE_STORIES = 100;

/**
 * One publisher's stories, the first FIRST_STORIES and then more on demand: a team's two years hold thousands of
 * stories. The print handout's table of sources has them all.
 */
function SourceGroup({ publisher, uses }: { publisher: string; uses: readonly SourceUse[] }) {
  const [limit, setLimit] = useState(FIRST_STORIES);
  const hidden = uses.length - Math.min(uses.length, limit);
  return (
    <div className="source-group">
      <h3>
        {publisher}
        {uses[0] && uses[0].source.outlet !== publisher ? `, compiled by ${uses[0].source.outlet}` : ''}
      </h3>
      <ul className="source-list">
        {uses.slice(0, limit).map(({ source, figures, statements, events }) => (
          <li key={source.id} data-source-id={source.id} data-added={source.addedAt ? '' : undefined}>
            <cite>{source.title}</cite>
            <span className="source-list__meta">
              {sourceByline(source)} · <time dateTime={source.published}>{formatDate(source.published)}</time> ·{' '}
              {plural(figures, 'figure')}, {plural(statements, 'quote')}, {plural(events, 'event')}
            </span>
            {source.addedAt && (
              <span className="source-list__added">
                <span>added {addedOn(source.addedAt)}</span>
                <RemoveAddedStory source={source} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" className="button button--quiet" onClick={() => setLimit((n) => n + MORE_STORIES)}>
          {hidden <= MORE_STORIES
            ? `Show the other ${plural(hidden, 'story', 'stories')} from ${publisher}`
            : `Show ${MORE_STORIES} more stories from ${publisher} (${hidden} not shown)`}
        </button>
      )}
    </div>
  );
}

/**
 * The stories every number and quote comes from, grouped by publisher; stories the analyst added say so.
 * It follows the filters: only the stories behind what is shown, with the counts of what is shown.
 */
export function SourceList({ dataset }: { dataset: Dataset }) {
  const { filters, pending } = useDeferredFilters();
  return (
    <div className="deferred-panel" aria-busy={pending} data-pending={pending || undefined}>
      <SourceListBody dataset={dataset} filters={filters} />
    </div>
  );
}

/**
 * What the list draws, for the filters it is given (the deferred ones). Memoised, so that a filter click
 * re-renders only the wrapper's busy flag; the list catches up after the click has painted.
 */
const SourceListBody = memo(function SourceListBody({ dataset, filters }: { dataset: Dataset; filters: Filters }) {
  const { groups, contributing, total } = useMemo(() => selectSourcesInView(dataset, filters), [dataset, filters]);
  const filtered = hasFilters(filters);
  return (
    <>
      <p className="source-list__summary" role="status">
        {filtered &&
          `${
            contributing === 0
              ? 'No story contributes to this selection'
              : `${contributing} of ${total} ${total === 1 ? 'story' : 'stories'} ${
                  contributing === 1 ? 'contributes' : 'contribute'
                } to this selection`
          } · ${describeFilters(dataset, filters).join(' · ')}`}
      </p>
      {[...groups].map(([publisher, uses]) => (
        <SourceGroup key={publisher} publisher={publisher} uses={uses} />
      ))}
      <p className="fine-print">
        Every number on this page is stated in one of these stories; its verbatim quote is one click away. Front line:
        DeepStateMap.live (situation 13 Feb 2025).
      </p>
    </>
  );
});
