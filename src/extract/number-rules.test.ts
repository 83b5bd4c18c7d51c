/**
 * Each rule of `number-rules.ts`, pinned on real sentences (from the development corpus, the seed stories,
 * or news prose of the same shape). Every rule has cases: the last test checks that none is left out.
 */
import { describe, expect, it } from 'vitest';
import units from '../../data/units.json';
import type { UnitInfo } from '../model/dataset/schema';
import { NUMBER_RULES } from './number-rules';
import { findNumbers } from './numbers';
import { unitVocabulary } from './unit-words';

const vocab = unitVocabulary(units as UnitInfo[]);

interface Found {
  stated: string;
  value?: number | [number, number];
  unit?: string;
  qualifier?: string;
  change?: 'rise' | 'fall';
}

/** The figures of a sentence, as short records. */
function figures(s: string): Found[] {
  return findNumbers(s, vocab).mentions.map((m) => ({
    stated: s.slice(m.start, m.end),
    value: m.value ?? [m.low!, m.high!],
    unit: m.unit,
    qualifier: m.qualifier,
    ...(m.change ? { change: m.change } : {}),
  }));
}

/** Each rule: sentences, and the figures they state (a subset of each figure's fields). */
const CASES: Record<string, [string, Partial<Found>[]][]> = {
  'not dates or names': [
    ['The F-16 jets promised by the Group of Seven arrived at 10:30 on Monday.', []],
    ['Northrop Grumman will sign letters with nations to purchase MQ-4C Tritons.', []],
    ['Zelensky presented a 12-point plan for peace.', []],
    ['One of those sellers is single mother Patricia Lamou, 33, a 33-year-old widow.', []],
    ['Seoul says North Korea sent 122-millimeter artillery shells made in 2023.', []],
    [
      'Ukraine’s Defence Ministry launched a recruitment drive to attract 18-to-24-year-olds.',
      [{ stated: '18-to-24-year-olds', value: [18, 24], unit: 'years' }],
    ],
  ],
  'currency symbol': [
    ['Taiwan’s trade surplus climbed to $74 billion last year.', [{ value: 74e9, unit: 'usd' }]],
    ['Revenue stood at S$1 billion in 2017.', [{ value: 1e9, unit: 'sgd' }]],
    ['London pledged £2.26 billion in loans.', [{ value: 2.26e9, unit: 'gbp' }]],
  ],
  'written sign': [
    ['GDP growth was -14% last quarter.', [{ value: -14, unit: 'percent' }]],
    ['Estimates of the effect run 0.4%–1.1% of output.', [{ stated: '0.4%–1.1%', value: [0.4, 1.1], unit: 'percent' }]],
  ],
  'scale word': [
    ['Vinnik has to forfeit $100-million to the US government.', [{ value: 100e6, unit: 'usd' }]],
    ['Exports to China were worth $3.2bn.', [{ value: 3.2e9, unit: 'usd' }]],
  ],
  cents: [['Brent rose 45 cents on the day.', [{ value: 0.45, unit: 'usd', change: 'rise' }]]],
  'unit words': [
    ['Ukraine’s peak power demand reached 14.1 gigawatts on Monday.', [{ value: 14.1, unit: 'gigawatts' }]],
    ['The bomb weighed 816 kg (1,800 pounds).', [{ value: 816, unit: 'kilograms' }]],
    ['The truck carried 1,800 pounds of aid.', [{ value: 1800, unit: 'pounds' }]],
    ['The fund is worth 26 billion baht.', [{ value: 26e9, unit: 'thb' }]],
    ['Europe imported 45 bcm of LNG last year.', [{ value: 45e9, unit: 'cubic-metres' }]],
    ['An unconditional 30-day interim ceasefire would be a start.', [{ stated: '30-day', value: 30, unit: 'days' }]],
    [
      'Kenya and Somalia dispute a 100,000-square-kilometer stretch of the Indian Ocean.',
      [{ value: 100_000, unit: 'square-kilometres' }],
    ],
  ],
  'share of GDP': [
    [
      'Russia spends over 9% of its GDP on the military.',
      [{ value: 9, unit: 'percent-of-gdp', qualifier: 'more-than' }],
    ],
  ],
  ages: [
    ['Men aged 18 to 60 are barred from leaving.', [{ value: [18, 60], unit: 'years' }]],
    ['Fogel (63) was serving a sentence.', [{ value: 63, unit: 'years' }]],
  ],
  'counted noun': [
    ['Russia fielded 212 different kinds of armoured vehicle.', [{ value: 212, unit: 'kinds-of-armoured-vehicle' }]],
    [
      '18 off-duty military and paramilitary Frontier Corps personnel, three railway staff and five civilian passengers were among those killed.',
      [
        { value: 18, unit: 'people' },
        { value: 3, unit: 'people' },
        { value: 5, unit: 'people' },
      ],
    ],
    ['Families hold an average of 280 funerals a day.', [{ value: 280, unit: 'funerals-per-day', qualifier: 'about' }]],
    ['The U.S. imposed sanctions on dozens of oilfield service providers.', [{ value: [24, 99], unit: 'providers' }]],
    ['In 16 of the recorded cases, the children were under the age of five.', [{ value: 16, unit: 'cases' }]],
  ],
  ranges: [
    ['Estimates run to 640,000–877,000 people.', [{ value: [640_000, 877_000], unit: 'people' }]],
    [
      'Russia lost between 210,000 and 300,000 soldiers.',
      [{ stated: 'between 210,000 and 300,000 soldiers', value: [210_000, 300_000] }],
    ],
    ['The truce would last two or three months.', [{ value: [2, 3], unit: 'months' }]],
    ['112,000–190,000 have died, the think tank estimates.', [{ value: [112_000, 190_000], unit: 'deaths' }]],
  ],
  'from–to pairs': [
    [
      'The retail cost of chicken has jumped from $5 to $12 in Cameroon.',
      [
        { value: 5, unit: 'usd' },
        { value: 12, unit: 'usd' },
      ],
    ],
    [
      'Spain will increase the number of U.S. destroyers stationed in Rota from four to six.',
      [
        { value: 4, unit: 'destroyers' },
        { value: 6, unit: 'destroyers' },
      ],
    ],
  ],
  'standing alone': [
    ['61,200 are listed as missing, officials said.', [{ value: 61_200, unit: 'people' }]],
    [
      'Chaudhry said 354 passengers were freed, 37 of whom were injured.',
      [{ value: 354 }, { value: 37, unit: 'people' }],
    ],
    [
      'The attacks killed nearly 11,000 people and displaced millions more.',
      [{ unit: 'deaths' }, { value: [1e6, 999e6], unit: 'people' }],
    ],
    [
      'Producers supply less than 20 million of the 150 million chickens needed.',
      [
        { value: 20e6, unit: 'chickens', qualifier: 'less-than' },
        { value: 150e6, unit: 'chickens' },
      ],
    ],
    [
      'Putin faces mounting casualties – over 600,000 since the start of this war.',
      [{ value: 600_000, unit: 'casualties' }],
    ],
  ],
  'prices and rates': [
    [
      'Benchmark oil prices have fallen almost $35 per barrel.',
      [{ stated: 'almost $35 per barrel', unit: 'usd', change: 'fall' }],
    ],
    ['These measures will drain billions of dollars per month from the Kremlin.', [{ unit: 'usd-per-month' }]],
    [
      'Russia’s military has been suffering roughly 1,000 casualties a day.',
      [{ unit: 'casualties-per-day', qualifier: 'about' }],
    ],
  ],
  'killed or injured': [
    ['Fighting has killed or injured hundreds of thousands of troops.', [{ unit: 'casualties' }]],
    ['12,300 civilians have died in the war.', [{ unit: 'deaths' }]],
  ],
  'restated in brackets': [
    ['Thailand anticipated 26 billion baht ($860 million) in revenue.', [{ value: 26e9, unit: 'thb' }]],
    ['The budget is 13.5 trillion roubles ($145 billion) this year.', [{ unit: 'rub' }]],
  ],
  'not figures': [
    ['In 2024 Russian troops advanced.', []],
    ['Trust between the two countries grew.', []],
    ['The invasion began nearly three years ago.', []],
    ['The retail cost of 1.5 kilograms of chicken has jumped.', []],
    ['“I have nine orphaned children here,” she said.', []],
    ['Obtaining a picture after four and a half years of war has proved hard.', []],
    ['Trump called Canada “one of the highest tariffing nations anywhere.”', []],
  ],
  qualifier: [
    ['Russia has an estimated 600,000 troops in Ukraine.', [{ qualifier: 'about' }]],
    ['The Dow was off a bit more than a percentage point.', [{ qualifier: 'more-than', unit: 'percentage-points' }]],
    ['Ukraine keeps control over a few hundred square miles.', [{ qualifier: 'about' }]],
    ['Scores of chicken sellers held a sit-in.', [{ qualifier: 'at-least', unit: 'chicken-sellers' }]],
  ],
  changes: [
    [
      'Exports fell 16,000 bpd last week to about 3.1 million barrels per day.',
      [{ value: -16_000, change: 'fall' }, { value: 3.1e6 }],
    ],
    [
      'Russia captured about 40 fewer square miles than in December.',
      [{ value: -40, unit: 'square-miles', change: 'fall' }],
    ],
    ['Moscow lost 1,400 tanks in 2024.', [{ value: 1400, unit: 'tanks' }]],
    ['Prices for chicken have more than doubled.', [{ value: 2, unit: 'times', qualifier: 'more-than' }]],
    ['Output was halved.', [{ value: -50, unit: 'percent', change: 'fall' }]],
  ],
  'needs a unit': [
    ['He said 45 was the right number.', []],
    ['It happened 300 times before.', []],
  ],
};

