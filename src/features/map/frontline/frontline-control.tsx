/**
 * "Front line date" and "Compare with": native selects (arrow keys step through the dates), with
 * Earlier/Later buttons. Each choice goes to the store, which puts it in the URL (Back restores it).
 */
import { useId } from 'react';
import { useChoices } from '../../../state/store';
import { earlierSituations, situationOptionText, stepSituation } from './frontline-text';
import type { FrontlineState } from './use-frontline';

export function FrontlineControl({ state }: { state: FrontlineState }) {
  const setFrontline = useChoices((s) => s.setFrontline);
  const setCompare = useChoices((s) => s.setCompare);
  const compare = useChoices((s) => s.compare);
  const { index, requested, target, defaultDate } = state;
  const current = target?.date ?? requested;
  // The situation of the articles' date is the default: the store holds null for it, so the URL stays short.
  const show = (date: string | null) => {
    if (!date || !index) return;
    setFrontline(date === defaultDate ? null : date);
  };
  const earlier = index ? stepSituation(index, current, -1) : null;
  const later = index ? stepSituation(index, current, 1) : null;
  const candidates = index ? earlierSituations(index, current) : [];
  // Labels point at their selects (not wrapped around them), so the names are exactly the labels' words.
  const dateId = useId();
  const compareId = useId();

  return (
    <div className="frontline-control" role="group" aria-label="Front line over time">
      <div className="frontline-control__date">
        <button
          type="button"
          className="button button--quiet frontline-control__step"
          aria-label="Earlier situation"
          title="Earlier situation"
          onClick={() => show(earlier)}
          disabled={!earlier}
        >
          ‹
        </button>
        <div className="frontline-control__field">
          <label htmlFor={dateId}>Front line date</label>
          <select id={dateId} value={index ? current : ''} disabled={!index} onChange={(e) => show(e.target.value)}>
            {!index && <option value="">{state.indexError ? 'Unavailable' : 'Loading dates…'}</option>}
            {index?.situations.map((s) => (
              <option key={s.date} value={s.date}>
                {situationOptionText(s, defaultDate)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--quiet frontline-control__step"
          aria-label="Later situation"
          title="Later situation"
          onClick={() => show(later)}
          disabled={!later}
        >
          ›
        </button>
      </div>
      <div className="frontline-control__field">
        <label htmlFor={compareId}>Compare with</label>
        <select
          id={compareId}
          value={state.compareWith?.date ?? ''}
          disabled={!index || candidates.length === 0}
          onChange={(e) => setCompare(e.target.value || null)}
        >
          <option value="">No comparison</option>
          {candidates.map((s) => (
            <option key={s.date} value={s.date}>
              {situationOptionText(s, defaultDate)}
            </option>
          ))}
        </select>
      </div>
      {compare && state.compareWith === null && index && (
        <button type="button" className="button button--quiet" onClick={() => setCompare(null)}>
          Clear comparison
        </button>
      )}
    </div>
  );
}
