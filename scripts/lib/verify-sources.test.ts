import { describe, expect, it } from 'vitest';
import { storyTexts, verifySources, type VerifyInput } from './verify-sources';

const seed = [
  'Intro line that repeats the lead.',
  'Tanks story',
  'Moscow lost 1,400 tanks in 2024 and is struggling, said the “report”.',
  'Oil story',
  'Russia’s production slipping below nine million barrels per day — said executives.',
].join('\n');

function input(overrides: Partial<VerifyInput> = {}): VerifyInput {
  return {
    sources: [
      { id: 'tanks', seedFile: 'a.txt', seedStart: 'Tanks story' },
      { id: 'oil', seedFile: 'a.txt', seedStart: 'Oil story' },
    ],
    figures: [
      { id: 'tanks-2024', value: 1400, stated: '1,400', quote: 'Moscow lost 1,400 tanks in 2024', sourceId: 'tanks' },
      {
        id: 'oil-output',
        value: 9e6,
        stated: 'nine million barrels per day',
        quote: "Russia's production slipping below nine million barrels per day - said executives",
        sourceId: 'oil',
      },
    ],
    actors: [{ id: 'iiss', statements: [{ quote: 'is struggling, said the "report"', sourceId: 'tanks' }] }],
    seeds: { 'a.txt': seed },
    ...overrides,
  };
}

describe('storyTexts', () => {
  it('cuts each story from its start to the next story in the same file', () => {
    const { texts, errors } = storyTexts(input().sources, input().seeds);
    expect(errors).toEqual([]);
    expect(texts.get('tanks')).toContain('1,400 tanks');
    expect(texts.get('tanks')).not.toContain('nine million');
    expect(texts.get('oil')).toContain('nine million');
  });

  it('reports a story start that is not in the file', () => {
    const { errors } = storyTexts([{ id: 'x', seedFile: 'a.txt', seedStart: 'No such headline' }], input().seeds);
    expect(errors).toEqual(['sources x: the story start "No such headline" is not in a.txt']);
  });

  it('reports a missing seed file', () => {
    const { errors } = storyTexts([{ id: 'x', seedFile: 'gone.txt', seedStart: 'Tanks story' }], input().seeds);
    expect(errors).toEqual(['sources x: seed file "gone.txt" not found']);
  });
});

describe('verifySources', () => {
  it('passes a dataset whose quotes and numbers match (typography normalised)', () => {
    expect(verifySources(input())).toEqual([]);
  });

  it('fails a quote that was altered', () => {
    const base = input();
    const figures = [{ ...base.figures[0]!, quote: 'Moscow lost 1,400 tanks during 2024' }, base.figures[1]!];
    expect(verifySources({ ...base, figures })).toEqual([
      'figures.json[0] tanks-2024: quote not found verbatim in tanks: "Moscow lost 1,400 tanks during 2024"',
    ]);
  });

  it('fails a quote attributed to the wrong story and says where it is', () => {
    const base = input();
    const figures = [{ ...base.figures[0]!, sourceId: 'oil' }, base.figures[1]!];
    expect(verifySources({ ...base, figures })[0]).toMatch(/quote not found verbatim in oil \(it is in tanks\)/);
  });

  it('fails a figure whose value its quote does not state', () => {
    const base = input();
    const figures = [{ ...base.figures[0]!, value: 1500 }, base.figures[1]!];
    expect(verifySources({ ...base, figures })).toEqual(['figures.json[0] tanks-2024: 1500 is not stated by "1,400"']);
  });

  it('does not check the number of a derived figure, only its quote', () => {
    const base = input();
    const figures = [
      { ...base.figures[0]!, value: 700, derived: { formula: '1,400 ÷ 2', from: ['tanks-2024'] } },
      base.figures[1]!,
    ];
    expect(verifySources({ ...base, figures })).toEqual([]);
  });

  it('fails a statement that is not in its story', () => {
    const base = input();
    const actors = [{ id: 'iiss', statements: [{ quote: 'Russia is winning', sourceId: 'tanks' }] }];
    expect(verifySources({ ...base, actors })).toEqual([
      'actors.json[0] iiss statements[0]: quote not found verbatim in tanks: "Russia is winning"',
    ]);
  });

  it('lists every failure, not just the first', () => {
    const base = input();
    const figures = base.figures.map((f) => ({ ...f, quote: `${f.quote} (edited)` }));
    expect(verifySources({ ...base, figures })).toHaveLength(2);
  });
});

describe('articles brought in with npm run import (data/articles/)', () => {
  const article = 'Kyiv said on Monday that 42 drones were shot down overnight, the air force’s “best night”.';
  const withArticle = (overrides: Partial<VerifyInput> = {}): VerifyInput => {
    const base = input();
    return {
      ...base,
      sources: [...base.sources, { id: 'drones', articleFile: 'drones.txt' }],
      figures: [
        ...base.figures,
        {
          id: 'drones-down',
          value: 42,
          stated: '42 drones',
          quote: '42 drones were shot down overnight',
          sourceId: 'drones',
        },
      ],
      actors: [
        ...base.actors,
        { id: 'air-force', statements: [{ quote: 'the air force\'s "best night"', sourceId: 'drones' }] },
      ],
      articles: { 'drones.txt': article },
      ...overrides,
    };
  };

  it('checks quotes and numbers against the whole article file, beside the seed stories', () => {
    expect(verifySources(withArticle())).toEqual([]);
  });

  it('fails a quote that is not in the article file', () => {
    const base = withArticle();
    const figures = base.figures.map((f) =>
      f.id === 'drones-down' ? { ...f, quote: '42 drones were shot down' + ' on Sunday' } : f,
    );
    expect(verifySources({ ...base, figures })).toEqual([
      'figures.json[2] drones-down: quote not found verbatim in drones: "42 drones were shot down on Sunday"',
    ]);
  });

  it('fails a number its quote in the article does not state', () => {
    const base = withArticle();
    const figures = base.figures.map((f) => (f.id === 'drones-down' ? { ...f, value: 24 } : f));
    expect(verifySources({ ...base, figures })).toEqual([
      'figures.json[2] drones-down: 24 is not stated by "42 drones"',
    ]);
  });

  it('reports an article file that is missing', () => {
    expect(verifySources(withArticle({ articles: {} }))).toContain(
      'sources drones: article file "drones.txt" not found',
    );
  });

  it('reports a source with no text to check against', () => {
    const { errors } = storyTexts([{ id: 'bare' }], {});
    expect(errors).toEqual(['sources bare: neither "articleFile" nor "seedFile" and "seedStart": no text to check']);
  });
});
