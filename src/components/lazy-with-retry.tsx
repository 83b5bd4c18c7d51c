import { lazy, useSyncExternalStore, type ComponentType, type LazyExoticComponent } from 'react';

/** The chunk named in a failed dynamic import's message ("Failed to fetch dynamically imported module: …"). */
export function failedModuleUrl(error: unknown): string | null {
  const match = /(https?:\/\/[^\s'"]+?\.m?js)\b/.exec(String(error instanceof Error ? error.message : error));
  return match ? match[1]! : null;
}

/**
 * React.lazy remembers a failed import forever. This keeps the importer so that a retry (after a dropped
 * connection, say) imports the chunk again; the returned component re-renders with the fresh import.
 * Some browsers also remember a failed module by its URL: a retry after a failure names the chunk with a
 * `?retry=n` query, so it is fetched anew.
 */
export function lazyWithRetry<M, P extends object>(importer: () => Promise<M>, pick: (module: M) => ComponentType<P>) {
  let attempt = 0;
  let failedUrl: string | null = null;
  const load = async () => {
    attempt += 1;
    const module = failedUrl
      ? ((await import(/* @vite-ignore */ `${failedUrl.split('?')[0]}?retry=${attempt}`)) as M)
      : await importer().catch((error: unknown) => {
          failedUrl = failedModuleUrl(error);
          throw error;
        });
    return { default: pick(module) };
  };
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
