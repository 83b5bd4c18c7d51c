import { describe, expect, it } from 'vitest';
import { afterFirstPaint, FIRST_PAINT_WAIT_MS, type PaintSignals } from './first-paint';

/** A browser whose paint, visibility and clock the test drives. */
function fakeBrowser(options: { painted?: boolean; hidden?: boolean; paintEntries?: boolean } = {}) {
  const state = { painted: options.painted ?? false, hidden: options.hidden ?? false };
  const paintListeners = new Set<() => void>();
  const visibilityListeners = new Set<() => void>();
  const frames: (() => void)[] = [];
  const timers: { at: number; then: () => void }[] = [];
  const signals: PaintSignals = {
    painted: () => state.painted,
    onPaint:
      options.paintEntries === false
        ? undefined
        : (then) => {
            paintListeners.add(then);
            return () => paintListeners.delete(then);
          },
    hidden: () => state.hidden,
    onVisibility: (then) => {
      visibilityListeners.add(then);
      return () => visibilityListeners.delete(then);
    },
    nextFrame: (then) => frames.push(then),
    setTimeout: (then, ms) => {
      const timer = { at: ms, then };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
  };
  return {
    signals,
    paint: () => {
      state.painted = true;
      for (const l of [...paintListeners]) l();
    },
    hide: () => {
      state.hidden = true;
      for (const l of [...visibilityListeners]) l();
    },
    frame: () => frames.shift()?.(),
    elapse: (ms: number) => {
      for (const t of timers.filter((x) => x.at <= ms)) t.then();
    },
    listening: () => paintListeners.size + visibilityListeners.size + timers.length,
  };
}

/** Whether the promise has settled after pending microtasks ran. */
async function settled(p: Promise<void>) {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('waiting for the first paint before the dashboard’s code runs', () => {
  it('waits until the browser reports the first contentful paint, then stops listening', async () => {
    const browser = fakeBrowser();
    const waiting = afterFirstPaint(browser.signals);
    expect(await settled(waiting)).toBe(false);
    browser.paint();
    expect(await settled(waiting)).toBe(true);
    expect(browser.listening()).toBe(0);
  });

  it('does not wait when the page has painted already or is hidden (a background tab paints nothing)', async () => {
    expect(await settled(afterFirstPaint(fakeBrowser({ painted: true }).signals))).toBe(true);
    expect(await settled(afterFirstPaint(fakeBrowser({ hidden: true }).signals))).toBe(true);
  });

  it('goes on when the page is hidden while waiting, and at the latest after the longest wait', async () => {
    const hidden = fakeBrowser();
    const waitingHidden = afterFirstPaint(hidden.signals);
    hidden.hide();
    expect(await settled(waitingHidden)).toBe(true);

    const slow = fakeBrowser();
    const waitingSlow = afterFirstPaint(slow.signals);
    slow.elapse(FIRST_PAINT_WAIT_MS - 1);
    expect(await settled(waitingSlow)).toBe(false);
    slow.elapse(FIRST_PAINT_WAIT_MS);
    expect(await settled(waitingSlow)).toBe(true);
  });

  it('waits one frame where the browser reports no paint entries', async () => {
    const browser = fakeBrowser({ paintEntries: false });
    const waiting = afterFirstPaint(browser.signals);
    expect(await settled(waiting)).toBe(false);
    browser.frame();
    expect(await settled(waiting)).toBe(true);
  });
});
