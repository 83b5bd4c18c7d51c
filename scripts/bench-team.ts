/**
 * A team's two years in the page (npm run bench, part "team"): the data file of `npm run generate:dataset`
 * (5,000 articles, 100,000 figures, corrections, measures, briefings) kept in the browser's IndexedDB as the app
 * keeps it, then the page loaded afresh, as an analyst opens it on Monday morning. Measured in Chromium on the
 * shipped build:
 * - usable: from navigation until the page answers (hydrated) and shows the team's data (the filters count every
 *   figure; the lead figures painted), and when the stored data were read and merged (marks of src/state/user-data);
 * - the page's JavaScript heap after load;
 * - filter → next paint, and until every panel has caught up;
 * - search as you type: each keystroke to the next paint, and from the last key to the answer shown.
 * A benchmark: it reports, and fails only if it cannot run.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { launchOptions } from './lib/browser-path';
import { clickLatency, heapMB, keystrokeLatency, round } from './lib/page-latency';

/** Where the page fetches the data file from during the bench (answered by the bench, never a real address). */
const DATA_URL = '/__bench__/team-data.json';

export interface TeamBenchResult {
  dataFileMB: number;
  figures: number;
  /** Navigation → the team's data shown and the page hydrated, median of the loads. */
  usableMs: number;
  usableRunsMs: number[];
  /** Navigation → the first contentful paint (the prerendered page). */
  firstPaintMs: number;
  jsHeapMB: number;
  filterToPaintMs: { median: number; max: number };
  filterToSettledMs: { median: number; max: number };
  search: Awaited<ReturnType<typeof keystrokeLatency>>;
}

/**
 * The data file's records as src/state/browser-store.ts keeps them (key → value), in groups small enough for the
 * page to take one at a time (a 130 MB file parsed whole would take the tab's memory for nothing).
 */
