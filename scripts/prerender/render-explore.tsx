/**
 * Rendered at build time (scripts/lib/prerender-plugin.ts), in Node: the explore view's HTML with the
 * checked dataset and the default choices, exactly as the page's first render makes it (src/main.tsx
 * hydrates it). Heavy panels (map, charts, actors, timeline) render their placeholders (src/components/deferred.tsx).
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { loadDataset } from '../../src/model/dataset/dataset';
import { AppRoot } from '../../src/app/app-root';
import { figureClaimChecks } from '../../src/app/lazy-panels';

export async function renderExplore(): Promise<string> {
  const loaded = await loadDataset();
  if (!loaded.ok) throw new Error(`The dataset is invalid:\n${loaded.errors.join('\n')}`);
  // renderToString does not wait for a lazy component: load the figure cards' claim checks first, so their
  // notes are in the HTML (src/main.tsx loads them before hydrating too).
  await figureClaimChecks.preload();
  return renderToString(
    <StrictMode>
      <AppRoot dataset={loaded.dataset} />
    </StrictMode>,
  );
}
