/**
 * What the benchmark measures in a page (playwright-core, Chromium): interaction latency as the browser itself
 * measures it (the Event Timing API: from the input to the next paint, for real, trusted input) and the heap.
 * Entries under 16 ms are not reported by browsers: such an interaction counts as 16 ms, an upper bound.
 */
import type { Locator, Page } from 'playwright-core';

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
export const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

type Watched = { __events: { name: string; id: number; duration: number }[] };

/** Starts recording Event Timing entries (clicks and keys) in the page. */
async function watchEvents(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as Watched;
    if (w.__events) return;
    w.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { interactionId?: number })[]) {
        w.__events.push({ name: e.name, id: e.interactionId ?? 0, duration: e.duration });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
}

const eventCount = (page: Page) => page.evaluate(() => (window as unknown as Watched).__events.length);
const eventsSince = (page: Page, n: number) =>
  page.evaluate((from) => (window as unknown as Watched).__events.slice(from), n);

/**
 * Clicks `target` `clicks` times: each click's latency to the next paint, and until every panel has caught up
 * (no `[data-pending]` left).
 */
export async function clickLatency(page: Page, target: Locator, clicks: number) {
  await watchEvents(page);
  const times: number[] = [];
  const settled: number[] = [];
  for (let i = 0; i < clicks; i++) {
    const before = await eventCount(page);
    const t0 = await page.evaluate(() => performance.now());
    await target.click();
    settled.push(
      await page.evaluate(async (start) => {
        while (document.querySelector('[data-pending]')) await new Promise((r) => setTimeout(r, 4));
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - start;
      }, t0),
    );
    await page.waitForTimeout(150);
    const entries = (await eventsSince(page, before)).filter((e) => e.name === 'click');
    times.push(entries.length > 0 ? Math.max(...entries.map((e) => e.duration)) : 16);
  }
  return {
    toPaintMs: { median: round(median(times)), max: round(Math.max(...times)), runs: times.map((t) => round(t)) },
    settledMs: { median: round(median(settled)), max: round(Math.max(...settled)) },
  };
}

/**
 * Types each query into `box` a key at a time (clearing it first), as a person types (`delayMs` between keys):
 * each keystroke's latency to the next paint (the longest event of its interaction), and for each query the time
 * from its last key until the page shows its answer (`answered` true in the page: no `[data-pending]`, and the
 * check given).
 */
export async function keystrokeLatency(page: Page, box: Locator, queries: readonly string[], delayMs = 120) {
  await watchEvents(page);
  const keys: number[] = [];
  const answered: number[] = [];
  for (const query of queries) {
    await box.fill('');
    await page.waitForTimeout(300);
    for (const char of query) {
      const before = await eventCount(page);
      await box.press(char === ' ' ? 'Space' : char);
      await page.waitForTimeout(delayMs);
      const entries = (await eventsSince(page, before)).filter((e) => e.id > 0);
      keys.push(entries.length > 0 ? Math.max(...entries.map((e) => e.duration)) : 16);
    }
    const t0 = await page.evaluate(() => performance.now());
    answered.push(
      await page.evaluate(
        async ({ start, q }) => {
          while (
            document.querySelector('[data-pending]') ||
            (document.querySelector<HTMLInputElement>('input[type="search"]')?.value ?? '') !== q
          ) {
            await new Promise((r) => setTimeout(r, 4));
          }
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - start;
        },
        { start: t0, q: query },
      ),
    );
  }
  await box.fill('');
  return {
    keystrokes: keys.length,
    toPaintMs: { median: round(median(keys)), p95: round(percentile(keys, 95)), max: round(Math.max(...keys)) },
    lastKeyToAnswerMs: { median: round(median(answered)), max: round(Math.max(...answered)) },
  };
}

/** The page's JavaScript heap after a full garbage collection, in MB. */
export async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return round(heap.usedSize / 1024 / 1024);
}
