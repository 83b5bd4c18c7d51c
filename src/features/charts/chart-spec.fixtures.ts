/** A chart spec for tests, of measures "a" and "b" unless overridden. */
import type { ChartSpec } from './chart-specs';

export const spec = (overrides: Partial<ChartSpec> = {}): ChartSpec => ({
  id: 'test',
  title: 'Test chart',
  description: 'A test.',
  measures: ['a', 'b'],
  scale: 'linear',
  rowLabel: 'label',
  ...overrides,
});
