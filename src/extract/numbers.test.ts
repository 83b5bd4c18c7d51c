import { describe, expect, it } from 'vitest';
import units from '../../data/units.json';
import type { UnitInfo } from '../model/dataset/schema';
import { findNumbers } from './numbers';
import { unitVocabulary } from './unit-words';

const vocab = unitVocabulary(units as UnitInfo[]);
const find = (s: string) =>
  findNumbers(s, vocab).mentions.map((m) => ({
    stated: s.slice(m.start, m.end),
    value: m.value,
    low: m.low,
    high: m.high,
    unit: m.unit,
    qualifier: m.qualifier,
    change: m.change,
    reading: m.reading,
  }));
const one = (s: string) => {
  const found = find(s);
  expect(found, `one figure in "${s}"`).toHaveLength(1);
  return found[0]!;
};

describe('numbers with units', () => {
  it.each([
    ['Taiwan’s trade surplus climbed to $74 billion last year.', 74e9, 'usd'],
    ['Vinnik has to forfeit $100-million to the US government.', 100e6, 'usd'],
    ['Exports to China were worth $3.2bn.', 3.2e9, 'usd'],
    ['The EU approved a €50 billion package.', 50e9, 'eur'],
    ['London pledged £2.26 billion in loans.', 2.26e9, 'gbp'],
    ['The budget is 13.5 trillion roubles.', 13.5e12, 'rub'],
    ['Brent rose 45 cents on the day.', 0.45, 'usd'],
    ['Output stood at nine million barrels per day.', 9e6, 'barrels-per-day'],
    ['Exports averaged 3.3 million bpd in January.', 3.3e6, 'barrels-per-day'],
    ['The index gained 5 percent.', 5, 'percent'],
    ['Unemployment reached 4.1 per cent.', 4.1, 'percent'],
    ['Support reached 52%.', 52, 'percent'],
    ['Spending should reach 5 percent of its economic output.', 5, 'percent-of-gdp'],
    ['Defence spending is 6.3% of GDP.', 6.3, 'percent-of-gdp'],
    ['Approval fell 4 percentage points.', -4, 'percentage-points'],
    ['Ukraine holds a few thousand square miles of land.', undefined, 'square-miles'],
    ['Russia captured 4,168 square kilometres of territory.', 4168, 'square-kilometres'],
    ['Moscow lost 1,400 tanks in 2024.', 1400, 'tanks'],
    ['Russia launched 143 drones overnight.', 143, 'drones'],
    ['The US targeted 180 Russian tankers.', 180, 'tankers'],
    ['Reuters has spoken to three oil executives.', 3, 'people'],
    ['Kyiv hosted delegates from 40 allies.', 40, 'countries'],
    ['Russia suffers 1,000 casualties a day.', 1000, 'casualties-per-day'],
    ['He was serving a 14-year sentence.', 14, 'years'],
    ['They spoke for about an hour.', 1, 'hours'],
    ['They won’t last a month if the money stops.', 1, 'months'],
    ['A second American would be released.', 2, 'people'],
    ['Fogel (63) was serving a sentence.', 63, 'years'],
    ['It is a three-step process.', 3, 'steps'],
  ])('%s', (s, value, unit) => {
    const m = one(s);
    expect(m.unit).toBe(unit);
    if (value !== undefined) expect(m.value).toBeCloseTo(value, 6);
  });
});

describe('ranges', () => {
  it.each([
    ['Estimates run to 640,000–877,000 people.', 640_000, 877_000, 'people'],
    ['Russia lost between 243,000 and 352,000 soldiers.', 243_000, 352_000, 'soldiers'],
    ['Prices rose 20-25% this year.', 20, 25, 'percent'],
    ['A drive to attract 18-to-24-year-olds.', 18, 24, 'years'],
    ['Men aged 18 to 60 may not leave.', 18, 60, 'years'],
    ['It will cost $1-2 billion.', 1e9, 2e9, 'usd'],
  ])('%s', (s, low, high, unit) => {
    const m = one(s);
    expect([m.low, m.high, m.unit]).toEqual([low, high, unit]);
  });
});

describe('a change from one level to another is two figures', () => {
  it('"grew from 300 to 450 tanks": the first takes the unit of the second', () => {
    const found = find('Losses grew from 300 to 450 tanks.');
    expect(found.map((f) => [f.value, f.unit])).toEqual([
      [300, 'tanks'],
      [450, 'tanks'],
    ]);
  });
  it('"anywhere from one-third to a full half" is a range', () => {
    const m = one('CPTSD accounts for anywhere from one-third to a full half of all trauma diagnoses.');
    expect([m.low, m.high, m.unit]).toEqual([33.3, 50, 'percent']);
  });
});

describe('vague amounts have fixed readings', () => {
  it.each([
    ['Fighting has killed or injured hundreds of thousands of troops.', 100_000, 999_999, 'casualties'],
    ['Tens of thousands of people fled.', 10_000, 99_999, 'people'],
    ['Hundreds of drones were launched.', 100, 999, 'drones'],
    ['Ukraine holds a few hundred square miles of Kursk.', 200, 400, 'square-miles'],
    ['Billions of dollars of orders are stuck.', 1e9, 999e9, 'usd'],
    ['Advances of a few dozen or hundreds of yards per day.', 24, 999, 'yards-per-day'],
  ])('%s', (s, low, high, unit) => {
    const m = one(s);
    expect([m.low, m.high, m.unit]).toEqual([low, high, unit]);
    expect(m.reading).toBeTruthy();
  });

  it.each([
    ['Russia occupies around a fifth of Ukraine.', 20, 'percent', 'about'],
    ['It sends nearly a quarter of its exports to the US.', 25, 'percent', 'nearly'],
    ['Russia holds a third of the region.', 33.3, 'percent', 'exact'],
    ['Half of the voters stayed home.', 50, 'percent', 'exact'],
    ['It depends on the US for nearly all its weapons.', 100, 'percent', 'nearly'],
    ['A dozen drones hit the city.', 12, 'drones', 'about'],
    ['Half a dozen or so officials objected.', 6, 'people', 'about'],
    ['One in five children is malnourished.', 20, 'percent', 'exact'],
  ])('%s', (s, value, unit, qualifier) => {
    const m = one(s);
    expect([m.value, m.unit, m.qualifier]).toEqual([value, unit, qualifier]);
  });
});

