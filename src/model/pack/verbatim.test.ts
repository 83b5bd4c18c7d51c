import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normaliseQuote, quoteIsVerbatim } from './verbatim';

/** A real article kept with the data: curly quotes and apostrophes, em dashes. */
const article = readFileSync(join(import.meta.dirname, '../../../data/articles/nyt-putin-victory.txt'), 'utf8');

describe('normaliseQuote', () => {
  it('makes quotes, apostrophes and dashes plain and collapses white space, nothing else', () => {
    expect(normaliseQuote('“It’s  here” —\n now – 1')).toBe('"It\'s here" - now - 1');
    expect(normaliseQuote(' \u00a0about\u00a01,500 a day\t')).toBe('about 1,500 a day');
    expect(normaliseQuote('1,500… (tanks)!')).toBe('1,500… (tanks)!');
  });
});

describe('quoteIsVerbatim', () => {
  it('finds a quote copied exactly', () => {
    expect(quoteIsVerbatim('Mr. Putin’s call with Mr. Trump “broke the West’s blockade.”', article)).toBe(true);
  });

  it('takes straight quotes and apostrophes for curly ones, both ways', () => {
    expect(quoteIsVerbatim(`Mr. Putin's call with Mr. Trump "broke the West's blockade."`, article)).toBe(true);
    expect(
      quoteIsVerbatim('“Nobody in Kyiv’s team believes it”', `He said "Nobody in Kyiv's team believes it" today.`),
    ).toBe(true);
  });

  it('takes a space for a non-breaking space or a line break', () => {
    expect(quoteIsVerbatim('about 1,500 casualties a day', 'Losses ran at about\u00a01,500\ncasualties a day.')).toBe(
      true,
    );
    expect(quoteIsVerbatim('about\u00a01,500 casualties', 'Losses ran at about 1,500 casualties a day.')).toBe(true);
  });

  it('takes a hyphen for an en or em dash, both ways', () => {
    expect(quoteIsVerbatim('whose contours - and participants - are still unclear', article)).toBe(true);
    expect(quoteIsVerbatim('whose contours – and participants – are still unclear', article)).toBe(true);
    expect(quoteIsVerbatim('aged 18—24', 'recruits aged 18-24 years')).toBe(true);
  });

  it('fails a quote whose words or numbers differ from the article', () => {
    expect(quoteIsVerbatim('Mr. Putin’s call with Mr. Trump “broke the East’s blockade.”', article)).toBe(false);
    expect(quoteIsVerbatim('about 1,600 casualties a day', 'Losses ran at about 1,500 casualties a day.')).toBe(false);
    expect(quoteIsVerbatim('about 1500 casualties a day', 'Losses ran at about 1,500 casualties a day.')).toBe(false);
    expect(quoteIsVerbatim('about 1,500casualties', 'Losses ran at about 1,500 casualties a day.')).toBe(false);
  });

  it('checks each article on its own, though the last one is remembered', () => {
    expect(quoteIsVerbatim('one', 'only one here')).toBe(true);
    expect(quoteIsVerbatim('one', 'nothing here')).toBe(false);
    expect(quoteIsVerbatim('one', 'only one here')).toBe(true);
  });
});
