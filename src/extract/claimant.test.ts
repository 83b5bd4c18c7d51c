import { describe, expect, it } from 'vitest';
import { authorOf, claimantOf, ClaimantReader } from './claimant';

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
    ['The surplus climbed to a record $74 billion last year according to U.S. data.', '$74 billion', 'U.S. data'],
    ['Vinnik has to forfeit more than $100-million, said a US official on Wednesday.', '$100-million', 'A US official'],
    ['Russia captured about 40 fewer square miles than in December, the institute reported.', '40', 'The institute'],
    ['Zelensky’s office said Trump and Zelensky had spoken for about an hour.', 'an hour', 'Zelensky’s office'],
    ['The IISS estimates Russia lost 1,400 tanks.', '1,400', 'The IISS'],
    ['Kuo told Reuters that 5 ships were lost.', '5 ships', 'Kuo'],
    ['The ministry’s data showed exports fell 5%.', '5%', 'The ministry’s data'],
    ['Military analysts have estimated losses at 1,500 a day.', '1,500', 'Military analysts'],
    ['The Taiwanese government has said it will spend 3 percent of GDP.', '3 percent', 'The Taiwanese government'],
    ['“We lost 300 tanks,” said Ben Barry, a senior analyst.', '300 tanks', 'Ben Barry'],
    // real sentences from the development corpus
    [
      'Glenn Jusnes, UNHCR Kenya spokesperson, told VOA in an email that more than 85% of refugees are hosted by poor countries.',
      'more than 85%',
      'Glenn Jusnes',
    ],
    [
      'The Tourism Authority of Thailand anticipated 26 billion baht in revenue last year, up 14% over 2017, Thai media report.',
      '14%',
      'Thai media',
    ],
    [
      'Medical tourism generates at least one-third of private hospital revenue, and Asia Pacific was the biggest market, Zion Market Research has found, as cited by TTG Asia.',
      'at least one-third',
      'Zion Market Research',
    ],
    [
      'Russia seaborne exports fell 16,000 bpd last week, according to data from Bloomberg, officials said.',
      '16,000 bpd',
      'Bloomberg',
    ],
    [
      'The head of Doctors Without Borders (MSF) told the council that his teams treated 385 survivors last year.',
      '385 survivors',
      'The head of Doctors Without Borders',
    ],
    ['Russia has lost more than 3,600 tanks since the invasion began, Oryx estimates.', '3,600 tanks', 'Oryx'],
  ])('%s', (s, stated, expected) => {
    expect(claimant(s, stated)).toBe(expected);
  });

  it('falls back to the publisher when nobody is named', () => {
    expect(claimant('Moscow lost 1,400 tanks in 2024.', '1,400')).toBe('Reuters');
  });

  it('a pronoun is nobody', () => {
    expect(claimant('He said 40 allies attended.', '40 allies')).toBe('Reuters');
  });

  it('a weekday, a month or a fragment is nobody', () => {
    expect(claimant('On Thursday said 40 allies attended.', '40 allies')).toBe('Reuters');
    expect(claimant('This deal was first said to be worth $5 billion.', '$5 billion')).toBe('Reuters');
  });

  it('the speaker of another clause does not claim a figure before it', () => {
    const s =
      'Trump doubled the 25% U.S. tariff on steel to 50% after Canada’s Ontario provincial leader said he is adding a 25% levy on electricity.';
    const at = s.indexOf('50%');
    expect(claimantOf(s, at, at + 3, 'VOA')).not.toMatch(/Ontario/);
    const levy = s.lastIndexOf('25%');
    expect(claimantOf(s, levy, levy + 3, 'VOA')).toBe('Canada’s Ontario provincial leader');
  });

  it('"told Reuters" names the speaker, not the listener', () => {
    expect(claimant('A US official told Reuters that 2 Americans were freed.', '2 Americans')).toBe('A US official');
  });
});

describe('claimants across sentences', () => {
  it('"she said" is the person last named; a surname alone is the full name named before', () => {
    const reader = new ClaimantReader('VOA');
    const first = 'Catherine Russell, UNICEF’s executive director, told a meeting of the U.N. Security Council.';
    const second = 'She said two-thirds were girls.';
    const third = 'Russell said there were 221 cases of rape against children.';
    reader.see(first);
    reader.see(second);
    expect(reader.claimant(second, second.indexOf('two'), second.indexOf('two') + 10)).toBe('Catherine Russell');
    reader.see(third);
    expect(reader.claimant(third, third.indexOf('221'), third.indexOf('221') + 3)).toBe('Catherine Russell');
  });

  it('"the president" is the person named with that title', () => {
    const reader = new ClaimantReader('VOA');
    reader.see('U.S. President Donald Trump ramped up his trade war with Canada on Tuesday.');
    const s = 'The president said the doubled tariffs of 50% would take effect Wednesday.';
    reader.see(s);
    expect(reader.claimant(s, s.indexOf('50%'), s.indexOf('50%') + 3)).toBe('Donald Trump');
  });

  it('a quotation is claimed by its speaker named in the sentence before', () => {
    const reader = new ClaimantReader('VOA');
    const before = '“To me things have really improved,” said Rockhold, a Vietnam War veteran.';
    const s = '“She was in there four days and I got a bill of $1,200.”';
    reader.see(before);
    reader.see(s);
    expect(reader.claimant(s, s.indexOf('$1,200'), s.indexOf('$1,200') + 6, [before])).toBe('Rockhold');
  });

  it('a city is never a claimant', () => {
    const reader = new ClaimantReader('Reuters', (name) => name === 'Kyiv');
    const s = 'Kyiv said 40 drones were shot down.';
    expect(reader.claimant(s, s.indexOf('40'), s.indexOf('40') + 9)).toBe('Reuters');
  });

  it('a first-person statement is its author’s, named by its title', () => {
    expect(authorOf('Statement from President Joe Biden on U.S. Support for Ukraine', 'I am proud to welcome …')).toBe(
      'President Joe Biden',
    );
    expect(
      authorOf('Statement from President Joe Biden on U.S. Support for Ukraine', 'The president met …'),
    ).toBeUndefined();
    expect(authorOf('Russia able to fight on', 'I said so.')).toBeUndefined();
  });
});

it('a long title names its author by the name at its end', () => {
  expect(
    authorOf(
      'Statement from Deputy National Security Advisor for International Economics and Deputy Director of the National Economic Council Daleep Singh on Today’s Sanctions Actions',
      'Some will ask why we waited.',
    ),
  ).toBe('Daleep Singh');
});
