import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { briefingContents, defaultBriefingName } from '../../model/briefing/briefing';
import { asOfDate, formatDate, formatDateTime } from '../../model/format/format';
import type { Dataset } from '../../model/dataset/schema';
import { usePrefs } from '../../state/prefs';
import { useFilters } from '../../state/use-filters';
import { saveBriefing, useUserData } from '../../state/user-data';
import { useFrontlineDate } from '../../state/use-frontline-index';
import { situationOnOrBefore } from '../../model/frontline/frontline';
import { loadFrontlineIndex } from '../../model/frontline/frontline-data';
import './saved-briefings.css';

/**
 * "Save briefing": keeps a named, dated snapshot of what the dashboard holds now (every figure, actor, event
 * and source, the front-line date, the filters and the deck's slides) in this browser, so that the next
 * briefing can show what changed since. A small panel asks for the name; Esc or a click outside closes it.
 */
export function SaveBriefingButton({
  dataset,
  className = '',
  into,
}: {
  dataset: Dataset;
  className?: string;
  /**
   * A selector of a toolbar to join (the deck's tools): the button is rendered there, and in a corner of the
   * screen (`className`) only when no such toolbar is on the page.
   */
  into?: string;
}) {
  const [host, setHost] = useState<Element | null>(null);
  useEffect(() => {
    if (!into) return;
    const find = () => {
      const found = document.querySelector(into);
      setHost((current) => (current === found ? current : found));
    };
    find();
    // The toolbar may mount after this, or be replaced: follow it.
    const observer = new MutationObserver(find);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [into]);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; problem?: boolean } | null>(null);
  const [align, setAlign] = useState<'start' | 'end'>('end');
  const filters = useFilters();
  const asOf = asOfDate(dataset.sources);
  const shownFrontline = useFrontlineDate(asOf);
  const slides = usePrefs((s) => s.deck);
  const panelId = useId();
  const headingId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    inputRef.current?.focus();
    inputRef.current?.select();
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (rootRef.current?.contains(document.activeElement)) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
        toggleRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, [open]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = name.trim() || defaultBriefingName(new Date());
    let frontline = shownFrontline;
    if (frontline === null) {
      // The list of front-line dates has not loaded yet (or failed): the briefing needs its date.
      try {
        frontline = situationOnOrBefore(await loadFrontlineIndex(), asOf).date;
      } catch (error) {
        setMessage({
          text: `Not saved: the front-line dates could not be loaded (${error instanceof Error ? error.message : String(error)}). Try again.`,
          problem: true,
        });
        return;
      }
    }
    const leads = useUserData.getState().leads;
    const result = await saveBriefing(dataset, { frontline, filters, slides, leads }, chosen);
    const b = result.briefing;
    if (result.kind === 'unchanged') {
      setMessage({
        text: `Nothing has changed since “${b.name}” (saved ${formatDateTime(b.savedAt)}): it was not saved again.`,
      });
      return;
    }
    const status = useUserData.getState().status;
    const kept = status.kind === 'ok' ? 'in this browser' : 'in this tab only (the browser refused its storage)';
    setMessage({
      text: `Saved “${b.name}” ${kept}: ${briefingContents(b)}.`,
      problem: status.kind !== 'ok',
    });
  };

  const control = (
    <div className={`save-briefing ${host ? 'save-briefing--in-toolbar' : className}`.trim()} ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="button button--quiet"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={(event) => {
          // The panel (26rem) lines up with the button's right edge, or its left one when that has no room.
          setAlign(event.currentTarget.getBoundingClientRect().right < 26 * 16 + 8 ? 'start' : 'end');
          if (!open) {
            setName(defaultBriefingName(new Date()));
            setMessage(null);
          }
          setOpen((o) => !o);
        }}
      >
        Save <span className="wide-only">briefing</span>
      </button>
      <div
        id={panelId}
        className={`save-briefing__panel${align === 'start' ? ' save-briefing__panel--start' : ''}`}
        role="dialog"
        aria-modal="false"
        aria-labelledby={headingId}
        hidden={!open}
      >
        <h2 id={headingId}>Save briefing</h2>
        <p className="save-briefing__lead">
          Keeps what the dashboard holds now ({dataset.figures.length} figures, {dataset.actors.length} actors,{' '}
          {dataset.events.length} events, {dataset.sources.length} sources), the front line of{' '}
          {shownFrontline ? formatDate(shownFrontline) : 'the articles’ date'}, the filters and the deck in this
          browser, so that the next briefing can show what changed since.
        </p>
        <form onSubmit={(e) => void onSubmit(e)} className="save-briefing__form">
          <label>
            Briefing name
            <input ref={inputRef} type="text" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="button">
            Save
          </button>
        </form>
        <p
          role="status"
          className={`save-briefing__status${message?.problem ? ' save-briefing__status--problem' : ''}`}
        >
          {message?.text}
        </p>
      </div>
    </div>
  );
  return host ? createPortal(control, host) : control;
}
