/**
 * Print: the deck as 16:9 pages identical to its slides, and the explore view as an A4 handout of at most
 * eight pages that keeps every event title and actor name. The PDFs come from Chromium's own printing
 * (page.pdf with the stylesheet's page sizes, which sends the page `beforeprint` and lays it out for paper
 * without running ResizeObserver, as the browser's own Print command does); their text is read back with
 * pdf.js (a devDependency, so the check runs on every machine), and the printed layout is checked in the
 * page under print media too.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import events from '../data/events.json';
import actors from '../data/actors.json';
import { DESKTOP, PHONE, settled, useBrowser } from './browser';
import { readPdf } from './pdf';

/** Words as printed: no line breaks or runs of spaces inside a name. */
const flat = (text: string) => text.replace(/\s+/g, ' ').replace(/[’‘]/g, "'");

/** Text with no spaces at all: a PDF splits words into pieces where it likes (ligatures, kerning). */
const squash = (text: string) => flat(text).replace(/\s+/g, '');

/** Every panel has rendered (deferred panels included) and caught up with the filters. */
async function allPanelsDrawn(page: Page) {
  await page.waitForFunction(() => !document.querySelector('.region__loading'), undefined, { timeout: 30_000 });
  await settled(page);
}

/** How every bar chart is drawn at a moment: its drawing's width, its plot, its bars' ends and value labels. */
interface Drawn {
  svgWidth: number;
  plotLeft: number;
  plotRight: number;
  barEnds: number[];
  bars: number;
  labels: string[];
}

/**
 * Records how every bar chart is drawn when the browser sends `beforeprint`, after the app's own handlers
 * (registered earlier): what the browser then lays out on paper, as ResizeObserver does not run in between.
 */
async function recordDrawingsOnPrint(page: Page) {
  await page.evaluate(() => {
    window.addEventListener('beforeprint', () => {
      const charts = [...document.querySelectorAll('.bar-chart')].map((chart) => {
        const svg = chart.querySelector<SVGSVGElement>('svg.recharts-surface');
        const plot = chart.querySelector('clipPath rect');
        const bars = [...chart.querySelectorAll('path.recharts-rectangle')];
        return {
          svgWidth: Number(svg?.getAttribute('width') ?? 0),
          plotLeft: Number(plot?.getAttribute('x') ?? 0),
          plotRight: Number(plot?.getAttribute('x') ?? 0) + Number(plot?.getAttribute('width') ?? 0),
          barEnds: bars.map((b) => Number(b.getAttribute('x')) + Number(b.getAttribute('width'))),
          bars: bars.length,
          labels: [...chart.querySelectorAll('text.bar-chart__value')].map((t) => t.textContent ?? ''),
        };
      });
      (window as unknown as { printed: Drawn[] }).printed = charts;
    });
  });
}

/** The widths of the chart boxes as the page lays them out under print media. */
async function printedBoxWidths(page: Page): Promise<number[]> {
  await page.emulateMedia({ media: 'print' });
  return page.locator('.bar-chart').evaluateAll((els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    }),
  );
}

