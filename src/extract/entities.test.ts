import { describe, expect, it } from 'vitest';
import { makeActor, makeCountry, makeDataset, makeEvent, makePlace, makeTopic } from '../testing/fixtures';
import { ActorSchema, EventSchema, Id, PlaceSchema } from '../model/dataset/schema';
import { PackStatementSchema } from '../model/pack/pack-schema';
import { extractEntities, GAZETTEER_COORDINATE_SOURCE } from './entities';
import { shippedGazetteer } from './entities-testing';
import { splitSentences } from './sentences';
import type { ArticleInput, ExtractContext } from './types';

const ARTICLE = [
  'Russian forces pushed towards Pokrovsk on Tuesday, Ukraine’s military said, as drones hit Kiev overnight.',
  'Defence Secretary Pete Hegseth told allies in Brussels on Wednesday that a return to the old borders was unrealistic.',
  '“We must be realistic about what can be achieved at the table,” Hegseth said.',
  '“Chasing this goal will only prolong the war.”',
  'Olena Kovalenko, a senior analyst at the Razom Centre in Kyiv, said the talks would fail.',
  '“Nobody in Kyiv believes a deal is close,” she said.',
  'Mr. Trump said last month that he would end the war quickly.',
  '“It is going very well,” Trump told reporters.',
  'Reading the report, officials said mobile phones were banned.',
].join('\n');

const input: ArticleInput = {
  text: ARTICLE,
  from: 'text',
  published: '2025-03-06',
  publisher: 'Test Wire',
  title: 'Russian forces push towards Pokrovsk',
};

const dataset = makeDataset({
  topics: [
    makeTopic({
      id: 'peace-talks',
      label: 'Peace talks',
      description: 'Calls, meetings and proposals to end the war.',
    }),
    makeTopic({
      id: 'territory',
      label: 'Territory',
      description: 'Ground occupied, captured or held, and the front line.',
    }),
    makeTopic({ id: 'military-balance', label: 'Military balance', description: 'Forces, equipment and manpower.' }),
  ],
  countries: [
    makeCountry({ id: 'UA', name: 'Ukraine' }),
    makeCountry({ id: 'RU', name: 'Russia' }),
    makeCountry({ id: 'US', name: 'United States' }),
  ],
  actors: [makeActor({ id: 'donald-trump', name: 'Donald Trump', country: 'US', topics: ['peace-talks'] })],
  places: [makePlace({ id: 'kyiv', name: 'Kyiv', lat: 50.45466, lon: 30.5238, country: 'UA' })],
  // An existing id that a new place would otherwise take.
  events: [makeEvent({ id: 'pokrovsk', topics: ['territory'] })],
});
const ctx: ExtractContext = { dataset, gazetteer: shippedGazetteer() };
const run = () => extractEntities(splitSentences(ARTICLE), input, ctx, 'test-wire-2025-03-06-russian-forces');

