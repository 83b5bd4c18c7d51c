import { Suspense } from 'react';
import { Region } from '../../components/region';
import { lazyWithRetry } from '../../components/lazy-with-retry';
import type { Dataset } from '../../model/dataset/schema';
import { useChoices } from '../../state/store';

const sincePanel = lazyWithRetry<typeof import('./since-panel'), { dataset: Dataset; briefingId: string }>(
  () => import('./since-panel'),
  (m) => m.SincePanel,
);

/**
 * The "Since the last briefing" region, at the top of the explore view while a comparison is open
 * (`since=` in the URL). Its code loads on demand.
 */
export function SinceRegion({ dataset }: { dataset: Dataset }) {
  const since = useChoices((s) => s.since);
  if (!since) return null;
  return (
    <Region id="since" title="Since the last briefing" className="region--since" onRetry={sincePanel.retry}>
      <Suspense fallback={<p className="region__loading">Loading the comparison…</p>}>
        <sincePanel.Lazy dataset={dataset} briefingId={since} />
      </Suspense>
    </Region>
  );
}
