import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

describe('the front-line map', () => {
  const open = useBrowser();

  it('shows the occupied areas, grey zone and Kursk layers with attribution and date, offline', async () => {
    const { page } = await open();
    const map = page.getByRole('region', { name: 'Map' });
    await map.locator('.leaflet-container path.leaflet-interactive').first().waitFor();
    const fills = async () =>
      map.locator('path.leaflet-interactive').evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));
    const initial = await fills();
    for (const colour of ['#a63603', '#d94801', '#fd8d3c', '#969696', '#2171b5', '#9ecae1']) {
      expect(initial, colour).toContain(colour);
    }
    expect(await map.locator('.leaflet-control-attribution').innerText()).toContain(
      'Front line: DeepStateMap.live (via cyterat/deepstate-map-data), situation 13 Feb 2025',
    );
    expect(await map.getByText('Front line as of 13 Feb 2025 · DeepStateMap.live').isVisible()).toBe(true);

    mkdirSync('test-results', { recursive: true });
    await map.screenshot({ path: 'test-results/map-front.png' });

    // The layer list starts as its button on every screen, so that the map stays visible. It opens from its
    // button, by a tap or by Enter; a tap in the headless shell of @sparticuz/chromium did not open it, so the
    // journey uses the keyboard, which works in both.
    const control = map.locator('.leaflet-control-layers');
    expect(await control.evaluate((el) => el.classList.contains('leaflet-control-layers-expanded'))).toBe(false);
    await map.getByRole('button', { name: 'Layers', exact: true }).focus();
    await page.keyboard.press('Enter');
    await map.locator('.leaflet-control-layers-expanded').waitFor();
    // The list is driven from the keyboard (see above): a pointer leaving the list closes it again.
    const layer2022 = map.getByRole('checkbox', { name: /Occupied since 2022/ });
    const toggle = async () => {
      await layer2022.focus();
      await page.keyboard.press('Space');
    };
    await toggle();
    expect(await layer2022.isChecked()).toBe(false);
    await expect.poll(fills).not.toContain('#fd8d3c');
    expect(await fills()).toContain('#a63603');
    await toggle();
    expect(await layer2022.isChecked()).toBe(true);
    await expect.poll(fills).toContain('#fd8d3c');
    expect(await page.locator('img.leaflet-tile').count()).toBe(0);
  });

  it('follows the country filter: Taiwan shows its marker, not Kyiv; clearing brings Kyiv back', async () => {
    const { page } = await open('/?country=TW');
    const markers = page.locator('.leaflet-marker-icon');
    await markers.first().waitFor();
    const titles = () => markers.evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
    expect((await titles()).some((t) => t.startsWith('Taiwan (marker at Taipei)'))).toBe(true);
    expect((await titles()).some((t) => t.startsWith('Kyiv'))).toBe(false);
    await page.getByRole('button', { name: 'Clear all', exact: true }).click();
    await expect.poll(async () => (await titles()).some((t) => t.startsWith('Kyiv'))).toBe(true);
  });

  it('opens a place’s events from the keyboard, and an event’s detail through the store', async () => {
    const { page } = await open();
    const kyiv = page.locator('.leaflet-marker-icon[title^="Kyiv"]');
    await kyiv.waitFor();
    expect(await kyiv.getAttribute('role')).toBe('button');
    await kyiv.focus();
    await page.keyboard.press('Enter');
    const popup = page.locator('.place-popup[data-place-id="kyiv"]');
    await popup.waitFor();
    // From the keyboard too: a click lands by coordinates, and the popup's pan into view can move it under load.
    await popup.getByRole('button', { name: /Bessent visits Kyiv/ }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Bessent visits Kyiv/ });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(
      /12 Feb 2025[\s\S]*Minerals deal will give Kyiv post-war ‘security shield’/,
    );
    expect(page.url()).toMatch(/event=bessent-visits-kyiv/);
  });

  it('switches views and describes the map in text', async () => {
    const { page } = await open();
    const map = page.getByRole('region', { name: 'Map' });
    await map.locator('.leaflet-marker-icon').first().waitFor();
    const markerBox = async (title: string) => map.locator(`.leaflet-marker-icon[title^="${title}"]`).boundingBox();
    await map.getByRole('button', { name: 'World', exact: true }).click();
    // Its centre is on the map (on a touch screen the marker's box includes a transparent hit area).
    await expect
      .poll(async () => {
        const box = await markerBox('Washington');
        return box ? box.x + box.width / 2 : -1;
      })
      .toBeGreaterThan(0);
    await map.getByRole('button', { name: 'Describe map' }).click();
    const text = await map.locator('.map-description').innerText();
    expect(text).toMatch(/Grey zone \(contested\) in Ukraine: 748 km²/);
    expect(text).toMatch(/Kyiv:[^\n]*Bessent visits Kyiv/);
  });
});
