import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

const counter = (page: Page) => page.locator('.deck__counter').innerText();

describe('the presenter view and the deck keys', () => {
  const open = useBrowser({ viewport: { width: 1366, height: 768 } });

  it('opens a second window that follows the slides, with notes, the next slide and a timer', async () => {
    const { page, errors } = await open('/?topic=casualties&view=brief');
    await page.locator('.slide--current').waitFor();
    const total = Number((await counter(page)).match(/of (\d+)/)![1]);

    const [presenter] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Presenter view' }).click(),
    ]);
    presenter.on('console', (m) => {
      if (m.type() === 'error') errors.push(`presenter: ${m.text()}`);
    });
    presenter.on('pageerror', (e) => errors.push(`presenter uncaught: ${e.message}`));
    await presenter.waitForLoadState();
    expect(presenter.url()).toMatch(/\?topic=casualties&view=brief#presenter$/);

    const notes = presenter.getByRole('complementary', { name: /Speaker notes/ });
    await notes.waitFor();
    expect(await notes.getAttribute('tabindex')).toBe('0');
    await presenter.getByRole('region', { name: 'Current slide' }).locator('.slide').waitFor();
    expect(await presenter.getByRole('region', { name: 'Next slide' }).locator('.slide__title').innerText()).toMatch(
      /Key figures/,
    );
    expect(await presenter.getByRole('timer').innerText()).toMatch(/^\d+:\d\d$/);
    expect(await counter(presenter)).toBe(`Slide 1 of ${total}`);

    // The projected window steps: the presenter follows, with that slide's notes.
    await page.bringToFront();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => counter(presenter)).toBe(`Slide 2 of ${total}`);
    expect(await notes.innerText()).toMatch(/per Western officials/);
    expect(await notes.innerText()).not.toMatch(/per The New York Times \(The New York Times\)/);

    // The presenter steps with Space and Shift+Space: the projected window follows.
    await presenter.bringToFront();
    await presenter.keyboard.press('Space');
    await expect.poll(() => counter(page)).toBe(`Slide 3 of ${total}`);
    await expect.poll(() => page.url()).toMatch(/slide=3/);
    await presenter.keyboard.press('Shift+Space');
    await expect.poll(() => counter(page)).toBe(`Slide 2 of ${total}`);
    await presenter.getByRole('button', { name: 'Next →' }).click();
    await expect.poll(() => counter(page)).toBe(`Slide 3 of ${total}`);

    // The projected window shows the slide and no notes.
    expect(await page.locator('.deck__notes').count()).toBe(0);
    expect(await presenter.locator('.slide--current .slide__title').innerText()).toBe(
      await page.locator('.slide--current .slide__title').innerText(),
    );

    // axe finds nothing in the presenter view (the notes panel is reachable by keyboard).
    expect(await axeViolations(presenter)).toEqual([]);
  });

  it('Space advances and Shift+Space goes back without scrolling; Esc closes the notes first, then leaves', async () => {
    const { page } = await open('/?topic=casualties&view=brief');
    await page.locator('.slide--current').waitFor();
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toMatch(/slide=2/);
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toMatch(/slide=3/);
    await page.keyboard.press('Shift+Space');
    await expect.poll(() => page.url()).toMatch(/slide=2/);
    expect(await page.evaluate(() => [window.scrollY, document.documentElement.scrollHeight - innerHeight])).toEqual([
      0, 0,
    ]);

    // Notes open beside the slide, never over it.
    await page.keyboard.press('n');
    const notes = page.getByRole('complementary', { name: /Speaker notes/ });
    await notes.waitFor();
    const slideBox = (await page.locator('.slide-frame--current').boundingBox())!;
    const notesBox = (await notes.boundingBox())!;
    const overlaps =
      notesBox.x < slideBox.x + slideBox.width &&
      slideBox.x < notesBox.x + notesBox.width &&
      notesBox.y < slideBox.y + slideBox.height &&
      slideBox.y < notesBox.y + notesBox.height;
    expect(overlaps).toBe(false);

    // The notes panel is reached with Tab (it scrolls, so it takes the focus).
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await notes.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => notes.count()).toBe(0);
    expect(page.url()).toMatch(/view=brief/);
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Key figures' }).waitFor();
    expect(page.url()).toMatch(/\?topic=casualties$/);
  });
});