describe('signs and changes', () => {
  it('keeps a written sign', () => {
    expect(one('GDP growth was -14% last quarter.').value).toBe(-14);
  });
  it('reads a fall as a negative change', () => {
    const m = one('Exports fell 16,000 bpd last week.');
    expect([m.value, m.change]).toEqual([-16_000, 'fall']);
  });
  it('reads "N fewer … than" as a negative change', () => {
    const m = one('Russia captured about 40 fewer square miles than in December.');
    expect([m.value, m.unit, m.change]).toEqual([-40, 'square-miles', 'fall']);
  });
  it('reads a rise as a positive change', () => {
    const m = one('The index jumped 5 percent on Thursday.');
    expect([m.value, m.change]).toEqual([5, 'rise']);
  });
  it('a level reached is no change ("rose to")', () => {
    expect(one('Inflation rose to 9.5% in January.').change).toBeUndefined();
  });
  it('losing tanks is not a fall', () => {
    expect(one('Moscow lost 1,400 tanks.').value).toBe(1400);
  });
});

describe('qualifiers', () => {
  it.each([
    ['The surplus was exactly $74 billion.', 'exact'],
    ['Russia has about 600,000 troops in Ukraine.', 'about'],
    ['Russia has around 600,000 troops in Ukraine.', 'about'],
    ['Russia has roughly 600,000 troops in Ukraine.', 'about'],
    ['Russia has some 600,000 troops in Ukraine.', 'about'],
    ['Russia has an estimated 600,000 troops in Ukraine.', 'about'],
    ['Russia has 600,000 or so troops in Ukraine.', 'about'],
    ['Russia has more than 600,000 troops in Ukraine.', 'more-than'],
    ['Russia has over 600,000 troops in Ukraine.', 'more-than'],
    ['Russia has less than 600,000 troops in Ukraine.', 'less-than'],
    ['Russia has fewer than 600,000 troops in Ukraine.', 'less-than'],
    ['Russia has under 600,000 troops in Ukraine.', 'less-than'],
    ['Russia has at least 600,000 troops in Ukraine.', 'at-least'],
    ['Russia has at most 600,000 troops in Ukraine.', 'at-most'],
    ['Russia has no more than 600,000 troops in Ukraine.', 'at-most'],
    ['Russia has nearly 600,000 troops in Ukraine.', 'nearly'],
    ['Russia has almost 600,000 troops in Ukraine.', 'nearly'],
    ['Output slipped below nine million barrels per day.', 'below'],
    ['Output stayed above nine million barrels per day.', 'above'],
    ['Russia could send up to 600,000 troops.', 'up-to'],
    ['The surplus climbed to a record $74 billion.', 'record'],
  ])('%s → %s', (s, qualifier) => {
    expect(one(s).qualifier).toBe(qualifier);
  });

  it('"over" after "control" is a preposition', () => {
    expect(one('Ukraine keeps control over a few hundred square miles.').qualifier).toBe('about');
  });
  it('a qualifier must stand next to its number ("up to a sky-high 21 percent" is exact)', () => {
    expect(one('The key rate went up to a sky-high 21 percent.').qualifier).toBe('exact');
  });
  it('"at least in the hundreds daily"', () => {
    const m = one('High casualties, estimated by analysts as at least in the hundreds daily.');
    expect([m.qualifier, m.unit, m.low, m.high]).toEqual(['at-least', 'casualties-per-day', 100, 999]);
  });
});

describe('not figures', () => {
  it.each([
    'Moscow lost ground in 2024.',
    'Kyiv has fought since 2022.',
    'The talks were held on Feb. 12 in Riyadh.',
    'The conference runs February 14-16 in Munich.',
    'On 24 February 2022 Russia invaded.',
    'In 2024 Russian troops advanced.',
    'It was the third anniversary of the war.',
    'He came 2nd in the vote.',
    'At 3 p.m. on Tuesday the sirens sounded.',
    'The clock showed 10:30 when it hit.',
    'The Group of Seven met in Canada.',
    'Ukraine wants more F-16 jets and fewer Su-34 strikes.',
    'COVID-19 slowed the economy.',
    'Article 5 of the treaty was invoked.',
    'A pro-war blog, Two Majors, quoted a fighter.',
    'The New York Times 2025-02-14 00:11:28',
    'One Russian lawmaker said so.',
    'Trust between the two countries grew.',
    'Mr. Trump’s actions in the last two days signalled a thaw.',
    'The invasion began nearly three years ago.',
    'A third said it was a day of good news.',
    'It returned to its pre-2014 borders.',
  ])('%s', (s) => {
    expect(find(s)).toEqual([]);
  });

  it('an amount restated in brackets is noted, not proposed', () => {
    const result = findNumbers('The budget is 13.5 trillion roubles ($145 billion) this year.', vocab);
    expect(result.mentions).toHaveLength(1);
    expect(result.mentions[0]!.unit).toBe('rub');
    expect(result.notes[0]).toMatch(/\$145 billion.*restates/);
  });
});
