import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import sources from '../data/sources.json';
import topics from '../data/topics.json';
import countries from '../data/countries.json';
import units from '../data/units.json';
import figures from '../data/figures.json';
import actors from '../data/actors.json';
import events from '../data/events.json';
import places from '../data/places.json';
import measures from '../data/measures.json';
import { loadDataset } from '../src/model/dataset/load-dataset';
import { NO_FILTERS } from '../src/model/dataset/selectors';
import { selectSourcesInView } from '../src/model/dataset/source-selectors';
import { settled, useBrowser } from './browser';

const dataset = loadDataset({ sources, topics, countries, units, figures, actors, events, places, measures });

/** The focused element as its role and name (the first line of its ARIA snapshot), e.g. `heading "Sources"`. */
async function focused(page: Page): Promise<string> {
  const isBody = await page.evaluate(() => document.activeElement === document.body || !document.activeElement);
  if (isBody) return 'body';
  const snapshot = await page.locator(':focus').ariaSnapshot();
  // A name with a colon comes YAML-quoted: - 'heading "Ukraine, Russia and Taiwan: the briefing" [level=1]'
  return snapshot
    .split('\n')[0]!
    .replace(/^- /, '')
    .replace(/:$/, '')
    .replace(/^'(.*)'$/, '$1')
    .replace(/ \[level=\d\]/, '');
}

/**
 * Press a key the app handles once its script has taken over the (prerendered) page: retried until the
 * focus lands where expected, so the journey waits for the app, not for a clock.
 */
async function pressUntil(page: Page, key: string, expected: string) {
  await expect
    .poll(async () => {
      await page.keyboard.press(key);
      return focused(page);
    })
    .toBe(expected);
}

/** The app has taken over the page (a prerendered page is inert until then) and drawn its figures. */
async function ready(page: Page) {
  await page.locator('#root:not([inert])').waitFor({ state: 'attached' });
  await page.getByRole('region', { name: 'Key figures' }).locator('article').first().waitFor();
}

