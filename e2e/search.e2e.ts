import { describe, expect, it } from 'vitest';
import actors from '../data/actors.json';
import figures from '../data/figures.json';
import { settled, useBrowser } from './browser';

/** The figures whose searched text has every word at a word start (what the index finds, figure-index.ts). */
function expected(q: string): number {
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  return figures.filter((f) => {
    const text = [f.label, f.quote, f.claimant, f.stated, ...f.actorIds.map((id) => names.get(id) ?? '')]
      .join(' ')
      .toLowerCase()
      .replace(/[’‘]/g, "'");
    return words.every((w) => new RegExp(`(?:^|(?<=\\s)|(?<=[^\\p{L}\\p{N}]))${w}`, 'u').test(text));
  }).length;
}

describe('search as you type', () => {
  const open = useBrowser();

  it('builds the index in its worker after the first paint and searches with it as the user types', async () => {
    const { page } = await open();
    await settled(page);
    // The page's own measure of the build (state/search-index.ts): the worker started, took every figure, answered.
    await page.waitForFunction(() => performance.getEntriesByName('geobrief:search-built').length > 0);
    const box = page.getByRole('searchbox', { name: 'Search figures' });
    await box.pressSequentially('russia', { delay: 50 });
    await settled(page);
    const status = page.getByRole('status').filter({ hasText: 'figures' });
    await expect
      .poll(() => status.innerText())
      .toBe(`${expected('russia')} of ${figures.length} figures · Search: “russia”`);
    // The worker answered the keystrokes (each asked once, answers measured by the page).
    const answered = await page.evaluate(() =>
      performance.getEntriesByName('geobrief:search').map((e) => (e as PerformanceMeasure).detail as string),
    );
    expect(answered).toContain('russia');
    const cards = page.getByRole('region', { name: 'Key figures' }).locator('article[data-figure-id]');
    expect(await cards.count()).toBeGreaterThan(0);
  });
});
