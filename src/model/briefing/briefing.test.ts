import { describe, expect, it } from 'vitest';
import { BRIEFING_ID, BriefingSchema, briefingId, latestBriefing, makeBriefing, sameContent } from './briefing';
import { NO_FILTERS } from '../dataset/selectors';
import { makeDataset, makeFigure } from '../../testing/fixtures';

const context = { frontline: '2025-02-13', filters: NO_FILTERS, slides: null };

describe('briefing ids', () => {
  it('are the name as a slug, numbered when taken, never empty', () => {
    expect(briefingId('Weekly brief — 4 Déc!', [])).toBe('weekly-brief-4-dec');
    expect(briefingId('!!!', [])).toBe('briefing');
    expect(briefingId('Russia’s week', [])).toBe('russia-s-week');
    expect(briefingId('Monday', ['monday', 'monday-2'])).toBe('monday-3');
    expect(BRIEFING_ID.test(briefingId('x'.repeat(200), []))).toBe(true);
  });
});

describe('makeBriefing', () => {
  it('keeps every item as it stands, the front-line date, the filters and the slides, and validates', () => {
    const data = makeDataset();
    const b = makeBriefing(
      data,
      { frontline: '2024-08-01', filters: { ...NO_FILTERS, countries: ['RU'] }, slides: ['title', 'since'] },
      '  Monday  ',
      new Date('2026-12-04T10:00:00Z'),
      [],
    );
    expect(b).toMatchObject({
      id: 'monday',
      name: 'Monday',
      savedAt: '2026-12-04T10:00:00.000Z',
      asOf: '2025-02-12',
      frontline: '2024-08-01',
      filters: { countries: ['RU'], topics: [], actor: null, q: '' },
      slides: ['title', 'since'],
    });
    expect(b.figures).toEqual(data.figures);
    expect(b.figures[0]).not.toBe(data.figures[0]);
    expect(BriefingSchema.parse(b)).toEqual(b);
  });

  it('names the item and field of a problem, and refuses duplicate ids', () => {
    const b = makeBriefing(makeDataset(), context, 'x', new Date(), []);
    const bad = { ...b, figures: [b.figures[0], { ...b.figures[0], unit: 3 }] };
    const issues = BriefingSchema.safeParse(bad).error!.issues.map((i) => i.path.join('.'));
    expect(issues).toContain('figures.1.unit');
    const dup = BriefingSchema.safeParse({ ...b, figures: [b.figures[0], b.figures[0]] });
    expect(dup.error!.issues[0]).toMatchObject({ path: ['figures', 1, 'id'] });
  });
});

describe('sameContent', () => {
  it('is true for the same data saved twice under other names, false when anything changed', () => {
    const data = makeDataset();
    const a = makeBriefing(data, context, 'A', new Date('2026-01-01T00:00:00Z'), []);
    const b = makeBriefing(data, context, 'B', new Date('2026-01-02T00:00:00Z'), ['a']);
    expect(sameContent(a, b)).toBe(true);
    expect(sameContent(a, { ...b, frontline: '2024-08-01' })).toBe(false);
    expect(sameContent(a, { ...b, slides: ['title'] })).toBe(false);
    const more = makeBriefing(
      makeDataset({ figures: [makeFigure(), makeFigure({ id: 'other' })] }),
      context,
      'C',
      new Date(),
      [],
    );
    expect(sameContent(a, more)).toBe(false);
    expect(latestBriefing([a, b])).toBe(b);
  });
});
