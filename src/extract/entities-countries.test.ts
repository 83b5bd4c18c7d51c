import { describe, expect, it } from 'vitest';
import { countriesIn } from './entities';
import { shippedGazetteer } from './entities-testing';

const gaz = shippedGazetteer();
const codes = (text: string) => countriesIn(text, gaz);

describe('countriesIn', () => {
  it('finds countries by name, in order of first mention, each once', () => {
    expect(codes('Ukraine and Russia traded blame as Ukraine counted the damage.')).toEqual(['UA', 'RU']);
  });

  it('reads other names and abbreviations, case-sensitively', () => {
    expect(codes('The U.S. and Britain agreed.')).toEqual(['US', 'GB']);
    expect(codes('Officials in the United States said the UK would join.')).toEqual(['US', 'GB']);
    expect(codes('US officials met America’s allies.')).toEqual(['US']);
    expect(codes('Let us hope they tell us more.')).toEqual([]);
  });

  it('reads demonyms, plurals and possessives', () => {
    expect(codes('Russian forces pushed on; Ukrainians dug in.')).toEqual(['RU', 'UA']);
    expect(codes('Taiwanese chip makers and Chinese officials met American buyers.')).toEqual(['TW', 'CN', 'US']);
    expect(codes("Ukraine’s army and Russia's navy")).toEqual(['UA', 'RU']);
  });

  it('reads well-known cities and seats of government', () => {
    expect(codes('Talks in Kyiv, Moscow and Washington')).toEqual(['UA', 'RU', 'US']);
    expect(codes('Taipei watched Beijing closely.')).toEqual(['TW', 'CN']);
    expect(codes('The Kremlin said the White House had called.')).toEqual(['RU', 'US']);
    expect(codes('Fighting near Pokrovsk and Kiev')).toEqual(['UA']);
  });

  it('does not read a city that is part of a longer name', () => {
    expect(codes('George Washington crossed the river.')).toEqual([]);
    expect(codes('The Washington Post reported it.')).toEqual([]);
  });

  it('tells Georgia the country from the US state', () => {
    expect(codes('Georgia, a former Soviet republic, borders Russia.')).toEqual(['GE', 'RU']);
    expect(codes('Voters in Atlanta, Georgia, went to the polls.')).not.toContain('GE');
    expect(codes('Michael Jordan visited.')).toEqual([]);
    expect(codes('Jordan closed its airspace.')).toEqual(['JO']);
  });

  it('does not read regions that contain a country word', () => {
    expect(codes('Latin American and South American markets')).toEqual([]);
    expect(codes('A North American buyer')).toEqual([]);
  });

  it('matches whole words only', () => {
    expect(codes('Russianness and Ukrainianisms are words.')).toEqual([]);
  });
});
