import { describe, expect, it } from 'vitest';
import { quoteSpan } from './quote';

const quote = (s: string, stated: string) => {
  const a = s.indexOf(stated);
  const [start, end] = quoteSpan(s, a, a + stated.length);
  return s.slice(start, end);
};
const words = (s: string) => s.split(/\s+/).length;

describe('the quote: the shortest clause that states the figure', () => {
  it('is the clause, without the rest of the sentence', () => {
    const s =
      'Russia occupies around a fifth of Ukraine and has demanded Kyiv cede more territory and be rendered permanently neutral under any peace deal.';
    expect(quote(s, 'around a fifth')).toBe('Russia occupies around a fifth of Ukraine');
  });
  it('keeps the subject when the number’s clause begins with "which"', () => {
    const s =
      'They include the island’s big trade surplus with the United States, which climbed to a record $74 billion last year according to U.S. data, and its military spending.';
    const q = quote(s, 'a record $74 billion');
    expect(q).toContain('trade surplus with the United States, which climbed to a record $74 billion');
    expect(s).toContain(q);
  });
  it('is at most about 30 words, cut at words', () => {
    const s =
      'Moscow lost 1,400 tanks in 2024 while it is struggling to make new tanks at a fast enough rate to replace the old ones despite increasing production of advanced models like the T-90M tank in its plants in the Urals and beyond.';
    const q = quote(s, '1,400 tanks');
    expect(words(q)).toBeLessThanOrEqual(30);
    expect(q.startsWith('Moscow lost 1,400 tanks in 2024')).toBe(true);
  });
  it('grows a short clause to carry its subject', () => {
    const s =
      'Reuters has spoken to three oil executives and more than 10 traders, refining executives, and port agents.';
    expect(quote(s, 'more than 10 traders')).toBe(
      'Reuters has spoken to three oil executives and more than 10 traders',
    );
  });
  it('never ends on a dangling word or opens a quotation it does not close', () => {
    const s = 'Taiwan sent two economic officials to Washington this week to “better explain ourselves,” Mr. Kuo said.';
    expect(quote(s, 'two economic officials')).toBe('Taiwan sent two economic officials to Washington this week');
  });
  it('is always a verbatim substring holding the stated words', () => {
    const s = '“He’s investing 100 percent into the effort to seduce Trump.”';
    const q = quote(s, '100 percent');
    expect(s).toContain(q);
    expect(q).toContain('100 percent');
    expect(q).toBe('He’s investing 100 percent into the effort to seduce Trump');
  });
});
