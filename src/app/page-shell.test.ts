import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import sources from '../../data/sources.json';
import { asOfDate, formatDate } from '../model/format/format';

/** index.html paints before JavaScript: it must name the same regions and date as the app. */
describe('the static page shell in index.html', () => {
  const html = readFileSync(resolve(import.meta.dirname, '../../index.html'), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');

  it('has every landmark region, named by its heading', () => {
    const names = [...doc.querySelectorAll('section[aria-labelledby]')].map(
      (s) => doc.getElementById(s.getAttribute('aria-labelledby')!)?.textContent,
    );
    expect(names).toEqual(['Filters', 'Key figures', 'Charts', 'Map', 'Actors', 'Timeline', 'Sources']);
  });

  it('shows the same as-of date as the data', () => {
    const asOf = asOfDate(sources);
    const time = doc.querySelector('.as-of time');
    expect(time?.getAttribute('datetime')).toBe(asOf);
    expect(time?.textContent).toBe(formatDate(asOf));
  });
});
