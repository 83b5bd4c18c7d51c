/**
 * Bringing in an article as a new user would: paste a story, find its figures, accept them, add them to the
 * dashboard, and find them in Key figures, in a chart and under their country filter, still there after a
 * reload. Then the bad inputs: each says what is wrong, loses nothing, and leaves the dashboard working.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import sources from '../data/sources.json';
import { chooseFacet, settled, useBrowser } from './browser';

const STORY = 'Russia braces for oil output cuts as sanctions and drones hit';
const SHOTS = 'test-results';

/** A seed story's text, kept in data/articles/ as its source's `articleFile`. */
function seedStory(title: string): string {
  const source = sources.find((s) => s.title === title);
  if (!source?.articleFile) throw new Error(`no seed story "${title}" in data/sources.json`);
  return readFileSync(resolve(import.meta.dirname, '../data/articles', source.articleFile), 'utf8').trim();
}

async function openDialog(page: Page): Promise<Locator> {
  await page.getByRole('region', { name: 'Key figures' }).locator('article[data-figure-id]').first().waitFor();
  await page.getByRole('button', { name: 'Add article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add article' });
  await dialog.waitFor();
  return dialog;
}

async function keyFiguresStillWork(page: Page) {
  const cards = page.getByRole('region', { name: 'Key figures' }).locator('article[data-figure-id]');
  expect(await cards.count()).toBeGreaterThan(0);
}

