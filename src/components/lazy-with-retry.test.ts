import { describe, expect, it } from 'vitest';
import { failedModuleUrl } from './lazy-with-retry';

describe('failedModuleUrl', () => {
  it('finds the chunk in a failed dynamic import’s message', () => {
    const error = new TypeError(
      'Failed to fetch dynamically imported module: http://127.0.0.1:4317/assets/map-panel-Ab1_x.js',
    );
    expect(failedModuleUrl(error)).toBe('http://127.0.0.1:4317/assets/map-panel-Ab1_x.js');
  });

  it('is null when the message names no chunk', () => {
    expect(failedModuleUrl(new Error('network down'))).toBeNull();
  });
});
