import { useDeferredValue, type ReactNode } from 'react';

/**
 * Renders `fallback` in the first paint and `children` right after, in a render React can interrupt:
 * heavy panels below the fold do not block the page from becoming usable.
 */
export function Deferred({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const ready = useDeferredValue(true, false);
  return ready ? children : fallback;
}
