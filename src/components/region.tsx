import type { ReactNode } from 'react';
import { PanelBoundary } from './panel-boundary';

interface RegionProps {
  /** Used for the heading id: `region-${id}`. */
  id: string;
  /** The region's accessible name, shown as its heading. */
  title: string;
  className?: string;
  /** Called before a retry, e.g. to load a failed chunk again. */
  onRetry?: () => void;
  /** The panel is catching up with new data in the background: said to assistive technology, and shown dimmed. */
  busy?: boolean;
  children: ReactNode;
}

/**
 * A landmark region named by its heading (DESIGN.md: users and tests rely on these names). Each
 * region catches its own failures, so one broken panel shows a message and a retry, not a blank page.
 */
export function Region({ id, title, className, onRetry, busy, children }: RegionProps) {
  const headingId = `region-${id}`;
  return (
    <section
      className={`region ${className ?? ''}`.trim()}
      aria-labelledby={headingId}
      aria-busy={busy || undefined}
      data-updating={busy || undefined}
    >
      {/* Focusable from script (tabIndex -1): skip links, region shortcuts and focus return land here. */}
      <h2 id={headingId} tabIndex={-1}>
        {title}
      </h2>
      <PanelBoundary onRetry={onRetry}>{children}</PanelBoundary>
    </section>
  );
}
