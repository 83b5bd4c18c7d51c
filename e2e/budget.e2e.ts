import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSizes } from '../scripts/lib/bundle-size';

/** Budgets on the production build (npm run test:e2e builds it first). */
describe('production build budgets', () => {
  const sizes = bundleSizes(resolve(import.meta.dirname, '..', 'dist'));
  const kb = (n: number) => Math.round(n / 102.4) / 10;

  it('ships at most 80 KB of gzipped JavaScript before the first paint', () => {
    expect(sizes.files.some((f) => f.initial)).toBe(true);
    expect(kb(sizes.initialJs), JSON.stringify(sizes.files.filter((f) => f.initial))).toBeLessThanOrEqual(80);
  });

  it('ships at most 320 KB of gzipped JavaScript in all', () => {
    expect(kb(sizes.totalJs), JSON.stringify(sizes.files)).toBeLessThanOrEqual(320);
  });

  it('keeps the map, the charts and the geometry out of the first paint', () => {
    const initial = sizes.files.filter((f) => f.initial).map((f) => f.file);
    expect(initial.some((f) => /map-panel|geojson|110m/.test(f))).toBe(false);
    expect(initial.some((f) => /recharts|app-/.test(f))).toBe(false);
  });
});
