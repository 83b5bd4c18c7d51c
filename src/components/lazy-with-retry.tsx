import { lazy, useState, useSyncExternalStore, type ComponentType, type LazyExoticComponent } from 'react';

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
  /** The component, once its chunk has loaded (by a render or by `preload`). */
  let loaded: ComponentType<P> | null = null;
  const load = async () => {
    attempt += 1;
    const module = failedUrl
      ? ((await import(/* @vite-ignore */ `${failedUrl.split('?')[0]}?retry=${attempt}`)) as M)
      : await importer().catch((error: unknown) => {
          failedUrl = failedModuleUrl(error);
          throw error;
        });
    loaded = pick(module);
    return { default: loaded };
  };
  let current: LazyExoticComponent<ComponentType<P>> = lazy(load);
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const snapshot = () => current;

  function Lazy(props: P) {
    const Current = useSyncExternalStore(subscribe, snapshot, snapshot);
    // Loaded before this instance first rendered (preloaded, as for the prerendered page): drawn at once, without
    // suspending, so the build's prerender and the page's hydration both render the component itself. Kept for
    // the instance's life, so the component is never swapped for another type under it.
    const [ready] = useState(() => loaded);
    const Component = ready ?? Current;
    return <Component {...props} />;
  }

  return {
    Lazy,
    /** Loads the chunk now; a failure is left for the render to show (and retry). */
    preload: (): Promise<void> =>
      load().then(
        () => undefined,
        () => undefined,
      ),
    retry: () => {
      current = lazy(load);
      listeners.forEach((l) => l());
    },
  };
}