describe('keyboard: skip links, region keys, focus return', () => {
  const open = useBrowser();

  it('starts with a visible "Skip to content", and links that reach every region, Sources included', async () => {
    const { page } = await open();
    await ready(page);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('link "Skip to content"');
    const box = await page.locator(':focus').boundingBox();
    expect(box && box.width > 40 && box.height >= 24).toBe(true);
    mkdirSync('/work/notes/shots/access', { recursive: true });
    await page.screenshot({ path: `/work/notes/shots/access/skip-link-${page.viewportSize()!.width}.png` });

    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('heading "Filters"');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('searchbox "Search figures"');

    // Back to the top: the skip links, in page order, then the header's controls.
    const stops: string[] = [];
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    stops.push(await focused(page));
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(stops).toEqual([
      'link "Skip to content"',
      'link "Skip to Key figures"',
      'link "Skip to Charts"',
      'link "Skip to Map"',
      'link "Skip to Actors"',
      'link "Skip to Timeline"',
      'link "Skip to Sources"',
      'button "Keyboard shortcuts (?)"',
      'button "Add article"',
    ]);

    await page.getByRole('link', { name: 'Skip to Sources' }).focus();
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('heading "Sources"');
    expect(page.url()).not.toContain('#');
    // Panels above render as they come near and push Sources down; the page brings the heading back into view.
    const sourcesTop = async () => (await page.getByRole('heading', { name: 'Sources' }).boundingBox())!.y;
    await expect.poll(sourcesTop).toBeGreaterThanOrEqual(0);
    await expect.poll(sourcesTop).toBeLessThan(page.viewportSize()!.height);
  });

  it('jumps to regions with 1–7 and to the search with "/", documented in the help that "?" opens', async () => {
    const { page } = await open();
    await ready(page);
    await pressUntil(page, '6', 'heading "Timeline"');
    await page.keyboard.press('7');
    expect(await focused(page)).toBe('heading "Sources"');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.innerText()).toMatch(/7\s+Go to Sources/);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('heading "Sources"');
    await page.keyboard.press('/');
    expect(await focused(page)).toBe('searchbox "Search figures"');
    await page.keyboard.type('1');
    expect(await page.getByRole('searchbox', { name: 'Search figures' }).inputValue()).toBe('1');
  });

  it('returns the focus to the main heading after Esc on a dialog opened from the address', async () => {
    const { page } = await open('/?figure=russia-key-rate');
    const dialog = page.getByRole('dialog', { name: 'Bank of Russia benchmark interest rate' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.url()).not.toContain('figure=');
    expect(await focused(page)).toBe('heading "Ukraine, Russia and Taiwan: the briefing"');
    // From there, Tab goes on through the page (not from the top of a lost focus).
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toBe('body');
  });

  it('returns the focus to the actor’s card after "Clear focus" in the Actors panel', async () => {
    const { page } = await open('/?actor=vladimir-putin');
    const box = page.getByRole('group', { name: 'Focused actor' });
    await box.getByRole('button', { name: 'Clear focus' }).click();
    await expect.poll(() => page.url()).not.toContain('actor=');
    await box.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('button "Focus on Vladimir Putin"');
    const card = page.locator('.actor-list [data-actor-id="vladimir-putin"]');
    expect(await card.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  });

  it('lists only the stories behind Taiwan + Tariffs in Sources, with the filtered counts', async () => {
    const filters = { ...NO_FILTERS, countries: ['TW'], topics: ['tariffs'] };
    const expected = selectSourcesInView(dataset, filters);
    expect(expected.contributing).toBeLessThan(dataset.sources.length);

    const { page } = await open('/?country=TW&topic=tariffs');
    const region = page.getByRole('region', { name: 'Sources' });
    await region.locator('li[data-source-id]').first().waitFor();
    await settled(page);
    const shown = await region
      .locator('li[data-source-id]')
      .evaluateAll((els) =>
        els.map((el) => [el.getAttribute('data-source-id'), el.querySelector('.source-list__meta')?.textContent ?? '']),
      );
    const uses = [...expected.groups.values()].flat();
    expect(shown.map(([id]) => id)).toEqual(uses.map((u) => u.source.id));
    for (const [i, use] of uses.entries()) {
      const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
      expect(shown[i]![1]).toContain(
        `${plural(use.figures, 'figure')}, ${plural(use.statements, 'quote')}, ${plural(use.events, 'event')}`,
      );
    }
    const verb = expected.contributing === 1 ? 'contributes' : 'contribute';
    expect(await region.getByRole('status').innerText()).toBe(
      `${expected.contributing} of ${dataset.sources.length} stories ${verb} to this selection · Country: Taiwan · Topic: Tariffs`,
    );
    await region.screenshot({
      path: `/work/notes/shots/access/sources-taiwan-tariffs-${page.viewportSize()!.width}.png`,
    });
  });

  it('timeline: the week opens with what is under way, the scale is in the address, the axis works by keyboard', async () => {
    const { page } = await open();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const days = timeline.locator('.timeline__day h3');
    await days.first().waitFor();
    expect(await days.first().innerText()).toMatch(/^under way on 10 feb 2025$/i);
    expect((await days.allInnerTexts()).join('|')).not.toMatch(/2022|2024|jan 2025/i);
    await timeline.screenshot({ path: `/work/notes/shots/access/timeline-week-${page.viewportSize()!.width}.png` });

    const axis = timeline.getByRole('toolbar', { name: 'Events by date, 10 Feb 2025 to 16 Feb 2025' });
    await axis.getByRole('button').first().focus();
    await page.keyboard.press('End');
    expect(await focused(page)).toMatch(/^button "14 Feb 2025: \d+ events?"$/);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('heading "14 Feb 2025"');

    await timeline.getByRole('radio', { name: 'The war (2014 onward)' }).check();
    await expect.poll(() => page.url()).toMatch(/[?&]scale=war/);
    await page.reload();
    await timeline.getByRole('toolbar', { name: /^Events by date, 2014 to 16 Feb 2025$/ }).waitFor();
    expect(await timeline.getByRole('radio', { name: 'The war (2014 onward)' }).isChecked()).toBe(true);
    await timeline.screenshot({ path: `/work/notes/shots/access/timeline-war-${page.viewportSize()!.width}.png` });
  });
});
