/**
 * Gzipped sizes of the built JavaScript: what the first paint needs (the entry script and what it
 * preloads) and all of it. Used by the budget test and the benchmark.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** Entry scripts and modulepreloads of index.html, gzipped bytes. */
  initialJs: number;
  /** Every .js under assets/ plus the page's own scripts, gzipped bytes. */
  totalJs: number;
  /** Service-worker scripts (not part of the page), gzipped bytes. */
  serviceWorkerJs: number;
  files: { file: string; gzip: number; initial: boolean }[];
}

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

export function bundleSizes(dist: string): BundleSizes {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map(
      (m) => m[1]!,
    ),
  );
  const assets = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const pageScripts = [...initial].filter((f) => !f.startsWith('assets/'));
  const files = [...assets, ...pageScripts].map((file) => ({
    file,
    gzip: gz(join(dist, file)),
    initial: initial.has(file),
  }));
  const sw = readdirSync(dist).filter((f) => f === 'sw.js' || /^workbox-.*\.js$/.test(f));
  return {
    initialJs: files.filter((f) => f.initial).reduce((n, f) => n + f.gzip, 0),
    totalJs: files.reduce((n, f) => n + f.gzip, 0),
    serviceWorkerJs: sw.reduce((n, f) => n + gz(join(dist, f)), 0),
    files,
  };
}
