import type { ReactNode } from 'react';
import { formatDate } from '../model/format';
import { SkipLinks } from '../features/keyboard/skip-links';

/**
 * Title, what the data cover ("As reported in 9 stories from 2 publishers, 12–14 Feb 2025") and the "as of"
 * date, all from the data; the build prerenders them into index.html so the first paint needs no JavaScript.
 * The skip links come first, shown only when focused.
 */
export function AppHeader({ asOf, coverage, children }: { asOf?: string; coverage?: string; children?: ReactNode }) {
  return (
    <header className="app-header">
      <SkipLinks />
      <div className="app-header__titles">
        <h1 className="app-title" tabIndex={-1}>
          Ukraine, Russia and Taiwan: the briefing
        </h1>
        {coverage && <p className="app-subtitle">As reported in {coverage}</p>}
      </div>
      <div className="app-header__side">
        {children}
        {asOf && (
          <p className="as-of">
            As of <time dateTime={asOf}>{formatDate(asOf)}</time>
          </p>
        )}
      </div>
    </header>
  );
}
