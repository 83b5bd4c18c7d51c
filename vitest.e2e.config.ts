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
  },
});
