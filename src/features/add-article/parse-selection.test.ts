import { describe, expect, it } from 'vitest';
import { unitsVocabulary } from '../../testing/fixtures';
import { parseAmount } from './parse-selection';

describe('parseAmount: the amount in words the analyst selected', () => {
  it('reads words, scale, qualifier and a unit written "per day"', () => {
    expect(parseAmount('slipping below nine million barrels per day (bpd)', unitsVocabulary)).toEqual({
      value: 9_000_000,
      unit: 'barrels-per-day',
      qualifier: 'below',
      stated: 'nine million',
    });
  });

  it('reads currency symbols and scale words', () => {
    expect(parseAmount('spending of $74 billion last year', unitsVocabulary)).toMatchObject({
      value: 74e9,
      unit: 'usd',
      qualifier: 'exact',
      stated: '$74 billion',
    });
  });

  it('reads ranges and percentages', () => {
    expect(parseAmount('between 20-25% of output', unitsVocabulary)).toMatchObject({
      low: 20,
      high: 25,
      unit: 'percent',
    });
  });

  it('reads thousands separators, "more than" and a unit by its singular or plural', () => {
    expect(parseAmount('targeted more than 1,400 tanks', unitsVocabulary)).toMatchObject({
      value: 1400,
      unit: 'tanks',
      qualifier: 'more-than',
    });
  });

  it('leaves what it cannot read for the analyst to type', () => {
    expect(parseAmount('Russia will have no choice but to slow', unitsVocabulary)).toEqual({});
  });
});
