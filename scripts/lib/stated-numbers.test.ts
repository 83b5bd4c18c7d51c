import { describe, expect, it } from 'vitest';
import { statedNumbers, unstatedNumbers } from './stated-numbers';

describe('statedNumbers', () => {
  it.each([
    ['1,400', 1400],
    ['$500-billion', 500e9],
    ['$500 billion', 500e9],
    ['more than $100-million', 100e6],
    ['record $74 billion', 74e9],
    ['nine million barrels per day', 9e6],
    ['21 percent', 21],
    ['(63)', 63],
    ['14-year', 14],
    ['three-step', 3],
    ['a second American', 2],
    ['about an hour', 1],
    ['at least another year', 1],
    ['more than a million', 1e6],
    ['Half a dozen or so', 6],
    ['around a fifth', 20],
    ['nearly a quarter', 25],
    ['nearly all', 100],
  ])('reads %s as stating %d', (phrase, expected) => {
    expect(statedNumbers(phrase)).toContain(expected);
  });

  it('reads both ends of a stated range', () => {
    expect(statedNumbers('18-to-24-year-olds')).toEqual(expect.arrayContaining([18, 24]));
  });

  it('reads vague quantities as the fixed ranges', () => {
    expect(statedNumbers('at least in the hundreds daily')).toEqual(expect.arrayContaining([100, 999]));
    expect(statedNumbers('hundreds of thousands')).toEqual(expect.arrayContaining([100_000, 999_999]));
    expect(statedNumbers('a few hundred square miles')).toEqual(expect.arrayContaining([200, 400]));
  });

  it('finds nothing in words that state no number', () => {
    expect(statedNumbers('sky-high')).toEqual([]);
  });
});

describe('unstatedNumbers', () => {
  it('accepts a value its words state', () => {
    expect(unstatedNumbers({ value: 1400 }, '1,400')).toEqual([]);
  });

  it('returns a value the words do not state', () => {
    expect(unstatedNumbers({ value: 1500 }, '1,400')).toEqual([1500]);
  });

  it('returns the end of a range the words do not state', () => {
    expect(unstatedNumbers({ low: 18, high: 25 }, '18-to-24-year-olds')).toEqual([25]);
  });

  it('accepts a change stored as negative when the words state its size', () => {
    expect(unstatedNumbers({ value: -40 }, 'about 40 fewer square miles')).toEqual([]);
  });

  it('does not accept a scaled value the words do not scale', () => {
    expect(unstatedNumbers({ value: 500e6 }, '$500-billion')).toEqual([500e6]);
  });
});

describe('the extraction engine readings', () => {
  it('are read the same way by the check ("nearly a third" of something is 33.3 %)', () => {
    expect(statedNumbers('nearly a third of its')).toContain(33.3);
    expect(statedNumbers('nearly a third')).toContain(33.3);
    expect(statedNumbers('tens of thousands')).toEqual(expect.arrayContaining([10_000, 99_999]));
  });
});
