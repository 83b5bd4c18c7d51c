import {
  createContext,
  use,
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { ALL_SLIDES, clampSlide, moveSlide } from '../../model/deck/deck';
import { formatDate } from '../../model/format/format';
import { usePrefs } from '../../state/prefs';
import { useChoices } from '../../state/store';
import { PanelBoundary } from '../../components/panel-boundary';
import { useDeckSync } from './deck-sync';
import { openPresenterWindow } from './presenter-window';
import { useFit } from './use-fit';
import './deck.css';
import './print.css';

export interface BriefSlide {
  /** Unique in the deck: the slide kind ("actors"), with "-2", "-3"… for the later parts of a long list. */
  id: string;
  title: string;
  content: ReactNode;
  /** What the speaker reads: figures with their claimants and quotes. */
  notes: string[];
  /** The stories this slide's content comes from. */
  sources: string;
}

interface DeckProps {
  slides: readonly BriefSlide[];
  /** What the briefing is about, e.g. "Country: Taiwan", shown in the bar. */
  subject: string;
  asOf: string;
  /** More buttons for the bar (e.g. "Save briefing"), after the deck's own. */
  tools?: ReactNode;
}

/** Keys the deck leaves alone: typing in a field, or steering a map or a chart. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, select, textarea, [contenteditable], .leaflet-container, .recharts-wrapper, dialog')) {
    return true;
  }
  // A focused panel that scrolls (the notes, a slide's body on a phone) scrolls with the scrolling keys.
  const scroller = target.closest<HTMLElement>('[data-scrolls]');
  if (scroller && scroller.scrollHeight > scroller.clientHeight && SCROLL_KEYS.has(key)) return true;
  // Space and Enter on a button or link press it.
  return (key === ' ' || key === 'Enter') && !!target.closest('button, a[href], summary, [role="button"]');
}

const SCROLL_KEYS = new Set([' ', 'PageDown', 'PageUp', 'Home', 'End']);

export interface DeckKeys {
  current: number;
  count: number;
  go: (n: number) => void;
  /** Esc: close what is open first; returns true when it closed something. */
  closeOverlay: () => boolean;
  onLeave: () => void;
  onNotes?: () => void;
  onFullScreen?: () => void;
}

/** The deck's keys, for the projected window and the presenter view alike. */
export function useDeckKeys({ current, count, go, closeOverlay, onLeave, onNotes, onFullScreen }: DeckKeys) {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || ownsKeys(e.target, e.key)) return;
    switch (e.key) {
      case 'ArrowRight':
      case 'PageDown':
        go(current + 1);
        break;
      case ' ':
        go(current + (e.shiftKey ? -1 : 1));
        break;
      case 'ArrowLeft':
      case 'PageUp':
        go(current - 1);
        break;
      case 'Home':
        go(1);
        break;
      case 'End':
        go(count);
        break;
      case 'f':
      case 'F':
        if (!onFullScreen) return;
        onFullScreen();
        break;
      case 'n':
      case 'N':
        if (!onNotes) return;
        onNotes();
        break;
      case 'Escape':
        if (!closeOverlay() && !document.fullscreenElement) onLeave();
        break;
      default:
        return;
    }
    e.preventDefault();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** Is the stage fluid (an upright phone), where a slide's body may scroll? */
const FluidStage = createContext(false);

/** One slide: its title, its content, and a footer with the as-of date, its sources and its number. */
export function SlideFrame({
  slide,
  index,
  count,
  asOf,
  current = true,
  preview = false,
  label,
}: {
  slide: BriefSlide;
  index: number;
  count: number;
  asOf: string;
  current?: boolean;
  /** Shown but inert: the presenter's look at the next slide. */
  preview?: boolean;
  /** The slide's accessible name; "3 of 12: Title" by default. */
  label?: string;
}) {
  const fluid = use(FluidStage);
  return (
    <div className={`slide-frame${current ? ' slide-frame--current' : ''}${preview ? ' slide-frame--preview' : ''}`}>
      <section
        className={`slide${current ? ' slide--current' : ''}`}
        aria-roledescription="slide"
        aria-label={label ?? `${index + 1} of ${count}: ${slide.title}`}
        data-slide-id={slide.id}
        inert={!current}
      >
        <h2 className="slide__title">{slide.title}</h2>
        {/* On a phone the body scrolls inside the slide: it takes the keyboard focus so it can be scrolled. */}
        <div
          className="slide__body"
          {...(fluid && current
            ? { tabIndex: 0, role: 'group', 'aria-label': `${slide.title}: content`, 'data-scrolls': true }
            : {})}
        >
          <PanelBoundary>{slide.content}</PanelBoundary>
        </div>
        <footer className="slide__footer">
          <span>
            As of {formatDate(asOf)} · {slide.sources}
          </span>
          <span>
            {index + 1} / {count}
          </span>
        </footer>
      </section>
    </div>
  );
}

