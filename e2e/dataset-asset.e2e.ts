import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

const DIST = resolve(import.meta.dirname, '..', process.env['GEOBRIEF_DIST'] ?? 'dist');
const DATASET_JSON = /\/assets\/dataset-[\w-]+\.json$/;

/** The checked dataset ships as data (a hashed JSON asset the page fetches), not as a JavaScript module. */
describe('the shipped dataset as a JSON asset', () => {
  const open = useBrowser();

  it('is preloaded by index.html and fetched once by the page, which hydrates with it', async () => {
    const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
    const preload = /<link rel="preload" as="fetch" crossorigin href="(\/assets\/dataset-[\w-]+\.json)">/.exec(html);
    expect(preload, 'index.html preloads the dataset').not.toBeNull();
    const asset = JSON.parse(readFileSync(resolve(DIST, `.${preload![1]}`), 'utf8')) as { ok: boolean };
    expect(asset.ok).toBe(true);

    const { page } = await open('/');
    const requests: string[] = [];
    page.on('request', (request) => {
      if (DATASET_JSON.test(request.url())) requests.push(request.url());
    });
    await page.reload();
    // Drawn by the page's script from the fetched data (the prerendered HTML has placeholders there).
    await page.getByRole('region', { name: 'Charts' }).locator('figure[data-chart-id]').first().waitFor();
    await expect.poll(() => page.locator('#root').getAttribute('inert')).toBeNull();
    expect(await page.getByRole('heading', { name: 'The data could not be loaded' }).count()).toBe(0);
    // The preload and the module's fetch are one download.
    expect(requests).toHaveLength(1);
  });

  it('shows the load error, naming the file, when the data cannot be fetched', async () => {
    const { page } = await open('/', {
      block: DATASET_JSON,
      allowErrors: [/Failed to load resource/, /The dataset is invalid/, /preload/i],
    });
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'The data could not be loaded' }).waitFor();
    expect(await alert.innerText()).toMatch(/dataset\.json: could not be loaded \(.+\)/);
  });
});