export function recordGroups(dataFile: string): [string, unknown][][] {
  const file = JSON.parse(readFileSync(dataFile, 'utf8')) as {
    packs: { source: { id: string } }[];
    briefings: { id: string }[];
    edits?: unknown;
  };
  const at = Date.parse('2026-12-04T18:00:00Z');
  const records: [string, unknown][] = file.packs.map((pack, i) => [
    pack.source.id,
    {
      id: pack.source.id,
      pack,
      state: 'added',
      updatedAt: new Date(at - (file.packs.length - i) * 60_000).toISOString(),
    },
  ]);
  for (const b of file.briefings)
    records.push([`briefing:${b.id}`, { id: `briefing:${b.id}`, kind: 'briefing', briefing: b }]);
  if (file.edits) records.push(['settings:edits', { id: 'settings:edits', kind: 'edits', edits: file.edits }]);
  const groups: [string, unknown][][] = [];
  let group: [string, unknown][] = [];
  let size = 0;
  for (const record of records) {
    const bytes = JSON.stringify(record[1]).length;
    if (group.length > 0 && size + bytes > 8e6) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(record);
    size += bytes;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** Answers the page's requests for the groups (`store` fetches DATA_URL/<index>) from memory. */
export function serveGroups(context: import('playwright-core').BrowserContext, groups: [string, unknown][][]) {
  return context.route(`**${DATA_URL}/*`, (route) =>
    route.fulfill({
      body: JSON.stringify(groups[Number(route.request().url().split('/').pop())]),
      contentType: 'application/json',
    }),
  );
}

/** Puts the records into the page's IndexedDB, a group per transaction; returns the number of figures added. */
export async function store(page: import('playwright-core').Page, groups: [string, unknown][][]) {
  for (let i = 0; i < groups.length; i++) {
    await page.evaluate(async (url) => {
      const records = (await (await fetch(url)).json()) as [string, unknown][];
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('geobrief');
        open.onupgradeneeded = () => open.result.createObjectStore('packs');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction('packs', 'readwrite');
      for (const [key, value] of records) tx.objectStore('packs').put(value, key);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, `${DATA_URL}/${i}`);
  }
  return groups
    .flat()
    .reduce((n, [, v]) => n + ((v as { pack?: { figures: unknown[] } }).pack?.figures.length ?? 0), 0);
}

/**
 * Waits until every panel has caught up with the team's data (no panel still loading, none dimmed while it takes the
 * new data) and the page is idle: the heap and the clicks are measured on the page as it stays, not on the first
 * screen while the charts, map and lists are still being built (that under-counted the heap by 160 MB).
 */
export async function settled(page: import('playwright-core').Page) {
  await page.locator('figure[data-chart-id]').first().waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => !document.querySelector('.region__loading, .region[data-updating]'), null, {
    timeout: 120_000,
    polling: 200,
  });
  await page.evaluate(
    '(async () => { for (let i = 0; i < 3; i++) await new Promise((r) => requestIdleCallback(r, { timeout: 5000 })); })()',
  );
}

/** Loads the page and waits until it is usable with the team's data; the time from navigation, in ms. */
export async function loadUntilUsable(
  page: import('playwright-core').Page,
  url: string,
  figures: number,
  timeout: number,
) {
  await page.goto(url);
  // No named inner function: tsx would wrap it in a helper the page does not have.
  const usable = await page
    .waitForFunction(
      (least) => {
        const text = document.querySelector('.filter-summary')?.textContent ?? '';
        const m = /of ([\d,]+) figures/.exec(text);
        const shown = m ? Number(m[1]!.replace(/,/g, '')) : 0;
        const ready =
          !document.getElementById('root')?.hasAttribute('inert') &&
          shown >= least &&
          document.querySelector('article[data-figure-id]') !== null;
        return ready && performance.now();
      },
      figures,
      { polling: 'raf', timeout },
    )
    .catch(async (error: unknown) => {
      // Say what the page showed instead, with a picture of it.
      const state = await page
        .evaluate(() => ({
          summary: document.querySelector('.filter-summary')?.textContent ?? '(no filter summary)',
          inert: document.getElementById('root')?.hasAttribute('inert') ?? null,
          alert: document.querySelector('[role="alert"]')?.textContent ?? null,
        }))
        .catch(() => 'the page is gone (crashed?)');
      await page.screenshot({ path: 'test-results/bench-team-timeout.png' }).catch(() => undefined);
      throw new Error(
        `The page did not become usable with ${figures} figures: ${JSON.stringify(state)} (test-results/bench-team-timeout.png)`,
        { cause: error },
      );
    });
  return {
    usable: (await usable.jsonValue()) as number,
    firstPaint: await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN),
  };
}

export async function teamBench(
  url: string,
  dataFile: string,
  loads = 3,
  usableTimeoutMs = 300_000,
): Promise<TeamBenchResult> {
  if (!existsSync(dataFile)) throw new Error(`${dataFile} is missing: run npm run generate:dataset first`);
  const browser = await chromium.launch(await launchOptions());
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const groups = recordGroups(dataFile);
    await serveGroups(context, groups);
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('article[data-figure-id]').first().waitFor({ timeout: 60_000 });
    const added = await store(page, groups);
    const figures = added; // the shipped figures come on top; "at least" the team's is enough to know they are in
    const runs: { usable: number; firstPaint: number }[] = [];
    for (let i = 0; i < loads; i++) runs.push(await loadUntilUsable(page, url, figures, usableTimeoutMs));
    await settled(page);
    const jsHeapMB = await heapMB(page);
    console.log(`   usable after ${runs.map((r) => Math.round(r.usable)).join(', ')} ms`);
    // The countries are behind "Countries" in the filter bar: open it once, then click Taiwan on and off.
    const taiwan = page.locator('.facet label', { hasText: /^Taiwan\s*\d/ }).locator('input');
    if (!(await taiwan.isVisible())) await page.locator('.facet-picker__button', { hasText: /^Countries/ }).click();
    const clicks = await clickLatency(page, taiwan, 10);
    const search = await keystrokeLatency(page, page.getByRole('searchbox', { name: 'Search figures' }), [
      'russia',
      'tank losses',
      'zelensky ceasefire',
      'oil',
    ]);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      dataFileMB: round(statSync(dataFile).size / 1e6),
      figures,
      usableMs: round(median(runs.map((r) => r.usable)), 0),
      usableRunsMs: runs.map((r) => round(r.usable, 0)),
      firstPaintMs: round(median(runs.map((r) => r.firstPaint)), 0),
      jsHeapMB,
      filterToPaintMs: { median: clicks.toPaintMs.median, max: clicks.toPaintMs.max },
      filterToSettledMs: clicks.settledMs,
      search,
    };
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('bench-team.ts')) {
  const [url = 'http://127.0.0.1:4400/', file = 'test-results/team-data.json'] = process.argv.slice(2);
  teamBench(url, file, Number(process.argv[4] ?? 3), Number(process.argv[5] ?? 300_000))
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
