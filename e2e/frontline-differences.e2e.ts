/**
 * The front-line differences are computed at build time (scripts/lib/frontline-differences-plugin.ts): "Compare
 * with" fetches one pair's file, no geometry library or worker runs in the page, the service worker keeps the
 * areas' index and a pair once fetched (not the 351 pair files up front), so a visited pair works offline.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import type { DifferenceAreasIndex } from '../src/model/frontline/frontline-difference';

const DIST = resolve(import.meta.dirname, '..', process.env['GEOBRIEF_DIST'] ?? 'dist');
const areas = JSON.parse(
  readFileSync(resolve(DIST, 'frontline/differences/index.json'), 'utf8'),
) as DifferenceAreasIndex;
/** The legend's whole km² (the page adds sq mi; src/features/map/frontline/frontline-text.ts). */
const km2 = (n: number) => `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(n)} km² (`;
const pair = areas.pairs.find((p) => p.earlier === '2024-08-01' && p.later === '2025-02-13')!;

const compareSelect = (page: Page) =>
  page.getByRole('region', { name: 'Map' }).getByLabel('Compare with', { exact: true });
const legend = (page: Page) => page.getByRole('region', { name: 'Map' }).getByRole('list', { name: 'Legend' });
/** The map's "Taken by Russia" line, once the comparison is shown (the map loads after the first paint). */
async function takenLine(page: Page): Promise<string> {
  const taken = legend(page).locator('[data-change="taken"]');
  await taken.waitFor({ timeout: 45_000 });
  return taken.innerText();
}
const resources = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));

describe('front-line differences computed at build time', () => {
  const open = useBrowser();

  it('the build emitted the areas of every pair', () => {
    expect(areas.pairs).toHaveLength(351);
    expect(pair.takenKm2).toBeGreaterThan(pair.retakenKm2);
  });

  it('"Compare with" fetches the pair’s file only: no worker, no second situation', async () => {
    const { page } = await open('/?compare=2024-08-01');
    expect(await takenLine(page)).toContain(`Taken by Russia: ${km2(pair.takenKm2)}`);
    expect(await legend(page).locator('[data-change="retaken"]').innerText()).toContain(
      `Retaken by Ukraine: ${km2(pair.retakenKm2)}`,
    );
    const fetched = await resources(page);
    expect(fetched.filter((p) => p.includes('/frontline/'))).toEqual(
      expect.arrayContaining([
        '/frontline/situations/2025-02-13.geojson',
        '/frontline/differences/2024-08-01_2025-02-13.json',
      ]),
    );
    // No worker for the map (the dashboard's own background workers, search and "since", may load after the paint).
    expect(
      fetched.filter(
        (p) => /situations\/2024-08-01|differences\/index|worker/.test(p) && !/(search|since)-worker-/.test(p),
      ),
    ).toEqual([]);
  });

  it('keeps a compared pair for offline use, without precaching every pair', async () => {
    const { page } = await open('/', {
      // Offline, a pair never fetched cannot be shown: the browser logs the failed request.
      allowErrors: [/Failed to load resource|ERR_INTERNET_DISCONNECTED|FetchEvent/],
    });
    await page.locator('path.frontline-line').first().waitFor({ timeout: 45_000 });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await compareSelect(page).selectOption('2024-08-01');
    expect(await takenLine(page)).toContain(`Taken by Russia: ${km2(pair.takenKm2)}`);

    const cached = () =>
      page.evaluate(async () => {
        const out: Record<string, string[]> = {};
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          out[name] = (await cache.keys()).map((r) => new URL(r.url).pathname);
        }
        return out;
      });
    await expect
      .poll(async () => Object.values(await cached()).flat())
      .toContain('/frontline/differences/2024-08-01_2025-02-13.json');
    const stored = await cached();
    const precache = Object.entries(stored)
      .filter(([name]) => name.includes('precache'))
      .flatMap(([, urls]) => urls);
    expect(precache).toContain('/frontline/differences/index.json');
    expect(precache.filter((p) => /differences\/\d/.test(p))).toEqual([]);
    const runtime = Object.entries(stored).find(([name]) => name.startsWith('geobrief-frontline-differences-'));
    expect(runtime?.[1]).toEqual(['/frontline/differences/2024-08-01_2025-02-13.json']);

    await page.context().setOffline(true);
    await page.reload();
    expect(await takenLine(page)).toContain(`Taken by Russia: ${km2(pair.takenKm2)}`);
    // A pair never fetched: a readable problem, the map keeps working.
    await compareSelect(page).selectOption('2024-09-01');
    const alert = page.getByRole('region', { name: 'Map' }).getByRole('alert');
    await expect.poll(() => alert.innerText()).toMatch(/^The comparison could not be made: /);
    await page.context().setOffline(false);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => legend(page).locator('[data-change="taken"]').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Map' }).getByRole('alert').count()).toBe(0);
  });
});
