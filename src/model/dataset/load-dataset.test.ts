import { describe, expect, it } from 'vitest';
import sources from '../../../data/sources.json';
import topics from '../../../data/topics.json';
import countries from '../../../data/countries.json';
import units from '../../../data/units.json';
import figures from '../../../data/figures.json';
import actors from '../../../data/actors.json';
import events from '../../../data/events.json';
import places from '../../../data/places.json';
import measures from '../../../data/measures.json';
import { DatasetError, formatPath, loadDataset, parseDataset, type RawDataset } from './load-dataset';
import { makeActor, makeDataset, makeEvent, makeFigure, makeSource } from '../../testing/fixtures';

function errorsOf(raw: RawDataset): string[] {
  const result = parseDataset(raw);
  if (result.ok) throw new Error('expected the dataset to be rejected');
  return result.errors;
}

describe('the shipped dataset', () => {
  const dataset = loadDataset({ sources, topics, countries, units, figures, actors, events, places, measures });

  it('loads without errors and is frozen', () => {
    expect(dataset.figures.length).toBeGreaterThanOrEqual(35);
    expect(dataset.actors.length).toBeGreaterThanOrEqual(50);
    expect(Object.isFrozen(dataset.figures[0])).toBe(true);
  });

  it('has one source per story: six Reuters and three New York Times', () => {
    const count = (publisher: string) => dataset.sources.filter((s) => s.publisher === publisher).length;
    expect(count('Reuters')).toBe(6);
    expect(count('The New York Times')).toBe(3);
  });

  it('ranks the five lead figures 1 to 5', () => {
    const leads = dataset.figures
      .filter((f) => f.lead !== undefined)
      .sort((a, b) => a.lead! - b.lead!)
      .map((f) => f.measure);
    expect(leads).toEqual([
      'russia-tank-losses',
      'russia-oil-output',
      'russia-casualties-per-day',
      'taiwan-trade-surplus-us',
      'russia-key-rate',
    ]);
  });

  it('keeps both casualty estimates as separate figures of one measure', () => {
    const casualties = dataset.figures.filter((f) => f.measure === 'russia-casualties-per-day');
    expect(casualties.map((f) => f.claimant).sort()).toEqual(['Military analysts', 'Western officials']);
  });
});