/** The speaker's notes for a slide: a panel beside the slide (never over it), reachable by keyboard. */
export function SpeakerNotes({ slide, className = '' }: { slide: BriefSlide | undefined; className?: string }) {
  const headingId = useId();
  return (
    <aside className={`deck__notes ${className}`} aria-labelledby={headingId} tabIndex={0} data-scrolls>
      <h2 id={headingId}>
        <span className="visually-hidden">Speaker notes: </span>
        {slide?.title ?? 'No slide'}
      </h2>
      {!slide || slide.notes.length === 0 ? (
        <p>No figures on this slide.</p>
      ) : (
        <ul>
          {slide.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      )}
    </aside>
  );
}

/** The box slides are shown in: it scales a 1920×1080 slide to fit (or, upright on a phone, lays it out fluid). */
export function SlideStage({ className = '', children }: { className?: string; children: ReactNode }) {
  const [ref, fit] = useFit<HTMLDivElement>();
  return (
    <div
      ref={ref}
      className={`slide-stage${fit.fluid ? ' slide-stage--fluid' : ''} ${className}`}
      style={{ '--k': fit.k } as CSSProperties}
    >
      <FluidStage value={fit.fluid}>{children}</FluidStage>
    </div>
  );
}

/** A full-screen deck of live views, driven from the keyboard, with notes, a presenter view, a custom order and print. */
export function Deck({ slides, subject, asOf, tools }: DeckProps) {
  const slideParam = useChoices((s) => s.slide);
  const setSlide = useChoices((s) => s.setSlide);
  const setView = useChoices((s) => s.setView);
  const [notesOpen, setNotes] = useState(false);
  const [editing, setEditing] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const [pptx, setPptx] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const rootRef = useRef<HTMLDivElement>(null);
  const count = slides.length;
  const current = clampSlide(slideParam, count);
  const slide = slides[current - 1];
  const go = (n: number) => setSlide(clampSlide(n, count));
  const fullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void rootRef.current?.requestFullscreen?.().catch(() => undefined);
  };

  // The exporter and pptxgenjs load only when asked for: their own chunks, not the deck's.
  const downloadPowerPoint = async () => {
    const root = rootRef.current;
    if (!root) return;
    setPptx({ busy: true, error: null });
    try {
      const { exportPptx } = await import('./pptx-export');
      await exportPptx({ slides, asOf, subject, root });
      setPptx({ busy: false, error: null });
    } catch (error) {
      setPptx({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };

  useDeckSync(current, go, 'projector');
  useDeckKeys({
    current,
    count,
    go,
    closeOverlay: () => {
      if (editing) setEditing(false);
      else if (notesOpen) setNotes(false);
      else return false;
      return true;
    },
    onLeave: () => setView('explore'),
    onNotes: () => setNotes((v) => !v),
    onFullScreen: fullScreen,
  });

  return (
    <div className={`deck${notesOpen ? ' deck--notes' : ''}`} ref={rootRef}>
      <header className="deck__bar">
        <h1 className="deck__subject" title={`Briefing · ${subject} · as of ${formatDate(asOf)}`}>
          Briefing · {subject} · as of <time dateTime={asOf}>{formatDate(asOf)}</time>
        </h1>
        <SlideNav current={current} count={count} go={go} />
        <div className="deck__tools">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setBlocked(!openPresenterWindow())}
            title="Opens a second window with the notes, the next slide and a timer"
          >
            Presenter view
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-pressed={notesOpen}
            onClick={() => setNotes((v) => !v)}
          >
            Notes (N)
          </button>
          <button type="button" className="button button--quiet" onClick={fullScreen}>
            Full screen (F)
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-expanded={editing}
            onClick={() => setEditing((v) => !v)}
          >
            Edit deck
          </button>
          <button type="button" className="button button--quiet" onClick={() => window.print()}>
            Print
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={downloadPowerPoint}
            disabled={pptx.busy}
            title="Every slide as a .pptx: text stays editable, charts and the map as pictures, the notes as notes"
          >
            {/* Named in full for assistive technology; shown short, so that the bar still fits a 1366 px screen. */}
            {pptx.busy ? (
              <>
                Preparing<span className="visually-hidden"> PowerPoint</span>…
              </>
            ) : (
              <>
                <span className="visually-hidden">Download </span>PowerPoint
              </>
            )}
          </button>
          {tools}
          <button type="button" className="button" onClick={() => setView('explore')}>
            Exit (Esc)
          </button>
        </div>
        {blocked && (
          <p className="deck__status" role="status">
            The browser blocked the presenter window: allow pop-ups for this page and press “Presenter view” again.
          </p>
        )}
        {pptx.error && (
          <p className="deck__status" role="alert">
            PowerPoint export failed: {pptx.error}
          </p>
        )}
      </header>
      {editing && <DeckEditor onClose={() => setEditing(false)} />}
      <div className="deck__main">
        <SlideStage className="deck__stage">
          <main className="deck__slides">
            {slides.map((s, i) => (
              <SlideFrame key={s.id} slide={s} index={i} count={count} asOf={asOf} current={i === current - 1} />
            ))}
          </main>
        </SlideStage>
        {notesOpen && <SpeakerNotes slide={slide} />}
      </div>
    </div>
  );
}

/** Choose, order and drop slides; kept in this browser. */
function DeckEditor({ onClose }: { onClose: () => void }) {
  const deck = usePrefs((s) => s.deck);
  const setDeck = usePrefs((s) => s.setDeck);
  const order = deck ?? ALL_SLIDES.map((s) => s.id);
  const all = [...order, ...ALL_SLIDES.map((s) => s.id).filter((id) => !order.includes(id))];
  const titleId = useId();
  const toggle = (id: string) =>
    setDeck(order.includes(id) ? order.filter((x) => x !== id) : all.filter((x) => x === id || order.includes(x)));

  return (
    <section className="deck-editor" aria-labelledby={titleId}>
      <h2 id={titleId}>Slides in this deck</h2>
      <ol>
        {all.map((id) => {
          const def = ALL_SLIDES.find((s) => s.id === id);
          if (!def) return null;
          const included = order.includes(id);
          return (
            <li key={id}>
              <label>
                <input type="checkbox" checked={included} onChange={() => toggle(id)} /> {def.title}
              </label>
              <button
                type="button"
                className="button button--quiet"
                disabled={!included || order.indexOf(id) === 0}
                onClick={() => setDeck(moveSlide(order, id, -1))}
                aria-label={`Move ${def.title} up`}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--quiet"
                disabled={!included || order.indexOf(id) === order.length - 1}
                onClick={() => setDeck(moveSlide(order, id, 1))}
                aria-label={`Move ${def.title} down`}
              >
                ↓
              </button>
            </li>
          );
        })}
      </ol>
      <div className="deck-editor__actions">
        <button type="button" className="button button--quiet" onClick={() => setDeck(null)}>
          Reset to all slides
        </button>
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </section>
  );
}

/** "← Previous · Slide n of m · Next →": the projected deck's and the presenter view's one way to step. */
export function SlideNav({ current, count, go }: { current: number; count: number; go: (slide: number) => void }) {
  return (
    <nav className="deck__nav" aria-label="Slides">
      <button type="button" className="button button--quiet" onClick={() => go(current - 1)} disabled={current <= 1}>
        ← Previous
      </button>
      <span className="deck__counter" aria-live="polite">
        Slide {current} of {count}
      </span>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => go(current + 1)}
        disabled={current >= count}
      >
        Next →
      </button>
    </nav>
  );
}
