/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { dataPlugin } from './scripts/lib/data-plugin.js';
import { differencesCacheName, frontlineDifferencesPlugin } from './scripts/lib/frontline-differences-plugin.js';
import { inlineStyleHashes, prerenderPlugin } from './scripts/lib/prerender-plugin.js';

/**
 * The Content-Security-Policy of the built page: no inline script, nothing fetched or connected off the
 * origin; the only exception is the opt-in OpenStreetMap tile layer's images. Inline CSS only as the build wrote
 * it: the first render's `<style>` (scripts/lib/prerender-plugin.ts) is allowed by its hash. Applied to the
 * build only: Vite's dev server needs an inline script for hot reload.
 */
export function contentSecurityPolicy(styleHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes].join(' '),
    "img-src 'self' data: blob: https://tile.openstreetmap.org",
    "connect-src 'self'",
    "font-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => ({
        html,
        tags: [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(inlineStyleHashes(html)) },
            injectTo: 'head-prepend',
          },
        ],
      }),
    },
  };
}

/** data/, or the folder GEOBRIEF_DATA_DIR names (the benchmark's generated dataset). */
const DATA_DIR = resolve(import.meta.dirname, process.env['GEOBRIEF_DATA_DIR'] ?? 'data');
/** The front line's situations (npm run build:frontline); their differences are computed at build time. */
const FRONTLINE_DIR = resolve(import.meta.dirname, 'public/frontline');

export default defineConfig({
  plugins: [
    react(),
    // data/ is validated and cross-checked here, at build time; the page gets it checked (virtual:geobrief-dataset).
    dataPlugin(DATA_DIR),
    // The explore view's HTML is rendered into index.html at build time; src/boot.tsx hydrates it (after the first paint).
    prerenderPlugin({ root: import.meta.dirname, dataDir: DATA_DIR, plugins: () => [react(), dataPlugin(DATA_DIR)] }),
    contentSecurityPolicyPlugin(),
    // frontline/differences/: every pair of situations' difference, computed here (the dev server: on demand).
    frontlineDifferencesPlugin(FRONTLINE_DIR),
    // Offline after the first visit: a Workbox service worker precaches the app, its data and the map.
    VitePWA({
      registerType: 'autoUpdate',
      // public/registerSW.js registers it (and reports a cut-short registration as a warning).
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,txt,json,geojson}'],
        // The 351 front-line pair files (8.5 MB) are not precached; their areas' index is. A pair the map
        // fetched is kept (below), so it works offline after.
        globIgnores: ['**/node_modules/**/*', 'frontline/differences/*_*.json'],
        runtimeCaching: [
          {
            urlPattern: /\/frontline\/differences\/\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.json$/,
            handler: 'CacheFirst',
            options: { cacheName: differencesCacheName(FRONTLINE_DIR), cacheableResponse: { statuses: [200] } },
          },
        ],
        // The benchmark's generated dataset makes a 7 MB chunk; the shipped files are far smaller.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The team workspace's API (npm start) is never the page: sign-in, changes and events go to the server.
        navigateFallbackDenylist: [/^\/api\//],
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  resolve: {
    alias: [
      { find: '@data', replacement: DATA_DIR },
      // Leaflet 1.9's package.json names only its UMD build; its own ES module build lets the bundler drop what
      // the map does not use (about 1.3 KB gzipped).
      { find: /^leaflet$/, replacement: resolve(import.meta.dirname, 'node_modules/leaflet/dist/leaflet-src.esm.js') },
    ],
  },
  build: {
    // GEOBRIEF_DIST lets two builds (e.g. two journeys' runs) live side by side; `dist` otherwise.
    outDir: process.env['GEOBRIEF_DIST'] ?? 'dist',
    target: 'es2022',
    sourcemap: false,
    // .vite/manifest.json: the chunk graph the bundle budgets walk (scripts/lib/bundle-size.ts).
    manifest: true,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
    setupFiles: ['src/testing/setup.ts'],
    // The workspace server's tests run on SQLite and on a throwaway PostgreSQL started here.
    globalSetup: ['server/testing/pg-global-setup.ts'],
    restoreMocks: true,
    // A guard, not a wait: on a loaded machine (other builds, a benchmark) a component test may take
    // seconds; the tests wait for states, and 30 s only stops one that hangs.
    testTimeout: 30_000,
  },
});