/** Accessibility violations inside the dialog (axe-core), one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('dialog[open]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

mkdirSync(SHOTS, { recursive: true });

describe('bringing in an article (desktop)', () => {
  const open = useBrowser({ viewport: { width: 1440, height: 900 } });

  it('paste a story, find its figures, accept all, add them: they join every view and survive a reload', async () => {
    const { page } = await open();
    const dialog = await openDialog(page);
    await dialog.getByRole('textbox', { name: 'Article text' }).fill(seedStory(STORY));
    await dialog.getByLabel('Published').fill('2025-02-12');
    await dialog.getByRole('textbox', { name: 'Publisher' }).fill('Reuters');
    await dialog.getByRole('textbox', { name: 'Title' }).fill(STORY);
    await page.screenshot({ path: `${SHOTS}/add-article-form-1440.png` });
    expect(await axeViolations(page)).toEqual([]);

    await dialog.getByRole('button', { name: 'Find figures' }).click();
    const items = dialog.getByRole('region', { name: 'Proposed items' });
    await items.waitFor({ timeout: 30_000 });
    const proposed = items.getByRole('list', { name: 'Proposed figures' }).locator(':scope > li');
    expect(await proposed.count()).toBeGreaterThan(2);
    // Each proposed figure's quote is highlighted in the article.
    expect(await dialog.getByRole('region', { name: 'Article' }).locator('mark').count()).toBeGreaterThan(2);
    await page.screenshot({ path: `${SHOTS}/add-article-review-1440.png` });
    await proposed.last().locator('.review-item__title').click();
    await page.screenshot({ path: `${SHOTS}/add-article-edit-1440.png` });
    expect(await axeViolations(page)).toEqual([]);

    await items.getByRole('button', { name: 'Accept all' }).click();
    await dialog.getByRole('button', { name: 'Add to dashboard' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const status = page.getByRole('status').filter({ hasText: /^Added \d+ figures? from “Russia braces/ });
    await status.waitFor();

    // In Key figures, under their country filter.
    const added = page
      .getByRole('region', { name: 'Key figures' })
      .locator('article[data-figure-id^="reuters-2025-02-12-russia-braces"]');
    await chooseFacet(page, 'Countries', /^Russia \d+ figures?$/);
    await settled(page);
    await expect.poll(() => added.count()).toBeGreaterThan(0);
    const labels = await added.locator('.figure-card__label').allInnerTexts();
    await page.screenshot({ path: `${SHOTS}/add-article-result-1440.png` });

    // In a chart: some chart's data lists one of them.
    const charts = page.getByRole('region', { name: 'Charts' });
    await charts.locator('figure[data-chart-id]').first().waitFor();
    const showData = charts.getByRole('button', { name: 'Show data' });
    while ((await showData.count()) > 0) await showData.first().click();
    await expect
      .poll(async () => {
        const rows = await charts.locator('tbody th[scope="row"]').allInnerTexts();
        return rows.some((row) => labels.includes(row));
      })
      .toBe(true);
    await charts.screenshot({ path: `${SHOTS}/add-article-result-charts-1440.png` });

    await page.reload();
    await page
      .getByRole('region', { name: 'Key figures' })
      .locator('article[data-figure-id^="reuters-2025-02-12-russia-braces"]')
      .first()
      .waitFor();
  });

  it('keeps a review in progress through a reload, and offers to resume it', async () => {
    const { page } = await open();
    let dialog = await openDialog(page);
    await dialog.getByRole('textbox', { name: 'Article text' }).fill(seedStory(STORY));
    await dialog.getByLabel('Published').fill('2025-02-12');
    await dialog.getByRole('textbox', { name: 'Publisher' }).fill('Reuters');
    await dialog.getByRole('button', { name: 'Find figures' }).click();
    const first = dialog.getByRole('list', { name: 'Proposed figures' }).locator(':scope > li').first();
    await first.waitFor({ timeout: 30_000 });
    const id = await first.getAttribute('data-item-id');
    // Keyboard: Enter on "Reject" presses it, and the focus stays on it.
    await first.getByRole('button', { name: 'Reject' }).focus();
    await page.keyboard.press('Enter');
    expect(await first.getByRole('button', { name: 'Reject' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reject');
    await dialog.getByText('Draft saved: you can close this and come back to it.').waitFor();

    await page.reload();
    dialog = await openDialog(page);
    const drafts = dialog.getByRole('group', { name: 'Drafts in review' });
    await drafts.getByText(STORY).waitFor();
    await drafts.getByRole('button', { name: 'Resume review' }).click();
    const again = dialog.locator(`[data-item-id="${id}"]`);
    expect(await again.getByRole('button', { name: 'Reject' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('refuses a PDF and a binary file with a clear message, keeping the text typed so far', async () => {
    const { page } = await open();
    const dialog = await openDialog(page);
    const box = dialog.getByRole('textbox', { name: 'Article text' });
    await box.fill('Notes I typed before choosing a file');
    const picker = dialog.getByLabel('Article file');

    await picker.setInputFiles({
      name: 'briefing.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync(resolve(import.meta.dirname, 'fixtures/briefing.pdf')),
    });
    await dialog
      .getByRole('alert')
      .getByText(/briefing\.pdf is a PDF/)
      .waitFor();
    expect(await box.inputValue()).toBe('Notes I typed before choosing a file');
    await page.screenshot({ path: `${SHOTS}/add-article-pdf-1440.png` });

    await picker.setInputFiles({
      name: 'photo.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    });
    await dialog
      .getByRole('alert')
      .getByText(/photo\.txt is not a text file/)
      .waitFor();
    expect(await box.inputValue()).toBe('Notes I typed before choosing a file');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await keyFiguresStillWork(page);
  });

  it('says the text is empty, and reads an HTML file as text only, its scripts never run', async () => {
    const { page } = await open();
    const dialog = await openDialog(page);
    await dialog.getByRole('button', { name: 'Find figures' }).click();
    await dialog.getByRole('alert').getByText('Paste the article’s text, or choose or drop a file, first.').waitFor();

    await dialog.getByLabel('Article file').setInputFiles({
      name: 'story.html',
      mimeType: 'text/html',
      buffer: readFileSync(resolve(import.meta.dirname, 'fixtures/story-with-script.html')),
    });
    const box = dialog.getByRole('textbox', { name: 'Article text' });
    await expect.poll(() => box.inputValue()).toContain('nine million barrels per day');
    expect(await box.inputValue()).not.toMatch(/<|alert|__pwned/);
    expect(await dialog.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Oil output may slip');
    expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
    await keyFiguresStillWork(page);
  });
});

describe('bringing in text with nothing to extract', () => {
  const open = useBrowser();

  it('says "No figures found in this text" for prose without numbers, and says so for non-English text', async () => {
    const { page } = await open();
    const dialog = await openDialog(page);
    const box = dialog.getByRole('textbox', { name: 'Article text' });
    await box.fill('The talks went on late into the night and ended without agreement, officials said.');
    await dialog.getByRole('textbox', { name: 'Publisher' }).fill('Reuters');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Talks end without agreement');
    await dialog.getByRole('button', { name: 'Find figures' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/^No figures found in this text/)
      .waitFor({ timeout: 30_000 });

    const russian =
      'Россия может быть вынуждена сократить добычу нефти в ближайшие месяцы, поскольку санкции США ' +
      'ограничивают доступ к танкерам. Добыча может опуститься ниже девяти миллионов баррелей в сутки.';
    await box.fill(russian);
    await dialog.getByRole('button', { name: 'Find figures' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/English/)
      .waitFor({ timeout: 30_000 });
    expect(await dialog.getByRole('alert').innerText()).toMatch(/^No figures found in this text/);
    expect(await box.inputValue()).toBe(russian);
    await dialog.getByRole('button', { name: 'Find figures' }).waitFor();
    expect(await dialog.getByRole('progressbar').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/add-article-not-english-1366.png` });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await keyFiguresStillWork(page);
  });
});

describe('bringing in an article (phone)', () => {
  const open = useBrowser({ viewport: { width: 360, height: 780 } });

  it('fits the form and the review on a 360 px screen', async () => {
    const { page } = await open();
    const dialog = await openDialog(page);
    await dialog.getByRole('textbox', { name: 'Article text' }).fill(seedStory(STORY));
    await dialog.getByRole('textbox', { name: 'Publisher' }).fill('Reuters');
    await dialog.getByLabel('Published').fill('2025-02-12');
    await page.screenshot({ path: `${SHOTS}/add-article-form-360.png` });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    await dialog.getByRole('button', { name: 'Find figures' }).click();
    const items = dialog.getByRole('region', { name: 'Proposed items' });
    await items.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/add-article-review-360.png` });
    await items.locator('.review-item__title').first().click();
    await page.screenshot({ path: `${SHOTS}/add-article-edit-360.png` });
    await items.getByRole('button', { name: 'Accept all' }).click();
    await dialog.getByRole('button', { name: 'Add to dashboard' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/add-article-review-accepted-360.png` });
    await dialog.getByRole('button', { name: 'Add to dashboard' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: /^Added \d+ figures? from/ })
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/add-article-result-360.png` });
  });
});
