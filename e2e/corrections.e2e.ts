/**
 * Measures, corrections and corroboration, as an analyst uses them. A briefing is saved, three articles come in
 * (two real White House statements from the development corpus and a short test article), and then:
 * - the casualty rate the assistant misread as "deaths" is corrected to casualties a day ("Edit", "Save"), and the
 *   correction shows in its card, the charts, the since view and the export, with its "History";
 * - the analyst links it to the measure the shipped data track ("Link to measure"): it joins that measure's chart
 *   over time and is marked "Sources differ" (about 1,000 a day then, about 1,500 now);
 * - "Since the last briefing" opens on the measures that moved;
 * - "Undo" takes both changes back, and the record of them stays.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../scripts/lib/corpus-bench';
import { parseCsv } from '../src/model/dataset/figure-export';
import { addArticleText, settled, useBrowser } from './browser';

const SHOTS = 'test-results/corrections';
mkdirSync(SHOTS, { recursive: true });

/** A test article, not news: a casualty rate the assistant reads with the wrong unit. */
const TEST_ARTICLE = {
  body: readFileSync('e2e/fixtures/casualty-rate-article.txt', 'utf8'),
  published: '2025-03-06',
  publisher: 'Test Wire',
  title: 'Russian losses climb as spring offensive builds',
};
const corpus = readCorpus('src/extract/fixtures/corpus').filter((t) =>
  ['07-', '10-'].some((p) => t.name.startsWith(p)),
);

