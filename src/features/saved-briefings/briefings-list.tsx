import { useEffect, useId, useRef, useState } from 'react';
import type { Briefing } from '../../model/briefing/briefing';
import { formatDate, formatDateTime } from '../../model/format/format';
import { useChoices } from '../../state/store';
import { deleteBriefing, useUserData } from '../../state/user-data';

function BriefingItem({ briefing, onCompare }: { briefing: Briefing; onCompare: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const setSince = useChoices((s) => s.setSince);
  const since = useChoices((s) => s.since);
  const nameId = useId();

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  return (
    <li className="your-data__pack" data-briefing-id={briefing.id}>
      <cite id={nameId}>{briefing.name}</cite>
      <span className="your-data__meta">
        saved <time dateTime={briefing.savedAt}>{formatDateTime(briefing.savedAt)}</time> · {briefing.figures.length}{' '}
        figures · front line {formatDate(briefing.frontline)}
        {since === briefing.id && ' · compared now'}
      </span>
      {confirming ? (
        <span className="your-data__confirm" role="group" aria-label={`Confirm deleting ${briefing.name}`}>
          <span>Delete this briefing from this browser?</span>
          <button
            ref={confirmRef}
            type="button"
            className="button button--danger"
            onClick={() => {
              if (since === briefing.id) setSince(null);
              void deleteBriefing(briefing.id);
            }}
          >
            Yes, delete
          </button>
          <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <span className="your-data__pack-actions">
          <button
            type="button"
            className="button"
            aria-describedby={nameId}
            onClick={() => {
              setSince(briefing.id);
              onCompare();
            }}
          >
            Compare with briefing
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Delete briefing: ${briefing.name}`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        </span>
      )}
    </li>
  );
}

/**
 * The saved briefings, newest first: "Compare with briefing" opens the "Since the last briefing" view
 * (`since=` in the URL); "Delete" asks once more.
 */
export function BriefingsList({ onCompare }: { onCompare: () => void }) {
  const briefings = useUserData((s) => s.briefings);
  const reading = useUserData((s) => s.status.kind === 'loading');
  return (
    <>
      <h3 className="your-data__subheading">Briefings</h3>
      {reading && briefings.length === 0 ? (
        <p className="your-data__empty" role="status">
          Reading the briefings saved in this browser…
        </p>
      ) : briefings.length > 0 ? (
        <ul className="your-data__list" aria-label="Briefings">
          {[...briefings].reverse().map((b) => (
            <BriefingItem key={b.id} briefing={b} onCompare={onCompare} />
          ))}
        </ul>
      ) : (
        <p className="your-data__empty">
          No briefing saved yet. “Save briefing” keeps what the dashboard holds now, to see what changed at the next
          briefing.
        </p>
      )}
    </>
  );
}
