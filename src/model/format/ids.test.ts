import { describe, expect, it } from 'vitest';
import { NAME_SLUG, ENTITY_SLUG, FILE_NAME_SLUG, slugify } from './ids';

/*
 * The five slug functions this one replaced, as they were, so that every id and file name is shown to come out
 * as before: the pack's source and figure ids (src/extract/ids.ts), the ids of an article's actors, places and
 * events (src/extract/entities-text.ts), briefing ids (src/model/briefing/briefing.ts), a new measure's id
 * (measureIdFor, src/model/corrections/corrections.ts) and chart file names (src/components/export-image.ts).
 */
function packIdBefore(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > 0 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

function entityIdBefore(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > 10 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, '');
}

function briefingIdBefore(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'briefing';
}

function measureIdBefore(label: string): string {
  return (
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50)
      .replace(/-+$/, '') || 'measure'
  );
}

function fileNameBefore(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const pack = (text: string, max?: number) => slugify(text, max);
const entity = (text: string, max?: number) => slugify(text, max, ENTITY_SLUG);
const briefing = (name: string) => slugify(name, 60, NAME_SLUG) || 'briefing';
const measure = (label: string) => slugify(label, 50, NAME_SLUG) || 'measure';
const fileName = (title: string) => slugify(title, Infinity, FILE_NAME_SLUG);

/** Real titles, names and labels: accents, curly and straight quotes, dashes, compatibility letters, long titles. */
const REAL = [
  'Reuters / The Economist',
  'Weekly brief — 4 Déc!',
  'Russia’s war economy',
  "Russia's war economy",
  '“Kursk” & ‘trade’, 100%',
  'Volodymyr Zelensky',
  'Recep Tayyip Erdoğan',
  'Kuo Jyh-Huei',
  'Zürich, São Paulo and Kraków',
  'Ukraine’s Armed Forces say Russia lost more than 1,500 troops a day in the battle for Pokrovsk',
  'U.S. and Ukraine sign the reconstruction investment fund agreement in Washington after weeks of talks',
  'Trump doubles Canada steel and aluminium tariffs to 50% – effective immediately',
  'Sudan’s children bear the brunt of a civil war now in its third year, UNICEF and MSF say',
  'Area: 1,200 km² of farmland',
  'ﬁnal ﬂows of Ｇ７ aid',
  'Ⅻ Corps',
  'İstanbul talks',
  'Straße der Einheit',
  'Naïve café déjà vu',
  'Pakistan train hijacking: death toll rises to 26 as militants hold passengers hostage in Balochistan',
  '!!!',
  '',
  '   ',
  'a',
  'Supercalifragilisticexpialidocious-and-then-some-more-words-that-run-on-and-on',
  'Averyveryveryveryverylongfirstwordthatneverendsatallreallyitjustgoesonandon here',
];

describe('slugify', () => {
  it('makes plain kebab-case ASCII', () => {
    expect(slugify('Reuters / The Economist')).toBe('reuters-the-economist');
    expect(slugify('Déjà vu')).toBe('deja-vu');
    expect(slugify('Russia’s war economy')).toBe('russias-war-economy');
    expect(slugify('!!!')).toBe('');
  });

  it('cuts a long slug after a whole word, mid-word only when the first word is longer', () => {
    expect(slugify('Ukraine’s Armed Forces say Russia lost', 20)).toBe('ukraines-armed');
    expect(slugify('abc-def', 3)).toBe('abc');
    expect(slugify('Supercalifragilistic expialidocious', 10)).toBe('supercalif');
  });

  it('keeps each rule’s way with apostrophes, accents and long names', () => {
    expect(slugify('Russia’s war economy', 60, NAME_SLUG)).toBe('russia-s-war-economy');
    expect(slugify('Zürich', Infinity, FILE_NAME_SLUG)).toBe('zu-rich');
    expect(slugify('Brand™ sales', Infinity, FILE_NAME_SLUG)).toBe('brand-sales');
    expect(slugify('Brand™ sales')).toBe('brandtm-sales');
    expect(slugify('1,200 km²', 60, ENTITY_SLUG)).toBe('1-200-km');
    expect(slugify('1,200 km²')).toBe('1-200-km2');
    expect(slugify('abcdefghijkl mnop qrst', 17, ENTITY_SLUG)).toBe('abcdefghijkl');
    expect(slugify('abcdefghijkl mnop qrst', 17)).toBe('abcdefghijkl-mnop');
  });

  it.each(REAL)('gives the ids and file names it always gave for %j', (text) => {
    for (const max of [3, 10, 17, 24, 32, 48, 50, 60, 80]) {
      expect(pack(text, max)).toBe(packIdBefore(text, max));
      expect(entity(text, max)).toBe(entityIdBefore(text, max));
    }
    expect(pack(text)).toBe(packIdBefore(text));
    expect(entity(text)).toBe(entityIdBefore(text));
    expect(briefing(text)).toBe(briefingIdBefore(text));
    expect(measure(text)).toBe(measureIdBefore(text));
    expect(fileName(text)).toBe(fileNameBefore(text));
  });

  it('gives the same as before for every character of the Basic Multilingual Plane', () => {
    const differ: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue;
      const text = `Ab${String.fromCharCode(code)}cd ef`;
      if (
        pack(text, 6) !== packIdBefore(text, 6) ||
        entity(text, 6) !== entityIdBefore(text, 6) ||
        briefing(text) !== briefingIdBefore(text) ||
        measure(text) !== measureIdBefore(text) ||
        fileName(text) !== fileNameBefore(text)
      ) {
        differ.push(code.toString(16));
      }
    }
    expect(differ).toEqual([]);
  });
});
