import { describe, expect, it } from 'vitest';
import { ALL_SLIDES, clampSlide, deckSlides, moveSlide, speakerNotes } from './deck';
import { makeFigure, makeSource } from '../testing/fixtures';

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
