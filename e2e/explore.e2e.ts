import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import figures from '../data/figures.json';
import { activeChip, chooseFacet, settled, useBrowser } from './browser';

const taiwanIds = new Set(figures.filter((f) => f.countries.includes('TW')).map((f) => f.id));

describe('exploring with filters, shared through the URL', () => {
  const open = useBrowser();

  it('filters to Taiwan, keeps it on reload, and steps back and forward through history', async () => {
    const { page } = await open();
    const keyFigures = page.getByRole('region', { name: 'Key figures' });
    const cards = keyFigures.locator('article[data-figure-id]');
    await cards.first().waitFor();

    await chooseFacet(page, 'Countries', /^Taiwan \d+ figures?$/);
    await expect.poll(() => page.url()).toMatch(/\?country=TW$/);
    await expect.poll(() => cards.count()).toBe(taiwanIds.size);
    await settled(page);
    const shown = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-figure-id')));
    expect(shown.every((id) => taiwanIds.has(id!))).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: 'figures' }).innerText()).toBe(
      `${taiwanIds.size} of ${figures.length} figures · Country: Taiwan`,
    );
    const charts = page.getByRole('region', { name: 'Charts' }).locator('figure[data-chart-id]');
    // The charts' code loads on demand: wait for it, then for the filter.
    await expect
      .poll(() => charts.evaluateAll((els) => els.map((e) => e.getAttribute('data-chart-id'))))
      .toEqual(['money', 'taiwan']);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/explore-taiwan.png', fullPage: true });

    await page.reload();
    // Until the script takes over, #root holds the prerendered default view (inert): wait for the app's own.
    await page.locator('#root:not([inert])').waitFor();
    await expect.poll(() => cards.count()).toBe(taiwanIds.size);
    await activeChip(page, 'country', 'Taiwan').waitFor();

    await page.goBack();
    await expect.poll(() => page.url()).not.toContain('country=');
    await expect.poll(() => cards.count()).toBeGreaterThan(taiwanIds.size);
    await activeChip(page, 'country', 'Taiwan').waitFor({ state: 'detached' });

    await page.goForward();
    await expect.poll(() => page.url()).toMatch(/country=TW/);
    await expect.poll(() => cards.count()).toBe(taiwanIds.size);
  });

  it('opens the full dashboard from a URL full of junk, with no console error', async () => {
    const { page } = await open('/?country=ZZ&topic=nope&slide=-3');
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const cards = page.getByRole('region', { name: 'Key figures' }).locator('article[data-figure-id]');
    await cards.first().waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'figures' }).innerText()).toBe(
      `${figures.length} of ${figures.length} figures`,
    );
    // The prerendered page shows before the app reads the address: wait for the app to drop the junk.
    await expect.poll(() => page.url()).not.toContain('country=ZZ');
    // The five charts of the articles' figures, and the occupied area over time.
    const charts = page.getByRole('region', { name: 'Charts' }).locator('figure[data-chart-id]');
    await charts.nth(5).waitFor();
    expect(await charts.count()).toBe(6);
  });

  it('shows a bar’s quote and claimant on hover and on keyboard focus, and opens its detail on click', async () => {
    const { page } = await open();
    const chart = page.locator('figure[data-chart-id="casualties"]');
    const bars = chart.locator('.recharts-bar-rectangle');
    await bars.first().waitFor();

    // The readout sits under the plot, never over a bar (e2e/charts-keyboard.e2e.ts checks that).
    const readout = chart.locator('.chart-readout');
    await bars.nth(1).hover();
    await readout.waitFor();
    expect(await readout.innerText()).toMatch(
      /Military analysts[\s\S]*“at least in the hundreds daily”[\s\S]*“extraordinarily high casualties/,
    );

    await page.mouse.move(0, 0);
    await chart.getByRole('application').focus();
    await page.keyboard.press('Home');
    await expect
      .poll(() => readout.innerText())
      .toMatch(/Western officials[\s\S]*“Russia's military has been suffering roughly 1,000 casualties a day/);

    await bars.first().click();
    const dialog = page.getByRole('dialog', { name: 'Russian military casualties a day (Western officials)' });
    await dialog.waitFor();
    expect(page.url()).toContain('figure=russia-casualties-per-day-western');
  });

  it('copies a citation with publisher, headline, date and quote', async () => {
    const { page } = await open('/?figure=russia-key-rate');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const dialog = page.getByRole('dialog', { name: 'Bank of Russia benchmark interest rate' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Copy citation' }).click();
    await dialog.getByText('Citation copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      "“the central bank's benchmark interest rate up to a sky-high 21 percent” (The New York Times). " +
        'The New York Times, “Putin Scores a Big Victory, and Not on the Battlefield”, 14 Feb 2025.',
    );
  });

  it('names the filters when nothing matches and resets in one click', async () => {
    const { page } = await open();
    await page.getByRole('searchbox', { name: 'Search figures' }).fill('zebra crossing');
    const keyFigures = page.getByRole('region', { name: 'Key figures' });
    await keyFigures.getByText('No figures match').waitFor();
    expect(await keyFigures.innerText()).toContain('Search: “zebra crossing”');
    await keyFigures.getByRole('button', { name: 'Clear all filters' }).click();
    await keyFigures.locator('article[data-figure-id]').first().waitFor();
    expect(page.url()).not.toContain('q=');
  });

  it('is keyboard operable: search, toggle a topic, clear', async () => {
    const { page } = await open();
    // The prerendered cards show at once, but #root is inert (nothing takes the focus) until the script takes over.
    await settled(page);
    await page.getByRole('region', { name: 'Key figures' }).locator('article').first().waitFor();
    // After the skip links (e2e/keyboard.e2e.ts), the header controls in their visual order, then the search
    // box; each stop as its role and accessible name (the first line of its ARIA snapshot).
    await page
      .getByRole('navigation', { name: 'Skip links' })
      .getByRole('button', { name: 'Keyboard shortcuts (?)' })
      .focus();
    const stops: string[] = [];
    for (let i = 0; i < 10 && !stops.at(-1)?.startsWith('searchbox'); i++) {
      await page.keyboard.press('Tab');
      const snapshot = await page.locator(':focus').ariaSnapshot();
      stops.push(snapshot.split('\n')[0]!.replace(/^- /, '').replace(/:$/, ''));
    }
    // On a phone the theme, the handout and the deck wait behind "More".
    const phone = (page.viewportSize()?.width ?? 0) < 700;
    expect(stops).toEqual([
      'button "Add article"',
      'button "Your data"',
      'button "Save briefing"',
      ...(phone ? ['button "More"'] : ['combobox "Theme"', 'button "Print handout"', 'button "Present"']),
      'searchbox "Search figures"',
    ]);
    await page.keyboard.type('oil');
    // Tab to "Topics", open it with Enter (the focus goes into the list), tick Casualties with Space, and
    // Escape closes the list with the focus back on its button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await page.locator(':focus').innerText()).trim()).toMatch(/^Topics/);
    await page.keyboard.press('Enter');
    const topics = page.getByRole('group', { name: 'Topics' });
    await topics.waitFor();
    for (
      let i = 0;
      i < 20 &&
      !/^Casualties/.test(await page.locator(':focus').evaluate((e) => e.closest('label')?.textContent ?? ''));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    expect(await page.locator(':focus').getAttribute('type')).toBe('checkbox');
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toMatch(/topic=casualties/);
    await page.keyboard.press('Escape');
    await topics.waitFor({ state: 'hidden' });
    expect((await page.locator(':focus').innerText()).trim()).toMatch(/^Topics · 1/);
    await activeChip(page, 'topic', 'Casualties').waitFor();
    await page.getByRole('button', { name: 'Clear all', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).not.toMatch(/[?&](q|topic)=/);
  });
});
