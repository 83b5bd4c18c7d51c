import type { ReactNode } from 'react';

interface RegionProps {
  /** Used for the heading id: `region-${id}`. */
  id: string;
  /** The region's accessible name, shown as its heading. */
  title: string;
  className?: string;
  children: ReactNode;
}

/** A landmark region named by its heading (DESIGN.md: users and tests rely on these names). */
export function Region({ id, title, className, children }: RegionProps) {
  const headingId = `region-${id}`;
  return (
    <section className={`region ${className ?? ''}`.trim()} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
