import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUrlSync } from './url-sync';
import { DEFAULT_CHOICES, useChoices } from './store';
import type { UrlVocabulary } from './url';

const vocab: UrlVocabulary = {
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

/** Resolves after the next frame and the task after it: when a waiting filter change has been written. */
function nextFrame() {
  return new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

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

  it('adds a history entry for each choice', async () => {
    start('');
    const before = window.history.length;
    useChoices.getState().toggleCountry('TW');
    await nextFrame();
    expect(window.location.search).toBe('?country=TW');
    useChoices.getState().toggleTopic('tariffs');
    await nextFrame();
    expect(window.location.search).toBe('?country=TW&topic=tariffs');
    expect(window.history.length).toBe(before + 2);
  });

  it('writes a filter change after the next paint, not inside the click, with an entry for each', async () => {
    start('');
    const before = window.history.length;
    useChoices.getState().toggleCountry('TW');
    useChoices.getState().toggleTopic('tariffs');
    expect(window.location.search).toBe('');
    await nextFrame();
    expect(window.location.search).toBe('?country=TW&topic=tariffs');
    expect(window.history.length).toBe(before + 2);
    window.history.back();
    await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    expect(window.location.search).toBe('?country=TW');
    expect(useChoices.getState()).toMatchObject({ countries: ['TW'], topics: [] });
    window.history.forward();
    await new Promise((r) => window.addEventListener('popstate', r, { once: true }));
    expect(useChoices.getState()).toMatchObject({ countries: ['TW'], topics: ['tariffs'] });
  });

  it('writes any other choice at once, after the filter changes still waiting', () => {
    start('');
    const before = window.history.length;
    useChoices.getState().toggleCountry('TW');
    useChoices.getState().openFigure('f1');
    expect(window.location.search).toBe('?country=TW&figure=f1');
    expect(window.history.length).toBe(before + 2);
  });

  it('keeps a waiting filter change in the address when the page is left at once', () => {
    start('');
    useChoices.getState().toggleCountry('UA');
    window.dispatchEvent(new Event('pagehide'));
    expect(window.location.search).toBe('?country=UA');
  });

  it('does not flood the history while typing in the search box', async () => {
    start('');
    const before = window.history.length;
    for (const q of ['o', 'oi', 'oil']) useChoices.getState().setQuery(q);
    await nextFrame();
    expect(window.location.search).toBe('?q=oil');
    expect(window.history.length).toBe(before + 1);
    for (const q of ['oil ', 'oil p']) {
      useChoices.getState().setQuery(q);
      await nextFrame();
    }
    expect(window.location.search).toBe('?q=oil+p');
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

  it('forgets a waiting write when Back or Forward has moved to another entry', async () => {
    start('');
    useChoices.getState().toggleCountry('TW');
    window.history.replaceState(null, '', '/?country=UA');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await nextFrame();
    expect(window.location.search).toBe('?country=UA');
    expect(useChoices.getState().countries).toEqual(['UA']);
  });

  it('stops listening when stopped', () => {
    start('');
    stop!();
    stop = undefined;
    useChoices.getState().toggleCountry('TW');
    expect(window.location.search).toBe('');
  });
});
