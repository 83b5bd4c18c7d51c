import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { injectIntoRoot, inlineFirstRenderCss, inlineStyleHashes } from './prerender-plugin';

const INDEX = readFileSync(resolve(import.meta.dirname, '..', '..', 'index.html'), 'utf8');

describe('prerendering into index.html', () => {
  it('replaces the dev shell inside #root, marks it prerendered and inert, and keeps the rest of the page', () => {
    const page = injectIntoRoot(INDEX, '<div class="app">prerendered</div>');
    expect(page).toContain('<div id="root" data-prerendered="explore" inert><div class="app">prerendered</div></div>');
    expect(page).not.toContain('region__loading');
    expect(page).toContain('<script type="module" src="/src/main.tsx"></script>');
    expect(page.indexOf('<!-- /#root -->')).toBeGreaterThan(page.indexOf('prerendered</div>'));
  });

  it('refuses a page without the #root marker rather than ship an empty page', () => {
    expect(() => injectIntoRoot('<div id="root"></div>', 'x')).toThrow(/#root/);
  });
});

describe('the first render’s CSS, inline', () => {
  const page = [
    '<html><head>',
    '<link rel="stylesheet" crossorigin href="/assets/index-a.css">',
    '</head><body></body></html>',
  ].join('\n');
  const files: Record<string, string> = {
    '/assets/index-a.css': 'body{color:red}\n',
    '/assets/app-b.css': '.x{margin:0}',
  };

  it('puts the linked and the first render’s CSS in one style, in order, and leaves the links disabled', () => {
    const out = inlineFirstRenderCss(page, ['/assets/app-b.css'], (href) => files[href]);
    expect(out).toContain('<style>body{color:red}\n.x{margin:0}</style>');
    expect(out).toContain('<link rel="stylesheet" href="/assets/index-a.css" disabled>');
    expect(out).toContain('<link rel="stylesheet" href="/assets/app-b.css" disabled>');
    expect(out).not.toMatch(/<link rel="stylesheet" crossorigin/);
    expect(out.indexOf('<style>')).toBeLessThan(out.indexOf('</head>'));
  });

  it('names a linked file the build does not have', () => {
    expect(() => inlineFirstRenderCss(page, [], () => undefined)).toThrow(/index-a\.css.*not in the build/);
  });

  it('gives the CSP the hash of each inline style, as the browser computes it', () => {
    const out = inlineFirstRenderCss(page, [], (href) => files[href]);
    // sha256 of "body{color:red}" (the file's text, trimmed), base64: what the CSP must allow.
    expect(inlineStyleHashes(out)).toEqual([
      `'sha256-${createHash('sha256').update('body{color:red}').digest('base64')}'`,
    ]);
    expect(inlineStyleHashes('<head></head>')).toEqual([]);
  });
});
