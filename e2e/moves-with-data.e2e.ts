/**
 * A dashboard that moves with its data: three real articles (from the development corpus, kept in the
 * repository) brought in through "Add article". The framing follows the newest article, the charts stay
 * by measure and draw a measure's estimates over time, the handout stays within ten A4 pages with the front
 * line inside its map, and the deck within 25 slides, exported as a PowerPoint that opens.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../scripts/lib/corpus-bench';
import { addArticleText, settled, useBrowser } from './browser';
import { readPdf } from './pdf';

const SHOTS = 'test-results/moves-with-data';
mkdirSync(SHOTS, { recursive: true });

/** Three articles: Jan 2025 (it restates Russia's key rate), Mar 2025, and Oct 2026, newer than any front line. */
const TEXTS = ['07-', '17-', '13-'];
const corpus = readCorpus('src/extract/fixtures/corpus').filter((t) => TEXTS.some((p) => t.name.startsWith(p)));

describe('three articles added', () => {
  const open = useBrowser({ viewport: { width: 1440, height: 900 } });

  it('moves the framing to the newest article, charts by measure and over time, prints and presents within bounds', async () => {
    const { page } = await open('/');
    await page.getByRole('list', { name: 'Lead figures' }).getByRole('article').first().waitFor();
    await settled(page);
    for (const text of corpus) await addArticleText(page, text);
    await settled(page);

    // Framing: the subtitle, the as-of date and the tab title say what the data cover.
    const header = page.getByRole('banner');
    expect(await header.locator('.as-of').innerText()).toBe('As of 1 Oct 2026');
    expect(await header.locator('.app-subtitle').innerText()).toBe(
      'As reported in 12 stories from 5 publishers, 10 Jan 2025 – 1 Oct 2026',
    );
    expect(await page.title()).toContain('10 Jan 2025 – 1 Oct 2026');

    // The timeline opens on the newest article's week.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    expect(
      await timeline
        .getByRole('radio', { name: 'The week of the newest article (28 Sep 2026 – 4 Oct 2026)' })
        .isChecked(),
    ).toBe(true);

    // The map opens on the newest situation before the articles, and says the articles are newer.
    const map = page.getByRole('region', { name: 'Map' });
    await expect.poll(() => map.getByLabel('Front line date', { exact: true }).inputValue()).toBe('2026-08-01');
    await map.getByText('Latest front-line data: 1 Aug 2026 (the articles run to 1 Oct 2026).').waitFor();
    await map.locator('.map-stamp').filter({ hasText: 'Front line as of 1 Aug 2026' }).waitFor();

    // No catch-all chart; no panel mixes units.
    const charts = page.getByRole('region', { name: 'Charts' });
    await charts.locator('.chart-card').first().waitFor();
    const titles = await charts.locator('.chart-card__title').allInnerTexts();
    expect(titles).not.toContain('From your articles');
    // (Every panel of figures names its units; the occupied area's panels are the map's, in km².)
    const units = await charts
      .locator('.chart-panel[data-units]')
      .evaluateAll((panels) => panels.map((p) => p.getAttribute('data-units') ?? ''));
    expect(units.length).toBeGreaterThan(5);
    for (const u of units) expect(u.split(' ').filter(Boolean)).toHaveLength(1);

    // The key rate, restated by the January article, is a measure with estimates at two dates: its chart
    // over time, one mark per estimate.
    const overTime = charts.locator('.chart-card[data-chart-id="over-time-russia-key-rate"]');
    await overTime.waitFor();
    expect(await overTime.locator('.over-time__mark').count()).toBe(2);
    expect(await overTime.innerText()).toMatch(/Daleep Singh/);
    await page.screenshot({ path: `${SHOTS}/first-screen-1440.png` });
    await overTime.screenshot({ path: `${SHOTS}/over-time.png` });

    // Paper: at most ten A4 pages; the map framed on the front line; no chart taller than a page.
    await page.waitForFunction(() => !document.querySelector('.region__loading'), undefined, { timeout: 30_000 });
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const framing = await page.locator('.region--map .map-frame').evaluate((frame) => {
      const canvas = frame.querySelector('.map-canvas')!.getBoundingClientRect();
      const lines = [...frame.querySelectorAll('path.frontline-line')].map((p) => p.getBoundingClientRect());
      return { canvas: canvas.toJSON() as DOMRect, lines: lines.map((l) => l.toJSON() as DOMRect) };
    });
    expect(framing.lines.length).toBeGreaterThan(0);
    for (const line of framing.lines) {
      expect(line.left).toBeGreaterThanOrEqual(framing.canvas.left - 1);
      expect(line.right).toBeLessThanOrEqual(framing.canvas.right + 1);
      expect(line.top).toBeGreaterThanOrEqual(framing.canvas.top - 1);
      expect(line.bottom).toBeLessThanOrEqual(framing.canvas.bottom + 1);
    }
    // Framed on it: the front line (all its pieces) fills much of the printed map, not a corner of Europe.
    const spanX = Math.max(...framing.lines.map((l) => l.right)) - Math.min(...framing.lines.map((l) => l.left));
    const spanY = Math.max(...framing.lines.map((l) => l.bottom)) - Math.min(...framing.lines.map((l) => l.top));
    expect(Math.max(spanX / framing.canvas.width, spanY / framing.canvas.height)).toBeGreaterThan(0.6);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    const path = `${SHOTS}/handout.pdf`;
    await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    const pdf = await readPdf(path);
    expect(pdf.pages.length).toBeLessThanOrEqual(10);
    // A chart starts and ends on one page: its title and its source line are printed on the same page.
    const flat = (s: string) => s.replace(/\s+/g, '');
    for (const title of titles) {
      const starts = pdf.text.findIndex((t) => flat(t).includes(flat(title)));
      expect(starts, title).toBeGreaterThanOrEqual(0);
      // Its source line ("Source: …", or the occupied area's "Data: data/geo/…") after it, on the same page.
      const text = flat(pdf.text[starts]!);
      const after = text.slice(text.indexOf(flat(title)) + flat(title).length);
      expect(/Source:|Data:data\/geo/.test(after), `${title}: its source line on its page`).toBe(true);
    }
    await page.emulateMedia({ media: 'screen' });

    // The deck: at most 25 slides, exported as a PowerPoint with one slide and its notes per slide.
    await page.getByRole('button', { name: 'Present' }).click();
    await page.locator('.slide').first().waitFor();
    await page.locator('.slide .leaflet-container path').first().waitFor({ state: 'attached' });
    await settled(page);
    const total = Number(/of (\d+)/.exec(await page.locator('.deck__counter').innerText())![1]);
    expect(total).toBeLessThanOrEqual(25);
    expect(await page.locator('.slide').count()).toBe(total);
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Download PowerPoint' }).click();
    const file = await (await download).path();
    const zip = await JSZip.loadAsync(readFileSync(file));
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides).toHaveLength(total);
    console.log(
      `With three articles added: the handout prints on ${pdf.pages.length} A4 pages, the deck has ${total} slides.`,
    );
    const notes = Object.keys(zip.files).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n));
    expect(notes.length).toBe(total);
    const notesText = (await Promise.all(notes.map((n) => zip.file(n)!.async('string')))).join(' ');
    expect(notesText).toMatch(/Daleep Singh/);
  });
});
