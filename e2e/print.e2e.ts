/**
 * Print: the deck as 16:9 pages identical to its slides, and the explore view as an A4 handout of at most
 * eight pages that keeps every event title and actor name. The PDFs come from Chromium's own printing
 * (page.pdf with the stylesheet's page sizes); their text is read back with pdftotext (poppler-utils) where
 * the machine has it, and the printed layout is checked in the page under print media in any case.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import events from '../data/events.json';
import actors from '../data/actors.json';
import { DESKTOP, settled, useBrowser } from './browser';

const PDFTOTEXT = '/usr/bin/pdftotext';

/** The text of a PDF, or null where poppler-utils is not installed. */
function pdfText(path: string): string | null {
  if (!existsSync(PDFTOTEXT)) return null;
  return execFileSync(PDFTOTEXT, ['-raw', path, '-'], { encoding: 'utf8' });
}

/** Page sizes (width/height in pt) from the PDF's page dictionaries. */
function pageBoxes(path: string): { width: number; height: number }[] {
  const pdf = readFileSync(path, 'latin1');
  return [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** Words as pdftotext lays them out: no line breaks or runs of spaces inside a name. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/[’‘]/g, "'");

/** Every panel has rendered (deferred panels included) and caught up with the filters. */
async function allPanelsDrawn(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.region__loading'), undefined, { timeout: 30_000 });
  await settled(page);
}

describe('print', () => {
  const open = useBrowser({ device: DESKTOP });

  it('prints the deck as 16:9 pages, one per slide, each the slide as on screen with nothing cropped', async () => {
    const { page } = await open('/?view=brief');
    await page.locator('.slide--current').waitFor();
    await page.locator('.slide .leaflet-marker-icon').first().waitFor({ state: 'attached' });
    await page.locator('.slide .recharts-bar-rectangle').first().waitFor({ state: 'attached' });
    const slides = await page.locator('.slide').count();
    await page.emulateMedia({ media: 'print' });

    // Under print media every slide is a page-sized box showing the whole 1920×1080 slide, its body not overflowing.
    const frames = await page.locator('.slide-frame').evaluateAll((els) =>
      els.map((frame) => {
        const f = frame.getBoundingClientRect();
        const slide = frame.querySelector<HTMLElement>('.slide')!;
        const s = slide.getBoundingClientRect();
        const body = slide.querySelector<HTMLElement>('.slide__body')!;
        return {
          id: slide.dataset['slideId'],
          ratio: Math.round((f.width / f.height) * 100) / 100,
          fits: s.right <= f.right + 1 && s.bottom <= f.bottom + 1,
          visible: getComputedStyle(frame).visibility === 'visible',
          overflow: body.scrollHeight - body.clientHeight,
        };
      }),
    );
    expect(frames).toHaveLength(slides);
    for (const frame of frames) {
      expect(frame, frame.id).toMatchObject({ ratio: 1.78, fits: true, visible: true });
      expect(frame.overflow, `${frame.id} overflows its slide`).toBeLessThanOrEqual(1);
    }

    mkdirSync('test-results', { recursive: true });
    const path = 'test-results/deck-16x9.pdf';
    await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    const boxes = pageBoxes(path);
    expect(boxes).toHaveLength(slides);
    expect(new Set(boxes.map((b) => Math.round((b.width / b.height) * 100) / 100))).toEqual(new Set([1.78]));

    const text = pdfText(path);
    if (text !== null) {
      const words = flat(text);
      expect(words).toContain('Briefing: Ukraine, Russia and Taiwan');
      expect(words).toContain('Casualty estimates');
      expect(words).toContain('Vladimir Putin');
      expect(words).toContain('Trump and Putin speak by phone');
      expect(words).not.toMatch(/Who: ,/);
      expect(words).not.toMatch(/Hover, focus or tap|Show data|Presenter view/);
    }
  });

  it('prints an A4 handout of at most eight pages that keeps every event title and actor name', async () => {
    const { page } = await open('/');
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await allPanelsDrawn(page);
    await page.emulateMedia({ media: 'print' });

    // What prints: every actor's name and every event's title, no control, no on-screen hint.
    const printed = flat(await page.locator('body').innerText());
    for (const actor of actors) expect(printed, actor.id).toContain(flat(actor.name));
    for (const event of events) expect(printed, event.id).toContain(flat(event.title));
    expect(printed).not.toMatch(/Who: ,/);
    const controls = await page
      .locator('.button, select, input')
      .evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).length);
    expect(controls).toBe(0);

    // The map keeps its on-screen layout (Leaflet's, so nothing shifts or is cut off) scaled to the page's
    // width: the browser sends "beforeprint" when it prints, as page.pdf does below.
    const onScreen = await page.locator('.region--map .map-canvas').evaluate((el) => (el as HTMLElement).offsetWidth);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const map = await page.locator('.region--map .map-frame').evaluate((frame) => {
      const canvas = frame.querySelector<HTMLElement>('.map-canvas')!;
      return {
        layoutWidth: canvas.offsetWidth,
        right: canvas.getBoundingClientRect().right,
        frameRight: frame.getBoundingClientRect().right,
        bottom: canvas.getBoundingClientRect().bottom,
        frameBottom: frame.getBoundingClientRect().bottom,
      };
    });
    expect(map.layoutWidth).toBe(onScreen);
    expect(map.right).toBeLessThanOrEqual(map.frameRight + 1);
    expect(map.bottom).toBeLessThanOrEqual(map.frameBottom + 1);

    mkdirSync('test-results', { recursive: true });
    const path = 'test-results/handout-a4.pdf';
    await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    const boxes = pageBoxes(path);
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    expect(boxes.length).toBeLessThanOrEqual(8);
    for (const box of boxes) expect([Math.round(box.width), Math.round(box.height)]).toEqual([595, 842]);

    const text = pdfText(path);
    if (text !== null) {
      const words = flat(text);
      for (const actor of actors) expect(words, actor.id).toContain(flat(actor.name));
      for (const event of events) expect(words, event.id).toContain(flat(event.title));
      expect(words).not.toMatch(/Who: ,|Hover, focus or tap|Show data|Quote and source/);
    }
  });
});
