/**
 * "Since the last briefing", as an analyst uses it week to week: save a briefing, bring in a new article with two
 * figures, compare with the saved briefing. Exactly those two figures are added, the new casualties-a-day estimate
 * stands beside the two the briefing held, the front line is given between the two dates; the comparison survives
 * a reload (since= in the URL) and an export/import round trip of the data pack.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/model/dataset/figure-export';
import { chooseFacet, settled, useBrowser } from './browser';

const SHOTS = 'test-results/since';
const dir = mkdtempSync(join(tmpdir(), 'geobrief-since-'));

/** A short article with two figures the extraction assistant finds: a new estimate of Russia's casualties a day
 * (a measure the shipped data tracks with two estimates; linked by the analyst, never by the assistant) and an
 * amount of aid (a new measure). */
const TITLE = 'Russia’s losses mount as winter fighting grinds on';
const ARTICLE = `${TITLE}

Russian forces are suffering about 1,500 casualties a day, British defence intelligence said on Tuesday.

The European Union approved 3 billion euros in new military aid for Ukraine, officials said.
`;
const NEW_ID_PREFIX = 'example-wire-2025-03-04-';
const MEASURE = 'russia-casualties-per-day';
/** The shipped estimates of that measure. */
const EARLIER = ['russia-casualties-per-day-western', 'russia-casualties-per-day-analysts'];

function since(page: Page) {
  return page.getByRole('region', { name: 'Since the last briefing' });
}

async function keyFiguresShown(page: Page) {
  await page.getByRole('region', { name: 'Key figures' }).locator('article[data-figure-id]').first().waitFor();
}

async function saveBriefing(page: Page, name: string) {
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Save briefing', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const panel = page.getByRole('dialog', { name: 'Save briefing' });
  await panel.getByRole('textbox', { name: 'Briefing name' }).fill(name);
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  return panel;
}

