import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, useBrowser } from './browser';

/** The date stamp on the map. */
const stamp = (page: Page) => page.locator('.map-overlay-stamp .map-stamp').first();
const dateSelect = (page: Page) =>
  page.getByRole('region', { name: 'Map' }).getByLabel('Front line date', { exact: true });
const compareSelect = (page: Page) =>
  page.getByRole('region', { name: 'Map' }).getByLabel('Compare with', { exact: true });

/** The front line is drawn: its path exists and has a shape. */
async function lineDrawn(page: Page): Promise<void> {
  // The map's chunk and the situation's file load after the first paint; on a busy machine that takes a while.
  await page.locator('path.frontline-line').first().waitFor({ timeout: 45_000 });
  const d = await page.locator('path.frontline-line').first().getAttribute('d');
  expect(d?.length ?? 0).toBeGreaterThan(1000);
}

describe('the front line over time', () => {
  const open = useBrowser();

  it('?frontline=2025-01-01 draws that situation, dated and attributed, fetching only its geometry', async () => {
    const { page } = await open('/?frontline=2025-01-01', {});
    const situations: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/frontline/situations/')) situations.push(new URL(r.url()).pathname);
    });
    await lineDrawn(page);
    await expect.poll(() => stamp(page).innerText()).toBe('Front line as of 1 Jan 2025 · DeepStateMap.live');
    expect(await dateSelect(page).inputValue()).toBe('2025-01-01');
    const map = page.getByRole('region', { name: 'Map' });
    expect(await map.locator('.leaflet-control-attribution').innerText()).toContain(
      'Front line: DeepStateMap.live (via cyterat/deepstate-map-data), situation 1 Jan 2025',
    );
    // index.json: 111,581.6 km² (SOURCES.md's table), rounded for the legend.
    expect(await map.getByRole('list', { name: 'Legend' }).innerText()).toContain(
      'Occupied area, 1 Jan 2025: 111,582 km²',
    );
    // Only the date shown was fetched (the listener started after the first request may have gone out,
    // so ask the browser's own record too).
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.includes('/frontline/situations/')),
    );
    expect([...new Set([...fetched, ...situations])]).toEqual(['/frontline/situations/2025-01-01.geojson']);
  });

  it('compares 13 Feb 2025 with 1 Aug 2024: shades the changes and gives their areas in km² and sq mi', async () => {
    const { page } = await open('/');
    await lineDrawn(page);
    await compareSelect(page).selectOption('2024-08-01');
    await expect.poll(() => page.url()).toMatch(/compare=2024-08-01/);
    const legend = page.getByRole('region', { name: 'Map' }).getByRole('list', { name: 'Legend' });
    const taken = legend.locator('[data-change="taken"]');
    await taken.waitFor();
    expect(await taken.innerText()).toMatch(/^Taken by Russia: [\d,]+ km² \([\d,]+ sq mi\)$/);
    expect(await legend.locator('[data-change="retaken"]').innerText()).toMatch(
      /^Retaken by Ukraine: [\d,]+ km² \([\d,]+ sq mi\)$/,
    );
    // SOURCES.md: 109,206.1 km² (1 Aug 2024) and 111,963.6 km² (13 Feb 2025), full outlines.
    expect(await legend.locator('[data-change="net"]').innerText()).toContain(
      '+2,757.5 km² (+1,064.7 sq mi) on DeepState’s full outlines',
    );
    const fills = await page
      .locator('.leaflet-container path')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));
    expect(fills).toContain('url(#map-hatch-taken)');
    expect(fills).toContain('#0072B2');
    expect(await page.locator('.map-stamp--compare').innerText()).toBe('Changes since 1 Aug 2024');
    const map = page.getByRole('region', { name: 'Map' });
    await map.getByRole('button', { name: 'Describe map' }).click();
    expect(await map.locator('.map-description').innerText()).toMatch(
      /Front line of 13 Feb 2025[\s\S]*Compared with 1 Aug 2024: ground taken by Russia [\d,]+ km²/,
    );
    mkdirSync('test-results', { recursive: true });
    await map.screenshot({ path: 'test-results/map-compare.png' });
  });

  it('Back restores the previous date', async () => {
    const { page } = await open('/?frontline=2025-01-01');
    await lineDrawn(page);
    await dateSelect(page).selectOption('2024-08-01');
    await expect.poll(() => stamp(page).innerText()).toBe('Front line as of 1 Aug 2024 · DeepStateMap.live');
    expect(page.url()).toMatch(/frontline=2024-08-01/);
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/frontline=2025-01-01/);
    await expect.poll(() => stamp(page).innerText()).toBe('Front line as of 1 Jan 2025 · DeepStateMap.live');
    expect(await dateSelect(page).inputValue()).toBe('2025-01-01');
  });

  it('steps through the dates from the keyboard', async () => {
    const { page } = await open('/');
    await lineDrawn(page);
    const select = dateSelect(page);
    await select.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.url()).toMatch(/frontline=2025-02-01/);
    await expect.poll(() => stamp(page).innerText()).toBe('Front line as of 1 Feb 2025 · DeepStateMap.live');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.url()).toMatch(/frontline=2025-01-31/);
    // The Later button, by Tab and Enter, goes back up; the as-of date leaves the URL.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Later situation');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/frontline=2025-02-01/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).not.toMatch(/frontline=/);
    await expect.poll(() => stamp(page).innerText()).toBe('Front line as of 13 Feb 2025 · DeepStateMap.live');
  });

  it('names the cities and the Kursk salient at Front zoom without covering the front line', async () => {
    // On a projector's screen, where the map is large enough for the names of the front's towns (a laptop's
    // map, half the width, shows the ten biggest).
    const { page } = await open('/', { device: { viewport: { width: 1920, height: 1080 } } });
    await lineDrawn(page);
    const labels = page.locator('.map-label--city');
    await expect.poll(() => labels.count()).toBeGreaterThan(10);
    const names = await labels.allInnerTexts();
    for (const name of ['Kyiv', 'Kharkiv', 'Zaporizhzhia', 'Dnipro', 'Donetsk', 'Luhansk', 'Pokrovsk', 'Kherson']) {
      expect(names, name).toContain(name);
    }
    for (const name of ['Odesa', 'Sumy', 'Kursk', 'Sudzha', 'Belgorod']) expect(names, name).toContain(name);
    expect(await page.locator('.map-label--country').allInnerTexts()).toContain('UKRAINE');
    expect((await page.locator('.map-label--area').innerText()).replace(/\s+/g, ' ')).toBe(
      'Kursk salient held by Ukraine, 13 Feb 2025',
    );
    // The names lie under the line: where one cannot stay clear of it, the line is drawn over it.
    const z = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => Number(getComputedStyle(el.closest('.leaflet-pane:not(.leaflet-map-pane)')!).zIndex));
    expect(await z('.map-label--city')).toBeLessThan(await z('path.frontline-line'));
    // Sample the drawn line every 2 px: no name's box is on it, except Donetsk and Luhansk, which lie in the
    // narrow occupied band between the front and the border (the outline follows both).
    const hits = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll('.map-label')].map((l) => ({
        name: l.textContent,
        r: l.getBoundingClientRect(),
      }));
      const out: string[] = [];
      for (const path of document.querySelectorAll<SVGPathElement>('path.frontline-line')) {
        const ctm = path.getScreenCTM();
        if (!ctm) continue;
        const length = path.getTotalLength();
        for (let s = 0; s < length; s += 2) {
          const p = path.getPointAtLength(s).matrixTransform(ctm);
          for (const { name, r } of boxes) {
            if (p.x > r.left && p.x < r.right && p.y > r.top && p.y < r.bottom) out.push(String(name));
          }
        }
      }
      return [...new Set(out)];
    });
    expect(hits.filter((name) => name !== 'Donetsk' && name !== 'Luhansk')).toEqual([]);
  });

  it('the map follows the selection: Taiwan shows Taipei, not the front', async () => {
    const { page } = await open('/?country=TW');
    const map = page.getByRole('region', { name: 'Map' });
    const taipei = map.locator('.leaflet-marker-icon[title^="Taiwan (marker at Taipei)"]');
    await taipei.waitFor();
    const inside = async () => {
      const [m, c] = await Promise.all([taipei.boundingBox(), map.locator('.leaflet-container').boundingBox()]);
      if (!m || !c) return false;
      const x = m.x + m.width / 2;
      const y = m.y + m.height / 2;
      return x > c.x && x < c.x + c.width && y > c.y && y < c.y + c.height;
    };
    await expect.poll(inside).toBe(true);
  });

  it('in the deck, the map fills its slide', async () => {
    const { page } = await open('/?view=brief', { device: { viewport: { width: 1920, height: 1080 } } });
    await page.locator('.slide').first().waitFor();
    // Go to the map slide as a presenter would: with the arrow key, slide by slide.
    const ids = await page.locator('.slide').evaluateAll((els) => els.map((e) => e.getAttribute('data-slide-id')));
    const target = ids.indexOf('map');
    expect(target).toBeGreaterThan(0);
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.slide--current').getAttribute('data-slide-id')).toBe('map');
    const slide = page.locator('.slide--current[data-slide-id="map"]');
    await slide.locator('path.frontline-line').first().waitFor();
    const sizes = await slide.evaluate((el) => {
      const body = el.querySelector('.slide__body')!.getBoundingClientRect();
      const canvas = el.querySelector('.map-canvas')!.getBoundingClientRect();
      return { body: body.height, canvas: canvas.height, width: canvas.width, bodyWidth: body.width };
    });
    expect(sizes.canvas).toBeGreaterThan(sizes.body * 0.6);
    expect(sizes.width).toBeGreaterThan(sizes.bodyWidth * 0.95);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/map-deck.png' });
  });

  it('on a phone: the date control, the stamp and the legend below the map', async () => {
    const { page } = await open('/?frontline=2025-01-01&compare=2024-08-01', { device: PHONE });
    await lineDrawn(page);
    const legend = page.getByRole('region', { name: 'Map' }).getByRole('list', { name: 'Legend' });
    await legend.locator('[data-change="taken"]').waitFor();
    const [canvas, list] = await Promise.all([page.locator('.map-canvas').boundingBox(), legend.boundingBox()]);
    expect(list!.y).toBeGreaterThanOrEqual(canvas!.y + canvas!.height);
    expect(await stamp(page).isVisible()).toBe(true);
    const select = await dateSelect(page).boundingBox();
    expect(select!.height).toBeGreaterThanOrEqual(44);
  });
});
