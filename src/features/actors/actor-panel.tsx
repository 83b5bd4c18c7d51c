import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Actor, ActorKind, Dataset } from '../../model/dataset/schema';
import { ACTOR_KINDS } from '../../model/dataset/schema';
import {
  actorCounts,
  groupActorsByCountry,
  NO_ACTOR_FILTERS,
  NO_COUNTRY,
  selectActors,
  type ActorPanelFilters,
} from '../../model/dataset/actor-selectors';
import { describeFilters, namesOf, type Filters } from '../../model/dataset/selectors';
import { useChoices } from '../../state/store';
import { useDeferredFilters } from '../../state/use-filters';
import { ActorCard } from './actor-card';
import { ACTOR_KIND_WORDS } from '../../model/format/format';
import './actors.css';

/**
 * A long list is shown a page at a time (country headings and cards together), with "Show more actors": the page
 * holds few elements whatever the dataset, and every shown card is really there for find-in-page and print.
 */
export const ROWS_PER_PAGE = 120;

type Row = { type: 'group'; country: string; count: number } | { type: 'actor'; actor: Actor };

function countryName(dataset: Dataset, id: string): string {
  return id === NO_COUNTRY ? 'International or no country' : (namesOf(dataset.countries, [id])[0] ?? id);
}

/** Every actor as a compact card, filterable by kind, country, topic and text, grouped by country. */
const ActorPanelBody = memo(function ActorPanelBody({ dataset, global }: { dataset: Dataset; global: Filters }) {
  const focusActor = useChoices((s) => s.focusActor);
  const clearFocus = useChoices((s) => s.clearFocus);
  const openEvent = useChoices((s) => s.openEvent);
  const [panel, setPanel] = useState<ActorPanelFilters>(NO_ACTOR_FILTERS);
  const ids = { kind: useId(), country: useId(), topic: useId(), q: useId() };

  const counts = useMemo(() => actorCounts(dataset, global), [dataset, global]);
  const actors = useMemo(() => selectActors(dataset, global, panel), [dataset, global, panel]);
  const rows = useMemo<Row[]>(
    () =>
      groupActorsByCountry(dataset, actors).flatMap((g) => [
        { type: 'group', country: g.country, count: g.actors.length } as Row,
        ...g.actors.map((actor) => ({ type: 'actor', actor }) as Row),
      ]),
    [dataset, actors],
  );
  const [shownFor, setShownFor] = useState<{ rows: Row[]; count: number }>({ rows, count: ROWS_PER_PAGE });
  // A new selection starts again at the first page.
  const shownCount = shownFor.rows === rows ? shownFor.count : ROWS_PER_PAGE;
  const shownRows = rows.length > shownCount ? rows.slice(0, shownCount) : rows;
  const shownActors = shownRows.reduce((n, row) => n + (row.type === 'actor' ? 1 : 0), 0);
  const focused = global.actor ? dataset.actors.find((a) => a.id === global.actor) : undefined;
  // "Clear focus" removes the box it is in: focus then goes to that actor's card in the list (or, if the
  // restored filters hide it, to the panel's heading) instead of falling to the page.
  const panelRef = useRef<HTMLDivElement>(null);
  const returnTo = useRef<string | null>(null);
  const clearFromFocusBox = () => {
    returnTo.current = global.actor;
    clearFocus();
  };
  useEffect(() => {
    const id = returnTo.current;
    const root = panelRef.current;
    if (focused || !id || !root) return;
    returnTo.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const card = root.querySelector<HTMLElement>(`[data-actor-id="${CSS.escape(id)}"] button[aria-pressed]`);
    const heading = root.closest('section')?.querySelector<HTMLElement>(':scope > h2');
    (card ?? heading)?.focus();
  }, [focused]);
  const countryOptions = useMemo(() => {
    const used = new Set(dataset.actors.map((a) => a.country ?? NO_COUNTRY));
    return [...dataset.countries.map((c) => c.id), NO_COUNTRY].filter((id) => used.has(id));
  }, [dataset]);

  const set = (patch: Partial<ActorPanelFilters>) => setPanel((p) => ({ ...p, ...patch }));
  const panelActive = panel.kind || panel.country || panel.topic || panel.q.trim();
  const globalWords = describeFilters(dataset, { ...global, actor: null });

  const renderRow = (row: Row) =>
    row.type === 'group' ? (
      <h3 className="actor-group">
        {countryName(dataset, row.country)} <span className="actor-group__count">({row.count})</span>
      </h3>
    ) : (
      <ActorCard
        actor={row.actor}
        dataset={dataset}
        counts={counts.get(row.actor.id)!}
        focused={row.actor.id === global.actor}
        onFocus={focusActor}
        onClearFocus={clearFocus}
        onOpenEvent={openEvent}
      />
    );

  return (
    <div className="actor-panel" ref={panelRef}>
      {focused && (
        <div className="actor-focus" aria-label="Focused actor" role="group">
          <h3 className="actor-focus__title">
            Focused on <strong>{focused.name}</strong>: every panel shows what concerns them.
          </h3>
          <ActorCard
            actor={focused}
            dataset={dataset}
            counts={counts.get(focused.id)!}
            focused
            autoOpen
            onFocus={focusActor}
            onClearFocus={clearFromFocusBox}
            onOpenEvent={openEvent}
          />
          <button type="button" className="button" onClick={clearFromFocusBox}>
            Clear focus
          </button>
        </div>
      )}
      <div className="actor-filters" role="group" aria-label="Filter actors">
        <label htmlFor={ids.kind}>Kind</label>
        <select
          id={ids.kind}
          value={panel.kind ?? ''}
          onChange={(e) => set({ kind: (e.target.value || null) as ActorKind | null })}
        >
          <option value="">All kinds</option>
          {ACTOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {ACTOR_KIND_WORDS[k]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.country}>Country</label>
        <select id={ids.country} value={panel.country ?? ''} onChange={(e) => set({ country: e.target.value || null })}>
          <option value="">All countries</option>
          {countryOptions.map((id) => (
            <option key={id} value={id}>
              {countryName(dataset, id)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.topic}>Topic</label>
        <select id={ids.topic} value={panel.topic ?? ''} onChange={(e) => set({ topic: e.target.value || null })}>
          <option value="">All topics</option>
          {dataset.topics.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <label htmlFor={ids.q}>Find actor</label>
        <input
          id={ids.q}
          type="search"
          value={panel.q}
          onChange={(e) => set({ q: e.target.value })}
          placeholder="Name or role"
        />
      </div>
      <div className="actor-summary">
        <p role="status" aria-live="polite">
          {actors.length} of {dataset.actors.length} actors
          {globalWords.length > 0 ? ` · ${globalWords.join(' · ')}` : ''}
        </p>
        {panelActive && (
          <button type="button" className="button button--quiet" onClick={() => setPanel(NO_ACTOR_FILTERS)}>
            Reset actor filters
          </button>
        )}
      </div>
      {actors.length === 0 ? (
        <p className="empty-state">No actor matches these filters.</p>
      ) : (
        <div className="actor-list">
          {shownRows.map((row) => (
            <div key={row.type === 'group' ? `g-${row.country}` : row.actor.id}>{renderRow(row)}</div>
          ))}
          {shownRows.length < rows.length && (
            <div className="actor-list__more">
              <p>
                Showing {shownActors} of {actors.length} actors.
              </p>
              <button
                type="button"
                className="button"
                onClick={() => setShownFor({ rows, count: shownCount + ROWS_PER_PAGE })}
              >
                Show more actors
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
});

/** Follows the filters in a deferred render: the click paints first, this panel catches up after. */
export function ActorPanel({ dataset }: { dataset: Dataset }) {
  const { filters, pending } = useDeferredFilters();
  return (
    <div className="deferred-panel" aria-busy={pending} data-pending={pending || undefined}>
      <ActorPanelBody dataset={dataset} global={filters} />
    </div>
  );
}
