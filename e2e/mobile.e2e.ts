import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, useBrowser, type Device } from './browser';

const phone = (width: number, height = 800): Device => ({ viewport: { width, height }, touch: true });
const screen = (width: number, height: number): Device => ({ viewport: { width, height } });

/** Wait until every panel of the explore view has drawn (charts, map, actors, timeline). */
async function loaded(page: Page): Promise<void> {
  await page.locator('figure[data-chart-id] .recharts-bar-rectangle').first().waitFor();
  await page.locator('.leaflet-marker-icon').first().waitFor();
  await page.getByRole('region', { name: 'Actors' }).locator('article').first().waitFor();
  await page.getByRole('region', { name: 'Timeline' }).locator('[data-event-id]').first().waitFor();
  await settled(page);
}

/**
 * The page's width against the screen's. Not innerWidth: on a phone (mobile emulation) the layout
 * viewport widens to fit content that overflows, so innerWidth grows with the fault it should reveal.
 */
const sideways = async (page: Page) => ({
  scroll: await page.evaluate(() => Math.max(document.documentElement.scrollWidth, window.innerWidth)),
  width: page.viewportSize()!.width,
});

describe('phones, tablets and projectors', () => {
  const open = useBrowser();

  it('draws at least one bar in every chart panel at 360 px, and nothing scrolls sideways', async () => {
    const { page } = await open('/', { device: phone(360) });
    await loaded(page);
    // The five charts of the figures, and the occupied area over time.
    const charts = page.locator('figure[data-chart-id]');
    // The occupied-area chart renders when it comes near the screen: scroll to the end of Charts.
    await charts.nth(4).scrollIntoViewIfNeeded();
    await page.getByRole('region', { name: 'Charts' }).evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await charts.nth(5).locator('.recharts-line-curve').first().waitFor();
    expect(await charts.count()).toBe(6);
    // Every bar chart's panels draw bars; the occupied area's daily panel is a line.
    expect(await page.locator('figure[data-chart-id="occupied-area"] .recharts-line-curve').count()).toBeGreaterThan(0);
    const bars = await page
      .locator('figure[data-chart-id]:not([data-chart-id="occupied-area"]) .chart-panel')
      .evaluateAll((panels) => panels.map((p) => p.querySelectorAll('.recharts-bar-rectangle').length));
    expect(bars.length).toBeGreaterThanOrEqual(5);
    for (const count of bars) expect(count).toBeGreaterThan(0);
    const { scroll, width } = await sideways(page);
    expect(scroll).toBeLessThanOrEqual(width);

    mkdirSync('test-results', { recursive: true });
    for (const name of ['Filters', 'Key figures', 'Charts', 'Map', 'Actors', 'Timeline', 'Sources']) {
      await page
        .getByRole('region', { name, exact: true })
        .screenshot({ path: `test-results/mobile-360-${name.toLowerCase().replace(' ', '-')}.png` });
    }

    // The deck's first chart slide, found by its id.
    await page.goto(page.url().replace(/\/?(\?.*)?$/, '/?view=brief'));
    await page.locator('.slide--current').waitFor();
    const chartIndex = await page
      .locator('.slide')
      .evaluateAll((els) => els.findIndex((e) => e.getAttribute('data-slide-id')?.startsWith('chart-')));
    await page.goto(page.url().replace(/\/?(\?.*)?$/, `/?view=brief&slide=${chartIndex + 1}`));
    await page.locator('.slide--current .recharts-bar-rectangle').first().waitFor();
    const deck = await sideways(page);
    expect(deck.scroll).toBeLessThanOrEqual(deck.width);
  });

  it('keeps the map visible on a phone: the layer list starts as its button, the legend below the map', async () => {
    const { page } = await open('/', { device: phone(390, 844) });
    const map = page.getByRole('region', { name: 'Map' });
    await map.locator('.leaflet-marker-icon').first().waitFor();
    const canvas = (await map.locator('.leaflet-container').boundingBox())!;
    const control = (await map.locator('.leaflet-control-layers').boundingBox())!;
    // The collapsed control covers a corner, not the map (it covered 74–81 % of it).
    expect((control.width * control.height) / (canvas.width * canvas.height)).toBeLessThan(0.05);
    const legend = (await map.getByRole('list', { name: 'Legend' }).boundingBox())!;
    expect(legend.y).toBeGreaterThanOrEqual(canvas.y + canvas.height);
  });

  it('gives every control a 44 px touch target on a phone', async () => {
    const { page } = await open('/', { device: phone(390, 844) });
    await loaded(page);
    await page.getByRole('region', { name: 'Map' }).locator('.leaflet-container').scrollIntoViewIfNeeded();
    const small = await page.evaluate(() => {
      const visible = (e: Element) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[inert]');
      };
      const big = (e: Element) => {
        const r = e.getBoundingClientRect();
        return r.width >= 44 && r.height >= 44;
      };
      const controls = [...document.querySelectorAll('button, select, input, a[href], label.chip, label.segmented')]
        // Links inside a line of text (the map's attribution) are exempt, as in WCAG 2.5.8; so are the timeline's
        // dots (24 px hit areas), whose events are also in the list below them as full-size buttons (the
        // "equivalent" exception of WCAG 2.5.8).
        .filter((e) => visible(e) && !e.closest('.visually-hidden, .leaflet-control-attribution, .timeline__dot'))
        // A checkbox or radio is hit through its label.
        .filter((e) => !(e instanceof HTMLInputElement && e.closest('label') && big(e.closest('label')!)));
      const map = document.querySelector('.leaflet-container')!.getBoundingClientRect();
      const inMap = (r: DOMRect) =>
        r.left - 30 > map.left && r.right + 30 < map.right && r.top > map.top && r.bottom < map.bottom;
      const markers = [...document.querySelectorAll('.leaflet-marker-icon')].filter((m) => {
        // A marker is drawn small; its hit area reaches 22 px from its centre.
        const r = m.getBoundingClientRect();
        if (!visible(m) || !inMap(r)) return false;
        const hit = document.elementFromPoint(r.left + r.width / 2 + 20, r.top + r.height / 2);
        return !hit?.closest('.leaflet-marker-icon');
      });
      return [...controls.filter((e) => !big(e)), ...markers].map((e) => {
        const r = e.getBoundingClientRect();
        return `${e.tagName} "${(e.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`;
      });
    });
    expect(small).toEqual([]);
  });

  it.each([
    ['a phone', phone(360)],
    ['a laptop', screen(1440, 900)],
    ['a projector', screen(1920, 1080)],
  ])('ends the page where its content ends on %s, in explore and in the deck', async (_, device) => {
    const { page } = await open('/', { device });
    await loaded(page);
    const explore = await page.evaluate(() => {
      const regions = [...document.querySelectorAll('main .region')];
      const last = Math.max(...regions.map((r) => r.getBoundingClientRect().bottom + window.scrollY));
      return { last, height: document.documentElement.scrollHeight };
    });
    expect(explore.height).toBeGreaterThanOrEqual(explore.last);
    // The layout's bottom padding, and no more.
    expect(explore.height - explore.last).toBeLessThanOrEqual(64);

    for (const slide of [1, 3, 9]) {
      await page.goto(page.url().replace(/\/?(\?.*)?$/, `/?view=brief&slide=${slide}`));
      await page.locator('.slide--current').waitFor();
      await page.locator('.slide--current .slide__footer').waitFor();
      await settled(page);
      const deck = await page.evaluate(() => {
        const current = document.querySelector('.slide--current')!.getBoundingClientRect().bottom + window.scrollY;
        return { current, height: document.documentElement.scrollHeight, viewport: window.innerHeight };
      });
      expect(deck.height, `slide ${slide}`).toBeGreaterThanOrEqual(deck.current);
      expect(deck.height - Math.max(deck.current, deck.viewport - 48), `slide ${slide}`).toBeLessThanOrEqual(48);
    }
  });

  it('fills each chart slide on a 1920x1080 projector, with chart text of 18 px or more', async () => {
    const { page } = await open('/?view=brief', { device: screen(1920, 1080) });
    await page.locator('.slide--current').waitFor();
    const chartSlides = await page
      .locator('.slide[data-slide-id^="chart-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-slide-id')));
    expect(chartSlides.length).toBe(5);
    for (const id of chartSlides) {
      const index = await page
        .locator('.slide')
        .evaluateAll((els, id) => els.findIndex((e) => e.getAttribute('data-slide-id') === id), id);
      await page.goto(page.url().replace(/\/?(\?.*)?$/, `/?view=brief&slide=${index + 1}`));
      const current = page.locator('.slide--current');
      await current.locator('.recharts-bar-rectangle').first().waitFor();
      const sizes = await current
        .locator('svg.recharts-surface text')
        .evaluateAll((texts) => texts.map((t) => parseFloat(getComputedStyle(t).fontSize)));
      expect(sizes.length, id!).toBeGreaterThan(0);
      expect(Math.min(...sizes), id!).toBeGreaterThanOrEqual(18);
      // The slide reaches the bottom of the screen, and its chart takes most of the slide's body.
      const fill = await current.evaluate((slide) => {
        const body = slide.querySelector('.slide__body')!.getBoundingClientRect();
        const charts = [...slide.querySelectorAll('.bar-chart')].map((c) => c.getBoundingClientRect());
        const chartHeight = Math.max(...charts.map((c) => c.bottom)) - Math.min(...charts.map((c) => c.top));
        return { bottom: slide.getBoundingClientRect().bottom, share: chartHeight / body.height };
      });
      expect(fill.bottom, id!).toBeGreaterThanOrEqual(1080 - 48);
      expect(fill.share, id!).toBeGreaterThan(0.5);
    }
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/deck-1920.png' });
  });

  it('works as a deck on a tablet in landscape (1024x768, touch)', async () => {
    const { page } = await open('/?view=brief', { device: { viewport: { width: 1024, height: 768 }, touch: true } });
    const next = page.getByRole('button', { name: 'Next →' });
    await next.waitFor();
    const box = (await next.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await next.tap();
    await next.tap();
    await expect.poll(() => page.url()).toMatch(/slide=3/);
    // A chart slide, reached by its number in the deck.
    const chartIndex = await page
      .locator('.slide')
      .evaluateAll((els) => els.findIndex((e) => e.getAttribute('data-slide-id')?.startsWith('chart-')));
    await page.goto(page.url().replace(/\/?(\?.*)?$/, `/?view=brief&slide=${chartIndex + 1}`));
    await page.locator('.slide--current .recharts-bar-rectangle').first().waitFor();
    const { scroll, width } = await sideways(page);
    expect(scroll).toBeLessThanOrEqual(width);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/deck-1024.png' });
  });
});
