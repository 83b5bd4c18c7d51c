import { describe, expect, it } from 'vitest';
import units from '../../data/units.json';
import type { Figure, UnitInfo } from '../model/dataset/schema';
import { sentenceTerms } from './counted-noun';
import { labelFor, tidyLabel } from './label';
import { suggestMeasure } from './suggest-measure';
import { findNumbers } from './numbers';
import { unitVocabulary } from './unit-words';

const vocab = unitVocabulary(units as UnitInfo[]);
/** The label of the figure stated as `stated` in sentence `s`, as the engine makes it. */
const label = (s: string, stated: string, scope?: string) => {
  const m = findNumbers(s, vocab).mentions.find((x) => s.slice(x.start, x.end) === stated);
  if (!m)
    throw new Error(
      `no figure "${stated}" in ${JSON.stringify(findNumbers(s, vocab).mentions.map((x) => s.slice(x.start, x.end)))}`,
    );
  return labelFor({
    s,
    start: m.start,
    end: m.end,
    numberAt: m.at,
    unitWords: m.unitWords,
    unit: vocab.info.get(m.unit) ?? m.proposedUnit,
    change: m.change,
    terms: sentenceTerms(s),
    scope,
    others: findNumbers(s, vocab).mentions.filter((x) => x !== m),
  });
};

describe('labels a briefer would keep, from real sentences', () => {
  it.each([
    // what is counted, and what happened to it
    [
      'Russia’s attacks have killed nearly 11,000 people and displaced millions more.',
      'nearly 11,000 people',
      'People killed',
    ],
    [
      'Russia’s attacks have killed nearly 11,000 people and displaced millions more.',
      'millions more',
      'People displaced',
    ],
    ['Chaudhry said 354 passengers were freed, 37 of whom were injured.', '354 passengers', 'Passengers freed'],
    [
      'TSMC will invest, creating over 25,000 direct construction and manufacturing jobs.',
      'over 25,000 direct construction and manufacturing jobs',
      'Direct construction and manufacturing jobs',
    ],
    // what an amount is in, of or for
    [
      'This includes $500 million in new funding for energy assistance.',
      '$500 million',
      'New funding for energy assistance',
    ],
    ['NATO allies have spent an additional $1.21 trillion on defense.', '$1.21 trillion', 'Spending on defense'],
    [
      'The European Union’s executive arm has proposed an $873 billion plan for rearming Europe.',
      '$873 billion',
      'Plan for rearming Europe',
    ],
    ['Trump hit exports with a new 25% levy on electricity.', '25%', 'Levy on electricity'],
    // a share of something, a level of something
    ['We went from producing nearly 40% of the world’s capacity.', 'nearly 40%', 'Share of world’s capacity'],
    ['Sanctions pushed up inflation to almost 10 percent.', 'almost 10 percent', 'Inflation'],
    ['Russia imposed record-high interest rates over 20 percent.', 'over 20 percent', 'Record-high interest rates'],
    [
      'Approximately one in four met the criteria for PTSD.',
      'Approximately one in four',
      'Share who met the criteria for PTSD',
    ],
    // a change names what changed
    [
      'Russia’s seaborne crude exports fell 16,000 bpd last week.',
      '16,000 bpd',
      'Fall in Russia’s seaborne crude exports',
    ],
    // durations and shares of GDP say so
    ['An unconditional 30-day interim ceasefire would be a start.', '30-day', 'Interim ceasefire, length'],
    ['Russia spends over 9% of its GDP on the military.', 'over 9% of its GDP', 'Military spending, share of GDP'],
  ])('%s → «%s»', (s, stated, expected) => {
    expect(label(s, stated)).toBe(expected);
  });

  it('adds the scope it is given, and never twice', () => {
    expect(label('Moscow lost 1,400 tanks in 2024.', '1,400 tanks', 'in 2024')).toBe('Tanks lost in 2024');
    expect(label('The UNHCR’s 2020 budget was over $9.1 billion.', 'over $9.1 billion', 'in 2020')).not.toMatch(
      /2020.*2020/,
    );
  });

  it('is at most 60 characters, capitalised, with no dangling word', () => {
    const long = tidyLabel(
      'the humanitarian assistance from the State Department and USAID to the people of Ukraine in the winter of',
    );
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^[A-Z]/);
    expect(long).not.toMatch(/\s(?:of|the|to|in|and)$/);
  });
});

describe('suggested measures', () => {
  const tracked = [
    {
      id: 'a',
      unit: 'tanks',
      label: 'Russian tanks lost in 2024',
      measure: 'russia-tank-losses',
      countries: ['RU'],
      period: '2024',
    },
    {
      id: 'b',
      unit: 'percent',
      label: 'Share of Ukraine occupied by Russia',
      measure: 'occupied-share-of-ukraine',
      countries: ['UA', 'RU'],
      date: '2025-02-13',
    },
  ] as Figure[];

  it('suggests a tracked measure only when unit, countries and scope agree and the labels share words, saying why', () => {
    const s = suggestMeasure(
      { label: 'Russian tanks lost in 2025', unit: 'tanks', countries: ['RU'], period: '2025' },
      tracked,
    );
    expect(s?.measure).toBe('russia-tank-losses');
    expect(s?.reason).toMatch(/same unit \(tanks\).*same country \(RU\).*same scope/i);
  });

  it('suggests nothing when the scope differs (a total since 2022 is not a year’s losses)', () => {
    expect(
      suggestMeasure(
        {
          label: 'Russian tanks lost since Feb 2022',
          unit: 'tanks',
          countries: ['RU'],
          period: '2022-02-24/2025-02-12',
        },
        tracked,
      ),
    ).toBeUndefined();
  });

  it('suggests nothing for another subject or another unit (a share of drones downed is no share of land)', () => {
    expect(
      suggestMeasure(
        { label: 'Russian tanks lost in 2025', unit: 'tanks', countries: ['UA'], period: '2025' },
        tracked,
      ),
    ).toBeUndefined();
    expect(
      suggestMeasure(
        { label: 'Share of drones shot down', unit: 'percent', countries: ['UA', 'RU'], date: '2025-02-12' },
        tracked,
      ),
    ).toBeUndefined();
  });
});
