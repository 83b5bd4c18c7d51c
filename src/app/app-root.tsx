import { Suspense } from 'react';
import type { Dataset } from '../model/dataset/schema';
import { App } from './app';

/**
 * What src/main.tsx renders and what the build prerenders into index.html (scripts/prerender): the same
 * tree on both sides, so the page hydrates the prerendered HTML. The boundary lets React hydrate the app in
 * a render it can interrupt (in slices, after the first paint), not in one long task.
 */
export function AppRoot({ dataset }: { dataset: Dataset }) {
  return (
    <Suspense fallback={null}>
      <App dataset={dataset} />
    </Suspense>
  );
}
