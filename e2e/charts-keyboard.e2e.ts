/**
 * Charts from the keyboard: a chart is one named stop; arrows move from bar to bar in reading order,
 * Home and End to the ends, Enter opens the figure's detail and Escape brings the focus back to the
 * chart. The quote of the focused bar stands beside the plot, never over a bar. In the deck the chart
 * keeps its arrow keys (the slide does not change under them).
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, useBrowser } from './browser';

const CASUALTIES = 'Russian casualties a day, by who estimates them: casualties a day, 2 bars';

/** The row the readout is about, or null when none is shown. */
const readoutRow = (chart: Locator) =>
  chart
    .locator('xpath=..')
    .locator('.chart-readout')
    .evaluateAll((els) => els[0]?.getAttribute('data-row-id') ?? null);

/** Does the readout overlap any bar of the chart? */
async function readoutCoversABar(chart: Locator): Promise<boolean> {
  const readout = await chart.locator('xpath=..').locator('.chart-readout').boundingBox();
  if (!readout) throw new Error('no readout');
  const bars = await chart.locator('path.recharts-rectangle').evaluateAll((paths) =>
    paths.map((p) => {
      const r = p.getBoundingClientRect();
      return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
    }),
  );
  const scroll = await chart.page().evaluate(() => ({ x: window.scrollX, y: window.scrollY }));
  const box = { ...readout, x: readout.x + scroll.x, y: readout.y + scroll.y };
  return bars.some(
    (b) => b.x < box.x + box.width && box.x < b.x + b.width && b.y < box.y + box.height && box.y < b.y + b.height,
  );
}

async function axe(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('charts from the keyboard', () => {
  const open = useBrowser();

  it('moves between bars with arrows, Home and End, opens the detail with Enter and comes back on Escape', async () => {
    const { page } = await open('/');
    await settled(page);
    const charts = page.getByRole('region', { name: 'Charts' });
    const chart = charts.getByRole('application', { name: CASUALTIES });
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('path.recharts-rectangle').first().waitFor();
    // Reached with Tab from the element before it, as a keyboard user does.
    await chart.evaluate((el) => {
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
    });
    await page.keyboard.press('Tab');
    expect(await chart.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await readoutRow(chart)).toBe('russia-casualties-per-day-western');

    await page.keyboard.press('ArrowDown');
    expect(await readoutRow(chart)).toBe('russia-casualties-per-day-analysts');
    const readout = chart.locator('xpath=..').locator('.chart-readout');
    expect(await readout.innerText()).toContain('“at least in the hundreds daily”');
    expect(await readoutCoversABar(chart), 'the readout hides a bar').toBe(false);
    await page.keyboard.press('ArrowLeft');
    expect(await readoutRow(chart)).toBe('russia-casualties-per-day-western');
    await page.keyboard.press('End');
    expect(await readoutRow(chart)).toBe('russia-casualties-per-day-analysts');
    await page.keyboard.press('Home');
    expect(await readoutRow(chart)).toBe('russia-casualties-per-day-western');
    await page.keyboard.press('ArrowRight');
    expect(await readoutRow(chart)).toBe('russia-casualties-per-day-analysts');

    mkdirSync('test-results', { recursive: true });
    await chart.locator('xpath=..').screenshot({ path: 'test-results/chart-keyboard-focus.png' });
    expect(await axe(page, '[data-chart-id="casualties"]'), 'axe on the focused chart').toEqual([]);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /military analysts/i });
    await dialog.waitFor();
    expect(await dialog.locator('.detail-dialog__value').innerText()).toContain('“at least in the hundreds daily”');
    expect(await dialog.innerText()).not.toContain('100–999');
    await dialog.getByText('Reading: how we drew these words as a number').click();
    expect(await dialog.innerText()).toContain('Drawn as 100 to 999 casualties a day, not a measurement.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await chart.evaluate((el) => el === document.activeElement), 'focus back on the chart').toBe(true);
    expect(await readoutRow(chart)).toBe('russia-casualties-per-day-analysts');
  });

  it('keeps its arrow keys on a slide: the bar changes, the slide does not', async () => {
    const { page } = await open('/?view=brief');
    // The casualties chart's slide, wherever the deck puts it ("9 of 25: Casualty estimates").
    const label = await page.locator('[aria-roledescription="slide"]', { hasText: 'Casualty estimates' }).first();
    await label.waitFor({ state: 'attached' });
    const slide = Number(/^(\d+) of/.exec((await label.getAttribute('aria-label')) ?? '')?.[1]);
    expect(slide, 'a slide with the casualties chart').toBeGreaterThan(0);
    await page.goto(`${new URL(page.url()).origin}/?view=brief&slide=${slide}`);
    await page.getByRole('application', { name: CASUALTIES }).waitFor({ state: 'visible' });
    const chart = page.getByRole('application', { name: CASUALTIES });
    await chart.focus();
    await page.keyboard.press('ArrowRight');
    expect(await readoutRow(chart)).toBe('russia-casualties-per-day-analysts');
    expect(new URL(page.url()).searchParams.get('slide')).toBe(String(slide));
  });
});
