import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import figures from '../data/figures.json';
import { makePack } from '../src/model/pack/pack.fixtures';
import { chooseFacet, settled, useBrowser } from './browser';

const pack = makePack();
const added = pack.figures[0]!;
const ukraineShipped = figures.filter((f) => f.countries.includes('UA')).length;
const ukraineAdded = pack.figures.filter((f) => f.countries.includes('UA')).length;

const dir = mkdtempSync(join(tmpdir(), 'geobrief-your-data-'));
const packFile = join(dir, 'russia-able-to-fight-on.json');
writeFileSync(packFile, JSON.stringify(pack, null, 2));

function cards(page: Page) {
  return page.getByRole('region', { name: 'Key figures' }).locator('article[data-figure-id]');
}

/** Opens "More figures" under the lead row (closed on load, so the map and charts stay on the first screen). */
async function openMore(page: Page) {
  const more = page.getByRole('region', { name: 'Key figures' }).locator('details.key-figures__more');
  await more.waitFor();
  if ((await more.getAttribute('open')) === null) await more.locator(':scope > summary').click();
}

function addedCard(page: Page) {
  return page.getByRole('region', { name: 'Key figures' }).locator(`article[data-figure-id="${added.id}"]`);
}

/** Opens "Your data" and imports a file through its file picker, as the analyst does. */
async function importFile(page: Page, path: string) {
  const toggle = page.getByRole('button', { name: 'Your data', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const menu = page.getByRole('dialog', { name: 'Your data' });
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    menu.getByRole('button', { name: 'Import data pack' }).click(),
  ]);
  await chooser.setFiles(path);
  return menu;
}

