import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleStories, readArticles } from '../../scripts/lib/extract-bench';
import { parseDataset, type RawDataset } from '../model/dataset/load-dataset';
import { PackSchema, type Pack } from '../model/pack/pack-schema';
import { DATA_FILES, type DataFileName, type Figure } from '../model/dataset/schema';
import { extractPack } from './extract-pack';
import { parseGazetteer } from './gazetteer';
import { readableText } from './html';
import type { ArticleInput, ExtractContext } from './types';

const ROOT = resolve(import.meta.dirname, '..', '..');
const raw = Object.fromEntries(
  (Object.keys(DATA_FILES) as DataFileName[]).map((n) => [
    n,
    JSON.parse(readFileSync(join(ROOT, 'data', `${n}.json`), 'utf8')) as unknown,
  ]),
) as RawDataset;
const loaded = parseDataset(raw);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const dataset = loaded.dataset;
const gazetteer = parseGazetteer(JSON.parse(readFileSync(join(ROOT, 'public', 'gazetteer', 'places.json'), 'utf8')));
const ctx: ExtractContext = { dataset, gazetteer };

const article = (text: string, extra: Partial<ArticleInput> = {}): ArticleInput => ({
  text,
  from: 'text',
  published: '2025-02-12',
  publisher: 'Reuters',
  title: 'Russian oil exports slide as drone strikes hit refineries',
  ...extra,
});

/** Everything a pack must hold whatever the article: valid, verbatim, proposed, unique ids. */
function expectSound(pack: Pack) {
  const parsed = PackSchema.safeParse(pack);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  const ids = [...pack.figures, ...pack.actors, ...pack.events, ...pack.places].map((i) => i.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const f of pack.figures) {
    expect(pack.article.text, f.id).toContain(f.quote);
    expect(f.quote, f.id).toContain(f.stated);
    expect(f.quote.split(/\s+/).length, f.quote).toBeLessThanOrEqual(30);
    expect(f.status).toBe('proposed');
    expect(f.addedAt).toBeUndefined();
    expect(f.sourceId).toBe(pack.source.id);
    expect(f.countries.length).toBeGreaterThan(0);
    expect(f.topics.length).toBeGreaterThan(0);
    // a unit the vocabulary lacks comes in with the pack, as a count
    expect(dataset.units.some((u) => u.id === f.unit) || pack.units.some((u) => u.id === f.unit)).toBe(true);
    // the engine never links a figure to a tracked measure: a measure of its own, at most a suggestion
    expect(f.measure).toBe(f.id);
    expect(f.label.length).toBeLessThanOrEqual(60);
  }
  for (const u of pack.units)
    expect(
      pack.figures.some((f) => f.unit === u.id),
      u.id,
    ).toBe(true);
  for (const s of pack.statements) expect(pack.article.text).toContain(s.quote);
  for (const a of pack.actors) for (const s of a.statements) expect(pack.article.text).toContain(s.quote);
}

const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'oil-and-drones.txt'), 'utf8');