describe.each(NUMBER_RULES.map((rule) => [rule.name, rule] as const))('rule: %s', (name, rule) => {
  it('says what it does', () => {
    expect(rule.does.length).toBeGreaterThan(20);
  });
  it.each(CASES[name] ?? [])('%s', (s, want) => {
    const got = figures(s);
    expect(got, JSON.stringify(got)).toHaveLength(want.length);
    want.forEach((w, i) => expect(got[i]).toMatchObject(w));
  });
});

it('every rule is pinned on real sentences', () => {
  for (const rule of NUMBER_RULES) expect(CASES[rule.name]?.length ?? 0, rule.name).toBeGreaterThan(0);
  expect(Object.keys(CASES).sort()).toEqual(NUMBER_RULES.map((r) => r.name).sort());
});

it('a new unit comes with what it counts: label, singular, dimension "count"', () => {
  const m = findNumbers('Families hold 280 funerals every week.', vocab).mentions[0]!;
  expect(m.proposedUnit).toMatchObject({ id: 'funerals-per-week', dimension: 'rate' });
  const n = findNumbers('Ukraine has 14 refineries.', vocab).mentions[0]!;
  expect(n.proposedUnit).toEqual({ id: 'refineries', label: 'refineries', singular: 'refinery', dimension: 'count' });
});

it('says what it left out and why', () => {
  const found = findNumbers('The invasion began nearly three years ago, in 2022.', vocab);
  expect(found.mentions).toEqual([]);
  expect(found.dropped.map((d) => d.why).join(' ')).toMatch(/relative|year/);
});
