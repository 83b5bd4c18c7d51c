import { describe, expect, it } from 'vitest';
import {
  claimantKey,
  corroborate,
  corroborateAll,
  corroborationWords,
  gapWords,
  intervalOf,
  relate,
  type Corroboration,
} from './corroboration';
import type { Figure, Qualifier } from '../dataset/schema';
import { makeFigure, makeSource, unitsVocabulary } from '../../testing/fixtures';

const sources = [
  makeSource({ id: 'reuters', published: '2025-02-12' }),
  makeSource({ id: 'nyt', published: '2025-02-13' }),
  makeSource({ id: 'bbc', published: '2025-02-14' }),
  makeSource({ id: 'later', published: '2025-05-13' }),
];

let n = 0;
/** An estimate of the measure "m" on 12 Feb 2025, by `claimant` in `sourceId`. */
function est(
  value: number | [number, number],
  qualifier: Qualifier,
  claimant: string,
  overrides: Partial<Figure> = {},
): Figure {
  n += 1;
  const range = Array.isArray(value) ? { value: undefined, low: value[0], high: value[1] } : { value };
  return makeFigure({
    id: `estimate-${n}`,
    measure: 'm',
    unit: 'people',
    qualifier,
    claimant,
    sourceId: 'reuters',
    date: '2025-02-12',
    period: undefined,
    ...range,
    ...overrides,
  });
}

const run = (figure: Figure, others: Figure[]) => corroborate(figure, [figure, ...others], unitsVocabulary, sources);

describe('intervals and relations', () => {
  it('reads each qualifier as the interval it allows', () => {
    expect(intervalOf({ value: 1000, qualifier: 'exact' })).toEqual([1000, 1000]);
    expect(intervalOf({ value: 1000, qualifier: 'about' })).toEqual([900, 1100]);
    expect(intervalOf({ value: 600, qualifier: 'nearly' })).toEqual([540, 600]);
    expect(intervalOf({ value: 600, qualifier: 'more-than' })).toEqual([600, Infinity]);
    expect(intervalOf({ value: 600, qualifier: 'above' })).toEqual([600, Infinity]);
    expect(intervalOf({ value: 600, qualifier: 'at-least' })).toEqual([600, Infinity]);
    for (const q of ['less-than', 'below', 'at-most', 'up-to'] as const) {
      expect(intervalOf({ value: 600, qualifier: q })).toEqual([-Infinity, 600]);
    }
    expect(intervalOf({ low: 200, high: 400, qualifier: 'exact' })).toEqual([200, 400]);
    expect(intervalOf({ low: 200, high: 400, qualifier: 'about' })).toEqual([180, 440]);
    // "About" a negative number reaches either side of it, not past zero.
    expect(intervalOf({ value: -40, qualifier: 'about' })).toEqual([-44, -36]);
  });

  it('agrees when intervals meet, else differs by how much the higher exceeds the lower', () => {
    expect(relate([900, 1100], [945, 1155])).toEqual({ relation: 'agree', gap: 0 });
    expect(relate([1000, 1000], [1500, 1500])).toEqual({ relation: 'differ', gap: 0.5 });
    expect(relate([1500, 1500], [1000, 1000])).toEqual({ relation: 'differ', gap: 0.5 });
    expect(relate([0, 0], [5, 5]).gap).toBe(Infinity);
  });

  it('says a gap in words', () => {
    expect(gapWords(0.5)).toBe('50 %');
    expect(gapWords(0.001)).toBe('1 %');
    expect(gapWords(1)).toBe('2 times');
    expect(gapWords(1.1)).toBe('2.1 times');
    expect(gapWords(Infinity)).toBe('one is zero');
  });
});

