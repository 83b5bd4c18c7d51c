/**
 * Journeys with several people at once: one Chromium, one browser context per person (its own cookies and
 * IndexedDB), all against one workspace server started for the file (`npm start`'s server on the built
 * dashboard, its own SQLite folder). Like every journey, a person's page fails on a console error or on a request
 * leaving 127.0.0.1; a person can go offline and back (the context's network).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchOptions } from '../scripts/lib/browser-path';
import { startWorkspace, type WorkspaceProcess } from '../scripts/lib/workspace-process';

export interface Person {
  name: string;
  email: string;
  page: Page;
  context: BrowserContext;
  errors: string[];
  offOrigin: string[];
}

export const PASSWORD = 'correct horse battery staple';

const isLocal = (url: string) => {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
};

/** Starts the server and the browser for a test file; `people(...)` opens one page per person. */
export function useWorkspace(options: { viewport?: { width: number; height: number } } = {}) {
  let server: WorkspaceProcess | undefined;
  let browser: Browser | undefined;
  let open: Person[] = [];

  beforeAll(async () => {
    server = await startWorkspace();
    browser = await chromium.launch(await launchOptions());
  });

  afterEach(async () => {
    const people = open;
    open = [];
    for (const p of people) await p.context.close();
    for (const p of people) {
      expect(p.errors, `console errors in ${p.name}'s page`).toEqual([]);
      expect(p.offOrigin, `requests that left 127.0.0.1 from ${p.name}'s page`).toEqual([]);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A person's page at `path` (on a 360 px touch phone if `phone`); `allowErrors`: errors provoked on purpose. */
  async function person(name: string, path = '/', allowErrors: RegExp[] = [], phone = false): Promise<Person> {
    if (!browser || !server) throw new Error('the browser or the workspace server did not start');
    const context = await browser.newContext(
      phone
        ? { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }
        : { viewport: options.viewport ?? { width: 1440, height: 900 } },
    );
    const p: Person = {
      name,
      email: `${name.toLowerCase()}@example.org`,
      page: await context.newPage(),
      context,
      errors: [],
      offOrigin: [],
    };
    open.push(p);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      p.offOrigin.push(url);
      return route.abort('blockedbyclient');
    });
    p.page.on('console', (m) => {
      if (m.type() !== 'error') return;
      if (allowErrors.some((re) => re.test(m.text()))) return;
      p.errors.push(m.text());
    });
    p.page.on('pageerror', (e) => p.errors.push(`uncaught: ${e.message}`));
    await p.page.goto(server.url + path);
    return p;
  }

  return {
    person,
    url: () => server!.url,
    server: () => server!,
  };
}
