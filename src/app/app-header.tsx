import type { ReactNode } from 'react';
import { formatDate } from '../model/format';
import { SkipLinks } from '../features/keyboard/skip-links';

/**
 * Title and the "as of" date; the same markup is in index.html so the first paint needs no JavaScript.
 * The skip links come first, shown only when focused.
 */
export function AppHeader({ asOf, children }: { asOf: string; children?: ReactNode }) {
  return (
    <header className="app-header">
      <SkipLinks />
      <div className="app-header__titles">
        <h1 className="app-title" tabIndex={-1}>
          Ukraine, Russia and Taiwan: the briefing
        </h1>
        <p className="app-subtitle">Calls, front line, war economy and tariffs as reported on 12–14 February 2025</p>
      </div>
      <div className="app-header__side">
        {children}
        <p className="as-of">
          As of <time dateTime={asOf}>{formatDate(asOf)}</time>
        </p>
      </div>
    </header>
  );
}
