import { describe, expect, it } from 'vitest';
import { chooseFacet, useBrowser } from './browser';

describe('security and offline', () => {
  const open = useBrowser();

  it('has a Content-Security-Policy that blocks inline script and off-origin connections', async () => {
    const { page } = await open('/', { allowErrors: [/Content Security Policy/] });
    await page.getByRole('region', { name: 'Key figures' }).locator('article').first().waitFor();
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    expect(ran).toBe(false);
    const fetched = await page.evaluate(async () => {
      try {
        await fetch('https://example.org/');
        return 'fetched';
      } catch {
        return 'blocked';
      }
    });
    expect(fetched).toBe('blocked');
  });

  it('reloads and works with the network gone after the first visit', async () => {
    const { page } = await open();
    await page.getByRole('region', { name: 'Key figures' }).locator('article').first().waitFor();
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await page.context().setOffline(true);
    await page.reload();
    const cards = page.getByRole('region', { name: 'Key figures' }).locator('article[data-figure-id]');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(5);
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await chooseFacet(page, 'Countries', /^Taiwan \d+ figures?$/);
    await expect.poll(() => page.url()).toMatch(/country=TW/);
    await page.context().setOffline(false);
  });
});