describe('corroborate', () => {
  it('about 1,000 and 1,050 agree; 1,000 and 1,500 exactly differ by 50 %', () => {
    const a = est(1000, 'about', 'Western officials');
    const b = est(1050, 'exact', 'Ukrainian General Staff', { sourceId: 'nyt' });
    const agree = run(a, [b]);
    expect(agree.status).toBe('agree');
    expect(agree.agreeing).toBe(2);
    expect(agree.compared).toEqual([{ other: b, relation: 'agree', gap: 0 }]);
    expect(corroborationWords(agree)).toBe('2 sources agree');

    const x = est(1000, 'exact', 'Western officials');
    const y = est(1500, 'exact', 'Ukrainian General Staff', { sourceId: 'nyt' });
    const differ = run(x, [y]);
    expect(differ.status).toBe('differ');
    expect(differ.agreeing).toBe(1);
    expect(differ.compared).toHaveLength(1);
    expect(differ.compared[0]!.relation).toBe('differ');
    expect(differ.compared[0]!.gap).toBeCloseTo(0.5, 10);
    expect(gapWords(differ.compared[0]!.gap)).toBe('50 %');
    expect(corroborationWords(differ)).toBe('Sources differ');
    // The same from the other side.
    expect(run(y, [x]).compared[0]!.gap).toBeCloseTo(0.5, 10);
  });

  it('"more than 600" agrees with 700 but not with 500', () => {
    const more = est(600, 'more-than', 'IISS');
    expect(run(more, [est(700, 'exact', 'Oryx')]).status).toBe('agree');
    const below = run(more, [est(500, 'exact', 'Oryx')]);
    expect(below.status).toBe('differ');
    expect(below.compared[0]!.gap).toBeCloseTo(0.2, 10);
  });

  it('ranges agree when they overlap and differ when they do not', () => {
    const range = est([100, 200], 'exact', 'IISS');
    expect(run(range, [est([150, 300], 'exact', 'Oryx')]).status).toBe('agree');
    expect(run(range, [est(200, 'exact', 'Oryx')]).status).toBe('agree');
    expect(run(range, [est([201, 300], 'exact', 'Oryx')]).status).toBe('differ');
  });

  it('lists agreeing estimates first, counts agreeing claimants once, and says sources differ when one does', () => {
    const me = est(1000, 'about', 'IISS');
    const far = est(2000, 'exact', 'Kyiv');
    const near = est(1020, 'exact', 'Oryx');
    const nearToo = est(980, 'exact', 'oryx', { sourceId: 'bbc' });
    const c = run(me, [far, near, nearToo]);
    expect(c.compared.map((x) => x.other.id)).toEqual([near.id, nearToo.id, far.id]);
    expect(c.agreeing).toBe(2); // IISS and Oryx: Oryx twice is one source
    expect(c.status).toBe('differ');
    expect(corroborationWords(c)).toBe('Sources differ · 2 agree');
  });

  it('one claimant in two outlets is one source: not compared, listed in sameClaimant', () => {
    const mod = est(1000, 'exact', 'Ministry of Defence', { sourceId: 'reuters' });
    const modAgain = est(5000, 'exact', 'Ministry of Defence', { sourceId: 'nyt' });
    const modUk = est(9000, 'exact', 'The Ministry of Defence (UK)', { sourceId: 'bbc' });
    expect(claimantKey('The Ministry of Defence (UK)')).toBe(claimantKey('Ministry of Defence'));
    expect(claimantKey('Zelensky’s office')).toBe(claimantKey("Zelensky's Office"));
    expect(claimantKey('Ministry of Defence')).not.toBe(claimantKey('Ministry of Finance'));
    const c = run(mod, [modAgain, modUk]);
    expect(c.status).toBe('single');
    expect(c.compared).toEqual([]);
    expect(c.sameClaimant.map((f) => f.id)).toEqual([modAgain.id, modUk.id]);
    expect(c.agreeing).toBe(1);
    expect(corroborationWords(c)).toBe('One source');
  });

  it('two outlets repeating one claimant do not make an agreement', () => {
    const a = est(1000, 'exact', 'Ministry of Defence', { sourceId: 'reuters' });
    const b = est(1000, 'exact', 'the ministry of defence', { sourceId: 'nyt' });
    expect(run(a, [b]).status).toBe('single');
  });

  it('does not compare estimates 90 days apart, and says so', () => {
    const now = est(1000, 'exact', 'IISS', { date: '2025-01-01' });
    const later = est(5000, 'exact', 'Oryx', { date: '2025-04-01' });
    const c = run(now, [later]);
    expect(c.status).toBe('single');
    expect(c.compared).toEqual([]);
    expect(c.notCompared).toEqual([{ other: later, why: '90 days apart' }]);
    // 31 days apart still are.
    const close = est(5000, 'exact', 'Oryx', { date: '2025-02-01' });
    expect(run(now, [close]).status).toBe('differ');
  });

  it('dates an estimate without its own date by its article', () => {
    const a = est(1000, 'exact', 'IISS', { date: undefined, period: 'as of February 2025', sourceId: 'reuters' });
    const b = est(1000, 'exact', 'Oryx', { date: undefined, period: 'as of May 2025', sourceId: 'later' });
    expect(run(a, [b]).notCompared).toEqual([{ other: b, why: '90 days apart' }]);
  });

  it('compares units that convert after converting them (square miles and km²)', () => {
    const miles = est(100, 'exact', 'The New York Times', { unit: 'square-miles' });
    const km = est(260, 'about', 'Institute for the Study of War', { unit: 'square-kilometres' });
    expect(run(miles, [km]).status).toBe('agree');
    expect(run(km, [miles]).status).toBe('agree');
    // The same number in the two units is not the same area: 100 mi² is about 259 km².
    const sameNumber = est(100, 'exact', 'Institute for the Study of War', { unit: 'square-kilometres' });
    const c = run(miles, [sameNumber]);
    expect(c.status).toBe('differ');
    expect(c.compared[0]!.gap).toBeCloseTo(1.59, 2);
    expect(gapWords(c.compared[0]!.gap)).toBe('2.6 times');
  });

  it('does not compare units of another dimension, nor counts of different things', () => {
    const area = est(100, 'exact', 'The New York Times', { unit: 'square-kilometres' });
    const length = est(100, 'exact', 'Institute for the Study of War', { unit: 'kilometres' });
    const c = run(area, [length]);
    expect(c.status).toBe('single');
    expect(c.notCompared).toEqual([{ other: length, why: 'in a unit that does not convert' }]);
    const people = est(100, 'exact', 'IISS', { unit: 'people' });
    const guns = est(100, 'exact', 'Oryx', { unit: 'artillery-systems' });
    expect(run(people, [guns]).notCompared).toHaveLength(1);
  });

  it('only compares estimates of the same measure', () => {
    const a = est(1000, 'exact', 'IISS');
    const other = est(1000, 'exact', 'Oryx', { measure: 'another' });
    const c = run(a, [other]);
    expect(c).toEqual({ status: 'single', compared: [], agreeing: 1, notCompared: [], sameClaimant: [] });
  });

  it('corroborateAll gives, for every figure, what corroborate gives it', () => {
    const figures = [
      est(1000, 'about', 'IISS'),
      est(1050, 'exact', 'Oryx', { sourceId: 'nyt' }),
      est(1500, 'exact', 'Kyiv', { sourceId: 'bbc' }),
      est(1000, 'exact', 'IISS', { sourceId: 'nyt' }),
      est(5000, 'exact', 'Moscow', { date: '2025-06-01' }),
      est(100, 'exact', 'IISS', { measure: 'area', unit: 'square-miles' }),
      est(260, 'about', 'ISW', { measure: 'area', unit: 'square-kilometres' }),
      est(3, 'exact', 'Reuters', { measure: 'alone' }),
    ];
    const all = corroborateAll(figures, unitsVocabulary, sources);
    expect([...all.keys()].sort()).toEqual(figures.map((f) => f.id).sort());
    for (const f of figures) {
      const got = all.get(f.id)!;
      const { status, agreeing, compared, notCompared, sameClaimant } = got;
      expect({ status, agreeing, compared, notCompared, sameClaimant }, f.id).toEqual(
        corroborate(f, figures, unitsVocabulary, sources),
      );
    }
    const statuses = figures.map((f) => (all.get(f.id) as Corroboration).status);
    expect(statuses).toEqual(['differ', 'differ', 'differ', 'differ', 'single', 'agree', 'agree', 'single']);
  });
});

