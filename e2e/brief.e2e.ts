import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import figures from '../data/figures.json';
import { parseCsv } from '../src/model/figure-export';
import { DESKTOP, settled, useBrowser } from './browser';

const taiwanFigures = new Set(figures.filter((f) => f.countries.includes('TW')).map((f) => f.id));

describe('briefing mode and exports', () => {
  const open = useBrowser({ viewport: { width: 1366, height: 820 } });

  it('opens the deck, steps with the keys, and Esc returns to explore with the same filters', async () => {
    const { page } = await open('/?topic=casualties&view=brief');
    const counter = page.locator('.deck__counter');
    await counter.waitFor();
    const total = Number((await counter.innerText()).match(/of (\d+)/)![1]);
    expect(await counter.innerText()).toBe(`Slide 1 of ${total}`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toMatch(/slide=2/);
    expect(await counter.innerText()).toBe(`Slide 2 of ${total}`);
    await page.keyboard.press('End');
    await expect.poll(() => page.url()).toMatch(new RegExp(`slide=${total}`));
    expect(await page.locator('.slide--current').getAttribute('data-slide-id')).toBe('sources');
    await page.keyboard.press('PageUp');
    await expect.poll(() => counter.innerText()).toBe(`Slide ${total - 1} of ${total}`);
    await page.keyboard.press('Home');
    await expect.poll(() => counter.innerText()).toBe(`Slide 1 of ${total}`);

    await page.keyboard.press('n');
    await page.getByRole('complementary', { name: 'Speaker notes' }).waitFor();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('complementary', { name: 'Speaker notes' }).innerText()).toMatch(
      /per Western officials/,
    );

    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Key figures' }).waitFor();
    expect(page.url()).toMatch(/\?topic=casualties$/);
  });

  it('makes every slide about Taiwan with ?country=TW&view=brief', async () => {
    const { page } = await open('/?country=TW&view=brief');
    await page.locator('.slide').first().waitFor();
    await settled(page);
    const ids = await page.locator('.slide').evaluateAll((els) => els.map((e) => e.getAttribute('data-slide-id')));
    expect(ids).toEqual([
      'title',
      'key-figures',
      'chart-money',
      'chart-taiwan',
      'map',
      'actors',
      'timeline',
      'sources',
    ]);
    for (const [i, id] of ids.entries()) {
      const slide = page.locator(`.slide[data-slide-id="${id}"]`);
      expect(await slide.locator('.slide__footer').textContent(), id!).toMatch(/As of 14 Feb 2025/);
      if (i > 0) await page.keyboard.press('ArrowRight');
    }
    const shown = await page
      .locator('.slide[data-slide-id="key-figures"] article[data-figure-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-figure-id')));
    expect(shown.length).toBe(taiwanFigures.size);
    expect(shown.every((id) => taiwanFigures.has(id!))).toBe(true);
    const actorCountries = await page.locator('.slide[data-slide-id="actors"] .actor-card__kind').allTextContents();
    expect(actorCountries.every((c) => c.endsWith('Taiwan'))).toBe(true);
    expect(await page.locator('.slide[data-slide-id="title"] .slide__title').textContent()).toBe(
      'Briefing: Country: Taiwan',
    );
  });

  it('keeps a custom deck across a reload', async () => {
    const { page } = await open('/?view=brief');
    await page.getByRole('button', { name: 'Edit deck' }).click();
    const editor = page.getByRole('region', { name: 'Slides in this deck' });
    await editor.getByRole('checkbox', { name: 'Actors' }).uncheck();
    await editor.getByRole('button', { name: 'Move Front line and places up' }).click();
    await editor.getByRole('button', { name: 'Done' }).click();
    const order = () => page.locator('.slide').evaluateAll((els) => els.map((e) => e.getAttribute('data-slide-id')));
    const before = await order();
    expect(before).not.toContain('actors');
    expect(before.indexOf('map')).toBe(before.indexOf('chart-territory') - 1);
    await page.reload();
    await page.locator('.slide').first().waitFor();
    expect(await order()).toEqual(before);
  });

  it('exports a chart as SVG with title and source line, and as a PNG image', async () => {
    const { page } = await open();
    const chart = page.locator('figure[data-chart-id="casualties"]');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    mkdirSync('test-results', { recursive: true });

    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: /^SVG/ }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe('russian-casualties-a-day-by-who-estimates-them.svg');
    await svgDownload.saveAs('test-results/casualties.svg');
    const svg = readFileSync('test-results/casualties.svg', 'utf8');
    expect(svg).toContain('Russian casualties a day, by who estimates them');
    expect(svg).toContain('Source: The New York Times.');
    expect(svg).toContain('As of 14 Feb 2025');
    expect(svg).not.toContain('var(--');

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: /^PNG/ }).click(),
    ]);
    await pngDownload.saveAs('test-results/casualties.png');
    const png = readFileSync('test-results/casualties.png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(500);
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('exports the map as a PNG of the offline layers', async () => {
    const { page } = await open();
    const map = page.getByRole('region', { name: 'Map' });
    await map.locator('path.leaflet-interactive').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      map.getByRole('button', { name: 'Download map PNG (offline layers)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('front-line-map.png');
    await download.saveAs('test-results/map.png');
    const png = readFileSync('test-results/map.png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('exports the filtered figures as CSV whose quote column matches the dataset', async () => {
    const { page } = await open('/?country=TW');
    const region = page.getByRole('region', { name: 'Key figures' });
    await region.locator('article').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      region.getByRole('button', { name: 'CSV' }).click(),
    ]);
    await download.saveAs('test-results/figures.csv');
    const rows = parseCsv(readFileSync('test-results/figures.csv', 'utf8'));
    const header = rows[0]!;
    for (const col of ['value', 'qualifier', 'unit', 'claimant', 'quote', 'publisher', 'headline', 'published']) {
      expect(header).toContain(col);
    }
    const body = rows.slice(1);
    expect(body).toHaveLength(taiwanFigures.size);
    for (const row of body) {
      const figure = figures.find((f) => f.id === row[header.indexOf('id')])!;
      expect(row[header.indexOf('quote')]).toBe(figure.quote);
      expect(row[header.indexOf('claimant')]).toBe(figure.claimant);
    }
  });

  it('prints an A4 handout and a 16:9 deck', async () => {
    // Printed from a desktop (a phone's print preview lays the deck out at the phone's width).
    const { page } = await open('/', { device: DESKTOP });
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: 'test-results/handout-a4.pdf', preferCSSPageSize: true, printBackground: true });
    await page.goto(page.url().replace(/\/?(\?.*)?$/, '/?view=brief'));
    await page.locator('.slide .leaflet-marker-icon').first().waitFor();
    await page.pdf({ path: 'test-results/deck-16x9.pdf', preferCSSPageSize: true, printBackground: true });
    const a4 = readFileSync('test-results/handout-a4.pdf', 'latin1');
    const deck = readFileSync('test-results/deck-16x9.pdf', 'latin1');
    expect(a4).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]/);
    const boxes = [...deck.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map(
      (m) => Math.round((Number(m[1]) / Number(m[2])) * 100) / 100,
    );
    expect(boxes).toHaveLength(11);
    expect(new Set(boxes)).toEqual(new Set([1.78]));
  });

  it('switches theme, and keeps the choice across a reload', async () => {
    const { page } = await open();
    const theme = page.getByLabel('Theme');
    await theme.selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    const bg = () => page.evaluate(() => getComputedStyle(document.body.parentElement!).backgroundColor);
    expect(await bg()).toBe('rgb(18, 20, 23)');
    await page.reload();
    await page.getByLabel('Theme').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.getByLabel('Theme').selectOption('light');
    expect(await bg()).toBe('rgb(246, 245, 241)');
  });
});
