import { describe, expect, it } from 'vitest';
import { claimantOf } from './claimant';

const claimant = (s: string, stated: string) => {
  const a = s.indexOf(stated);
  return claimantOf(s, a, a + stated.length, 'Reuters');
};

describe('claimant as the article attributes it', () => {
  it.each([
    [
      'Russia suffers roughly 1,000 casualties a day, according to Western officials, and more.',
      '1,000',
      'Western officials',
    ],
    ['The surplus climbed to a record $74 billion last year according to U.S. data.', '$74 billion', 'US data'],
    ['Vinnik has to forfeit more than $100-million, said a US official on Wednesday.', '$100-million', 'A US official'],
    ['Russia captured about 40 fewer square miles than in December, the institute reported.', '40', 'The institute'],
    ['Zelensky’s office said Trump and Zelensky had spoken for about an hour.', 'an hour', 'Zelensky’s office'],
    ['The IISS estimates Russia lost 1,400 tanks.', '1,400', 'The IISS'],
    ['Kuo told Reuters that 5 ships were lost.', '5 ships', 'Kuo'],
    ['The ministry’s data showed exports fell 5%.', '5%', 'The ministry’s data'],
    ['Military analysts have estimated losses at 1,500 a day.', '1,500', 'Military analysts'],
    ['The Taiwanese government has said it will spend 3 percent of GDP.', '3 percent', 'The Taiwanese government'],
    ['“We lost 300 tanks,” said Ben Barry, a senior analyst.', '300 tanks', 'Ben Barry'],
  ])('%s', (s, stated, expected) => {
    expect(claimant(s, stated)).toBe(expected);
  });

  it('falls back to the publisher when nobody is named', () => {
    expect(claimant('Moscow lost 1,400 tanks in 2024.', '1,400')).toBe('Reuters');
  });

  it('a pronoun is nobody', () => {
    expect(claimant('He said 40 allies attended.', '40 allies')).toBe('Reuters');
  });

  it('"told Reuters" names the speaker, not the listener', () => {
    expect(claimant('A US official told Reuters that 2 Americans were freed.', '2 Americans')).toBe('A US official');
  });
});
