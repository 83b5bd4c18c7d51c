import { defineConfig } from 'vitest/config';

/** Browser journeys: playwright-core drives the system Chromium against `vite preview` on 127.0.0.1. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // expect.poll waits for a state the page reaches after a deferred render; its default (1 s) is a
    // bet on the machine's speed. Like a Playwright locator's wait, it waits up to 30 s for the state.
    expect: { poll: { timeout: 30_000 } },
  },
});