describe('extractEntities', () => {
  const result = run();

  it('proposes a new person with the role the text gives and their verbatim statements', () => {
    const hegseth = result.actors.find((a) => a.name === 'Pete Hegseth');
    expect(hegseth).toMatchObject({ id: 'pete-hegseth', kind: 'person', status: 'proposed' });
    expect(hegseth?.role.toLowerCase()).toContain('defence secretary');
    expect(hegseth?.statements.map((s) => s.quote)).toEqual([
      'We must be realistic about what can be achieved at the table',
      'Chasing this goal will only prolong the war.',
    ]);
  });

  it('attributes "she said" to the person who spoke just before, with the role from an apposition', () => {
    const analyst = result.actors.find((a) => a.name === 'Olena Kovalenko');
    expect(analyst?.role).toBe('Senior analyst at the Razom Centre in Kyiv.');
    expect(analyst?.country).toBe('UA');
    expect(analyst?.statements.map((s) => s.quote)).toEqual(['Nobody in Kyiv believes a deal is close']);
  });

  it('matches known actors instead of proposing them, and puts their quotes in statements', () => {
    expect(result.actors.some((a) => /Trump/.test(a.name))).toBe(false);
    expect(result.statements).toEqual([
      expect.objectContaining({ actorId: 'donald-trump', quote: 'It is going very well', status: 'proposed' }),
    ]);
  });

  it('keeps every quote verbatim and short, and every item valid', () => {
    const quotes = [
      ...result.statements.map((s) => s.quote),
      ...result.actors.flatMap((a) => a.statements.map((s) => s.quote)),
    ];
    for (const q of quotes) {
      expect(ARTICLE).toContain(q);
      expect(q.split(/\s+/).length).toBeLessThanOrEqual(30);
    }
    for (const a of result.actors) expect(ActorSchema.safeParse(a).success).toBe(true);
    for (const p of result.places) expect(PlaceSchema.safeParse(p).success).toBe(true);
    for (const e of result.events) expect(EventSchema.safeParse(e).success).toBe(true);
    for (const s of result.statements) expect(PackStatementSchema.safeParse(s).success).toBe(true);
  });

  it('matches places to the gazetteer, reusing the dashboard’s own (Kiev is Kyiv)', () => {
    const pokrovsk = result.places.find((p) => p.name === 'Pokrovsk');
    expect(pokrovsk).toMatchObject({ country: 'UA', coordinateSource: GAZETTEER_COORDINATE_SOURCE });
    expect(pokrovsk?.lat).toBeCloseTo(48.28, 1);
    expect(result.places.map((p) => p.name)).not.toContain('Kyiv');
    expect(result.places.map((p) => p.name)).toContain('Brussels');
    const first = result.events.find((e) => e.date === '2025-03-04');
    expect(first?.placeIds).toEqual(expect.arrayContaining([pokrovsk!.id, 'kyiv']));
  });

  it('does not read everyday words as places', () => {
    expect(result.places.map((p) => p.name)).toEqual(expect.not.arrayContaining(['Reading', 'Mobile']));
  });

  it('dates events against the publication date and says how', () => {
    const byDate = Object.fromEntries(result.events.map((e) => [e.date, e]));
    expect(byDate['2025-03-04']?.dateNote).toMatch(/"Tuesday" read as 2025-03-04 in an article of/);
    expect(byDate['2025-03-05']?.actorIds).toContain('pete-hegseth');
    expect(byDate['2025-03-05']?.title.split(' ').length).toBeLessThanOrEqual(12);
    expect(byDate['2025-02']?.actorIds).toEqual(['donald-trump']);
    expect(byDate['2025-02']?.dateNote).toMatch(/"last month" read as 2025-02/);
    expect(result.events.every((e) => e.sourceIds[0] === 'test-wire-2025-03-06-russian-forces')).toBe(true);
    // Sentences without a date make no event.
    expect(result.events).toHaveLength(3);
  });

  it('proposes countries the dashboard does not list', () => {
    expect(result.countries).toEqual([{ id: 'BE', name: 'Belgium', status: 'proposed' }]);
  });

  it('gives unique kebab-case ids that do not clash with the dataset', () => {
    const ids = [...result.actors, ...result.places, ...result.events].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(Id.safeParse(id).success).toBe(true);
    expect(result.places.find((p) => p.name === 'Pokrovsk')?.id).toBe('pokrovsk-2');
  });

  it('is deterministic', () => {
    expect(run()).toEqual(result);
  });
});