async function saveBriefing(page: Page, name: string) {
  await page.getByRole('banner').getByRole('button', { name: 'Save briefing', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Save briefing' });
  await panel.getByRole('textbox', { name: 'Briefing name' }).fill(name);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await panel.getByText(/Saved/).first().waitFor();
  await page.keyboard.press('Escape');
}

/** The card of the test article's figure, found with the search. */
async function casualtyCard(page: Page, label = 'Soldiers killed'): Promise<Locator> {
  const search = page.getByRole('region', { name: 'Filters' }).getByRole('searchbox');
  await search.fill('1,500 soldiers');
  await settled(page);
  const card = page.getByRole('list', { name: 'Lead figures' }).getByRole('article').first();
  await expect.poll(() => card.innerText()).toContain(label);
  return card;
}

describe('measures, corrections and corroboration', () => {
  const open = useBrowser({ viewport: { width: 1440, height: 900 } });

  it('corrects a unit, links a measure, shows sources differ and what moved, and undoes it', async () => {
    const { page } = await open('/');
    await page.getByRole('list', { name: 'Lead figures' }).getByRole('article').first().waitFor();
    await settled(page);
    await saveBriefing(page, 'Monday briefing');
    for (const text of [...corpus, TEST_ARTICLE]) await addArticleText(page, text);
    await settled(page);

    // The assistant read "about 1,500 soldiers killed or wounded a day" as deaths: the card says so.
    let card = await casualtyCard(page);
    expect(await card.locator('.figure-card__value').innerText()).toMatch(/1,500\s*(dead|deaths)/);
    await card.getByRole('button', { name: /^Quote and source/ }).click();
    const detail = page.getByRole('dialog', { name: 'Soldiers killed' });
    await detail.getByText('One source', { exact: true }).first().waitFor();

    // Edit: the review's fields; Save keeps a new version, the quote unchanged.
    await detail.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = detail.getByRole('form', { name: 'Edit this figure' });
    await form.getByLabel('Unit', { exact: true }).selectOption({ label: 'casualties a day' });
    await form.getByRole('textbox', { name: 'Label' }).fill('Russian military casualties a day (UK MoD)');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    const named = page.getByRole('dialog', { name: 'Russian military casualties a day (UK MoD)' });
    await named.getByText(/Saved as a new version/).waitFor();
    const history = named.getByRole('heading', { name: 'History' });
    await history.waitFor();
    expect(await named.locator('.correction__history').innerText()).toMatch(
      /you[\s\S]*Label: Soldiers killed → Russian military casualties a day \(UK MoD\)\nUnit: deaths → casualties a day/,
    );
    expect(await named.locator('blockquote').first().innerText()).toContain(
      'about 1,500 soldiers killed or wounded a day',
    );
    await named.getByText(/Corrected by you on/).waitFor();
    await named.screenshot({ path: `${SHOTS}/corrected-detail-1440.png` });

    // Link to measure: the measure of the shipped casualty rates (same dimension).
    await named.getByRole('button', { name: 'Link to measure' }).click();
    const link = named.getByRole('form', { name: 'Link to measure' });
    await link
      .getByLabel('Measure it estimates')
      .selectOption({ label: 'Russian military casualties a day (per day, at the time stated)' });
    await link.getByRole('button', { name: 'Link', exact: true }).click();
    await named.getByText(/Linked to “Russian military casualties a day”/).waitFor();
    // Corroboration: about 1,000 (Western officials, 14 Feb) against about 1,500 (UK MoD, 6 Mar) differ.
    const sources = named.getByRole('region', { name: /^Sources:/ });
    await sources.getByText(/^Sources differ/).waitFor();
    expect(await sources.innerText()).toMatch(/Differs by \d+ %[\s\S]*Western officials/);
    await named.screenshot({ path: `${SHOTS}/linked-detail-1440.png` });
    await page.keyboard.press('Escape');
    await named.waitFor({ state: 'hidden' });

    // The card shows the corrected unit and its mark; a click on the mark opens the estimates.
    card = page.getByRole('list', { name: 'Lead figures' }).getByRole('article').first();
    await expect.poll(() => card.locator('.figure-card__value').innerText()).toMatch(/1,500\s*casualties a day/);
    const mark = card.getByRole('button', { name: /^Sources differ/ });
    await mark.click();
    await named.getByRole('region', { name: /^Sources:/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Filters' }).getByRole('button', { name: 'Clear all' }).click();
    await settled(page);

    // The charts: the measure's estimates over time, with the corrected value, marked in the readout's table.
    const charts = page.getByRole('region', { name: 'Charts' });
    const overTime = charts
      .locator('.chart-card')
      .filter({ has: page.getByRole('heading', { name: 'Russian military casualties a day: estimates over time' }) });
    await overTime.waitFor();
    await overTime.getByRole('button', { name: /^Show data/ }).click();
    const row = overTime.getByRole('row').filter({ hasText: "Britain's Ministry of Defence" });
    expect(await row.innerText()).toMatch(/about 1,500 casualties a day[\s\S]*Sources differ/);
    await overTime.screenshot({ path: `${SHOTS}/over-time-1440.png` });

    // Single-source only: the corrected figure has another source now, so it is not among them.
    await page.getByRole('region', { name: 'Filters' }).getByLabel('Single-source only').check();
    await settled(page);
    expect(new URL(page.url()).searchParams.get('single')).toBe('1');
    await expect
      .poll(() => page.getByRole('region', { name: 'Filters' }).getByRole('status').innerText())
      .toMatch(/Single-source only/);
    expect(await page.locator('[data-figure-id$="soldiers-killed"]').count()).toBe(0);
    await page.getByRole('region', { name: 'Filters' }).getByRole('button', { name: 'Clear all' }).click();
    await settled(page);

    // The export of the figures carries the corrected unit.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('region', { name: 'Key figures' }).getByRole('button', { name: 'CSV', exact: true }).click(),
    ]);
    const csvPath = join(tmpdir(), `figures-${Date.now()}.csv`);
    await csv.saveAs(csvPath);
    const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
    const exported = rows.find((r) => r[header!.indexOf('label')] === 'Russian military casualties a day (UK MoD)');
    expect(exported?.[header!.indexOf('unit')]).toBe('casualties-per-day');

    // Since the last briefing: its first screen names the measures that moved.
    await page.getByRole('button', { name: 'Your data', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'Your data' });
    await menu.getByRole('button', { name: 'Compare with briefing' }).first().click();
    const since = page.getByRole('region', { name: 'Since the last briefing' });
    const moved = since.getByRole('region', { name: 'What moved' });
    await moved.waitFor();
    const movedText = await moved.innerText();
    expect(movedText).toContain('Russian military casualties a day');
    expect(movedText).toContain('about 1,500 casualties a day');
    expect(movedText).toContain('Bank of Russia key rate');
    expect(movedText).not.toMatch(/russia-casualties-per-day|Russia casualties per day/);
    await page.screenshot({ path: `${SHOTS}/since-1440.png` });

    // Undo, twice: the link, then the unit; the history keeps both, marked undone.
    await page.goto(`${new URL(page.url()).origin}/`);
    card = await casualtyCard(page, 'Russian military casualties a day (UK MoD)');
    await card.getByRole('button', { name: /^Quote and source/ }).click();
    const again = page.getByRole('dialog', { name: 'Russian military casualties a day (UK MoD)' });
    await again.getByRole('button', { name: 'Undo', exact: true }).click();
    await again.getByText(/^Undone: the version of/).waitFor();
    await again
      .getByRole('region', { name: /^Sources:/ })
      .getByText('One source', { exact: true })
      .waitFor();
    await again.getByRole('button', { name: 'Undo', exact: true }).click();
    const back = page.getByRole('dialog', { name: 'Soldiers killed' });
    await back.getByText(/^Undone: the version of/).waitFor();
    expect(await back.locator('.correction__undone').count()).toBe(2);
    expect(await back.getByRole('button', { name: 'Undo', exact: true }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.locator('.figure-card__value').innerText()).toMatch(/1,500\s*(dead|deaths)/);

    // On a phone-sized window, the detail with its history reads in one column.
    await page.setViewportSize({ width: 390, height: 844 });
    await card.getByRole('button', { name: /^Quote and source/ }).click();
    await back.locator('.correction__history').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/history-390.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }, 240_000);
});
