import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES, type Choices } from './store';
import {
  CHOICE_KEYS,
  sameSearch,
  searchToState,
  stateToSearch,
  URL_PARAMS,
  type UrlParams,
  type UrlVocabulary,
} from './url';

const vocab: UrlVocabulary = {
  countries: new Set(['UA', 'RU', 'US', 'TW']),
  topics: new Set(['tariffs', 'casualties', 'peace-talks']),
  actors: new Set(['volodymyr-zelensky', 'vladimir-putin']),
  figures: new Set(['russia-key-rate']),
  events: new Set(['trump-putin-call']),
};

const choices = (overrides: Partial<Choices>): Choices => ({ ...DEFAULT_CHOICES, ...overrides });

describe('stateToSearch', () => {
  it('leaves out every default', () => {
    expect(stateToSearch(DEFAULT_CHOICES)).toBe('');
  });

  it('writes lists with readable commas', () => {
    expect(stateToSearch(choices({ countries: ['TW', 'US'], topics: ['tariffs'] }))).toBe(
      'country=TW,US&topic=tariffs',
    );
  });

  it('writes every parameter', () => {
    expect(
      stateToSearch(
        choices({ actor: 'vladimir-putin', q: 'oil output', view: 'brief', slide: 3, figure: 'russia-key-rate' }),
      ),
    ).toBe('actor=vladimir-putin&q=oil+output&view=brief&slide=3&figure=russia-key-rate');
  });

  it('leaves out blank search text', () => {
    expect(stateToSearch(choices({ q: '   ' }))).toBe('');
  });
});

describe('searchToState', () => {
  it('reads the defaults from an empty query', () => {
    expect(searchToState('', vocab)).toEqual({ choices: DEFAULT_CHOICES, dropped: [] });
  });

  it.each([
    choices({ countries: ['TW'] }),
    choices({ countries: ['UA', 'RU'], topics: ['peace-talks', 'casualties'] }),
    choices({ actor: 'volodymyr-zelensky', q: 'Kursk & “trade”, 100%' }),
    choices({ view: 'brief', slide: 7 }),
    choices({ figure: 'russia-key-rate' }),
    choices({ event: 'trump-putin-call' }),
  ])('round-trips %j', (original) => {
    const { choices: parsed, dropped } = searchToState(`?${stateToSearch(original)}`, vocab);
    expect(dropped).toEqual([]);
    expect(parsed).toEqual(original);
  });

  it('drops unknown values and says which', () => {
    const { choices: parsed, dropped } = searchToState('?country=ZZ,TW&topic=nope&slide=-3', vocab);
    expect(parsed).toEqual(choices({ countries: ['TW'] }));
    expect(dropped).toEqual([
      'country=ZZ (unknown country)',
      'topic=nope (unknown topic)',
      'slide=-3 (expected a whole number from 1)',
    ]);
  });

  it('drops a bad view, actor, figure and unknown parameters', () => {
    const { choices: parsed, dropped } = searchToState(
      'view=slideshow&actor=nobody&figure=x&event=y&utm_source=mail',
      vocab,
    );
    expect(parsed).toEqual(DEFAULT_CHOICES);
    expect(dropped).toEqual([
      'actor=nobody (unknown actor)',
      'view=slideshow (expected explore or brief)',
      'figure=x (unknown figure)',
      'event=y (unknown event)',
      'utm_source (unknown parameter)',
    ]);
  });

  it('accepts lower-case country codes and ignores duplicates and empty items', () => {
    expect(searchToState('country=tw,,TW,ua', vocab).choices.countries).toEqual(['TW', 'UA']);
  });

  it.each(['0', '1.5', 'abc', '', '99999999999999999999'])('rejects slide=%s', (slide) => {
    const { choices: parsed, dropped } = searchToState(`slide=${slide}`, vocab);
    expect(parsed.slide).toBe(1);
    expect(dropped).toHaveLength(1);
  });

  it('caps very long search text', () => {
    expect(searchToState(`q=${'a'.repeat(500)}`, vocab).choices.q).toHaveLength(200);
  });

  it('survives malformed percent-encoding', () => {
    expect(() => searchToState('q=%E0%A4%A&country=%', vocab)).not.toThrow();
  });
});

