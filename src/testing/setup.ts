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

// Files the app fetches from its own origin (map geometry, and public/, which Vite serves at the root) are
// read from the repository in tests. Anything else is refused, as the app must never need the network.
const realFetch = globalThis.fetch;
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.startsWith('/')) {
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const clean = url.split('?')[0]!;
    const paths = clean.startsWith('/@fs/')
      ? [clean.slice('/@fs'.length)]
      : [join(process.cwd(), clean), join(process.cwd(), 'public', clean)];
    for (const path of paths) {
      try {
        return new Response(await readFile(path), { status: 200 });
      } catch {
        // next place
      }
    }
    return new Response('not found', { status: 404 });
  }
  if (url.startsWith('http://localhost') || url.startsWith('http://127.0.0.1')) return realFetch(input, init);
  throw new TypeError(`Tests do not reach the network: ${url}`);
};
