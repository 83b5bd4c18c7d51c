import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUrlSync } from './url-sync';
import { DEFAULT_CHOICES, useChoices } from './store';
import type { Vocabulary } from './url';

const vocab: Vocabulary = {
  countries: new Set(['TW', 'UA']),
  topics: new Set(['tariffs']),
  actors: new Set(['volodymyr-zelensky']),
  figures: new Set(),
  events: new Set(),
};

let stop: (() => void) | undefined;

beforeEach(() => {
  useChoices.getState().replace(DEFAULT_CHOICES);
});

afterEach(() => {
  stop?.();
  stop = undefined;
  window.history.replaceState(null, '', '/');
});

function start(search: string) {
  window.history.replaceState(null, '', `/${search}`);
  stop = startUrlSync({ vocab, win: window });
}

describe('startUrlSync', () => {
  it('restores the choices in the URL', () => {
    start('?country=TW&topic=tariffs');
    expect(useChoices.getState()).toMatchObject({ countries: ['TW'], topics: ['tariffs'] });
  });

  it('warns once about unknown values, never errors, and cleans the URL', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error');
    start('?country=ZZ&topic=nope&slide=-3');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/country=ZZ \(unknown country\); topic=nope \(unknown topic\); slide=-3/);
    expect(error).not.toHaveBeenCalled();
    expect(window.location.search).toBe('');
    expect(useChoices.getState().countries).toEqual([]);
  });

  it('adds a history entry for each choice', () => {
    start('');
    const before = window.history.length;
    useChoices.getState().toggleCountry('TW');
    expect(window.location.search).toBe('?country=TW');
    useChoices.getState().toggleTopic('tariffs');
    expect(window.location.search).toBe('?country=TW&topic=tariffs');
    expect(window.history.length).toBe(before + 2);
  });

  it('does not flood the history while typing in the search box', () => {
    start('');
    const before = window.history.length;
    for (const q of ['o', 'oi', 'oil']) useChoices.getState().setQuery(q);
    expect(window.location.search).toBe('?q=oil');
    expect(window.history.length).toBe(before + 1);
  });

  it('replaces the entry when only the slide changes', () => {
    start('?view=brief');
    const before = window.history.length;
    useChoices.getState().setSlide(2);
    useChoices.getState().setSlide(3);
    expect(window.location.search).toBe('?view=brief&slide=3');
    expect(window.history.length).toBe(before);
  });

  it('restores the choices of an entry on Back and Forward (popstate)', () => {
    start('');
    useChoices.getState().toggleCountry('TW');
    window.history.replaceState(null, '', '/?country=UA');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(useChoices.getState().countries).toEqual(['UA']);
    window.history.replaceState(null, '', '/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(useChoices.getState().countries).toEqual([]);
  });

  it('stops listening when stopped', () => {
    start('');
    stop!();
    stop = undefined;
    useChoices.getState().toggleCountry('TW');
    expect(window.location.search).toBe('');
  });
});
