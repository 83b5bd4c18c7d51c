import { useEffect, useState } from 'react';
import { clampSlide } from '../../model/deck/deck';
import { formatDate } from '../../model/format/format';
import { useChoices } from '../../state/store';
import { useDeckSync } from './deck-sync';
import { SlideFrame, SlideNav, SlideStage, SpeakerNotes, useDeckKeys, type BriefSlide } from './deck';

/** "4:07", "1:02:09". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Time since the talk began, with pause and reset. */
function Timer() {
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (pausedAt !== null) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [pausedAt]);
  const elapsed = (pausedAt ?? now) - startedAt;
  return (
    <div className="presenter__timer" role="group" aria-label="Timer">
      <span role="timer" aria-label="Time elapsed" className="presenter__clock">
        {formatElapsed(elapsed)}
      </span>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          if (pausedAt === null) setPausedAt(Date.now());
          else {
            setStartedAt((t) => t + (Date.now() - pausedAt));
            setPausedAt(null);
            setNow(Date.now());
          }
        }}
      >
        {pausedAt === null ? 'Pause timer' : 'Resume timer'}
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          const t = Date.now();
          setStartedAt(t);
          setNow(t);
          setPausedAt((p) => (p === null ? null : t));
        }}
      >
        Reset timer
      </button>
    </div>
  );
}

/**
 * The presenter's window: the current slide, the next one, the notes and a timer, kept on the same slide
 * as the projected window. Its keys are the deck's (→, Space, ←, Shift+Space, Home, End).
 */
export function PresenterView({
  slides,
  subject,
  asOf,
}: {
  slides: readonly BriefSlide[];
  subject: string;
  asOf: string;
}) {
  const slideParam = useChoices((s) => s.slide);
  const setSlide = useChoices((s) => s.setSlide);
  const count = slides.length;
  const current = clampSlide(slideParam, count);
  const slide = slides[current - 1];
  const next = slides[current];
  const go = (n: number) => setSlide(clampSlide(n, count));

  useDeckSync(current, go, 'presenter');
  useDeckKeys({ current, count, go, closeOverlay: () => false, onLeave: () => undefined });
  useEffect(() => {
    document.title = `Presenter view · ${subject}`;
  }, [subject]);

  return (
    <div className="presenter">
      <header className="presenter__bar">
        <h1 className="presenter__title">
          Presenter view · {subject} · as of <time dateTime={asOf}>{formatDate(asOf)}</time>
        </h1>
        <SlideNav current={current} count={count} go={go} />
        <Timer />
        <button type="button" className="button" onClick={() => window.close()}>
          Close presenter view
        </button>
      </header>
      <main className="presenter__main">
        <section className="presenter__current" aria-label="Current slide">
          <SlideStage>
            {slide && (
              <SlideFrame
                key={slide.id}
                slide={slide}
                index={current - 1}
                count={count}
                asOf={asOf}
                label={`Current, ${current} of ${count}: ${slide.title}`}
              />
            )}
          </SlideStage>
        </section>
        <section className="presenter__next" aria-label="Next slide">
          <h2 className="presenter__label">{next ? `Next: ${next.title}` : 'Next: end of the deck'}</h2>
          {next && (
            <SlideStage>
              <SlideFrame
                key={next.id}
                slide={next}
                index={current}
                count={count}
                asOf={asOf}
                current={false}
                preview
                label={`Next, ${current + 1} of ${count}: ${next.title}`}
              />
            </SlideStage>
          )}
        </section>
        <SpeakerNotes slide={slide} className="presenter__notes" />
      </main>
    </div>
  );
}
