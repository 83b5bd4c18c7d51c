/**
 * Small, valid fixtures for tests. Each factory returns a fresh object; pass overrides for what the
 * test is about. `makeDataset` links them so that the result loads cleanly.
 */
import type {
  Actor,
  Dataset,
  Event,
  Figure,
  Measure,
  Place,
  Source,
  Topic,
  Country,
  UnitInfo,
} from '../model/dataset/schema';
import unitsJson from '../../data/units.json';

/** The shipped unit vocabulary, so fixtures may use any of its units. */
export const unitsVocabulary = unitsJson as Dataset['units'];

export function makeSource(overrides: Partial<Source> = {}): Source {
  return {
    id: 'test-story',
    publisher: 'Test Wire',
    outlet: 'Test Outlet',
    title: 'Test headline about the war',
    published: '2025-02-12',
    seedFile: 'test.txt',
    seedStart: 'Test headline about the war',
    ...overrides,
  };
}

export function makeTopic(overrides: Partial<Topic> = {}): Topic {
  return { id: 'casualties', label: 'Casualties', description: 'Soldiers killed or injured.', ...overrides };
}

export function makeCountry(overrides: Partial<Country> = {}): Country {
  return { id: 'RU', name: 'Russia', ...overrides };
}

export function makeFigure(overrides: Partial<Figure> = {}): Figure {
  return {
    id: 'test-tanks',
    label: 'Tanks lost',
    measure: 'tank-losses',
    value: 1400,
    unit: 'tanks',
    qualifier: 'exact',
    stated: '1,400',
    period: '2024',
    countries: ['RU'],
    topics: ['casualties'],
    actorIds: ['test-actor'],
    claimant: 'IISS',
    sourceId: 'test-story',
    quote: 'Moscow lost 1,400 tanks in 2024',
    ...overrides,
  };
}

export function makeActor(overrides: Partial<Actor> = {}): Actor {
  return {
    id: 'test-actor',
    name: 'Test Actor',
    kind: 'person',
    country: 'RU',
    role: 'A person in the tests',
    topics: ['casualties'],
    statements: [{ quote: 'We said something quotable.', sourceId: 'test-story' }],
    ...overrides,
  };
}

export function makeEvent(overrides: Partial<Event> = {}): Event {
  return {
    id: 'test-event',
    date: '2025-02-12',
    title: 'Something happens',
    placeIds: ['test-place'],
    actorIds: ['test-actor'],
    topics: ['casualties'],
    sourceIds: ['test-story'],
    ...overrides,
  };
}

export function makePlace(overrides: Partial<Place> = {}): Place {
  return {
    id: 'test-place',
    name: 'Moscow',
    lat: 55.75,
    lon: 37.62,
    country: 'RU',
    coordinateSource: 'test fixture',
    ...overrides,
  };
}

/** A measure of the registry, for a test: by default one that any figure's measure id can name. */
export function makeMeasure(overrides: Partial<Measure> = {}): Measure {
  return {
    id: 'tank-losses',
    label: 'Tanks lost',
    dimension: 'count',
    countries: ['RU'],
    scope: 'in a year',
    definition: 'Tanks destroyed, damaged beyond repair or captured.',
    ...overrides,
  };
}

/** The registry a test dataset gets unless it brings its own: one measure per measure id its figures name. */
function measuresOf(figures: readonly Figure[], units: readonly UnitInfo[]): Measure[] {
  const out: Measure[] = [];
  for (const f of figures) {
    if (out.some((m) => m.id === f.measure)) continue;
    const dimension = units.find((u) => u.id === f.unit)?.dimension ?? 'count';
    out.push(makeMeasure({ id: f.measure, label: f.label, dimension }));
  }
  return out;
}

export function makeDataset(overrides: Partial<Dataset> = {}): Dataset {
  const figures = overrides.figures ?? [makeFigure()];
  return {
    sources: [makeSource()],
    topics: [makeTopic()],
    countries: [makeCountry()],
    units: unitsVocabulary,
    figures: [makeFigure()],
    actors: [makeActor()],
    events: [makeEvent()],
    places: [makePlace()],
    ...overrides,
    measures: overrides.measures ?? measuresOf(figures, overrides.units ?? unitsVocabulary),
  };
}