describe('extractPack on an article', () => {
  const pack = extractPack(article(fixture), ctx);
  const byStated = (stated: string): Figure => {
    const f = pack.figures.find((x) => x.stated === stated);
    if (!f) throw new Error(`no figure stated "${stated}" in ${pack.figures.map((x) => x.stated).join(' | ')}`);
    return f;
  };

  it('is a sound pack', () => expectSound(pack));

  it('names the source by publisher, date and title', () => {
    expect(pack.source.id).toBe('reuters-2025-02-12-russian-oil-exports-slide-as-drone');
    expect(pack.source.id.length).toBeLessThanOrEqual(60);
    expect(pack.article).toEqual({ text: fixture, from: 'text' });
    expect(pack.extractedFor).toBe('2025-02-12');
  });

  it('proposes the figures with value, unit, qualifier, claimant and date', () => {
    expect(byStated('16,000 bpd')).toMatchObject({ value: -16_000, unit: 'barrels-per-day', qualifier: 'exact' });
    expect(byStated('about 3.1 million barrels per day')).toMatchObject({
      value: 3_100_000,
      qualifier: 'about',
      claimant: 'Bloomberg',
    });
    expect(byStated('three refineries')).toMatchObject({ value: 3, unit: 'refineries' });
    expect(pack.units).toContainEqual({
      id: 'refineries',
      label: 'refineries',
      singular: 'refinery',
      dimension: 'count',
    });
    expect(byStated('143 drones')).toMatchObject({ value: 143, unit: 'drones', claimant: "Ukraine's air force" });
    expect(byStated('12 people')).toMatchObject({ unit: 'deaths', claimant: 'The regional governor' });
    expect(byStated('30 others')).toMatchObject({ unit: 'casualties' });
    expect(byStated('€50 billion')).toMatchObject({ value: 50e9, unit: 'eur', period: '2024-02' });
    expect(byStated('3.6%')).toMatchObject({ value: 3.6, unit: 'percent', period: '2024' });
    expect(byStated('between 12% and 13%')).toMatchObject({ low: 12, high: 13, unit: 'percent' });
    expect(byStated('Some 6.8 million Ukrainians')).toMatchObject({ value: 6.8e6, qualifier: 'about' });
    expect(byStated('18 to 60')).toMatchObject({ low: 18, high: 60, unit: 'years' });
    expect(byStated('more than 3,600 tanks')).toMatchObject({ qualifier: 'more-than', claimant: 'Oryx' });
    expect(byStated('4,168 square kilometres')).toMatchObject({ unit: 'square-kilometres', period: '2024' });
    expect(byStated('Some 6.8 million Ukrainians')).toMatchObject({ period: '2022-02-24/2025-02-12' });
  });

  it('labels what is counted, whose and when, in words a briefer keeps', () => {
    expect(byStated('143 drones').label).toBe('Drones launched');
    expect(byStated('16,000 bpd').label).toBe("Fall in Russia's seaborne crude exports");
    expect(byStated('about 3.1 million barrels per day').label).toBe("Russia's seaborne crude exports");
    expect(byStated('€50 billion').label).toBe('Aid package for Ukraine');
    expect(byStated('more than 3,600 tanks').label).toBe('Tanks lost since Feb 2022');
    expect(byStated('4,168 square kilometres').label).toBe('Ukrainian territory captured in 2024');
  });

  it('says what it doubts, and is confident of the rest', () => {
    expect(byStated('three refineries').doubts?.join(' ')).toMatch(/new unit/);
    expect(byStated('143 drones').doubts).toBeUndefined();
  });

  it('notes the amount restated in brackets and proposes it once', () => {
    expect(pack.figures.some((f) => f.stated.includes('$54 billion'))).toBe(false);
    expect(pack.notes.some((n) => n.includes('$54 billion'))).toBe(true);
  });

  it('resolves relative dates against the publication date, with a note', () => {
    const drones = pack.figures.find((f) => f.stated === 'three refineries');
    expect(drones === undefined || drones.date === '2025-02-11').toBe(true);
    const exports = byStated('16,000 bpd');
    expect(exports.period).toBe('2025-02-03/2025-02-09');
    expect(exports.dateNote).toMatch(/last week/);
  });

  it('leaves out dates, names and times', () => {
    const stated = pack.figures.map((f) => f.stated).join(' | ');
    expect(stated).not.toMatch(/2022|2024|F-16|Seven|10:30/);
  });

  it('is deterministic', () => {
    expect(extractPack(article(fixture), ctx)).toEqual(pack);
  });
});