describe('extractEntities on wire copy', () => {
  const WIRE = [
    'KYIV, Ukraine (AP) — Russian troops captured two villages near Kupiansk on Sunday, Russia’s Defense Ministry said.',
    'NATO Secretary-General Mark Rutte told reporters in Brussels on Monday that allies would send more air defence.',
    '“Ukraine must be in the strongest possible position,” Rutte said.',
    'Oleksandr Syrskyi, Ukraine’s top military commander, said last week that losses had grown.',
    'In Russia’s Kursk region, acting Gov. Alexander Khinshtein said a drone struck a building in Sudzha.',
  ].join('\n');
  const wire: ArticleInput = { ...input, text: WIRE, published: '2025-02-17', publisher: 'AP' };
  const known = makeDataset({
    topics: dataset.topics,
    countries: dataset.countries,
    actors: [
      makeActor({ id: 'nato', name: 'North Atlantic Treaty Organization', kind: 'organisation', country: null }),
    ],
    places: [],
    events: [],
  });
  const result = extractEntities(
    splitSentences(WIRE),
    wire,
    { dataset: known, gazetteer: shippedGazetteer() },
    'ap-2025-02-17',
  );
  const actor = (name: string) => result.actors.find((a) => a.name === name);

  it('reads titles that start with a body’s acronym, and spells out abbreviated ones', () => {
    expect(actor('Mark Rutte')).toMatchObject({ role: 'NATO secretary-general.', kind: 'person' });
    expect(actor('Mark Rutte')?.statements.map((s) => s.quote)).toEqual([
      'Ukraine must be in the strongest possible position',
    ]);
    expect(actor('Alexander Khinshtein')?.role).toBe('Governor.');
    expect(actor('Oleksandr Syrskyi')).toMatchObject({ role: 'Ukraine’s top military commander.', country: 'UA' });
  });

  it('names an organisation with the country that owns it', () => {
    expect(actor('Russia’s Defense Ministry')).toMatchObject({ kind: 'government', country: 'RU' });
  });

  it('names a place as the article spells it', () => {
    expect(result.places.find((p) => p.country === 'UA')).toMatchObject({ id: 'kupiansk', name: 'Kupiansk' });
    expect(result.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Brussels', 'Kursk', 'Sudzha']));
  });

  it('leaves the dateline out of a title, and dates "last week" to its month', () => {
    const first = result.events.find((e) => e.date === '2025-02-16');
    expect(first?.title).toBe('Russian troops captured two villages near Kupiansk');
    const week = result.events.find((e) => e.actorIds.includes('oleksandr-syrskyi'));
    expect(week).toMatchObject({ date: '2025-02' });
    expect(week?.dateNote).toMatch(/"last week" read as the week of 2025-02-10/);
  });
});

describe('extractEntities on British punctuation', () => {
  const UK = [
    '‘We will not give up Ukraine’s land,’ said Andriy Kovalenko, a Ukrainian security official.',
    'He added: ‘The front is holding.’',
  ].join('\n');
  const result = extractEntities(splitSentences(UK), { ...input, text: UK }, ctx, 'uk-2025-03-06');

  it('reads ‘single’ quotes, keeping apostrophes inside them', () => {
    const official = result.actors.find((a) => a.name === 'Andriy Kovalenko');
    expect(official?.statements.map((s) => s.quote)).toEqual([
      'We will not give up Ukraine’s land',
      'The front is holding.',
    ]);
  });
});

describe('extractEntities on titles and organisations', () => {
  const TEXT = [
    'MOSCOW, Feb 20 (Reuters) - The Russian-installed governor Mikhail Razvozhayev said a drone was shot down on Thursday.',
    'European Commission President Ursula von der Leyen said the EU would propose new sanctions.',
    '"There is no military solution," U.N. Secretary-General Antonio Guterres told the General Assembly.',
    'The International Committee of the Red Cross said it had visited prisoners.',
  ].join('\n');
  const result = extractEntities(
    splitSentences(TEXT),
    { ...input, text: TEXT, published: '2025-02-20' },
    ctx,
    'r-2025-02-20',
  );
  const actor = (name: string) => result.actors.find((a) => a.name === name);

  it('reads the role from a lower-case title or an organisation before the name', () => {
    expect(actor('Mikhail Razvozhayev')?.role).toBe('Russian-installed governor.');
    expect(actor('Ursula von der Leyen')?.role).toBe('European Commission president.');
  });

  it('attributes a quote across a sentence split at an abbreviation', () => {
    expect(actor('Antonio Guterres')?.statements.map((s) => s.quote)).toEqual(['There is no military solution']);
  });

  it('reads an organisation whose cue word is followed by "of"', () => {
    expect(actor('International Committee of the Red Cross')?.kind).toBe('organisation');
  });

  it('leaves a wire dateline out of the title', () => {
    expect(result.events[0]?.title).toBe(
      'The Russian-installed governor Mikhail Razvozhayev said a drone was shot down',
    );
  });
});

describe('extractEntities on two titled names joined by "and"', () => {
  const TEXT =
    'Talks were held by phone with Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky on Wednesday.\n' +
    'Zelensky said he wanted a “security shield” from the deal.';
  const bare = makeDataset({
    topics: dataset.topics,
    countries: dataset.countries,
    actors: [],
    places: [],
    events: [],
  });
  const result = extractEntities(
    splitSentences(TEXT),
    { ...input, text: TEXT },
    { dataset: bare, gazetteer: shippedGazetteer() },
    'x-2025-03-06',
  );

  it('proposes both people, each with their own title', () => {
    expect(result.actors.map((a) => [a.name, a.role, a.country])).toEqual([
      ['Vladimir Putin', 'Russian president.', 'RU'],
      ['Volodymyr Zelensky', 'Ukrainian president.', 'UA'],
    ]);
  });

  it('does not take two borrowed words in quotation marks for a statement', () => {
    expect(result.actors.flatMap((a) => a.statements)).toEqual([]);
  });
});
