import { startTransition, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/** How far outside the viewport a panel starts to render: about a screen ahead of the reader. */
const NEAR = '100% 0px';
/** With no scrolling, panels still render this long after the page has loaded, when the browser is idle. */
export const IDLE_AFTER_LOAD_MS = 5000;

/** Resolves once the page has loaded and then `ms` have passed and the browser is idle. */
function afterLoadAndIdle(ms: number, signal: AbortSignal, then: () => void) {
  const idle = () => {
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(then, { timeout: 1000 });
      else then();
    }, ms);
    signal.addEventListener('abort', () => clearTimeout(timer));
  };
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true, signal });
}

/**
 * A heavy panel below the fold: a "Loading …" placeholder (also what the build prerenders), then `children`,
 * rendered in a transition React can interrupt once the placeholder comes within about a screen of the
 * viewport — or, if the reader does not scroll, a little after the page has loaded, so the whole page is
 * there for find-in-page and screen readers. Its lazily loaded code is fetched only then. Where there is no
 * IntersectionObserver (tests in jsdom), it renders at once, still in a transition. While `hold` is true it waits
 * (see `hold` below).
 */
export function Deferred({ what, hold = false, children }: { what: string; hold?: boolean; children: ReactNode }) {
  const [near, setNear] = useState(false);
  // `hold`: not yet, even when near (the page is still reading data that would only make it render twice). Once let
  // go it stays so, and the panel then renders in a transition too.
  const [held, setHeld] = useState(hold);
  useEffect(() => {
    if (held && !hold) startTransition(() => setHeld(false));
  }, [hold, held]);
  const placeholder = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (near) return;
    const show = () => startTransition(() => setNear(true));
    const element = placeholder.current;
    if (!element) return;
    if (typeof IntersectionObserver === 'undefined') {
      show();
      return;
    }
    const stop = new AbortController();
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) show();
      },
      { rootMargin: NEAR },
    );
    observer.observe(element);
    afterLoadAndIdle(IDLE_AFTER_LOAD_MS, stop.signal, show);
    return () => {
      observer.disconnect();
      stop.abort();
    };
  }, [near]);
  if (!near || held) {
    // Outside the Suspense boundary, so that it hydrates with the page and can be observed at once.
    return (
      <p className="region__loading" ref={placeholder}>
        Loading {what}…
      </p>
    );
  }
  return <Suspense fallback={<p className="region__loading">Loading {what}…</p>}>{children}</Suspense>;
}
