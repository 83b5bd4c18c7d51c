import { Suspense, useDeferredValue, type ReactNode } from 'react';

/**
 * A heavy panel: "Loading …" in the first paint, then `children` in a render React can interrupt, so
 * panels below the fold do not block the page from becoming usable. It also waits for lazily loaded code.
 */
export function Deferred({ what, children }: { what: string; children: ReactNode }) {
  const ready = useDeferredValue(true, false);
  const fallback = <p className="region__loading">Loading {what}…</p>;
  return <Suspense fallback={fallback}>{ready ? children : fallback}</Suspense>;
}