describe('sameSearch', () => {
  it('compares choices as the URL sees them', () => {
    expect(sameSearch(choices({ q: ' ' }), DEFAULT_CHOICES)).toBe(true);
    expect(sameSearch(choices({ countries: ['TW'] }), DEFAULT_CHOICES)).toBe(false);
  });
});

describe('front line, comparison, briefing and timeline scale', () => {
  it.each([
    choices({ frontline: '2025-01-01' }),
    choices({ frontline: '2025-02-13', compare: '2024-08-01' }),
    choices({ since: 'briefing-2025-02-14-a1b2' }),
    choices({ scale: 'war' }),
  ])('round-trips %j', (original) => {
    const { choices: parsed, dropped } = searchToState(`?${stateToSearch(original)}`, vocab);
    expect(dropped).toEqual([]);
    expect(parsed).toEqual(original);
  });

  it('writes them in a stable order and leaves out the default scale', () => {
    expect(stateToSearch(choices({ frontline: '2025-01-01', compare: '2024-08-01', scale: 'week' }))).toBe(
      'frontline=2025-01-01&compare=2024-08-01',
    );
  });

  it('drops impossible dates, odd briefing ids and unknown scales, saying why', () => {
    const { choices: parsed, dropped } = searchToState(
      '?frontline=2025-02-30&compare=last-week&since=../x&scale=year',
      vocab,
    );
    expect(parsed).toEqual(DEFAULT_CHOICES);
    expect(dropped).toEqual([
      'frontline=2025-02-30 (expected a date as YYYY-MM-DD)',
      'compare=last-week (expected a date as YYYY-MM-DD)',
      'since=../x (expected a briefing id)',
      'scale=year (expected week or war)',
    ]);
  });
});

describe('the parameter table', () => {
  /** A value other than the default for every choice: a choice added without one fails `tsc` here too. */
  const SAMPLES: { [K in keyof Choices]: Choices[K] } = {
    countries: ['UA', 'TW'],
    topics: ['peace-talks'],
    actor: 'vladimir-putin',
    q: 'oil output',
    single: true,
    view: 'brief',
    slide: 4,
    figure: 'russia-key-rate',
    event: 'trump-putin-call',
    frontline: '2025-02-13',
    compare: '2024-08-01',
    since: 'weekly-brief-4-dec',
    scale: 'war',
  };

  it.each(CHOICE_KEYS)('round-trips %s on its own, under its own parameter', (name) => {
    const original = { ...DEFAULT_CHOICES, [name]: SAMPLES[name] };
    expect(original).not.toEqual(DEFAULT_CHOICES);
    const search = stateToSearch(original);
    expect(search).toMatch(new RegExp(`^${URL_PARAMS[name].key}=[^&]+$`));
    expect(searchToState(search, vocab)).toEqual({ choices: original, dropped: [] });
  });

  it('round-trips every parameter at once, in the table’s order', () => {
    const search = stateToSearch(SAMPLES);
    expect(search.split('&').map((p) => p.split('=')[0])).toEqual(CHOICE_KEYS.map((name) => URL_PARAMS[name].key));
    expect(searchToState(search, vocab)).toEqual({ choices: SAMPLES, dropped: [] });
  });

  it('names each parameter once and gives the store its defaults', () => {
    const keys = CHOICE_KEYS.map((name) => URL_PARAMS[name].key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const name of CHOICE_KEYS) expect(DEFAULT_CHOICES[name]).toEqual(URL_PARAMS[name].default);
  });

  it('has a row for every choice (checked by tsc)', () => {
    const { since: _since, ...withoutSince } = URL_PARAMS;
    // @ts-expect-error -- a choice without a row does not compile
    const _missing: UrlParams = withoutSince;
    expect(Object.keys(withoutSince)).toHaveLength(CHOICE_KEYS.length - 1);
  });
});
