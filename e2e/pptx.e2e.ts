import { mkdirSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, useBrowser } from './browser';

/** The slide's EMU size (13.333 × 7.5 in, LAYOUT_WIDE). */
const SLIDE_EMU = { cx: 12_192_000, cy: 6_858_000 };

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Each paragraph's text (its runs joined), as PowerPoint shows it. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) =>
    [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decode(t[1]!)).join(''),
  );
}

/** What the page shows of each slide, read from the DOM (every slide is there, the others hidden). */
function deckOnPage(page: Page) {
  return page.locator('.slide').evaluateAll((slides) =>
    slides.map((s) => ({
      id: s.getAttribute('data-slide-id')!,
      title: s.querySelector('.slide__title')!.textContent!,
      footer: s.querySelector('.slide__footer span')!.textContent!,
      // Names and labels that must come through whole, as text.
      names: [
        ...s.querySelectorAll(
          '.slide-figure__label, .slide-actors__name, .slide-events__title, .slide-stories cite, .title-slide__stories cite',
        ),
      ].map((e) => e.textContent!.replace(/\s+/g, ' ').trim()),
      picture: !!s.querySelector('.chart-panel svg.recharts-surface, .leaflet-container'),
    })),
  );
}

/** Share of a PNG's pixels that differ from its top-left pixel (0 for a blank picture), measured in the page. */
function inkShare(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(
    async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i]! - data[0]!) + Math.abs(data[i + 1]! - data[1]!) + Math.abs(data[i + 2]! - data[2]!) > 48)
          ink++;
      }
      return ink / (data.length / 4);
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
}

describe('Download PowerPoint', () => {
  const open = useBrowser({ viewport: { width: 1920, height: 1080 } });

  it('exports every slide in the deck’s order: title and footer as text, notes as notes, charts and map as pictures', async () => {
    const { page } = await open('/?view=brief');
    await page.locator('.slide .recharts-bar-rectangle').first().waitFor({ state: 'attached' });
    await page.locator('.slide .leaflet-container path').first().waitFor({ state: 'attached' });
    await settled(page);
    const total = Number(/of (\d+)/.exec(await page.locator('.deck__counter').innerText())![1]);
    const deck = await deckOnPage(page);
    expect(deck.length).toBe(total);

    // The key figures' notes, as the speaker-notes panel shows them.
    const keyFigures = deck.findIndex((s) => s.id === 'key-figures') + 1;
    await page.keyboard.press('End');
    for (let i = total; i > keyFigures; i--) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('n');
    const notesPanel = page.getByRole('complementary', { name: /Speaker notes/ });
    await expect.poll(() => notesPanel.locator('h2').innerText()).toContain(deck[keyFigures - 1]!.title);
    const notes = await notesPanel.locator('li').allTextContents();
    expect(notes.length).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PowerPoint' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('briefing-2025-02-14.pptx');
    mkdirSync('test-results', { recursive: true });
    await download.saveAs('test-results/briefing.pptx');
    await expect.poll(() => page.getByRole('button', { name: 'Download PowerPoint' }).isEnabled()).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);

    const zip = await JSZip.loadAsync(readFileSync('test-results/briefing.pptx'));
    const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
    expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(total);
    expect(await read('ppt/presentation.xml')).toContain(`<p:sldSz cx="${SLIDE_EMU.cx}" cy="${SLIDE_EMU.cy}"`);

    let pictures = 0;
    for (const [i, slide] of deck.entries()) {
      const n = i + 1;
      const xml = await read(`ppt/slides/slide${n}.xml`);
      const text = paragraphs(xml);
      expect(text, slide.id).toContain(slide.title);
      expect(text, slide.id).toContain(slide.footer);
      for (const name of slide.names)
        expect(
          text.some((p) => p.includes(name)),
          `${slide.id}: ${name}`,
        ).toBe(true);
      // Text no smaller than 14 pt (a long table may continue smaller, never below 12 pt on this deck), every
      // shape on the slide, one set of paragraph properties per paragraph.
      const tables = xml.match(/<a:tbl>[\s\S]*?<\/a:tbl>/g) ?? [];
      const sizes = (s: string) => [...s.matchAll(/ sz="(\d+)"/g)].map((m) => Number(m[1]));
      expect(Math.min(...sizes(tables.reduce((rest, t) => rest.replace(t, ''), xml))), slide.id).toBeGreaterThanOrEqual(
        1400,
      );
      for (const t of tables) expect(Math.min(...sizes(t)), slide.id).toBeGreaterThanOrEqual(1200);
      for (const m of xml.matchAll(/<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
        expect(Number(m[1]) + Number(m[3]), `${slide.id}: right edge`).toBeLessThanOrEqual(SLIDE_EMU.cx);
        expect(Number(m[2]) + Number(m[4]), `${slide.id}: bottom edge`).toBeLessThanOrEqual(SLIDE_EMU.cy);
      }
      for (const p of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        expect(p[1]!.match(/<a:pPr\b/g)?.length ?? 0, slide.id).toBeLessThanOrEqual(1);
      }
      const media = [...(await read(`ppt/slides/_rels/slide${n}.xml.rels`)).matchAll(/Target="\.\.\/media\/([^"]+)"/g)];
      if (slide.picture) {
        expect(media.length, `${slide.id}: pictures`).toBeGreaterThan(0);
        for (const [, file] of media) {
          expect(file).toMatch(/\.png$/);
          const png = Buffer.from(await zip.file(`ppt/media/${file}`)!.async('uint8array'));
          expect(png.subarray(1, 4).toString()).toBe('PNG');
          expect(await inkShare(page, png), `${slide.id}: ${file} is drawn`).toBeGreaterThan(0.02);
          pictures++;
        }
      } else {
        expect(media, `${slide.id}: no picture`).toEqual([]);
      }
    }
    expect(pictures).toBeGreaterThanOrEqual(deck.filter((s) => s.picture).length);
    expect(deck.filter((s) => s.picture).map((s) => s.id)).toEqual(
      expect.arrayContaining(['chart-casualties', 'occupied-area', 'map']),
    );

    // The speaker's notes are the slides' notes.
    const notesXml = await read(`ppt/notesSlides/notesSlide${keyFigures}.xml`);
    const noteText = paragraphs(notesXml).join('\n');
    for (const note of notes) expect(noteText).toContain(note);
  });

  it('says so in the bar when the export fails, and the deck goes on working', async () => {
    const { page } = await open('/?view=brief', {
      block: /pptxgen[\w.-]*\.js$/,
      allowErrors: [/Failed to load resource|Failed to fetch dynamically imported module/],
    });
    await page.locator('.slide--current').waitFor();
    await settled(page);
    await page.getByRole('button', { name: 'Download PowerPoint' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/^PowerPoint export failed: /);
    expect(await page.getByRole('button', { name: 'Download PowerPoint' }).isEnabled()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toMatch(/slide=2/);
  });
});
