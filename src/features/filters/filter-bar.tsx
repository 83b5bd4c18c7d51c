import { useDeferredValue, useEffect, useId, useMemo, useRef } from 'react';
import type { Dataset } from '../../model/schema';
import { filterSummary, hasFilters, selectFacetCounts, selectFigures } from '../../model/selectors';
import { useChoices } from '../../state/store';
import { useFilters } from '../../state/use-filters';

interface OptionProps {
  label: string;
  count: number;
  checked: boolean;
  onToggle: () => void;
}

function FacetOption({ label, count, checked, onToggle }: OptionProps) {
  return (
    <li>
      <label className={`chip${checked ? ' chip--on' : ''}${count === 0 ? ' chip--empty' : ''}`}>
        <input type="checkbox" checked={checked} onChange={onToggle} />
        <span className="chip__label">{label}</span>{' '}
        <span className="chip__count">
          {count} <span className="visually-hidden">{count === 1 ? 'figure' : 'figures'}</span>
        </span>
      </label>
    </li>
  );
}

/** Country and topic toggles with counts, a search box, "Clear all" and a live summary. */
export function FilterBar({ dataset }: { dataset: Dataset }) {
  const filters = useFilters();
  const toggleCountry = useChoices((s) => s.toggleCountry);
  const toggleTopic = useChoices((s) => s.toggleTopic);
  const setQuery = useChoices((s) => s.setQuery);
  const clearFilters = useChoices((s) => s.clearFilters);
  const clearFocus = useChoices((s) => s.clearFocus);
  const searchId = useId();

  // The toggles follow the click at once; the counts and the summary are recounted after the paint (with the
  // panels, which also follow the deferred filters), so a click is not held up by counting every figure.
  const counted = useDeferredValue(filters);
  const counts = useMemo(() => selectFacetCounts(dataset, counted), [dataset, counted]);
  const shown = useMemo(() => selectFigures(dataset, counted).length, [dataset, counted]);
  const active = hasFilters(filters);

  // "Clear focus" removes itself and "Clear all" disables itself: the keyboard's focus would fall to the
  // page. It goes to "Clear all" while other filters remain, else to the Filters region's heading.
  const rootRef = useRef<HTMLDivElement>(null);
  const clearAllRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    const current = document.activeElement;
    const lost =
      !current || current === document.body || !current.isConnected || (current as HTMLButtonElement).disabled;
    if (!lost) return;
    const clearAll = clearAllRef.current;
    const heading = rootRef.current?.closest('section')?.querySelector<HTMLElement>(':scope > h2');
    (clearAll && !clearAll.disabled ? clearAll : heading)?.focus();
  });
  const thenRefocus = (action: () => void) => () => {
    refocus.current = true;
    action();
  };

  return (
    <div className="filter-bar" ref={rootRef}>
      <div className="filter-bar__search">
        <label htmlFor={searchId}>Search figures</label>
        <input
          id={searchId}
          type="search"
          value={filters.q}
          placeholder="Label, quote or actor, e.g. “oil”"
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <fieldset className="facet">
        <legend>Countries</legend>
        <ul className="chip-list">
          {dataset.countries.map((c) => (
            <FacetOption
              key={c.id}
              label={c.name}
              count={counts.countries.get(c.id) ?? 0}
              checked={filters.countries.includes(c.id)}
              onToggle={() => toggleCountry(c.id)}
            />
          ))}
        </ul>
      </fieldset>
      <fieldset className="facet">
        <legend>Topics</legend>
        <ul className="chip-list">
          {dataset.topics.map((t) => (
            <FacetOption
              key={t.id}
              label={t.label}
              count={counts.topics.get(t.id) ?? 0}
              checked={filters.topics.includes(t.id)}
              onToggle={() => toggleTopic(t.id)}
            />
          ))}
        </ul>
      </fieldset>
      <div className="filter-bar__status">
        <p role="status" aria-live="polite" className="filter-summary">
          {filterSummary(dataset, counted, shown)}
        </p>
        <div className="filter-bar__buttons">
          {filters.actor && (
            <button type="button" className="button button--quiet" onClick={thenRefocus(clearFocus)}>
              Clear focus
            </button>
          )}
          <button
            ref={clearAllRef}
            type="button"
            className="button"
            onClick={thenRefocus(clearFilters)}
            disabled={!active}
          >
            Clear all
          </button>
        </div>
      </div>
    </div>
  );
}
