import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// jsdom lays nothing out and has no ResizeObserver. This one reports a fixed width (and the element's
// own CSS height), so Recharts' ResponsiveContainer draws at a known size in component tests.
const TEST_WIDTH = 640;
globalThis.ResizeObserver = class {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(element: Element) {
    const height = parseFloat((element as HTMLElement).style.height) || 300;
    const entry = { target: element, contentRect: { width: TEST_WIDTH, height } } as unknown as ResizeObserverEntry;
    this.callback([entry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