describe('extractPack on unusual input', () => {
  it('puts first the country that acts, whose colour the figure takes in the charts', () => {
    const pack = extractPack(
      article(
        "Ukraine's defence ministry said on Monday that 18% of Ukraine's land had been seized by Russia since 2014.",
      ),
      ctx,
    );
    expect(pack.figures.map((f) => f.countries)).toEqual([['RU', 'UA']]);
  });

  it('proposes nothing from a non-English article, and says so', () => {
    const text =
      'Россия может сократить добычу нефти на 500 тысяч баррелей в сутки в ближайшие месяцы, так как санкции США ограничивают доступ к 180 танкерам, сообщили три руководителя компаний.';
    const pack = extractPack(article(text), ctx);
    expectSound(pack);
    expect([pack.figures, pack.actors, pack.events, pack.places, pack.statements]).toEqual([[], [], [], [], []]);
    expect(pack.notes.join(' ')).toMatch(/not read as English/);
  });

  it('says so when an article states no figures', () => {
    const pack = extractPack(
      article('The minister met his counterpart in Kyiv and they discussed the war at length.'),
      ctx,
    );
    expectSound(pack);
    expect(pack.figures).toEqual([]);
    expect(pack.notes.join(' ')).toMatch(/No figures/);
  });

  it('reads HTML as text only: scripts are neither run nor quoted', () => {
    const html = `<html><head><script>window.pwned = 1</script></head><body><article>
      <p>Moscow lost 1,400 tanks in 2024 and is struggling to make new ones, the IISS said on Wednesday.</p>
      <script>document.body.innerHTML = 'Moscow lost 9,999 tanks'</script>
      <p>Russia occupies around a fifth of Ukraine and has demanded more territory under any peace deal.</p></article></body></html>`;
    const { text } = readableText(new DOMParser().parseFromString(html, 'text/html'));
    const pack = extractPack(article(text, { from: 'html' }), ctx);
    expectSound(pack);
    expect(pack.article.text).not.toMatch(/pwned|innerHTML|9,999/);
    expect(pack.figures.map((f) => f.stated)).toEqual(['1,400 tanks', 'around a fifth']);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it('gives a sound pack from any text made of news words, numbers and punctuation', () => {
    const pieces = [
      'Russia',
      'Ukraine',
      'Kyiv',
      'the',
      'said',
      'according to',
      'officials',
      'more than',
      'about',
      'nearly',
      'at least',
      '1,400',
      '$74 billion',
      '€5bn',
      '20-25%',
      '-14%',
      'nine million',
      'barrels per day',
      'bpd',
      'tanks',
      'drones',
      'hundreds of',
      'a third of',
      'a year',
      'in 2024',
      'last month',
      'on Wednesday',
      'F-16',
      '(63)',
      '(£4 billion)',
      'between',
      'and',
      'fell',
      'rose',
      ',',
      '.',
      '“',
      '”',
      '—',
      '\n',
      'U.S.',
      'Mr.',
      'killed',
      'square miles',
      '0',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 80 }), (words) => {
        const text = `Russia and Ukraine said the war in Ukraine goes on. ${words.join(' ')}`;
        const pack = extractPack(article(text), ctx);
        expectSound(pack);
        expect(extractPack(article(text), ctx)).toEqual(pack);
      }),
      { numRuns: 40, seed: 10 },
    );
  });

  it('fills a missing title and publisher, drops an address that is not one, refuses a date that is not one', () => {
    const pack = extractPack(article(fixture, { title: ' ', publisher: '', url: 'javascript:alert(1)' }), ctx);
    expectSound(pack);
    expect(pack.source.title).toBe('Russian oil exports slide as drone strikes hit refineries');
    expect(pack.source.publisher).toBe('Unknown publisher');
    expect(pack.source.url).toBeUndefined();
    expect(pack.notes.join(' ')).toMatch(/not a web address/);
    expect(() => extractPack(article(fixture, { published: '12/02/2025' }), ctx)).toThrow(/2025-02-14/);
  });

  it('reports progress from 0 to 1', () => {
    const seen: number[] = [];
    extractPack(article(fixture), ctx, (fraction) => seen.push(fraction));
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});

describe('extractPack on the nine seed stories', () => {
  const stories = articleStories(dataset.sources, readArticles(join(ROOT, 'data', 'articles')));
  // As if the articles were new: the dashboard without the shipped figures.
  const fresh: ExtractContext = { dataset: { ...dataset, figures: [] }, gazetteer };
  const packs = stories.map((story) =>
    extractPack(
      { text: story.text, from: 'text', published: story.published, publisher: story.publisher, title: story.title },
      fresh,
    ),
  );

  it('gives a sound pack for every story', () => {
    expect(stories).toHaveLength(9);
    packs.forEach(expectSound);
  });

  it('finds most shipped figures, by value, unit and an overlapping verbatim quote', () => {
    let found = 0;
    for (const figure of dataset.figures) {
      const pack = packs[stories.findIndex((s) => s.sourceId === figure.sourceId)]!;
      const text = pack.article.text.replace(/[‘’]/g, "'");
      const want = text.indexOf(figure.quote.replace(/[‘’]/g, "'"));
      const hit = pack.figures.some((p) => {
        const at = text.indexOf(p.quote.replace(/[‘’]/g, "'"));
        const overlap = want >= 0 && at < want + figure.quote.length && want < at + p.quote.length;
        const same =
          p.value !== undefined && figure.value !== undefined
            ? Math.abs(p.value - figure.value) < 0.06
            : p.low === figure.low && p.high === figure.high;
        return overlap && same && p.unit === figure.unit;
      });
      if (hit) found++;
    }
    expect(found / dataset.figures.length).toBeGreaterThanOrEqual(0.9);
  });
});
