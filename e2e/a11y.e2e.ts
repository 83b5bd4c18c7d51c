import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

const THEMES = ['light', 'dark'] as const;

describe('accessibility (axe-core)', () => {
  const open = useBrowser();

  for (const theme of THEMES) {
    for (const view of ['explore', 'brief'] as const) {
      it(`finds no violations in ${view}, ${theme} theme`, async () => {
        const { page } = await open(view === 'brief' ? '/?view=brief&slide=2' : '/');
        await page.evaluate(
          (t) =>
            localStorage.setItem('geobrief-prefs', JSON.stringify({ state: { theme: t, deck: null }, version: 1 })),
          theme,
        );
        await page.reload();
        await page.locator('.leaflet-marker-icon').first().waitFor({ state: 'attached' });
        expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
          .analyze();
        const summary = results.violations.map(
          (v) =>
            `${v.id} (${v.impact}): ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        );
        expect(summary).toEqual([]);
      });
    }
  }
});