/** Every recorded drawing fits its printed box, every bar ends inside its plot, every bar has its value label. */
function expectDrawnForPaper(drawn: Drawn[], boxes: number[]) {
  expect(drawn.length).toBeGreaterThan(0);
  expect(drawn).toHaveLength(boxes.length);
  drawn.forEach((chart, i) => {
    // Drawn for the printed box: not the screen's (a phone's narrow drawing, a wide screen's cropped one).
    expect(chart.svgWidth, `chart ${i} drawn for its printed box`).toBeGreaterThan(boxes[i]! - 2);
    expect(chart.svgWidth, `chart ${i} drawn for its printed box`).toBeLessThanOrEqual(boxes[i]! + 0.5);
    expect(chart.bars).toBeGreaterThan(0);
    for (const end of chart.barEnds)
      expect(end, `chart ${i}: a bar ends inside the plot`).toBeLessThanOrEqual(chart.plotRight + 0.5);
    expect(chart.plotRight).toBeLessThanOrEqual(chart.svgWidth);
    expect(chart.labels, `chart ${i}: a value label for every bar`).toHaveLength(chart.bars);
    for (const label of chart.labels) expect(label.trim()).not.toBe('');
  });
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
        // A chart's drawings end above its legend (the axis and its unit label never under the legend).
        const drawingsBottom = Math.max(
          -Infinity,
          ...[...slide.querySelectorAll('.bar-chart svg.recharts-surface')].map(
            (d) => d.getBoundingClientRect().bottom,
          ),
        );
        const legend = slide.querySelector('.chart-card .chart-legend');
        return {
          id: slide.dataset['slideId'],
          clearOfLegend: !legend || drawingsBottom <= legend.getBoundingClientRect().top + 0.5,
          ratio: Math.round((f.width / f.height) * 100) / 100,
          fits: s.right <= f.right + 1 && s.bottom <= f.bottom + 1,
          visible: getComputedStyle(frame).visibility === 'visible',
          overflow: body.scrollHeight - body.clientHeight,
        };
      }),
    );
    expect(frames).toHaveLength(slides);
    for (const frame of frames) {
      expect(frame, frame.id).toMatchObject({ ratio: 1.78, fits: true, visible: true, clearOfLegend: true });
      expect(frame.overflow, `${frame.id} overflows its slide`).toBeLessThanOrEqual(1);
    }

    mkdirSync('test-results', { recursive: true });
    const path = 'test-results/deck-16x9.pdf';
    await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    const pdf = await readPdf(path);
    expect(pdf.pages).toHaveLength(slides);
    expect(new Set(pdf.pages.map((b) => Math.round((b.width / b.height) * 100) / 100))).toEqual(new Set([1.78]));

    const words = squash(pdf.text.join(' '));
    expect(words).toContain(squash('Briefing: Ukraine, Russia and Taiwan'));
    expect(words).toContain(squash('Casualty estimates'));
    expect(words).toContain(squash('Vladimir Putin'));
    expect(words).toContain(squash('Trump and Putin speak by phone'));
    expect(words).not.toMatch(/Who:,/);
    expect(words).not.toMatch(/Hover,focusortap|Showdata|Presenterview/);
  });

  it('prints an A4 handout of at most eight pages that keeps every event title and actor name', async () => {
    const { page } = await open('/');
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await allPanelsDrawn(page);
    // The handout's tables are made for paper only: none on screen, made as print media apply.
    expect(await page.locator('.print-handout').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    await page.locator('.print-handout table').first().waitFor({ state: 'attached' });

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
    const pdf = await readPdf(path);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    // Issue 13: about 6–8 pages (README, "Print").
    expect(pdf.pages.length).toBeLessThanOrEqual(8);
    // The occupied-area chart and the map, each kept whole, share a page (the chart is drawn lower on paper).
    const pageOf = (words: string) => pdf.text.findIndex((text) => squash(text).includes(squash(words)));
    expect(pageOf('Occupied area of Ukraine, by day')).toBeGreaterThanOrEqual(0);
    expect(pageOf('Front line as of')).toBe(pageOf('Occupied area of Ukraine, by day'));
    for (const box of pdf.pages) expect([Math.round(box.width), Math.round(box.height)]).toEqual([595, 842]);

    const words = squash(pdf.text.join(' '));
    for (const actor of actors) expect(words, actor.id).toContain(squash(actor.name));
    for (const event of events) expect(words, event.id).toContain(squash(event.title));
    expect(words).not.toMatch(/Who:,|Hover,focusortap|Showdata|Quoteandsource|Pointatabar/);
  });

  it('prints the handout from a phone in at most eight A4 pages, the map whole and sharing its page', async () => {
    // A phone's map is tall and narrow: printed whole (its on-screen layout), scaled to fit beside the chart.
    const { page } = await open('/', { device: PHONE });
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await allPanelsDrawn(page);
    mkdirSync('test-results', { recursive: true });
    const path = 'test-results/handout-phone.pdf';
    await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    const pdf = await readPdf(path);
    expect(pdf.pages.length).toBeLessThanOrEqual(8);
    const pageOf = (words: string) => pdf.text.findIndex((text) => squash(text).includes(squash(words)));
    expect(pageOf('Front line as of')).toBe(pageOf('Occupied area of Ukraine, by day'));
    const words = squash(pdf.text.join(' '));
    for (const actor of actors) expect(words, actor.id).toContain(squash(actor.name));
    for (const event of events) expect(words, event.id).toContain(squash(event.title));
  });

  it('draws every chart for the page when the browser prints on its own: a deck opened on a phone', async () => {
    // The deck opened on a phone: its slides are laid out at the phone's size on screen, at 1920 px on paper.
    const { page } = await open('/?view=brief', { device: { viewport: { width: 390, height: 844 } } });
    await page.locator('.slide .recharts-bar-rectangle').first().waitFor({ state: 'attached' });
    await recordDrawingsOnPrint(page);
    mkdirSync('test-results', { recursive: true });
    // Chromium's printing, as Ctrl+P: `beforeprint`, then the print layout, with no preparation of ours.
    await page.pdf({ path: 'test-results/deck-phone.pdf', preferCSSPageSize: true, printBackground: true });
    const drawn = await page.evaluate(() => (window as unknown as { printed: Drawn[] }).printed);
    expectDrawnForPaper(drawn, await printedBoxWidths(page));

    // Every value label is on paper, inside its page.
    const pdf = await readPdf('test-results/deck-phone.pdf');
    const words = squash(pdf.text.join(' '));
    for (const label of new Set(drawn.flatMap((c) => c.labels))) expect(words).toContain(squash(label));
    for (const piece of pdf.pieces.filter((p) => p.str.trim() !== '')) {
      const { width } = pdf.pages[piece.page - 1]!;
      expect(piece.right, `“${piece.str}” inside page ${piece.page}`).toBeLessThanOrEqual(width + 0.5);
    }
  });

  it('draws the handout’s charts for the A4 page when the browser prints on its own from a wide screen', async () => {
    const { page } = await open('/');
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await allPanelsDrawn(page);
    await recordDrawingsOnPrint(page);
    mkdirSync('test-results', { recursive: true });
    await page.pdf({ path: 'test-results/handout-own-print.pdf', preferCSSPageSize: true, printBackground: true });
    const drawn = await page.evaluate(() => (window as unknown as { printed: Drawn[] }).printed);
    // The page's content box: A4 less the margins (188 mm), where the browser lays the handout out.
    await page.setViewportSize({ width: 711, height: 1032 });
    expectDrawnForPaper(drawn, await printedBoxWidths(page));

    const pdf = await readPdf('test-results/handout-own-print.pdf');
    const words = squash(pdf.text.join(' '));
    for (const label of new Set(drawn.flatMap((c) => c.labels))) expect(words).toContain(squash(label));
  });
});
