/**
 * At a glance: what the first screen shows, measured by bounding boxes, on a laptop (1440×900), a large
 * screen (1920×1080) and a phone (390×844), with and without a filter. The screenshots are kept in
 * test-results/ to be looked at.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, useBrowser, type Device } from './browser';

const SHOTS = 'test-results/glance';
mkdirSync(SHOTS, { recursive: true });

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  height: number;
}

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator.toString()} is not laid out`);
  return { top: b.y, bottom: b.y + b.height, left: b.x, right: b.x + b.width, height: b.height };
}

/** The whole page ready: data, every deferred panel, the map drawn, the charts drawn. */
async function ready(page: Page) {
  await page.getByRole('list', { name: 'Lead figures' }).getByRole('article').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.region__loading'), undefined, { timeout: 30_000 });
  await page.locator('.region--map .leaflet-container path').first().waitFor({ state: 'attached' });
  await page.locator('.region--charts .chart-card svg.recharts-surface').first().waitFor({ state: 'attached' });
  await settled(page);
}

/** How much of a box the first screen shows (0 when it starts below it). */
const shown = (b: Box, height: number) => Math.max(0, Math.min(b.bottom, height) - Math.max(b.top, 0));

async function firstScreen(page: Page, height: number, charts: number) {
  const leads = await page.getByRole('list', { name: 'Lead figures' }).getByRole('article').all();
  expect(leads.length).toBeGreaterThan(0);
  // Every lead figure whole, on the first screen.
  for (const lead of leads.slice(0, 5)) expect((await box(lead)).bottom).toBeLessThanOrEqual(height);
  // The map: most of its drawing.
  const map = await box(page.locator('.region--map .leaflet-container'));
  expect(shown(map, height), 'map on the first screen (px)').toBeGreaterThanOrEqual(Math.min(250, map.height));
  // The charts: their titles and their first drawing.
  const cards = page.locator('.region--charts .chart-card');
  for (let i = 0; i < charts; i++) {
    const card = cards.nth(i);
    expect((await box(card.locator('.chart-card__title'))).bottom, `chart ${i + 1}'s title`).toBeLessThanOrEqual(
      height,
    );
    const drawing = await box(card.locator('svg.recharts-surface').first());
    expect(shown(drawing, height), `chart ${i + 1}'s drawing on the first screen`).toBeGreaterThanOrEqual(
      Math.min(150, drawing.height),
    );
  }
  // The filters: a compact bar.
  expect((await box(page.getByRole('region', { name: 'Filters' }))).height).toBeLessThanOrEqual(110);
}

const WIDE: { name: string; device: Device; charts: number }[] = [
  { name: '1440', device: { viewport: { width: 1440, height: 900 } }, charts: 1 },
  { name: '1920', device: { viewport: { width: 1920, height: 1080 } }, charts: 2 },
];

describe('the first screen on a wide screen', () => {
  const open = useBrowser();

  for (const { name, device, charts } of WIDE) {
    it(`${name}: the lead figures, the map and ${charts === 1 ? 'a chart' : 'two charts'}; a filter changes them in view`, async () => {
      const { page } = await open('/', { device });
      await ready(page);
      const height = device.viewport.height;
      await firstScreen(page, height, charts);
      await page.screenshot({ path: `${SHOTS}/${name}.png` });
      const firstChart = await page.locator('.region--charts .chart-card__title').first().innerText();

      // Taiwan from the Countries list: a chip, the leads, the map and the charts change on the first screen.
      const filters = page.getByRole('region', { name: 'Filters' });
      await filters.getByRole('button', { name: /^Countries/ }).click();
      await filters.getByRole('checkbox', { name: /^Taiwan \d+ figures?$/ }).check();
      await filters.getByRole('button', { name: 'Done', exact: true }).click();
      await settled(page);
      const chip = filters
        .getByRole('list', { name: 'Active filters' })
        .getByRole('button', { name: 'Remove country: Taiwan' });
      expect((await box(chip)).bottom).toBeLessThanOrEqual(height);
      const leads = page.getByRole('list', { name: 'Lead figures' }).getByRole('article');
      await expect.poll(() => leads.count()).toBeGreaterThan(1);
      const leadText = (await leads.allInnerTexts()).join(' ');
      expect(leadText).toMatch(/Taiwan/);
      expect(leadText).not.toMatch(/Russian tanks lost/);
      await page.locator('.region--map .leaflet-marker-icon[title^="Taiwan (marker at Taipei)"]').waitFor();
      await expect
        .poll(() => page.locator('.region--charts .chart-card__title').first().innerText())
        .not.toBe(firstChart);
      await firstScreen(page, height, 1);
      await page.screenshot({ path: `${SHOTS}/${name}-taiwan.png` });
    });
  }
});

describe('the first screen on a phone', () => {
  const open = useBrowser({ device: { viewport: { width: 390, height: 844 }, touch: true } });

  it('390×844: the title, the active filters and the first lead figure; actions on one row; filters in a sheet', async () => {
    const { page } = await open('/?country=TW');
    await ready(page);
    const height = 844;
    const header = page.getByRole('banner');
    expect((await box(header.getByRole('heading', { level: 1 }))).bottom).toBeLessThanOrEqual(height);
    // The header's actions on one row; the rest behind "More".
    const actions = await header
      .locator('.app-header__side > * button:visible, .app-header__side > button:visible')
      .all();
    const tops = await Promise.all(actions.map(async (a) => (await box(a)).top));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);
    expect(await header.getByRole('button', { name: 'Present' }).isVisible()).toBe(false);
    const chip = page
      .getByRole('list', { name: 'Active filters' })
      .getByRole('button', { name: 'Remove country: Taiwan' });
    expect((await box(chip)).bottom).toBeLessThanOrEqual(height);
    const first = page.getByRole('list', { name: 'Lead figures' }).getByRole('article').first();
    expect((await box(first)).bottom).toBeLessThanOrEqual(height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}/390-taiwan.png` });

    await header.getByRole('button', { name: /^More/ }).click();
    await header.getByRole('button', { name: 'Present' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/390-more.png` });
    await page.keyboard.press('Escape');

    // The countries open as a sheet along the bottom of the screen.
    await page
      .getByRole('region', { name: 'Filters' })
      .getByRole('button', { name: /^Countries/ })
      .click();
    const sheet = page.getByRole('group', { name: 'Countries' });
    const b = await box(sheet);
    expect(Math.round(b.bottom)).toBe(height);
    expect(Math.round(b.left)).toBe(0);
    expect(Math.round(b.right)).toBe(390);
    await page.screenshot({ path: `${SHOTS}/390-sheet.png` });
    await sheet.getByRole('button', { name: 'Done', exact: true }).click();
    await expect.poll(() => sheet.isVisible()).toBe(false);

    // Without a filter: the first lead figure still on the first screen.
    await page.goto(`${page.url().split('?')[0]}`);
    await ready(page);
    expect(
      (await box(page.getByRole('list', { name: 'Lead figures' }).getByRole('article').first())).bottom,
    ).toBeLessThanOrEqual(height);
    await page.screenshot({ path: `${SHOTS}/390.png` });
  });
});
