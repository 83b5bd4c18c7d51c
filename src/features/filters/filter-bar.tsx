import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Dataset } from '../../model/dataset/schema';
import { filterSummary, hasFilters, selectFacetCounts, selectFigures } from '../../model/dataset/selectors';
import { useChoices } from '../../state/store';
import { useFilters } from '../../state/use-filters';
import { searchIndex } from '../../state/search-index';
import { useSearch } from '../../state/use-search';

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

interface PickerProps {
  /** "Countries", "Topics": the button's and the list's name. */
  name: string;
  options: { id: string; label: string; count: number; checked: boolean; onToggle: () => void }[];
  /** How many `ids` are figures found for, for the button's summary. */
  found: number;
}

/**
 * A facet behind a button: the list of choices with their counts opens under it on a wide screen, as a
 * sheet from the bottom on a phone. Esc, "Done" or a click outside closes it, and the focus goes back to
 * the button.
 */
function FacetPicker({ name, options, found }: PickerProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const chosen = options.filter((o) => o.checked).length;

  useEffect(() => {
    if (!open) return;
    rootRef.current?.querySelector<HTMLInputElement>('.facet-picker__panel input')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="facet-picker" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`button button--quiet facet-picker__button${chosen > 0 ? ' facet-picker__button--on' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        {chosen > 0 ? `${name} · ${chosen}` : name}
        <span aria-hidden="true" className="facet-picker__caret">
          ▾
        </span>{' '}
        <span className="visually-hidden">
          ({options.length} to choose from, {found} with figures)
        </span>
      </button>
      {open && <div className="facet-picker__backdrop" aria-hidden="true" onClick={close} />}
      <fieldset id={panelId} className="facet facet-picker__panel" hidden={!open}>
        <legend>{name}</legend>
        <ul className="chip-list">
          {options.map((o) => (
            <FacetOption key={o.id} label={o.label} count={o.count} checked={o.checked} onToggle={o.onToggle} />
          ))}
        </ul>
        <div className="facet-picker__foot">
          <button type="button" className="button" onClick={close}>
            Done
          </button>
        </div>
      </fieldset>
    </div>
  );
}

/**
 * The filters in one compact bar: the search box, "Countries" and "Topics" behind buttons (with the counts
 * of figures), the active choices as chips that remove themselves, "Clear all" and a live summary.
 */
export function FilterBar({ dataset }: { dataset: Dataset }) {
  const filters = useFilters();
  const toggleCountry = useChoices((s) => s.toggleCountry);
  const toggleTopic = useChoices((s) => s.toggleTopic);
  const setQuery = useChoices((s) => s.setQuery);
  const setSingle = useChoices((s) => s.setSingle);
  const clearFilters = useChoices((s) => s.clearFilters);
  const clearFocus = useChoices((s) => s.clearFocus);
  const searchId = useId();

  // The toggles and the search box follow the user at once; the counts and the summary are recounted after the
  // paint (with the panels, which also follow the deferred filters), so a click is not held up by counting every
  // figure; a search's matches come from the index's worker (useSearch), or from the scan until it is ready.
  const { filters: counted, hits } = useSearch(dataset, useDeferredValue(filters));
  const counts = useMemo(() => selectFacetCounts(dataset, counted, hits), [dataset, counted, hits]);
  const shown = useMemo(() => selectFigures(dataset, counted, hits).length, [dataset, counted, hits]);
  const active = hasFilters(filters);

  // "Clear focus", a chip and "Clear all" remove themselves or disable themselves: the keyboard's focus would
  // fall to the page. It goes to "Clear all" while other filters remain, else to the Filters region's heading.
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

  const countryOptions = dataset.countries.map((c) => ({
    id: c.id,
    label: c.name,
    count: counts.countries.get(c.id) ?? 0,
    checked: filters.countries.includes(c.id),
    onToggle: () => toggleCountry(c.id),
  }));
  const topicOptions = dataset.topics.map((t) => ({
    id: t.id,
    label: t.label,
    count: counts.topics.get(t.id) ?? 0,
    checked: filters.topics.includes(t.id),
    onToggle: () => toggleTopic(t.id),
  }));
  const chips = [
    ...countryOptions.filter((o) => o.checked).map((o) => ({ ...o, kind: 'Country' })),
    ...topicOptions.filter((o) => o.checked).map((o) => ({ ...o, kind: 'Topic' })),
  ];

  return (
    <div className="filter-bar" ref={rootRef}>
      <div className="filter-bar__row">
        <div className="filter-bar__search">
          <label htmlFor={searchId} className="visually-hidden">
            Search figures
          </label>
          <input
            id={searchId}
            type="search"
            value={filters.q}
            placeholder="Search figures: label, quote or actor"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            onChange={(e) => {
              setQuery(e.target.value);
              searchIndex.request(e.target.value); // the worker starts on it before the deferred render asks
            }}
          />
        </div>
        <div className="filter-bar__pickers">
          <FacetPicker
            name="Countries"
            options={countryOptions}
            found={countryOptions.filter((o) => o.count > 0).length}
          />
          <FacetPicker name="Topics" options={topicOptions} found={topicOptions.filter((o) => o.count > 0).length} />
          <label
            className={`filter-toggle${filters.single ? ' filter-toggle--on' : ''}`}
            title="Only the figures no other claimant gives at about the same time"
          >
            <input type="checkbox" checked={filters.single === true} onChange={(e) => setSingle(e.target.checked)} />
            Single-source only
          </label>
        </div>
        <div className="filter-bar__buttons">
          {filters.actor && (
            <button type="button" className="button button--quiet" onClick={thenRefocus(clearFocus)}>
              Clear focus
            </button>
          )}
          <button
            ref={clearAllRef}
            type="button"
            className="button button--quiet"
            onClick={thenRefocus(clearFilters)}
            disabled={!active}
          >
            Clear all
          </button>
        </div>
      </div>
      <div className="filter-bar__status">
        {chips.length > 0 && (
          <ul className="filter-bar__chips" aria-label="Active filters">
            {chips.map((chip) => (
              <li key={`${chip.kind}-${chip.id}`}>
                <button type="button" className="active-chip" onClick={thenRefocus(chip.onToggle)}>
                  <span className="visually-hidden">Remove {chip.kind.toLowerCase()}:</span> {chip.label}
                  <span aria-hidden="true" className="active-chip__x">
                    ×
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <p role="status" aria-live="polite" className="filter-summary">
          {filterSummary(dataset, counted, shown)}
        </p>
      </div>
    </div>
  );
}