describe('your data: import, keep, export, bring back', () => {
  const open = useBrowser({ viewport: { width: 1440, height: 900 } });

  it('imports a pack into every view, keeps it over a reload, exports it and brings it back into a cleared browser', async () => {
    const { page, baseUrl } = await open();
    await cards(page).first().waitFor();

    const menu = await importFile(page, packFile);
    await menu.getByText(`Imported 1 article from “russia-able-to-fight-on.json”: ${pack.source.title}.`).waitFor();
    expect(await menu.getByRole('list', { name: 'Added articles' }).innerText()).toContain(pack.source.title);
    const box = await menu.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1440);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/your-data-menu-1440.png' });
    await page.keyboard.press('Escape');
    expect(await menu.isHidden()).toBe(true);

    // In Key figures, saying where it came from; under its country filter; in Sources, marked as added.
    await openMore(page);
    await addedCard(page).waitFor();
    expect(await addedCard(page).innerText()).toMatch(new RegExp(`Added \\d+ \\w+ \\d{4} from ${pack.source.title}`));
    await chooseFacet(page, 'Countries', new RegExp(`^Ukraine\\s*${ukraineShipped + ukraineAdded} figures$`));
    await expect.poll(() => page.url()).toMatch(/\?country=UA$/);
    await settled(page);
    expect(await page.getByRole('status').filter({ hasText: 'figures' }).innerText()).toMatch(
      new RegExp(`^${ukraineShipped + ukraineAdded} of \\d+ figures · Country: Ukraine$`),
    );
    await openMore(page);
    await addedCard(page).waitFor();
    const source = page.getByRole('region', { name: 'Sources' }).locator(`[data-source-id="${pack.source.id}"]`);
    expect(await source.innerText()).toMatch(/added \d+ \w+ \d{4}/);
    await page.getByRole('region', { name: 'Sources' }).screenshot({ path: 'test-results/your-data-sources-1440.png' });
    await addedCard(page).screenshot({ path: 'test-results/your-data-card-1440.png' });

    // A reload (and a link straight to the added figure) still has it.
    await page.goto(`${baseUrl}/?figure=${added.id}`);
    const detail = page.getByRole('dialog', { name: added.label });
    await detail.waitFor();
    expect(await detail.innerText()).toContain(`from ${pack.source.title}`);
    await page.screenshot({ path: 'test-results/your-data-detail-1440.png' });
    expect(page.url()).toContain(`figure=${added.id}`);
    await detail.getByRole('button', { name: 'Close' }).click();
    await openMore(page);
    await addedCard(page).waitFor();

    // Export: a download of every pack.
    await page.getByRole('button', { name: 'Your data', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('dialog', { name: 'Your data' }).getByRole('button', { name: 'Export data pack' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^geobrief-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    const file = JSON.parse(readFileSync(exported, 'utf8')) as { format: string; packs: (typeof pack)[] };
    expect(file.format).toBe('geobrief-data');
    expect(file.packs.map((p) => p.source.id)).toEqual([pack.source.id]);
    expect(file.packs[0]!.figures.map((f) => f.id)).toEqual(pack.figures.map((f) => f.id));
    expect(file.packs[0]!.article.text).toBe(pack.article.text);

    // Clear the site's data, as the analyst would in the browser's settings: the added figure is gone…
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: baseUrl, storageTypes: 'all' });
    await page.goto(baseUrl);
    await cards(page).first().waitFor();
    await page.getByRole('button', { name: 'Your data', exact: true }).click();
    await page.getByRole('dialog', { name: 'Your data' }).getByText('Saved in this browser as you go.').waitFor();
    expect(await addedCard(page).count()).toBe(0);

    // …and importing the exported file brings it back.
    const again = await importFile(page, exported);
    await again.getByText(/^Imported 1 article from “geobrief-data-/).waitFor();
    await page.keyboard.press('Escape');
    await openMore(page);
    await addedCard(page).waitFor();
  });

  it('names what is wrong with a malformed file and loses nothing', async () => {
    const { page } = await open();
    await cards(page).first().waitFor();
    const menu = await importFile(page, packFile);
    await menu.getByText(/^Imported 1 article/).waitFor();

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "format": "geobrief-pack", "version": 1, ');
    await importFile(page, broken);
    await menu.getByText('Nothing was imported from “broken.json”.').waitFor();
    expect(await menu.innerText()).toMatch(/not JSON/);

    const wrong = join(dir, 'wrong.json');
    const other = { ...pack.source, id: 'reuters-2025-02-12-another-story', title: 'Another story' };
    writeFileSync(
      wrong,
      JSON.stringify({
        ...pack,
        source: other,
        figures: [{ ...added, id: `${other.id}-war-length-1`, sourceId: other.id, unit: 'zorkmids' }],
        actors: [],
        events: [],
        statements: [],
      }),
    );
    await importFile(page, wrong);
    await menu.getByText('Nothing was imported from “wrong.json”.').waitFor();
    expect(await menu.innerText()).toContain('pack.figures[0].unit: unknown unit "zorkmids"');

    await page.screenshot({ path: 'test-results/your-data-problems-1440.png' });
    const axe = await new AxeBuilder({ page })
      .include('.your-data')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(
      axe.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    ).toEqual([]);
    await page.keyboard.press('Escape');
    expect(
      await page.getByRole('button', { name: 'Your data', exact: true }).evaluate((e) => e === document.activeElement),
    ).toBe(true);
    await openMore(page);
    await addedCard(page).waitFor();
  });

  it('removes an added figure from its detail, and the whole article from Sources, after confirmation', async () => {
    const { page } = await open();
    await cards(page).first().waitFor();
    await importFile(page, packFile);
    await page.keyboard.press('Escape');
    await openMore(page);
    await addedCard(page)
      .getByRole('button', { name: /^Quote and source/ })
      .click();
    const detail = page.getByRole('dialog', { name: added.label });
    await detail.getByRole('button', { name: 'Remove' }).click();
    await detail.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => addedCard(page).count()).toBe(0);
    await page.reload();
    await cards(page).first().waitFor();
    const other = page.locator(`article[data-figure-id="${pack.figures[1]!.id}"]`);
    await other.waitFor({ state: 'attached' });
    expect(await addedCard(page).count()).toBe(0);

    const sources = page.getByRole('region', { name: 'Sources' });
    await sources.getByRole('button', { name: `Remove: ${pack.source.title}` }).click();
    await sources.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => other.count()).toBe(0);
    // The Sources panel takes the new data after the key figures have painted it (useAfterPaint).
    await expect.poll(() => sources.locator(`[data-source-id="${pack.source.id}"]`).count()).toBe(0);
  });

  it('keeps working in memory when the browser refuses storage, and says what was not kept', async () => {
    const { page, baseUrl } = await open();
    // From the next load on, as in some private windows: IndexedDB is there but refuses to open.
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await page.goto(baseUrl);
    await cards(page).first().waitFor();
    await page.getByRole('button', { name: 'Your data', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Your data' })
      .getByText(/^Not saved in this browser/)
      .waitFor();
    await importFile(page, packFile);
    const alert = page.getByRole('alert').filter({ hasText: 'Your data could not be saved in this browser' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain(`Not kept after this tab closes: ${pack.source.title}.`);
    expect(await alert.innerText()).toContain('Export a data pack to keep it.');
    await page.keyboard.press('Escape');
    await openMore(page);
    await addedCard(page).waitFor();
    await page.screenshot({ path: 'test-results/your-data-unavailable-1440.png' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Export now' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^geobrief-data-/);
  });

  it('works on a phone: the menu fits a 360 px screen', async () => {
    const { page } = await open();
    await page.setViewportSize({ width: 360, height: 780 });
    await cards(page).first().waitFor();
    const menu = await importFile(page, packFile);
    await menu.getByText(/^Imported 1 article/).waitFor();
    const box = await menu.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: 'test-results/your-data-menu-360.png' });
    await page.keyboard.press('Escape');
    await addedCard(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/your-data-added-360.png' });
  });
});
