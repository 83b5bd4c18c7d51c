import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { formatDate } from '../model/format/format';
import { SkipLinks } from '../features/keyboard/skip-links';

interface AppHeaderProps {
  asOf?: string;
  coverage?: string;
  /** The actions always in the row ("Add article", "Your data", "Save briefing"). */
  children?: ReactNode;
  /** More actions: in the row on a wide screen, behind "More" on a phone (theme, print, present). */
  more?: ReactNode;
}

/**
 * Title, what the data cover ("As reported in 9 stories from 2 publishers, 12–14 Feb 2025") and the "as of"
 * date, all from the data; the build prerenders them into index.html so the first paint needs no JavaScript.
 * The skip links come first, shown only when focused. On a phone the actions take one row, the rest a menu.
 */
export function AppHeader({ asOf, coverage, children, more }: AppHeaderProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggleRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);
  return (
    <header className="app-header">
      <SkipLinks />
      <div className="app-header__titles">
        <div className="app-header__title-line">
          <h1 className="app-title" tabIndex={-1}>
            Ukraine, Russia and Taiwan: the briefing
          </h1>
          {asOf && (
            <p className="as-of">
              As of <time dateTime={asOf}>{formatDate(asOf)}</time>
            </p>
          )}
        </div>
        {coverage && <p className="app-subtitle">As reported in {coverage}</p>}
      </div>
      {(children || more) && (
        <div className="app-header__side" ref={rootRef}>
          {children}
          {more && (
            <>
              <button
                ref={toggleRef}
                type="button"
                className="button button--quiet app-header__more-toggle"
                aria-expanded={open}
                aria-controls={menuId}
                onClick={() => setOpen((v) => !v)}
              >
                More <span aria-hidden="true">▾</span>
              </button>
              <div id={menuId} className={`app-header__more${open ? ' app-header__more--open' : ''}`}>
                {more}
              </div>
            </>
          )}
        </div>
      )}
    </header>
  );
}
