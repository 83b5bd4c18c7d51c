import { describe, expect, it } from 'vitest';
import { compareBriefing } from './briefing-compare';
import type { BriefingData } from './briefing';
import { changeBetween, changeWords, groupChanges, measureLabelOf, summariseSince } from './since-summary';
import {
  makeActor,
  makeEvent,
  makeFigure,
  makeMeasure,
  makeSource,
  makeTopic,
  unitsVocabulary,
} from '../../testing/fixtures';
import type { Figure, Measure } from '../dataset/schema';

const older = makeSource({ id: 'older-story', title: 'Older story', published: '2025-02-10' });
const newer = makeSource({ id: 'newer-story', title: 'Newer story', published: '2025-03-04' });

const casualties = makeMeasure({
  id: 'russia-casualties-per-day',
  label: 'Russian military casualties a day',
  dimension: 'rate',
});
const occupied = makeMeasure({
  id: 'occupied-area',
  label: 'Area of Ukraine held by Russia',
  dimension: 'area',
  countries: ['UA'],
});
const aid = makeMeasure({ id: 'eu-military-aid', label: 'EU military aid to Ukraine', dimension: 'money' });
const measures: Measure[] = [casualties, occupied, aid];
const topics = [
  makeTopic({ id: 'casualties', label: 'Casualties' }),
  makeTopic({ id: 'frontline', label: 'Front line' }),
  makeTopic({ id: 'aid', label: 'Military aid' }),
];

const estimate = (id: string, claimant: string, value: number, overrides: Partial<Figure> = {}) =>
  makeFigure({
    id,
    label: `Russian casualties a day (${claimant})`,
    measure: casualties.id,
    unit: 'casualties-per-day',
    value,
    qualifier: 'about',
    claimant,
    sourceId: older.id,
    quote: `about ${value} casualties a day`,
    ...overrides,
  });

const western = estimate('casualties-western', 'Western officials', 1000);
const analysts = estimate('casualties-analysts', 'Military analysts', 800);
const area = makeFigure({
  id: 'occupied-km2',
  label: 'Area Russia occupies',
  measure: occupied.id,
  unit: 'square-kilometres',
  value: 100_000,
  topics: ['frontline'],
  countries: ['UA'],
  claimant: 'ISW',
  sourceId: older.id,
  quote: 'Russia occupies about 100,000 km²',
});

function side(figures: Figure[], sources = [older]): BriefingData {
  return { figures, actors: [makeActor()], events: [makeEvent()], sources };
}

function summarise(then: Figure[], now: Figure[], extra: { nowSources?: (typeof older)[] } = {}) {
  const thenData = side(then);
  const c = compareBriefing(thenData, side(now, extra.nowSources ?? [older, newer]));
  return summariseSince(c, {
    measures,
    thenFigures: then,
    units: unitsVocabulary,
    sources: [older, newer],
    topics,
  });
}

describe('changeWords', () => {
  it('says a change as a signed percentage, a multiple when it more than doubles, or no change', () => {
    expect(changeWords(0.25)).toBe('+25 %');
    expect(changeWords(-0.034)).toBe('−3 %');
    expect(changeWords(0.001)).toBe('no change');
    expect(changeWords(1.44)).toBe('×2.4');
    expect(changeWords(1)).toBe('×2');
    // A move that rounds to 0 % is still a move.
    expect(changeWords(0.006)).toBe('+1 %');
  });
});

describe('changeBetween', () => {
  it('converts units of one dimension before comparing, and refuses units that do not convert', () => {
    const km2 = makeFigure({ unit: 'square-kilometres', value: 100 });
    const mi2 = makeFigure({ unit: 'square-miles', value: 50 });
    const then = changeBetween(km2, mi2, unitsVocabulary);
    expect('change' in then && then.change).toBeCloseTo(0.29499, 4);
    const usd = makeFigure({ unit: 'usd', value: 100 });
    const eur = makeFigure({ unit: 'eur', value: 100 });
    expect(changeBetween(usd, eur, unitsVocabulary)).toEqual({ noChange: 'in another unit' });
    expect(changeBetween(makeFigure({ value: 0 }), makeFigure({ value: 5 }), unitsVocabulary)).toEqual({
      noChange: 'from zero',
    });
  });

  it('compares ranges by their middle', () => {
    const range = makeFigure({ value: undefined, low: 100, high: 300 });
    const after = changeBetween(range, makeFigure({ value: 300 }), unitsVocabulary);
    expect(after).toEqual({ change: 0.5 });
  });
});

