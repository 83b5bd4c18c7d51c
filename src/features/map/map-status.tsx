import { formatDate } from '../../model/format/format';
import type { FrontlineState } from './frontline/use-frontline';

/** The situation date and the attribution, on the map itself (never scrolled away from it). */
export function MapStamp({ fl, drawnDate }: { fl: FrontlineState; drawnDate: string | null }) {
  return (
    <div className="map-overlay-stamp">
      <p className="map-stamp">
        {drawnDate ? (
          <>
            Front line as of <time dateTime={drawnDate}>{formatDate(drawnDate)}</time> · DeepStateMap.live
          </>
        ) : (
          'Loading the front line…'
        )}
      </p>
      {fl.comparison && (
        <p className="map-stamp map-stamp--compare">
          Changes since <time dateTime={fl.comparison.earlier.date}>{formatDate(fl.comparison.earlier.date)}</time>
        </p>
      )}
    </div>
  );
}

export function FrontlineStatus({ fl }: { fl: FrontlineState }) {
  const busy =
    fl.loading && fl.target
      ? `Loading the front line of ${formatDate(fl.target.date)}…`
      : fl.comparing && fl.compareWith
        ? `Comparing with ${formatDate(fl.compareWith.date)}…`
        : '';
  const problems = [
    fl.indexError && `The list of front-line dates could not be loaded: ${fl.indexError}.`,
    fl.error,
    fl.compareError,
  ].filter((p): p is string => Boolean(p));
  return (
    <>
      <p className="map-status" role="status">
        {busy}
      </p>
      {problems.length > 0 && (
        <div className="map-problem" role="alert">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
          <button type="button" className="button button--quiet" onClick={fl.retry}>
            Try again
          </button>
        </div>
      )}
    </>
  );
}
