interface EmptyStateProps {
  /** The active filters in words, e.g. ["Country: Taiwan", "Topic: Casualties"]. */
  filters: readonly string[];
  what: string;
  onReset: () => void;
}

/** Shown when the filters match nothing: names them and offers a one-click reset. */
export function EmptyState({ filters, what, onReset }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p>
        No {what} match <strong>{filters.join(' · ')}</strong>.
      </p>
      <button type="button" className="button" onClick={onReset}>
        Clear all filters
      </button>
    </div>
  );
}