async function addArticle(page: Page) {
  await page.getByRole('button', { name: 'Add article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
  await dialog.getByLabel('Published').fill('2025-03-04');
  await dialog.getByRole('textbox', { name: 'Publisher' }).fill('Example Wire');
  await dialog.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  await dialog.getByRole('button', { name: 'Find figures' }).click();
  const proposed = dialog.getByRole('list', { name: 'Proposed figures' }).locator(':scope > li');
  await proposed.first().waitFor({ timeout: 30_000 });
  expect(await proposed.count()).toBe(2);
  // The assistant suggests the tracked measure of casualties a day; the analyst confirms the link.
  const casualties = proposed.filter({ hasText: '1,500 casualties a day' });
  await casualties.getByText(/May be a new estimate of/).waitFor();
  await casualties.getByRole('button', { name: 'Link to measure' }).click();
  await casualties.getByText(/Linked to the measure/).waitFor();
  await dialog.getByRole('button', { name: 'Accept all' }).click();
  // Accept all leaves what the assistant is unsure of: the event dated "on Tuesday" is checked and accepted by hand.
  await dialog
    .getByRole('status')
    .filter({ hasText: /Left for you to review/ })
    .waitFor();
  const events = dialog.getByRole('list', { name: /^Events/ });
  await events.getByRole('listitem').first().getByRole('button', { name: 'Accept' }).click();
  await dialog.getByRole('button', { name: 'Add to dashboard' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page
    .getByRole('status')
    .filter({ hasText: /^Added 2 figures from/ })
    .waitFor();
}

/** The ids of the figures the view lists as added (under "All changes"), and the row of the new estimate in "What
 * moved" with the estimates the briefing held beside it. */
async function comparisonShown(page: Page) {
  const region = since(page);
  const all = region.getByRole('region', { name: 'All changes' });
  const added = all.locator('[data-change="added"]');
  await added.first().waitFor({ state: 'attached' });
  const moved = region.getByRole('region', { name: 'What moved' }).locator(`tbody[data-measure="${MEASURE}"]`);
  const row = moved.locator('tr[data-figure-id]');
  return {
    added: (await added.evaluateAll((els) => els.map((el) => el.getAttribute('data-figure-id')))).sort(),
    heading: await moved.getByRole('rowheader').innerText(),
    estimate: await row.evaluateAll((rows) =>
      rows.map((r) => ({
        id: r.getAttribute('data-figure-id'),
        cells: [...r.querySelectorAll('td[data-label]')].map((td) => (td as HTMLElement).innerText.trim()),
      })),
    ),
    earlier: await moved
      .locator('.since__earlier [data-figure-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-figure-id'))),
  };
}

function expectComparison(shown: Awaited<ReturnType<typeof comparisonShown>>) {
  expect(shown.added).toHaveLength(2);
  expect(shown.added.every((id) => id?.startsWith(NEW_ID_PREFIX))).toBe(true);
  // What moved: the measure by its label; the new estimate, by a claimant new to it (no then), beside the two the
  // briefing held.
  expect(shown.heading).toBe('Russian military casualties a day');
  expect(shown.estimate).toHaveLength(1);
  expect(shown.estimate[0]!.id).toMatch(new RegExp(`^${NEW_ID_PREFIX}`));
  expect(shown.estimate[0]!.cells).toEqual([
    'British defence intelligence',
    '—',
    'about 1,500 casualties a day',
    'new claimant',
  ]);
  expect(shown.earlier).toEqual(EARLIER);
}

mkdirSync(SHOTS, { recursive: true });

describe('since the last briefing', () => {
  const open = useBrowser({ viewport: { width: 1440, height: 900 } });

  it('saves a briefing, adds an article, and shows exactly what changed, through a reload and a data-pack round trip', async () => {
    // The last briefing looked at the front line of 1 Aug 2024.
    const { page, baseUrl } = await open('/?frontline=2024-08-01');
    await keyFiguresShown(page);
    const panel = await saveBriefing(page, 'Monday briefing');
    await panel
      .getByRole('status')
      .getByText(/^Saved “Monday briefing” in this browser: 44 figures/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/save-1440.png` });
    // Saving again with nothing changed says so, and keeps one briefing.
    await saveBriefing(page, 'Monday again');
    await panel
      .getByRole('status')
      .getByText(/^Nothing has changed since “Monday briefing” \(saved .+\): it was not saved again\.$/)
      .waitFor();
    await page.keyboard.press('Escape');
    expect(await panel.isHidden()).toBe(true);

    // This week: the front line of the as-of date, and a new article with two figures.
    await page.goto(baseUrl);
    await keyFiguresShown(page);
    await addArticle(page);

    // "Compare with briefing", from the briefings kept in Your data.
    await page.getByRole('button', { name: 'Your data', exact: true }).click();
    const menu = page.getByRole('dialog', { name: 'Your data' });
    const briefings = menu.getByRole('list', { name: 'Briefings' }).locator(':scope > li');
    expect(await briefings.count()).toBe(1);
    await menu.screenshot({ path: `${SHOTS}/your-data-briefings-1440.png` });
    await briefings.getByRole('button', { name: 'Compare with briefing' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('since')).toBe('monday-briefing');
    expectComparison(await comparisonShown(page));
    const region = since(page);
    expect(await region.getByTestId('since-summary').innerText()).toMatch(
      /^2 figures added · 1 new estimate of a measure already tracked · 1 new actor · 1 new event · 1 source added\.$/,
    );
    expect(await region.getByTestId('since-rest').innerText()).toMatch(/^Also: 1 other new figure · .*1 source/);
    // The first screen says what moved; every change is below it, in groups collapsed until opened.
    const all = region.getByRole('region', { name: 'All changes' });
    const regionTop = (await region.boundingBox())!.y;
    expect((await all.boundingBox())!.y - regionTop).toBeLessThan(700);
    const sourcesGroup = all.locator('details[data-group="sources"]');
    expect(await sourcesGroup.getAttribute('open')).toBeNull();
    expect(await all.getByRole('list', { name: 'Sources added' }).isVisible()).toBe(false);
    await sourcesGroup.locator('summary').click();
    await all.getByRole('list', { name: 'Sources added' }).getByText(TITLE).waitFor();

    // The front line between the two briefings' dates, taken and retaken: the added article (4 Mar 2025) moves
    // the dashboard to the situation of 1 Mar 2025, the newest on or before it.
    const frontline = region.getByTestId('since-frontline');
    await frontline.waitFor({ timeout: 30_000 });
    expect(await frontline.innerText()).toMatch(
      /^From 1 Aug 2024 to 1 Mar 2025 \(briefing → now\): [\d,]+ km² taken by Russian forces and [\d,]+ km² retaken by Ukraine/,
    );
    await region.screenshot({ path: `${SHOTS}/since-1440.png` });
    const axe = await new AxeBuilder({ page })
      .include('.region--since')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // On paper (the A4 handout) the comparison prints, without its controls.
    await page.emulateMedia({ media: 'print' });
    expect(await region.isVisible()).toBe(true);
    expect(await region.getByRole('button', { name: 'Export changes (CSV)' }).isVisible()).toBe(false);
    expect(await region.getByText('about 1,500 casualties a day').first().isVisible()).toBe(true);
    // Every group prints open, though collapsed on screen.
    expect(await all.getByRole('list', { name: 'New events' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await all.getByRole('list', { name: 'New events' }).isVisible()).toBe(false);

    // Each item opens its quote and source.
    await region
      .getByRole('button', { name: /^Quote and source: Russian forces’ casualties a day/ })
      .first()
      .click();
    const detail = page.getByRole('dialog').filter({ hasText: 'British defence intelligence' });
    await detail.getByText('about 1,500 casualties a day').first().waitFor();
    await page.keyboard.press('Escape');

    // Filters apply: under Taiwan nothing of this changed.
    await chooseFacet(page, 'Countries', /^Taiwan \d+ figures?$/);
    await settled(page);
    await expect.poll(() => region.locator('[data-figure-id]').count()).toBe(0);
    expect(await region.getByTestId('since-summary').innerText()).toMatch(/^1 source added\. Under the filters/);
    await page.getByRole('region', { name: 'Filters' }).getByRole('button', { name: 'Clear all' }).click();

    // The changes as CSV: one row per change, with both values, quotes and sources.
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: 'Export changes (CSV)' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('changes-since-monday-briefing.csv');
    const csvPath = join(dir, 'changes.csv');
    await csvDownload.saveAs(csvPath);
    const [header, ...rows] = parseCsv(readFileSync(csvPath, 'utf8'));
    const col = (name: string) => header!.indexOf(name);
    const estimateRow = rows.find((r) => r[col('change')] === 'new estimate')!;
    expect(estimateRow[col('before')]).toBe('about 1,000 casualties a day; at least 100–999 casualties a day');
    expect(estimateRow[col('after')]).toBe('about 1,500 casualties a day');
    expect(estimateRow[col('quote_after')]).toBe('Russian forces are suffering about 1,500 casualties a day');
    expect(estimateRow[col('claimant_before')]).toBe('Western officials; Military analysts');
    expect(rows.filter((r) => r[col('change')] === 'added' && r[col('kind')] === 'figure')).toHaveLength(2);
    expect(rows.filter((r) => r[col('kind')] === 'front line')).toHaveLength(2);

    // A reload keeps the comparison (since= in the URL).
    await page.reload();
    expectComparison(await comparisonShown(page));

    // Export the data pack, clear the browser: the briefing is not known here any more…
    await page.getByRole('button', { name: 'Your data', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('dialog', { name: 'Your data' }).getByRole('button', { name: 'Export data pack' }).click(),
    ]);
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const file = JSON.parse(readFileSync(exported, 'utf8')) as { briefings: { id: string; frontline: string }[] };
    expect(file.briefings.map((b) => [b.id, b.frontline])).toEqual([['monday-briefing', '2024-08-01']]);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: baseUrl, storageTypes: 'all' });
    await page.goto(`${baseUrl}/?since=monday-briefing`);
    await since(page)
      .getByRole('alert')
      .getByText('No saved briefing “monday-briefing” in this browser.', { exact: false })
      .waitFor();
    // …and the rest of the dashboard keeps working.
    await keyFiguresShown(page);
    await page.screenshot({ path: `${SHOTS}/since-missing-1440.png` });

    // …until the data pack comes back: article and briefing both.
    await page.getByRole('button', { name: 'Your data', exact: true }).click();
    const menuAgain = page.getByRole('dialog', { name: 'Your data' });
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      menuAgain.getByRole('button', { name: 'Import data pack' }).click(),
    ]);
    await chooser.setFiles(exported);
    await menuAgain
      .getByText(/^Imported 1 article from “geobrief-data-.+ Imported 1 briefing: “Monday briefing”\.$/)
      .waitFor();
    await page.keyboard.press('Escape');
    expectComparison(await comparisonShown(page));
  }, 240_000);

  it('puts the comparison on a slide of the deck, with its sources in the footer', async () => {
    const { page, baseUrl } = await open('/?frontline=2024-08-01');
    await keyFiguresShown(page);
    await saveBriefing(page, 'Monday briefing');
    await page
      .getByRole('dialog', { name: 'Save briefing' })
      .getByRole('status')
      .getByText(/^Saved/)
      .waitFor();
    await page.goto(baseUrl);
    await keyFiguresShown(page);
    await addArticle(page);
    await page.goto(`${baseUrl}/?view=brief&slide=2`);
    const slide = page.locator('.slide--current[data-slide-id="since"]');
    await slide.waitFor();
    // The comparison is worked out in a Web Worker: the slide says so ("Comparing …") until it is ready.
    await slide.getByText(/^Since “Monday briefing”/).waitFor();
    expect(await slide.locator('.slide__title').innerText()).toBe('Since the last briefing');
    const text = await slide.innerText();
    expect(text).toContain('Since “Monday briefing”');
    expect(text).toContain('2 figures added');
    // The measures that moved, as a table, headed by the registry's labels (never words made from ids).
    const row = slide.locator('tbody tr', { hasText: 'Russian military casualties a day' });
    expect(
      await row.locator('th, td').evaluateAll((cells) => cells.map((c) => (c as HTMLElement).innerText.trim())),
    ).toEqual([
      'Russian military casualties a day',
      'others: about 1,000 casualties a day (Western officials); at least 100–999 casualties a day (Military analysts)',
      'about 1,500 casualties a day',
      'new claimant',
      'British defence intelligence',
    ]);
    expect(text).not.toMatch(/Russia casualties per day/i);
    // The slide's content fits the 16:9 frame: nothing overflows it.
    expect(
      await slide.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return [...el.querySelectorAll('.since-slide *')].every(
          (c) => c.getBoundingClientRect().bottom <= box.bottom + 1,
        );
      }),
    ).toBe(true);
    expect(await slide.locator('.slide__footer').innerText()).toMatch(
      /Sources: .*Example Wire.*Front line: DeepStateMap\.live/,
    );
    await expect.poll(async () => slide.innerText()).toMatch(/Front line 1 Aug 2024 → 1 Mar 2025: [\d,]+ km² taken/);
    await page.screenshot({ path: `${SHOTS}/since-slide-1440.png` });
    // "Save briefing" is in the deck too.
    expect(await page.getByRole('button', { name: 'Save briefing' }).count()).toBe(1);
  }, 240_000);
});

describe('since the last briefing on a phone', () => {
  const open = useBrowser({ device: { viewport: { width: 360, height: 800 }, touch: true } });

  it('shows the comparison readable at 360 px, with no sideways scrolling', async () => {
    const { page, baseUrl } = await open('/?frontline=2024-08-01');
    await keyFiguresShown(page);
    await saveBriefing(page, 'Monday briefing');
    await page
      .getByRole('dialog', { name: 'Save briefing' })
      .getByRole('status')
      .getByText(/^Saved/)
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/save-360.png` });
    await page.goto(baseUrl);
    await keyFiguresShown(page);
    await addArticle(page);
    await page.goto(`${baseUrl}/?since=monday-briefing`);
    expectComparison(await comparisonShown(page));
    await since(page).getByTestId('since-frontline').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await since(page).screenshot({ path: `${SHOTS}/since-360.png` });
  }, 240_000);
});