describe('validation errors name the file, the index and the field', () => {
  it('reports a wrong type', () => {
    const raw = makeDataset({
      figures: [makeFigure(), makeFigure({ id: 'second', value: '1400' as unknown as number })],
    });
    expect(errorsOf(raw)).toEqual([expect.stringMatching(/^figures\.json\[1\]\.value: .*expected number/i)]);
  });

  it('reports a unit outside the vocabulary in units.json', () => {
    const raw = makeDataset({ figures: [makeFigure({ unit: 'bananas' })] });
    expect(errorsOf(raw)).toEqual(['figures.json[0].unit: unknown unit "bananas" (not in units.json)']);
  });

  it('reports a malformed entry of the unit vocabulary', () => {
    const raw = makeDataset({ units: [{ id: 'tanks', label: 'tanks', dimension: 'count', scale: -1 }] });
    expect(errorsOf(raw)[0]).toMatch(/^units\.json\[0\]\.scale: /);
  });

  it('reports a nested path inside statements', () => {
    const raw = makeDataset({ actors: [makeActor({ statements: [{ quote: '', sourceId: 'test-story' }] })] });
    expect(errorsOf(raw)[0]).toMatch(/^actors\.json\[0\]\.statements\[0\]\.quote: /);
  });

  it('reports a missing required field', () => {
    const { claimant: _omit, ...noClaimant } = makeFigure();
    const raw = makeDataset({ figures: [noClaimant as never] });
    expect(errorsOf(raw)[0]).toMatch(/^figures\.json\[0\]\.claimant: /);
  });

  it('rejects a figure with both a value and a range, or neither', () => {
    const both = makeDataset({ figures: [makeFigure({ low: 1, high: 2 })] });
    expect(errorsOf(both)[0]).toMatch(/^figures\.json\[0\]\.value: expected either "value" or both "low" and "high"/);
    const neither = makeDataset({ figures: [makeFigure({ value: undefined })] });
    expect(errorsOf(neither)[0]).toMatch(/^figures\.json\[0\]\.value: /);
  });

  it('rejects "stated" words that are not in the quote', () => {
    const raw = makeDataset({ figures: [makeFigure({ stated: '1,500' })] });
    expect(errorsOf(raw)[0]).toMatch(/^figures\.json\[0\]\.stated: .*"1,500" is not in it/);
  });

  it('rejects an unknown key, so typos in field names do not pass silently', () => {
    const raw = makeDataset({ sources: [{ ...makeSource(), titel: 'typo' } as never] });
    expect(errorsOf(raw)[0]).toMatch(/^sources\.json(\[0\])?: .*titel/);
  });

  it('rejects a file that is not an array', () => {
    const raw = { ...makeDataset(), events: { not: 'an array' } };
    expect(errorsOf(raw)[0]).toMatch(/^events\.json: .*expected array/i);
  });

  it('reports a missing file', () => {
    const raw = { ...makeDataset(), places: undefined };
    expect(errorsOf(raw)).toEqual(['places.json: the file is missing']);
  });

  it('collects errors from several files in one run', () => {
    const raw = makeDataset({
      figures: [makeFigure({ unit: 'Not An Id' })],
      events: [makeEvent({ date: '12 Feb 2025' })],
    });
    const errors = errorsOf(raw);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^figures\.json\[0\]\.unit/);
    expect(errors[1]).toMatch(/^events\.json\[0\]\.date: expected YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});

describe('cross-checks', () => {
  it('reports a dangling actor id with its path', () => {
    const raw = makeDataset({ figures: [makeFigure({ actorIds: ['test-actor', 'nobody'] })] });
    expect(errorsOf(raw)).toEqual(['figures.json[0].actorIds[1]: unknown actor "nobody" (not in actors.json)']);
  });

  it('reports dangling source, topic, place and country ids', () => {
    const raw = makeDataset({
      figures: [makeFigure({ sourceId: 'no-story', countries: ['ZZ'] })],
      events: [makeEvent({ placeIds: ['atlantis'], topics: ['no-topic'] })],
    });
    expect(errorsOf(raw)).toEqual([
      'figures.json[0].sourceId: unknown source "no-story" (not in sources.json)',
      'figures.json[0].countries[0]: unknown country "ZZ" (not in countries.json)',
      'events.json[0].placeIds[0]: unknown place "atlantis" (not in places.json)',
      'events.json[0].topics[0]: unknown topic "no-topic" (not in topics.json)',
    ]);
  });

  it('reports a dangling source in an actor statement', () => {
    const raw = makeDataset({ actors: [makeActor({ statements: [{ quote: 'Some words here.', sourceId: 'gone' }] })] });
    expect(errorsOf(raw)).toEqual([
      'actors.json[0].statements[0].sourceId: unknown source "gone" (not in sources.json)',
    ]);
  });

  it('reports a duplicate id with both indexes', () => {
    const raw = makeDataset({ figures: [makeFigure(), makeFigure({ label: 'again' })] });
    expect(errorsOf(raw)).toEqual(['figures.json[1].id: duplicate id "test-tanks" (first used at [0])']);
  });

  it('reports a derived figure built from a figure that does not exist', () => {
    const raw = makeDataset({
      figures: [makeFigure({ derived: { formula: 'x ÷ 2', from: ['missing-figure'] } })],
    });
    expect(errorsOf(raw)).toEqual([
      'figures.json[0].derived.from[0]: unknown figure "missing-figure" (not in figures.json)',
    ]);
  });

  it('reports an event that ends before it starts', () => {
    const raw = makeDataset({ events: [makeEvent({ date: '2025-02-14', endDate: '2025-02-13' })] });
    expect(errorsOf(raw)).toEqual(['events.json[0].endDate: ends (2025-02-13) before it starts (2025-02-14)']);
  });

  it('throws a DatasetError listing every problem from loadDataset', () => {
    const raw = makeDataset({ figures: [makeFigure({ sourceId: 'nope' })] });
    expect(() => loadDataset(raw)).toThrow(DatasetError);
    expect(() => loadDataset(raw)).toThrow(/figures\.json\[0\]\.sourceId: unknown source "nope"/);
  });
});

describe('formatPath', () => {
  it('writes indexes in brackets and keys after dots', () => {
    expect(formatPath('figures', [12, 'derived', 'from', 0])).toBe('figures.json[12].derived.from[0]');
    expect(formatPath('events', [])).toBe('events.json');
  });
});
