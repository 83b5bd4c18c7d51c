import { lazy, useSyncExternalStore, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * React.lazy remembers a failed import forever. This keeps the loader so that a retry (after a dropped
 * connection, say) imports the chunk again; the returned component re-renders with the fresh import.
 */
export function lazyWithRetry<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let current: LazyExoticComponent<ComponentType<P>> = lazy(load);
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const snapshot = () => current;

  function Lazy(props: P) {
    const Current = useSyncExternalStore(subscribe, snapshot);
    return <Current {...props} />;
  }

  return {
    Lazy,
    retry: () => {
      current = lazy(load);
      listeners.forEach((l) => l());
    },
  };
}
