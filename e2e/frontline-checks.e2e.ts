import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

describe('the occupied area over time, and claims checked against it', () => {
  const open = useBrowser();

  it('charts the occupied area by day and the monthly gains, with the source, and follows the filters', async () => {
    const { page } = await open();
    const charts = page.getByRole('region', { name: 'Charts' });
    const chart = charts.getByRole('figure', { name: 'Occupied area of Ukraine, by day, and net gains by month' });
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('.recharts-line-curve').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(20);
    await expect.poll(() => chart.innerText()).toContain('DeepStateMap.live (via cyterat/deepstate-map-data)');
    expect(await chart.innerText()).toContain('No file (7 days): the line breaks');
    // No Recharts tooltip: the day or month is read out under its panel, from the keyboard or the pointer.
    const dayReadout = chart.locator('[data-readout="area"]');
    expect(await dayReadout.innerText()).toContain('Point at, tap or focus the line');
    const line = chart.getByRole('application', { name: /^Occupied area by day, \d+ days$/ });
    await line.focus();
    await line.press('ArrowLeft');
    await expect.poll(() => dayReadout.innerText()).toMatch(/^Situation \d+ \w{3} 20\d\d: [\d,.]+ km² · [\d,.]+ sq mi/);
    expect(await chart.locator('.frontline-cursor').count()).toBe(1);
    await line.press('Home');
    await expect.poll(() => dayReadout.innerText()).toMatch(/^Situation 7 Jul 2024: /);
    const bars = chart.locator('[data-panel="gains"] .recharts-surface');
    const box = (await bars.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
    await expect
      .poll(() => chart.locator('[data-readout="gains"]').innerText())
      .toMatch(
        /^\w{3} 20\d\d, net gain: [+-][\d,.]+ km² · [+-][\d,.]+ sq mi · \d+ \w{3} 20\d\d to \d+ \w{3} 20\d\d \(\d+ days\)/,
      );
    expect(await chart.locator('.recharts-tooltip-wrapper').count()).toBe(0);

    // The chart has nothing to say about Taiwan: the filter hides it; clearing brings it back.
    const { page: taiwan } = await open('/?country=TW');
    const twCharts = taiwan.getByRole('region', { name: 'Charts' });
    await twCharts.locator('.chart-card').first().waitFor();
    expect(await twCharts.getByRole('figure', { name: /Occupied area of Ukraine/ }).count()).toBe(0);
  });

  it('puts DeepState’s December and January gains and their difference next to ISW’s claim', async () => {
    const { page } = await open('/?figure=russia-gains-january-vs-december');
    const dialog = page.getByRole('dialog');
    const check = dialog.getByRole('region', { name: 'Check against the map' });
    await check.waitFor();
    const text = await check.innerText();
    expect(text).toContain('Disagrees with the map: the map gives 21.3 sq mi fewer; the claim is about 40 sq mi fewer');
    expect(text).toContain('Net gain, December, 30 Nov 2024 – 30 Dec 2024');
    expect(text).toContain('149.2 sq mi');
    expect(text).toContain('Net gain, January, 30 Dec 2024 – 31 Jan 2025');
    expect(text).toContain('127.9 sq mi');
    expect(text).toContain('not assessments by the Institute');
  });

  it('gives the share of Ukraine the polygons show beside “about a fifth”', async () => {
    const { page } = await open('/?figure=occupied-share-of-ukraine');
    const check = page.getByRole('dialog').getByRole('region', { name: 'Check against the map' });
    await check.waitFor();
    expect(await check.innerText()).toContain(
      'Agrees with the map: the map gives 18.75 %; the claim is about 20 % (1.25 percentage points apart)',
    );
  });
});
