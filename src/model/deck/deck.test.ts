import { describe, expect, it } from 'vitest';
import {
  ALL_SLIDES,
  actorRows,
  clampSlide,
  contributingSources,
  deckSlides,
  eventRows,
  moveSlide,
  paginate,
  partTitle,
  slideValue,
  speakerNotes,
  storyRows,
  summarise,
  topByMeasure,
} from './deck';
import { makeActor, makeCountry, makeEvent, makeFigure, makeSource } from '../../testing/fixtures';

describe('deckSlides', () => {
  it('is every slide by default, in order', () => {
    expect(deckSlides(null, () => true).map((s) => s.id)).toEqual(ALL_SLIDES.map((s) => s.id));
  });

  it('follows a custom order, dropping unknown and repeated ids', () => {
    expect(deckSlides(['map', 'nope', 'title', 'map'], () => true).map((s) => s.id)).toEqual(['map', 'title']);
  });

  it('leaves out slides with nothing to show', () => {
    expect(deckSlides(['title', 'chart-money', 'map'], (id) => id !== 'chart-money').map((s) => s.id)).toEqual([
      'title',
      'map',
    ]);
  });
});

describe('moveSlide and clampSlide', () => {
  it('moves a slide up or down, and not past the ends', () => {
    expect(moveSlide(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveSlide(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveSlide(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveSlide(['a', 'b', 'c'], 'x', 1)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the slide number inside the deck', () => {
    expect(clampSlide(0, 5)).toBe(1);
    expect(clampSlide(9, 5)).toBe(5);
    expect(clampSlide(3, 0)).toBe(1);
  });
});

describe('speakerNotes', () => {
  it('gives each figure’s value, claimant, publisher and quote', () => {
    expect(speakerNotes([makeFigure()], [makeSource({ publisher: 'Reuters', outlet: 'Daily Maverick' })])).toEqual([
      'Tanks lost: 1,400 tanks, per IISS (Reuters via Daily Maverick): “Moscow lost 1,400 tanks in 2024”',
    ]);
  });
});

describe('speakerNotes without repeats', () => {
  it('names the publisher once when it is also the claimant', () => {
    const nyt = makeSource({ publisher: 'The New York Times', outlet: 'The New York Times' });
    expect(speakerNotes([makeFigure({ claimant: 'The New York Times' })], [nyt])).toEqual([
      'Tanks lost: 1,400 tanks, per The New York Times: “Moscow lost 1,400 tanks in 2024”',
    ]);
  });
});

describe('slideValue', () => {
  it('gives the value with its qualifier when the article states a number', () => {
    expect(slideValue(makeFigure({ qualifier: 'about' }))).toBe('about 1,400 tanks');
  });

  it('gives the source’s words when the number is a reading of vague words, or a negative change', () => {
    const vague = makeFigure({
      value: undefined,
      low: 100,
      high: 999,
      stated: 'hundreds',
      reading: '"hundreds" read as 100 to 999',
      quote: 'Moscow lost hundreds of tanks',
    });
    expect(slideValue(vague)).toBe('“hundreds”');
    expect(slideValue(makeFigure({ value: -40, stated: '40 fewer', quote: 'took 40 fewer tanks' }))).toBe('“40 fewer”');
  });

  it('says when a value is derived', () => {
    expect(
      slideValue(makeFigure({ value: 2.5, unit: 'percent', derived: { formula: '5 % ÷ 2', from: ['x'] } })),
    ).toMatch(/ \(derived\)$/);
  });
});

describe('paginate and partTitle', () => {
  it('splits a long list into nearly equal slides, none longer than the most', () => {
    const items = Array.from({ length: 13 }, (_, i) => i);
    const pages = paginate(items, 6);
    expect(pages.map((p) => p.length)).toEqual([5, 4, 4]);
    expect(pages.flat()).toEqual(items);
    expect(paginate(items, 13)).toEqual([items]);
    expect(paginate([], 6)).toEqual([]);
    expect(paginate([1, 2, 3], 0).map((p) => p.length)).toEqual([1, 1, 1]);
  });

  it('numbers the parts only when there are several', () => {
    expect(partTitle('Actors', 0, 3)).toBe('Actors (1/3)');
    expect(partTitle('Actors', 2, 3)).toBe('Actors (3/3)');
    expect(partTitle('Actors', 0, 1)).toBe('Actors');
  });
});

describe('summarise and topByMeasure', () => {
  it('keeps a list that fits whole, and leaves the last line of the last slide for what it leaves out', () => {
    const fits = Array.from({ length: 14 }, (_, i) => i);
    expect(summarise(fits, 7, 2)).toEqual({ pages: [fits.slice(0, 7), fits.slice(7)], more: 0 });
    const long = Array.from({ length: 30 }, (_, i) => i);
    const { pages, more } = summarise(long, 7, 2);
    expect(pages.flat()).toEqual(long.slice(0, 13));
    expect(pages.map((p) => p.length)).toEqual([7, 6]);
    expect(more).toBe(17);
    expect(summarise([], 7, 2)).toEqual({ pages: [], more: 0 });
  });

  it('keeps one figure per measure, the one `newest` picks, the measures of the newest stories first', () => {
    const sources = [
      makeSource({ id: 'old', published: '2025-02-12' }),
      makeSource({ id: 'new', published: '2026-10-01' }),
    ];
    const figures = [
      makeFigure({ id: 'tanks-old', measure: 'tank-losses', sourceId: 'old' }),
      makeFigure({ id: 'oil-old', measure: 'oil-output', sourceId: 'old' }),
      makeFigure({ id: 'tanks-new', measure: 'tank-losses', sourceId: 'new' }),
      makeFigure({ id: 'rate-new', measure: 'key-rate', sourceId: 'new' }),
    ];
    const newest = (list: readonly (typeof figures)[number][]) => list.find((f) => f.sourceId === 'new');
    expect(topByMeasure(figures, sources, newest).map((f) => f.id)).toEqual(['tanks-new', 'rate-new', 'oil-old']);
  });
});

describe('rows for the slides and the handout', () => {
  const a = makeSource({ id: 'a', title: 'Story A' });
  const b = makeSource({ id: 'b', title: 'Story B' });
  const c = makeSource({ id: 'c', title: 'Story C' });
  const figure = makeFigure({ sourceId: 'a', actorIds: ['putin'] });
  const event = makeEvent({ id: 'e1', sourceIds: ['b'], actorIds: ['putin', 'nobody'] });
  const putin = makeActor({
    id: 'putin',
    name: 'Vladimir Putin',
    statements: [{ quote: 'Something.', sourceId: 'c' }],
  });
  const zelensky = makeActor({ id: 'zelensky', name: 'Volodymyr Zelensky', country: 'UA', statements: [] });

  it('lists only the stories that state a shown figure or report a shown event', () => {
    expect(contributingSources([a, b, c], [figure], [event]).map((s) => s.id)).toEqual(['a', 'b']);
    expect(contributingSources([a, b, c], [], [])).toEqual([]);
  });

  it('counts what each story supplies under the filters', () => {
    const rows = storyRows([a, b, c], { figures: [figure], events: [event], actors: [putin] });
    expect(rows.map((r) => [r.id, r.figures, r.events, r.statements])).toEqual([
      ['a', 1, 0, 0],
      ['b', 0, 1, 0],
      ['c', 0, 0, 1],
    ]);
  });

  it('counts each actor’s figures and events among those shown, most involved first', () => {
    const rows = actorRows(
      { countries: [makeCountry(), makeCountry({ id: 'UA', name: 'Ukraine' })] },
      [zelensky, putin],
      {
        figures: [figure],
        events: [event],
      },
    );
    expect(rows.map((r) => [r.name, r.kind, r.figures, r.events, r.statements])).toEqual([
      ['Vladimir Putin', 'Person · Russia', 1, 1, 1],
      ['Volodymyr Zelensky', 'Person · Ukraine', 0, 0, 0],
    ]);
    expect(actorRows({ countries: [] }, [putin], { figures: [], events: [] })[0]!.figures).toBe(0);
  });

  it('gives each event its date, title and the names of its actors', () => {
    expect(eventRows({ actors: [putin] }, [event])).toEqual([
      { id: 'e1', date: expect.any(String), title: event.title, who: ['Vladimir Putin'] },
    ]);
  });
});