describe('corroborateAll at scale: the same answers as corroborate, figure by figure', () => {
  it('agrees on status and agreeing claimants for a measure with many alike and differing estimates', () => {
    const sources = [
      makeSource({ id: 's1', published: '2025-01-10' }),
      makeSource({ id: 's2', published: '2025-02-20' }),
      makeSource({ id: 's3', published: '2025-06-01' }),
    ];
    const claimants = ['Reuters', 'Kyiv', 'Moscow', 'ISW', 'IISS'];
    const figures: Figure[] = Array.from({ length: 300 }, (_, i) =>
      makeFigure({
        id: `f${i}`,
        measure: i % 7 === 0 ? 'other-measure' : 'tanks',
        claimant: claimants[i % claimants.length]!,
        sourceId: sources[i % sources.length]!.id,
        value: i % 11 === 0 ? 2000 + i : 1400,
        unit: i % 13 === 0 ? 'thousand' : 'count',
        qualifier: (['about', 'exact', 'more than', 'nearly'] as Qualifier[])[i % 4]!,
        period: undefined,
        date: undefined,
      }),
    );
    const all = corroborateAll(figures, unitsVocabulary, sources);
    for (const f of figures) {
      const one = corroborate(f, figures, unitsVocabulary, sources);
      const got = all.get(f.id)!;
      expect({ id: f.id, status: got.status, agreeing: got.agreeing }).toEqual({
        id: f.id,
        status: one.status,
        agreeing: one.agreeing,
      });
      // The lists, worked out when read, are corroborate's own.
      expect(got.compared).toEqual(one.compared);
      expect(got.notCompared).toEqual(one.notCompared);
    }
  });
});
