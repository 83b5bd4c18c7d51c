import { describe, expect, it } from 'vitest';
import { chooseFacet, useBrowser } from './browser';

describe('resilience', () => {
  const open = useBrowser();

  it('keeps working when one panel fails, and the panel recovers on Retry', async () => {
    const journey = await open('/', {
      block: /map-panel-[\w-]+\.js$/,
      allowErrors: [/Failed to load resource/, /Failed to fetch dynamically imported module/],
    });
    const { page } = journey;
    const map = page.getByRole('region', { name: 'Map' });
    const alert = map.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /This panel could not be shown\.[\s\S]*The rest of the dashboard still works/,
    );

    // Every other panel works.
    const cards = page.getByRole('region', { name: 'Key figures' }).locator('article[data-figure-id]');
    expect(await cards.count()).toBeGreaterThan(5);
    await chooseFacet(page, 'Countries', /^Taiwan \d+ figures?$/);
    await expect.poll(() => page.url()).toMatch(/country=TW/);
    await expect
      .poll(() => page.getByRole('region', { name: 'Charts' }).locator('figure[data-chart-id]').count())
      .toBe(2);

    journey.blocking = false;
    await map.getByRole('button', { name: 'Retry' }).click();
    await map.locator('.leaflet-marker-icon').first().waitFor();
    expect(await map.getByRole('alert').count()).toBe(0);
  });
});
