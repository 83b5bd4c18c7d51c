/**
 * One Chromium per test file, driven by playwright-core (no downloaded browser: the system's).
 * Every page fails its journey on a console error, an uncaught exception or a request that would
 * leave 127.0.0.1; such requests are aborted, so the app is proven to work offline.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM_FLAGS, chromium as whichChromium, chromiumPath } from '../scripts/lib/browser-path';

export { CHROMIUM_FLAGS, chromiumPath };

export interface Journey {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Requests that tried to leave 127.0.0.1 (all aborted). */
  offOrigin: string[];
  baseUrl: string;
  /** While true, requests matching `block` fail as if the network dropped them. */
  blocking: boolean;
}

/** A screen to open pages on: its size, and whether it is a touch phone (mobile emulation). */
export interface Device {
  viewport: { width: number; height: number };
  touch?: boolean;
}

/** The phone every main journey also runs on (the `mobile` project). */
export const PHONE: Device = { viewport: { width: 390, height: 844 }, touch: true };
export const DESKTOP: Device = { viewport: { width: 1366, height: 900 } };

/** The project's device: `mobile` runs the journeys on PHONE. */
function projectDevice(): Device {
  return inject('device') === 'phone' ? PHONE : DESKTOP;
}

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** Registers hooks for a test file and returns a function that opens a fresh page for a journey. */
export function useBrowser(options: { viewport?: { width: number; height: number }; device?: Device } = {}) {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let current: Journey | undefined;
  const baseUrl = inject('baseUrl');

  beforeAll(async () => {
    const choice = await whichChromium();
    browser = await chromium.launch({
      executablePath: choice.path,
      args: choice.args,
      env: { ...process.env, ...choice.env },
    });
  });

  afterEach(async () => {
    const journey = current;
    current = undefined;
    await context?.close();
    context = undefined;
    if (journey) {
      expect(journey.errors, 'console errors during the journey').toEqual([]);
      expect(journey.offOrigin, 'requests that tried to leave 127.0.0.1').toEqual([]);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * Open a page. `allowErrors` lists console errors a journey provokes on purpose (a blocked chunk);
   * any other console error still fails it.
   */
  return async function open(
    path = '/',
    opts: { allowErrors?: RegExp[]; block?: RegExp; device?: Device } = {},
  ): Promise<Journey> {
    if (!browser) throw new Error('the browser did not start');
    const device =
      opts.device ?? options.device ?? (options.viewport ? { viewport: options.viewport } : projectDevice());
    context = await browser.newContext({
      viewport: device.viewport,
      ...(device.touch ? { hasTouch: true, isMobile: true } : {}),
    });
    const journey: Journey = { page: await context.newPage(), errors: [], offOrigin: [], baseUrl, blocking: true };
    current = journey;
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (opts.block?.test(url) && journey.blocking) return route.abort('connectionfailed');
      if (isLocal(url)) return route.continue();
      journey.offOrigin.push(url);
      return route.abort('blockedbyclient');
    });
    journey.page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (opts.allowErrors?.some((re) => re.test(message.text()))) return;
      journey.errors.push(message.text());
    });
    journey.page.on('pageerror', (error) => journey.errors.push(`uncaught: ${error.message}`));
    await journey.page.goto(baseUrl + path);
    return journey;
  };
}

/**
 * Wait until the page's script has taken over #root (until then it holds the prerendered default view, inert)
 * and every panel has caught up with the last filter change (no deferred render pending).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.getElementById('root')?.hasAttribute('inert') && !document.querySelector('[data-pending]'),
  );
}

/** The chip of an active filter in the Filters bar ("Remove country: Taiwan"). */
export function activeChip(page: Page, kind: 'country' | 'topic', label: string) {
  return page
    .getByRole('region', { name: 'Filters' })
    .getByRole('list', { name: 'Active filters' })
    .getByRole('button', { name: `Remove ${kind}: ${label}`, exact: true });
}

/**
 * Ticks (or unticks) one choice of a facet in the Filters bar as a person does: opens "Countries" or
 * "Topics", sets the box named `option` ("Taiwan 12 figures"), and closes the list with "Done".
 */
export async function chooseFacet(
  page: Page,
  facet: 'Countries' | 'Topics',
  option: RegExp,
  checked = true,
): Promise<void> {
  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByRole('button', { name: new RegExp(`^${facet}`) }).click();
  const list = filters.getByRole('group', { name: facet });
  await list.getByRole('checkbox', { name: option }).setChecked(checked);
  await list.getByRole('button', { name: 'Done', exact: true }).click();
  await list.waitFor({ state: 'hidden' });
}

/** An article as "Add article" takes it. */
export interface ArticleText {
  body: string;
  published: string;
  publisher: string;
  title: string;
}

/**
 * Brings an article in through "Add article": paste, date, publisher, title, "Find figures"; the analyst links the
 * measures the assistant suggests, "Accept all", "Add to dashboard".
 */
export async function addArticleText(page: Page, text: ArticleText): Promise<void> {
  await page.getByRole('button', { name: 'Add article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(text.body);
  await dialog.getByLabel('Published').fill(text.published);
  await dialog.getByRole('textbox', { name: 'Publisher' }).fill(text.publisher);
  await dialog.getByRole('textbox', { name: 'Title' }).fill(text.title);
  await dialog.getByRole('button', { name: 'Find figures' }).click();
  await dialog.getByRole('region', { name: 'Proposed items' }).waitFor({ timeout: 60_000 });
  // Where the assistant suggests a measure already tracked, the analyst links it.
  const links = dialog.getByRole('button', { name: 'Link to measure' });
  while ((await links.count()) > 0) await links.first().click();
  await dialog.getByRole('button', { name: 'Accept all' }).click();
  await dialog.getByRole('button', { name: 'Add to dashboard' }).click();
  await dialog.waitFor({ state: 'hidden' });
}
