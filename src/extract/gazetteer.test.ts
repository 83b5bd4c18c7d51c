import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_PATH } from './entities-testing';
import { parseGazetteer, type Gazetteer } from './gazetteer';

const raw = readFileSync(GAZETTEER_PATH, 'utf8');

describe('parseGazetteer', () => {
  const gaz: Gazetteer = parseGazetteer(JSON.parse(raw));
  const place = (name: string, country: string) => gaz.places.find((p) => p.name === name && p.country === country);
  const country = (id: string) => gaz.countries.find((c) => c.id === id);

  it('accepts the shipped gazetteer, with its licence', () => {
    expect(gaz.places.length).toBeGreaterThan(5000);
    expect(gaz.licence).toMatch(/GeoNames.*CC BY 4\.0/);
    expect(gaz.licence).toMatch(/world-countries.*ODbL/);
  });

  it('keeps to the size budget (≤ 150 KB gzipped)', () => {
    expect(gzipSync(raw).length).toBeLessThanOrEqual(150 * 1024);
  });

  it('has small front-line towns and the spellings journalists use', () => {
    for (const name of ['Pokrovsk', 'Chasiv Yar', 'Toretsk', 'Bakhmut', 'Kramatorsk'])
      expect(place(name, 'UA')).toBeDefined();
    expect(place('Sudzha', 'RU')).toBeDefined();
    expect(place('Kyiv', 'UA')?.alt).toContain('Kiev');
    expect(place('Kharkiv', 'UA')?.alt).toContain('Kharkov');
    expect(place('Odessa', 'UA')?.alt).toContain('Odesa');
    expect(gaz.places.find((p) => p.alt?.includes('Zaporizhzhia'))?.country).toBe('UA');
    expect(gaz.places.find((p) => p.alt?.includes('Avdiivka'))?.country).toBe('UA');
    expect(place('Taipei', 'TW')?.capital).toBe(true);
  });

  it('has countries with their other names and demonyms, Taiwan included', () => {
    expect(country('TW')).toMatchObject({ name: 'Taiwan' });
    expect(country('TW')?.demonyms).toContain('Taiwanese');
    expect(country('US')?.names).toEqual(expect.arrayContaining(['the United States', 'U.S.', 'US', 'America']));
    expect(country('US')?.demonyms).toContain('American');
    expect(country('GB')?.names).toEqual(expect.arrayContaining(['Britain', 'UK']));
    expect(country('CN')?.demonyms).toContain('Chinese');
  });

  it('lists no place names that are everyday words', () => {
    for (const word of ['Bar', 'Reading', 'Mobile', 'Split'])
      expect(gaz.places.some((p) => p.name === word)).toBe(false);
  });

  it('rejects a malformed file and names the field', () => {
    expect(() =>
      parseGazetteer({ places: [], countries: [{ id: 'usa', name: 'x', names: [], demonyms: [] }], licence: 'x' }),
    ).toThrow(/countries\.0\.id/);
    expect(() => parseGazetteer({ places: [], countries: [] })).toThrow(/licence/);
    expect(() => parseGazetteer(null)).toThrow(/not valid/);
  });
});
