import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ALL_SLIDES, clampSlide, moveSlide } from '../../model/deck';
import { formatDate } from '../../model/format';
import { usePrefs } from '../../state/prefs';
import { useChoices } from '../../state/store';
import { PanelBoundary } from '../../components/panel-boundary';

export interface BriefSlide {
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
}

/** Keys the deck leaves alone: typing in a field, or steering a map or a chart. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest('input, select, textarea, [contenteditable], .leaflet-container, .recharts-wrapper, dialog');
}

/** A full-screen deck of live views, driven from the keyboard, with notes, a custom order and print. */
export function Deck({ slides, subject, asOf }: DeckProps) {
  const slideParam = useChoices((s) => s.slide);
  const setSlide = useChoices((s) => s.setSlide);
  const setView = useChoices((s) => s.setView);
  const [notesOpen, setNotes] = useState(false);
  const [editing, setEditing] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const count = slides.length;
  const current = clampSlide(slideParam, count);
  const slide = slides[current - 1];

  useEffect(() => {
    const go = (n: number) => setSlide(clampSlide(n, count));
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return;
      switch (e.key) {
        case 'ArrowRight':
        case 'PageDown':
          go(current + 1);
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
          if (document.fullscreenElement) void document.exitFullscreen();
          else void rootRef.current?.requestFullscreen?.().catch(() => undefined);
          break;
        case 'n':
        case 'N':
          setNotes((v) => !v);
          break;
        case 'Escape':
          if (!document.fullscreenElement) setView('explore');
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, count, setSlide, setView]);

  return (
    <div className="deck" ref={rootRef}>
      <header className="deck__bar">
        <h1 className="deck__subject">
          Briefing · {subject} · as of <time dateTime={asOf}>{formatDate(asOf)}</time>
        </h1>
        <nav className="deck__nav" aria-label="Slides">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setSlide(current - 1)}
            disabled={current <= 1}
          >
            ← Previous
          </button>
          <span className="deck__counter" aria-live="polite">
            Slide {current} of {count}
          </span>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setSlide(current + 1)}
            disabled={current >= count}
          >
            Next →
          </button>
        </nav>
        <div className="deck__tools">
          <button
            type="button"
            className="button button--quiet"
            aria-pressed={notesOpen}
            onClick={() => setNotes((v) => !v)}
          >
            Notes (N)
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => void rootRef.current?.requestFullscreen?.().catch(() => undefined)}
          >
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
          <button type="button" className="button" onClick={() => setView('explore')}>
            Exit (Esc)
          </button>
        </div>
      </header>
      {editing && <DeckEditor onClose={() => setEditing(false)} />}
      <main className="deck__stage">
        {slides.map((s, i) => (
          <section
            key={s.id}
            className={`slide${i === current - 1 ? ' slide--current' : ''}`}
            aria-roledescription="slide"
            aria-label={`${i + 1} of ${count}: ${s.title}`}
            data-slide-id={s.id}
            inert={i !== current - 1}
          >
            <h2 className="slide__title">{s.title}</h2>
            <div className="slide__body">
              <PanelBoundary>{s.content}</PanelBoundary>
            </div>
            <footer className="slide__footer">
              <span>
                As of {formatDate(asOf)} · {s.sources}
              </span>
              <span>
                {i + 1} / {count}
              </span>
            </footer>
          </section>
        ))}
      </main>
      {notesOpen && slide && (
        <aside className="deck__notes" aria-label="Speaker notes">
          <h2>Notes: {slide.title}</h2>
          {slide.notes.length === 0 ? (
            <p>No figures on this slide.</p>
          ) : (
            <ul>
              {slide.notes.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          )}
        </aside>
      )}
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
          const def = ALL_SLIDES.find((s) => s.id === id)!;
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
