import { describe, expect, it } from 'vitest';
import figuresJson from '../../../data/figures.json';
import sourcesJson from '../../../data/sources.json';
import type { Figure, Source } from '../../model/dataset/schema';
import { CHART_SPECS, chartSpecsFor, OVER_TIME_PREFIX, TOPIC_PREFIX } from './chart-specs';
import { makeFigure, makeSource } from '../../testing/fixtures';

describe('chartSpecsFor', () => {
  const added = { addedAt: '2026-11-22T10:00:00Z' };
  const story = [makeSource()];

  it('is the fixed charts alone for the shipped data', () => {
    expect(chartSpecsFor({ figures: figuresJson as Figure[], sources: sourcesJson as Source[] })).toEqual(CHART_SPECS);
  });

  it('has no catch-all chart: an added figure joins the chart of its first topic, or one of its own topic', () => {
    const shipped = makeFigure({ id: 'a', measure: 'russia-tank-losses' });
    const linked = makeFigure({ id: 'b', measure: 'russia-tank-losses', ...added });
    const energy = makeFigure({ id: 'c', measure: 'c', topics: ['sanctions-energy', 'taiwan-trade'], ...added });
    const nato = makeFigure({ id: 'd', measure: 'd', topics: ['nato-alliances'], ...added });
    const specs = chartSpecsFor({
      figures: [shipped, linked, energy, nato],
      sources: story,
      topics: [{ id: 'nato-alliances', label: 'NATO and alliances', description: 'NATO membership.' }],
    });
    expect(specs.map((s) => s.id)).toEqual([...CHART_SPECS.map((s) => s.id), `${TOPIC_PREFIX}nato-alliances`]);
    expect(specs.find((s) => s.id === 'war-economy')!.added).toEqual(['c']);
    expect(specs.find((s) => s.id === 'war-economy')!.measures.at(-1)).toBe('c');
    expect(specs.at(-1)).toMatchObject({ title: 'NATO and alliances', measures: ['d'] });
  });

  it('puts first an over-time chart for a measure with estimates a week or more apart', () => {
    const jan = makeFigure({ id: 'jan', measure: 'rate', period: undefined, date: '2025-01-10' });
    const feb = makeFigure({ id: 'feb', measure: 'rate', period: undefined, date: '2025-02-13' });
    const next = makeFigure({ id: 'next', measure: 'rate', period: undefined, date: '2025-01-12' });
    expect(chartSpecsFor({ figures: [jan, next], sources: story }).map((s) => s.id)).toEqual(
      CHART_SPECS.map((s) => s.id),
    );
    const specs = chartSpecsFor({ figures: [jan, feb], sources: story });
    expect(specs[0]).toMatchObject({ id: `${OVER_TIME_PREFIX}rate`, kind: 'over-time', measures: ['rate'] });
    expect(specs[0]!.title).toBe('Tanks lost: estimates over time');
  });
});
