import { useId, type ReactNode } from 'react';
import { formatDate } from '../../model/format/format';
import type { FrontlineState } from './use-since';

const km2 = (n: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n)} km²`;

/** The front line between the briefing's date and the dashboard's: taken, retaken and net. */
export function FrontlineSection({
  state,
  thenDate,
  nowDate,
}: {
  state: FrontlineState | null;
  thenDate: string;
  nowDate: string | null;
}) {
  const id = useId();
  if (!state) return null;
  let body: ReactNode;
  if (state.kind === 'same') {
    body = (
      <p>
        The briefing and the dashboard both show the front line of {formatDate(state.date)}: the dates are the same, so
        there is no change to give. Choose another “Front line date” on the map to compare.
      </p>
    );
  } else if (state.kind === 'loading') {
    body = (
      <p>
        Working out the front line between {formatDate(state.earlier)} and {formatDate(state.later)}…
      </p>
    );
  } else if (state.kind === 'error') {
    body = (
      <p role="alert">
        The front line between {formatDate(state.earlier)} and {formatDate(state.later)} could not be compared:{' '}
        {state.message}.
      </p>
    );
  } else {
    const { change } = state;
    const direction = thenDate <= (nowDate ?? change.later) ? 'briefing → now' : 'now → briefing';
    body = (
      <>
        <p data-testid="since-frontline">
          From <time dateTime={change.earlier}>{formatDate(change.earlier)}</time> to{' '}
          <time dateTime={change.later}>{formatDate(change.later)}</time> ({direction}):{' '}
          <strong>{km2(change.takenKm2)} taken</strong> by Russian forces and{' '}
          <strong>{km2(change.retakenKm2)} retaken</strong> by Ukraine (net {km2(change.takenKm2 - change.retakenKm2)}
          ).
        </p>
        <p className="since__muted">
          {change.attribution}; areas of the simplified outlines the map draws, so a few km² either way are noise.
        </p>
      </>
    );
  }
  return (
    <section className="since__section since__frontline" aria-labelledby={id}>
      <h3 id={id}>Front line</h3>
      {body}
    </section>
  );
}
