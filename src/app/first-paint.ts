/**
 * The page paints before any script work (issue 26): the prerendered HTML and its inline CSS are on screen
 * first, and only then does src/main.tsx load the dashboard's code and hydrate. A browser may hold its first
 * frame back while the main thread is busy (a fresh Chromium did, by 1–2 s, under Lighthouse's CLI); waiting
 * for the paint means no script of ours ever delays it.
 */

/** What afterFirstPaint reads from the browser (the page's own by default; a test passes its own). */
export interface PaintSignals {
  /** Whether the first contentful paint has happened. */
  painted: () => boolean;
  /** Calls `then` when a paint entry arrives; returns a function that stops listening. Undefined: not supported. */
  onPaint?: (then: () => void) => () => void;
  /** Whether the page is hidden (a background tab paints nothing, so nothing is waited for). */
  hidden: () => boolean;
  /** Calls `then` when the page is shown or hidden; returns a function that stops listening. */
  onVisibility: (then: () => void) => () => void;
  /** One frame, then a task: the fallback where paint entries are not reported. */
  nextFrame: (then: () => void) => void;
  setTimeout: (then: () => void, ms: number) => () => void;
}

/** The longest the dashboard waits for the first paint before it starts anyway. */
export const FIRST_PAINT_WAIT_MS = 3000;

function browserSignals(): PaintSignals {
  const painted = () => performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint');
  const supported =
    typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('paint');
  return {
    painted,
    onPaint: supported
      ? (then) => {
          const observer = new PerformanceObserver(() => then());
          observer.observe({ type: 'paint', buffered: true });
          return () => observer.disconnect();
        }
      : undefined,
    hidden: () => document.visibilityState === 'hidden',
    onVisibility: (then) => {
      document.addEventListener('visibilitychange', then);
      return () => document.removeEventListener('visibilitychange', then);
    },
    nextFrame: (then) => requestAnimationFrame(() => setTimeout(then, 0)),
    setTimeout: (then, ms) => {
      const id = setTimeout(then, ms);
      return () => clearTimeout(id);
    },
  };
}

/**
 * Resolves once the browser has painted the page: at once when it has or when the page is hidden; else on the
 * first contentful paint (or, where paint entries are not reported, after the next frame), and at the latest
 * after FIRST_PAINT_WAIT_MS.
 */
export function afterFirstPaint(signals: PaintSignals = browserSignals()): Promise<void> {
  if (signals.painted() || signals.hidden()) return Promise.resolve();
  return new Promise((resolve) => {
    const stops: (() => void)[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      for (const stop of stops) stop();
      resolve();
    };
    stops.push(signals.setTimeout(finish, FIRST_PAINT_WAIT_MS));
    stops.push(signals.onVisibility(() => signals.hidden() && finish()));
    if (signals.onPaint) stops.push(signals.onPaint(() => signals.painted() && finish()));
    else signals.nextFrame(finish);
  });
}
