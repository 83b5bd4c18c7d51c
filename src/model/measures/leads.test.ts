import { describe, expect, it } from 'vitest';
import { makeFigure, makeSource } from '../../testing/fixtures';
import {
  defaultPins,
  leadFigures,
  MAX_LEADS,
  missingPins,
  newestEstimate,
  pinOf,
  withoutFigure,
  withPin,
} from './leads';
import figuresJson from '../../../data/figures.json';
import sourcesJson from '../../../data/sources.json';
import type { Figure, Source } from '../dataset/schema';

const sources = [
  makeSource({ id: 'feb-2025', published: '2025-02-13' }),
  makeSource({ id: 'feb-2026', published: '2026-02-27' }),
];
const old = makeFigure({
  id: 'old',
  measure: 'casualties',
  period: 'as of February 2025',
  sourceId: 'feb-2025',
  lead: 1,
});
const recent = makeFigure({
  id: 'new',
  measure: 'casualties',
  period: 'as of February 2026',
  sourceId: 'feb-2026',
  addedAt: '2026-12-01T10:00:00Z',
});
const tanks = makeFigure({ id: 'tanks', measure: 'tanks', lead: 2 });

describe('lead figures', () => {
  it('are, by default, the shipped five for the shipped data alone', () => {
    const figures = figuresJson as Figure[];
    const pins = defaultPins(figures);
    const leads = leadFigures(pins, figures, sourcesJson as Source[]);
    expect(leads.map((f) => f.id)).toEqual(
      figures
        .filter((f) => f.lead !== undefined)
        .sort((a, b) => a.lead! - b.lead!)
        .map((f) => f.id),
    );
    expect(leads).toHaveLength(5);
  });

  it('show the newest estimate of a pinned measure, and exactly the figure of a pinned figure', () => {
    const figures = [old, recent, tanks];
    expect(newestEstimate([old, recent], new Map(sources.map((s) => [s.id, s])))?.id).toBe('new');
    expect(leadFigures([{ measure: 'casualties' }], figures, sources).map((f) => f.id)).toEqual(['new']);
    expect(leadFigures([{ figure: 'old' }, { measure: 'tanks' }], figures, sources).map((f) => f.id)).toEqual([
      'old',
      'tanks',
    ]);
    // A pin whose figures the filters hide shows nothing; one figure never shows twice.
    expect(leadFigures([{ measure: 'casualties' }, { figure: 'new' }], [recent], sources).map((f) => f.id)).toEqual([
      'new',
    ]);
    expect(leadFigures([{ measure: 'tanks' }], [old], sources)).toEqual([]);
  });

  it('pin, unpin and say how a figure is pinned', () => {
    let pins = defaultPins([old, recent, tanks]);
    expect(pins).toEqual([{ measure: 'casualties' }, { measure: 'tanks' }]);
    expect(pinOf(pins, recent)).toBe('measure');
    pins = withoutFigure(pins, recent);
    expect(pins).toEqual([{ measure: 'tanks' }]);
    pins = withPin(pins, { figure: 'old' });
    expect(pinOf(pins, old)).toBe('figure');
    expect(pinOf(pins, recent)).toBeNull();
    expect(withPin(pins, { figure: 'old' })).toEqual(pins);
    const many = Array.from({ length: MAX_LEADS + 2 }, (_, i) => ({ figure: `f${i}` })).reduce(
      withPin,
      [] as ReturnType<typeof withPin>,
    );
    expect(many).toHaveLength(MAX_LEADS);
    expect(many[0]).toEqual({ figure: 'f2' });
  });

  it('say which pins the data no longer has', () => {
    expect(
      missingPins([{ figure: 'gone' }, { measure: 'tanks' }, { measure: 'nothing' }], { figures: [tanks] }),
    ).toEqual([{ figure: 'gone' }, { measure: 'nothing' }]);
  });
});
