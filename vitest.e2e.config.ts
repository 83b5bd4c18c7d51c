import { defineConfig } from 'vitest/config';

/**
 * Browser journeys: playwright-core drives Chromium (see scripts/lib/browser-path.ts) against `vite preview` on
 * 127.0.0.1. The `desktop` project runs every journey at 1366x900; the `mobile` project runs the main
 * flows again on a 390x844 touch phone (mobile emulation).
 */
const MAIN_FLOWS = ['shell', 'explore', 'actors', 'map', 'brief', 'resilience'].map((f) => `e2e/${f}.e2e.ts`);

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // expect.poll waits for a state the page reaches after a deferred render; its default (1 s) is a
    // bet on the machine's speed. Like a Playwright locator's wait, it waits up to 30 s for the state.
    expect: { poll: { timeout: 30_000 } },
    projects: [
      {
        extends: true,
        test: { name: 'desktop', include: ['e2e/**/*.e2e.ts'], provide: { device: 'desktop' } },
      },
      {
        extends: true,
        test: { name: 'mobile', include: MAIN_FLOWS, provide: { device: 'phone' } },
      },
    ],
  },
});
