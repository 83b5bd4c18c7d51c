import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { injectIntoRoot } from './prerender-plugin';

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
