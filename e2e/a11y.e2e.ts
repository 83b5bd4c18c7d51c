import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { settled, useBrowser } from './browser';

const THEMES = ['light', 'dark'] as const;

/** axe's violations on the page as it is now, one line each (rule, impact, help, first targets). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

async function withTheme(page: Page, theme: (typeof THEMES)[number]) {
  await page.evaluate(
    (t) => localStorage.setItem('geobrief-prefs', JSON.stringify({ state: { theme: t, deck: null }, version: 1 })),
    theme,
  );
  await page.reload();
}

/**
 * The states the journeys open, beyond the first screen: each is reached as a user reaches it (an address
 * or a key), and checked once it has settled.
 */
const STATES: { name: string; path: string; reach: (page: Page) => Promise<void> }[] = [
  {
    name: 'a focused actor (?actor=vladimir-putin)',
    path: '/?actor=vladimir-putin',
    reach: async (page) => {
      await page.getByRole('group', { name: 'Focused actor' }).getByRole('heading', { name: 'Statements' }).waitFor();
    },
  },
  {
    name: 'an open figure dialog (?figure=)',
    path: '/?figure=russia-key-rate',
    reach: async (page) => {
      await page.getByRole('dialog', { name: 'Bank of Russia benchmark interest rate' }).waitFor();
    },
  },
  {
    name: 'an open event dialog (?event=)',
    path: '/?event=trump-putin-call',
    reach: async (page) => {
      await page.getByRole('dialog').getByRole('heading', { level: 2 }).first().waitFor();
    },
  },
  {
    name: 'the keyboard help (?)',
    path: '/',
    reach: async (page) => {
      // A prerendered page is inert until the app takes it over: press "?" until the app answers.
      await page.locator('#root:not([inert])').waitFor({ state: 'attached' });
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect
        .poll(async () => {
          if (!(await help.isVisible())) await page.keyboard.press('?');
          return help.isVisible();
        })
        .toBe(true);
    },
  },
  {
    name: 'the war’s timeline, filtered (?scale=war&topic=tariffs)',
    path: '/?scale=war&topic=tariffs',
    reach: async (page) => {
      await page.getByRole('toolbar', { name: /^Events by date, 2014/ }).waitFor();
      await page
        .getByRole('region', { name: 'Sources' })
        .getByText(/contribut/)
        .waitFor();
    },
  },
  {
    name: 'the deck with its speaker notes (N)',
    path: '/?view=brief&slide=2',
    reach: async (page) => {
      await page.locator('.slide, [class*="slide"]').first().waitFor();
      await page.keyboard.press('n');
      await page.getByRole('complementary', { name: /Speaker notes/ }).waitFor();
    },
  },
];

/** axe walks the whole page, which takes long on a busy machine: a generous limit, not a timing under test. */
const AXE_TIMEOUT = 240_000;

describe('accessibility (axe-core)', () => {
  const open = useBrowser();

  for (const theme of THEMES) {
    for (const view of ['explore', 'brief'] as const) {
      it(
        `finds no violations in ${view}, ${theme} theme`,
        async () => {
          const { page } = await open(view === 'brief' ? '/?view=brief&slide=2' : '/');
          await withTheme(page, theme);
          await page.locator('.leaflet-marker-icon').first().waitFor({ state: 'attached' });
          expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
          expect(await violations(page)).toEqual([]);
        },
        AXE_TIMEOUT,
      );
    }
  }

  for (const theme of THEMES) {
    for (const state of STATES) {
      it(
        `finds no violations with ${state.name}, ${theme} theme`,
        async () => {
          const { page } = await open(state.path);
          await withTheme(page, theme);
          await state.reach(page);
          await settled(page);
          expect(await violations(page)).toEqual([]);
        },
        AXE_TIMEOUT,
      );
    }
  }
});
