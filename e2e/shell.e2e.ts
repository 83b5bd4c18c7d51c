import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

const LANDMARKS = ['Filters', 'Key figures', 'Charts', 'Map', 'Actors', 'Timeline', 'Sources'];

describe('the page shell and key figures', () => {
  const open = useBrowser();

  it('shows the title, the as-of date and every named region', async () => {
    const { page } = await open();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('briefing');
    expect(await page.locator('.as-of').textContent()).toBe('As of 14 Feb 2025');
    for (const name of LANDMARKS) {
      expect(await page.getByRole('region', { name, exact: true }).count(), name).toBe(1);
    }
  });

  it('shows the five lead figures with their qualifiers and claimants', async () => {
    const { page } = await open();
    const figures = page.getByRole('list', { name: 'Lead figures' }).getByRole('article');
    await figures.first().waitFor();
    expect(await figures.count()).toBe(5);

    const card = (name: string) => page.getByRole('article', { name });
    await expect.poll(() => card('Russian tanks lost in 2024').innerText()).toMatch(/1,400\s+tanks[\s\S]*IISS/);
    expect(await card('Russian oil output in the coming months').innerText()).toMatch(
      /below\s+9 million\s+barrels a day[\s\S]*Russian oil executives/i,
    );
    const casualties = await card('Russian military casualties a day (Western officials)').innerText();
    expect(casualties).toMatch(/about\s+1,000\s+casualties a day[\s\S]*Western officials/i);
    expect(casualties).toMatch(/Other estimate: “at least in the hundreds daily” \(Military analysts/);
    expect(await card("Taiwan's trade surplus with the US in 2024").innerText()).toMatch(
      /record\s+\$74 billion[\s\S]*US data/i,
    );
    expect(await card('Bank of Russia benchmark interest rate').innerText()).toMatch(/21%[\s\S]*The New York Times/);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/shell.png', fullPage: true });
  });

  it('opens a figure quote with its story in one click', async () => {
    const { page } = await open();
    const card = page.getByRole('article', { name: 'Russian tanks lost in 2024' });
    await card.getByRole('button', { name: /Quote and source/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Russian tanks lost in 2024' });
    await dialog.waitFor();
    expect(await dialog.locator('figure.source-quote').innerText()).toMatch(
      /“Moscow lost 1,400 tanks in 2024”[\s\S]*IISS, in Russia able to fight on in Ukraine for another year, say military experts \(Reuters via Daily Maverick, 12 Feb 2025\)/,
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(
      await card.getByRole('button', { name: /Quote and source/ }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
  });

  it('lists the nine stories under Sources', async () => {
    const { page } = await open();
    const stories = page.getByRole('region', { name: 'Sources' }).locator('cite');
    await stories.first().waitFor();
    expect(await stories.count()).toBe(9);
    expect(await stories.allTextContents()).toContain('Taiwan Prepares for Trump’s Tariffs, and a Changed Washington');
  });
});
