/**
 * Serves the production build with `vite preview` on 127.0.0.1 for the browser journeys.
 * `npm run test:e2e` builds first; this fails clearly when dist/ is missing.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { preview } from 'vite';
import { chromium as launcher } from 'playwright-core';
import { chromium, describeChoice } from '../scripts/lib/browser-path';

export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '..');
  if (!existsSync(resolve(root, process.env['GEOBRIEF_DIST'] ?? 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` (or `npm run test:e2e`, which builds first).');
  }
  // Say once which browser the journeys drive (and unpack the packaged one now, before any file needs it).
  const choice = await chromium();
  const browser = await launcher.launch({
    executablePath: choice.path,
    args: choice.args,
    env: { ...process.env, ...choice.env },
  });
  console.log(`Browser journeys use ${describeChoice(choice, browser.version())}`);
  await browser.close();

  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 4317, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url.replace(/\/$/, ''));
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** `phone` in the mobile project: journeys open pages at 390x844 with touch. */
    device: 'desktop' | 'phone';
  }
}