describe('measureLabelOf', () => {
  it('takes the registry’s words, and a figure’s own label for one linked to no measure, never the id', () => {
    expect(measureLabelOf(casualties.id, measures)).toBe('Russian military casualties a day');
    const own = makeFigure({ measure: 'test-tanks', label: 'Tanks lost in Kursk' });
    expect(measureLabelOf('test-tanks', measures, own)).toBe('Tanks lost in Kursk');
  });
});

describe('summariseSince', () => {
  it('gives a new estimate by the same claimant then → now, with the change', () => {
    const again = estimate('casualties-western-march', 'Western officials', 1250, { sourceId: newer.id });
    const s = summarise([western, analysts], [western, analysts, again]);
    expect(s.moved).toHaveLength(1);
    const [move] = s.moved;
    expect(move!.label).toBe('Russian military casualties a day');
    expect(move!.moves).toEqual([{ claimant: 'Western officials', then: western, now: again, change: 0.25 }]);
    expect(changeWords(move!.moves[0]!.change!)).toBe('+25 %');
    // The analysts said nothing new: their estimate stands beside it.
    expect(move!.earlier).toEqual([analysts]);
    expect(move!.magnitude).toBe(0.25);
  });

  it('takes the claimant’s newest estimate in the briefing as then, matching claimants loosely', () => {
    const first = estimate('w-jan', 'Western officials', 900, { date: '2025-01-10' });
    const second = estimate('w-feb', 'Western officials', 1000, { date: '2025-02-10' });
    const now = estimate('w-mar', 'western officials', 1100, { date: '2025-03-04', sourceId: newer.id });
    const s = summarise([second, first], [second, first, now]);
    expect(s.moved[0]!.moves[0]!.then).toBe(second);
    expect(s.moved[0]!.moves[0]!.change).toBeCloseTo(0.1);
  });

  it('gives a new claimant no then and no change, with the briefing’s estimates beside it', () => {
    const british = estimate('casualties-british', 'British defence intelligence', 1500, { sourceId: newer.id });
    const s = summarise([western, analysts], [western, analysts, british]);
    const [move] = s.moved;
    expect(move!.moves).toEqual([{ claimant: 'British defence intelligence', now: british }]);
    expect(move!.magnitude).toBe(0);
    expect(move!.earlier).toEqual([western, analysts]);
  });

  it('counts a corrected value (a changed value field) as a move, and a corrected quote as the rest', () => {
    const corrected = { ...area, value: 110_000 };
    const requoted = { ...western, quote: 'about 1,000 casualties a day, officials said' };
    const s = summarise([western, area], [requoted, corrected]);
    expect(s.moved).toHaveLength(1);
    expect(s.moved[0]).toMatchObject({
      measure: occupied.id,
      label: 'Area of Ukraine held by Russia',
      corrected: true,
    });
    expect(s.moved[0]!.moves[0]).toMatchObject({ claimant: 'ISW', then: area, now: corrected });
    expect(s.moved[0]!.moves[0]!.change).toBeCloseTo(0.1);
    expect(s.rest.figuresChanged).toBe(1);
  });

  it('puts a corrected value beside a new estimate of its measure, not among the briefing’s other estimates', () => {
    const british = estimate('casualties-british', 'British defence intelligence', 1500, { sourceId: newer.id });
    const corrected = { ...western, value: 1100 };
    const s = summarise([western, analysts], [corrected, analysts, british]);
    expect(s.moved).toHaveLength(1);
    expect(s.moved[0]!.moves.map((m) => [m.claimant, m.then?.value, m.now.value])).toEqual([
      ['British defence intelligence', undefined, 1500],
      ['Western officials', 1000, 1100],
    ]);
    expect(s.moved[0]!.earlier).toEqual([analysts]);
    expect(s.moved[0]!.magnitude).toBeCloseTo(0.1);
  });

  it('converts units within a dimension: an area in square miles against one in km²', () => {
    const inMiles = { ...area, id: 'occupied-mi2', unit: 'square-miles', value: 42_500, sourceId: newer.id };
    const s = summarise([area], [area, inMiles]);
    // 42,500 sq mi ≈ 110,075 km².
    expect(s.moved[0]!.moves[0]!.change).toBeCloseTo(0.10075, 4);
  });

  it('sorts the measures by their largest move', () => {
    const casualtiesUp = estimate('w-up', 'Western officials', 1100, { sourceId: newer.id });
    const areaUp = { ...area, id: 'occupied-up', value: 150_000, sourceId: newer.id };
    const s = summarise([western, area], [western, area, casualtiesUp, areaUp]);
    expect(s.moved.map((m) => m.label)).toEqual([
      'Area of Ukraine held by Russia',
      'Russian military casualties a day',
    ]);
    expect(s.moved.map((m) => m.magnitude)).toEqual([0.5, expect.closeTo(0.1) as number]);
  });

  it('names new measures (registry measures the briefing held no figure of) and counts the rest', () => {
    const euAid = makeFigure({
      id: 'eu-aid',
      label: 'EU military aid approved',
      measure: aid.id,
      unit: 'eur',
      value: 3e9,
      topics: ['aid'],
      claimant: 'EU officials',
      sourceId: newer.id,
    });
    const loose = makeFigure({ id: 'loose', label: 'Drones launched overnight', measure: 'loose', sourceId: newer.id });
    const s = summarise([western], [western, euAid, loose]);
    expect(s.moved).toEqual([]);
    expect(s.newMeasures).toEqual([{ measure: aid.id, label: 'EU military aid to Ukraine', figures: [euAid] }]);
    // The figure linked to no measure is one of the rest, not a new measure.
    expect(s.rest.figuresAdded).toBe(1);
    expect(s.rest.sources).toBe(1);
  });

  it('groups every figure change by topic and by measure, labelled from the registry, with the stories once', () => {
    const w2 = estimate('w2', 'Western officials', 1100, { sourceId: newer.id });
    const a2 = estimate('a2', 'Military analysts', 900, { sourceId: newer.id });
    const areaNew = { ...area, id: 'occupied-new', value: 105_000, sourceId: newer.id };
    const loose = makeFigure({
      id: 'loose',
      label: 'Drones launched overnight',
      measure: 'loose',
      topics: [],
      sourceId: newer.id,
    });
    const s = summarise([western, area], [western, area, w2, a2, areaNew, loose]);
    expect(s.groups.map((g) => [g.label, g.count])).toEqual([
      ['Casualties', 2],
      ['Front line', 1],
      ['Other', 1],
    ]);
    const [casualtiesGroup] = s.groups[0]!.measures;
    expect(casualtiesGroup).toMatchObject({
      measure: casualties.id,
      label: 'Russian military casualties a day',
      tracked: true,
      added: [w2, a2],
      sourceIds: [newer.id],
    });
    expect(s.groups[2]!.measures[0]).toMatchObject({ label: 'Drones launched overnight', tracked: false });
    // No heading is made from an id.
    const labels = s.groups.flatMap((g) => g.measures.map((m) => m.label));
    expect(labels.some((l) => l.includes('-'))).toBe(false);
  });

  it('groups apart, as the page does for what its worker summed up: the same groups', () => {
    const w2 = estimate('w2', 'Western officials', 1100, { sourceId: newer.id });
    const areaNew = { ...area, id: 'occupied-new', value: 105_000, sourceId: newer.id };
    const c = compareBriefing(side([western, area]), side([{ ...western, value: 990 }, w2, areaNew], [older, newer]));
    const context = { measures, thenFigures: [western, area], units: unitsVocabulary, sources: [older, newer], topics };
    const whole = summariseSince(c, context);
    const { groups, ...firstScreen } = summariseSince(c, context, { groups: false });
    expect(groups).toEqual([]);
    expect(firstScreen).toEqual({ moved: whole.moved, newMeasures: whole.newMeasures, rest: whole.rest });
    expect(groupChanges(c, context)).toEqual(whole.groups);
    expect(whole.groups.length).toBeGreaterThan(1);
  });

  it('labels a measure the registry no longer holds from the briefing’s registry', () => {
    const renamed = makeMeasure({ id: 'old-measure', label: 'Old words for it' });
    const thenFigure = makeFigure({ id: 'x1', measure: 'old-measure', label: 'x one' });
    const nowFigure = makeFigure({ id: 'x2', measure: 'old-measure', label: 'x two', value: 1500, sourceId: newer.id });
    const c = compareBriefing(side([thenFigure]), side([thenFigure, nowFigure], [older, newer]));
    const s = summariseSince(c, {
      measures,
      thenMeasures: [renamed],
      thenFigures: [thenFigure],
      units: unitsVocabulary,
      sources: [older, newer],
      topics,
    });
    expect(s.moved[0]!.label).toBe('Old words for it');
  });
});
