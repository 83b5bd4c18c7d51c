import { describe, expect, it } from 'vitest';
import { makeActor, makeDataset, makeTopic } from '../testing/fixtures';
import { actorsIn, topicsIn } from './entities';
import { spellingVariants, surnameOf } from './entities-actors';

const dataset = makeDataset({
  actors: [
    makeActor({ id: 'donald-trump', name: 'Donald Trump', country: 'US' }),
    makeActor({ id: 'vladimir-putin', name: 'Vladimir Putin' }),
    makeActor({ id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', country: 'UA', aliases: ['Zelenskiy'] }),
    makeActor({ id: 'bonnie-glaser', name: 'Bonnie S. Glaser', country: 'US' }),
    makeActor({ id: 'lai-ching-te', name: 'Lai Ching-te', country: 'TW' }),
    makeActor({ id: 'ana-swanson', name: 'Ana Swanson', country: 'US' }),
    makeActor({ id: 'john-swanson', name: 'John Swanson', country: 'US' }),
    makeActor({ id: 'nato', name: 'North Atlantic Treaty Organization', kind: 'organisation', country: null }),
    makeActor({ id: 'iiss', name: 'International Institute for Strategic Studies', kind: 'think-tank', country: 'GB' }),
    makeActor({ id: 'russian-government', name: 'Kremlin', kind: 'government', aliases: ['Moscow'] }),
    makeActor({ id: 'new-york-times', name: 'The New York Times', kind: 'media', country: 'US' }),
  ],
});

describe('actorsIn', () => {
  it('finds known actors by full name and alias, in order, each once', () => {
    expect(actorsIn('Donald Trump spoke to Vladimir Putin; the Kremlin confirmed it.', dataset)).toEqual([
      'donald-trump',
      'vladimir-putin',
      'russian-government',
    ]);
  });

  it('finds a person by surname alone, with titles and possessives', () => {
    expect(actorsIn('Mr. Trump said President Putin’s envoy would come.', dataset)).toEqual([
      'donald-trump',
      'vladimir-putin',
    ]);
    expect(actorsIn('Vladimir V. Putin of Russia', dataset)).toEqual(['vladimir-putin']);
    expect(actorsIn('As Glaser put it', dataset)).toEqual(['bonnie-glaser']);
  });

  it('reads the spelling variants of a Slavic surname', () => {
    for (const spelling of ['Zelensky', 'Zelenskiy', 'Zelenskyy', 'Zelenskyi']) {
      expect(actorsIn(`President ${spelling} said so.`, dataset)).toEqual(['volodymyr-zelensky']);
    }
    expect(actorsIn('Volodymyr Zelenskyy', dataset)).toEqual(['volodymyr-zelensky']);
  });

  it('does not read an ambiguous surname, or one with another first name', () => {
    expect(actorsIn('Swanson reported from Washington.', dataset)).toEqual([]);
    expect(actorsIn('Ana Swanson reported.', dataset)).toEqual(['ana-swanson']);
    expect(actorsIn('Eric Trump spoke.', dataset)).toEqual([]);
  });

  it('reads an East Asian family name first', () => {
    expect(surnameOf('Lai Ching-te')).toBe('Lai');
    expect(surnameOf('Bonnie S. Glaser')).toBe('Glaser');
    expect(actorsIn('Mr. Lai pledged more spending.', dataset)).toEqual(['lai-ching-te']);
  });

  it('reads acronyms of organisations and names without "The"', () => {
    expect(actorsIn('NATO allies and Nato officials heard the IISS.', dataset)).toEqual(['nato', 'iiss']);
    expect(actorsIn('according to the New York Times', dataset)).toEqual(['new-york-times']);
  });

  it('is case-sensitive and whole-word', () => {
    expect(actorsIn('a trump card; Putinism', dataset)).toEqual([]);
  });

  it('spells Slavic surname variants', () => {
    expect(spellingVariants('Zelensky')).toEqual(expect.arrayContaining(['Zelenskiy', 'Zelenskyy', 'Zelenski']));
    expect(spellingVariants('Peskov')).toEqual(['Peskov']);
  });
});

describe('topicsIn', () => {
  const topics = makeDataset({
    topics: [
      makeTopic({
        id: 'tariffs',
        label: 'Tariffs',
        description: 'US tariffs threatened or imposed, and the exemptions cancelled.',
      }),
      makeTopic({
        id: 'sanctions-energy',
        label: 'Sanctions and energy',
        description: 'Sanctions on Russia, its oil output, tankers and refineries.',
      }),
      makeTopic({ id: 'casualties', label: 'Casualties', description: 'Estimates of soldiers killed or injured.' }),
      makeTopic({ id: 'brand-new', label: 'Shipbuilding', description: 'Naval shipyards and their output.' }),
    ],
  });

  it('finds topics by label, description and synonyms, best first', () => {
    expect(topicsIn('New duties and a levy on steel imports', topics)).toEqual(['tariffs']);
    expect(topicsIn('A drone hit a refinery and two oil tankers; three people were killed.', topics)).toEqual([
      'sanctions-energy',
      'casualties',
    ]);
    expect(topicsIn('Shipbuilding orders doubled.', topics)).toEqual(['brand-new']);
  });

  it('finds none in unrelated text', () => {
    expect(topicsIn('The weather was fine.', topics)).toEqual([]);
  });
});
