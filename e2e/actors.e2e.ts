import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import figures from '../data/figures.json';
import events from '../data/events.json';
import { activeChip, chooseFacet, settled, useBrowser } from './browser';

const zelenskyFigures = figures.filter((f) => f.actorIds.includes('volodymyr-zelensky')).map((f) => f.id);
const zelenskyEvents = new Set(events.filter((e) => e.actorIds.includes('volodymyr-zelensky')).map((e) => e.id));

describe('actors, focus and timeline', () => {
  const open = useBrowser({ viewport: { width: 1366, height: 1000 } });

  it('filters actors by kind and country, and follows the global Taiwan filter', async () => {
    const { page } = await open();
    const panel = page.getByRole('region', { name: 'Actors' });
    const names = () => panel.locator('article h4').allTextContents();
    await panel.locator('article').first().waitFor();
    await panel.getByLabel('Kind').selectOption({ label: 'Person' });
    await panel.getByLabel('Country').selectOption({ label: 'Russia' });
    await expect.poll(names).toContain('Dmitry Peskov');
    await settled(page);
    expect(await names()).toContain('Vladimir Putin');
    expect(await names()).not.toContain('Volodymyr Zelensky');

    await panel.getByRole('button', { name: 'Reset actor filters' }).click();
    await chooseFacet(page, 'Countries', /^Taiwan \d+ figures?$/);
    await expect.poll(names).toContain('Kuo Jyh-Huei');
    await settled(page);
    expect(await names()).not.toContain('Vladimir Putin');
    const countries = await panel.locator('article .actor-card__kind').allTextContents();
    expect(countries.every((c) => c.endsWith('Taiwan'))).toBe(true);
  });

  it('focuses Zelensky across every view, keeps it on reload, and restores the filters when cleared', async () => {
    const { page } = await open('/?topic=peace-talks');
    const panel = page.getByRole('region', { name: 'Actors' });
    await panel.locator('article').first().waitFor();
    await panel
      .getByRole('article', { name: 'Volodymyr Zelensky' })
      .first()
      .getByRole('button', { name: 'Focus on Volodymyr Zelensky' })
      .click();
    await expect.poll(() => page.url()).toMatch(/[?&]actor=volodymyr-zelensky$/);
    expect(page.url()).not.toContain('topic=');

    const check = async () => {
      await settled(page);
      const cards = page.getByRole('region', { name: 'Key figures' }).locator('article[data-figure-id]');
      await cards.first().waitFor();
      expect((await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-figure-id')))).sort()).toEqual(
        [...zelenskyFigures].sort(),
      );
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByRole('radio', { name: 'The war (2014 onward)' }).check();
      const shown = await timeline
        .locator('[data-event-id]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')));
      expect(shown.length).toBe(zelenskyEvents.size);
      expect(shown.every((id) => zelenskyEvents.has(id!))).toBe(true);
      await page.locator('.leaflet-marker-icon').first().waitFor();
      const markers = await page
        .locator('.leaflet-marker-icon')
        .evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
      expect(markers.some((t) => t.startsWith('Kyiv'))).toBe(true);
      expect(markers.some((t) => t.startsWith('Taiwan'))).toBe(false);
      expect(await page.getByRole('group', { name: 'Focused actor' }).innerText()).toContain(
        'If Ukraine is not in Nato',
      );
    };
    await check();
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/focus-zelensky.png', fullPage: true });

    await page.reload();
    await check();

    await page.getByRole('group', { name: 'Focused actor' }).getByRole('button', { name: 'Clear focus' }).click();
    await expect.poll(() => page.url()).not.toContain('actor=');
  });

  it('clearing a focus chosen in this visit brings back the filters it set aside', async () => {
    const { page } = await open('/?topic=peace-talks');
    const panel = page.getByRole('region', { name: 'Actors' });
    await panel.locator('article').first().waitFor();
    await panel.getByRole('button', { name: 'Focus on Vladimir Putin' }).click();
    await expect.poll(() => page.url()).toMatch(/actor=vladimir-putin/);
    await page.getByRole('region', { name: 'Filters' }).getByRole('button', { name: 'Clear focus' }).click();
    await expect.poll(() => page.url()).toMatch(/\?topic=peace-talks$/);
    await activeChip(page, 'topic', 'Peace talks').waitFor();
  });

  it('works by keyboard alone: filter actors, focus one, open an event from the timeline', async () => {
    const { page } = await open();
    const panel = page.getByRole('region', { name: 'Actors' });
    await panel.locator('article').first().waitFor();
    await panel.getByLabel('Find actor').focus();
    await page.keyboard.type('peskov');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Reset actor filters/);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Focus on Dmitry Peskov/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/actor=dmitry-peskov/);

    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByRole('radio', { name: 'The week of the newest article (10–16 Feb 2025)' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await timeline.getByRole('radio', { name: 'The war (2014 onward)' }).isChecked()).toBe(true);
    const first = timeline.locator('[data-event-id] .timeline-event__title').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});
