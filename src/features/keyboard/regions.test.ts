import { describe, expect, it } from 'vitest';
import { REGION_TARGETS, shortcutFor, type KeyPress } from './regions';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  target: { tagName: 'BODY' },
  ...over,
});

describe('shortcutFor', () => {
  it('maps 1–7 to the regions in page order, "/" to the search and "?" to the help', () => {
    expect(REGION_TARGETS.map((r) => r.title)).toEqual([
      'Filters',
      'Key figures',
      'Charts',
      'Map',
      'Actors',
      'Timeline',
      'Sources',
    ]);
    expect(shortcutFor(press('7'), true)).toEqual({ type: 'region', id: 'sources' });
    expect(shortcutFor(press('2'), true)).toEqual({ type: 'region', id: 'key-figures' });
    expect(shortcutFor(press('/'), true)).toEqual({ type: 'search' });
    expect(shortcutFor(press('?'), true)).toEqual({ type: 'help' });
  });

  it('leaves the deck’s keys and keys with modifiers alone', () => {
    for (const key of ['f', 'F', 'n', 'N', 'ArrowRight', 'ArrowLeft', ' ', 'Escape', '8', '0'])
      expect(shortcutFor(press(key), true)).toBeNull();
    expect(shortcutFor(press('1', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(press('1', { altKey: true }), true)).toBeNull();
    expect(shortcutFor(press('1', { metaKey: true }), true)).toBeNull();
  });

  it('never takes a key typed into a text field, a select or editable text', () => {
    expect(shortcutFor(press('1', { target: { tagName: 'INPUT', type: 'search' } }), true)).toBeNull();
    expect(shortcutFor(press('?', { target: { tagName: 'INPUT', type: 'text' } }), true)).toBeNull();
    expect(shortcutFor(press('1', { target: { tagName: 'TEXTAREA' } }), true)).toBeNull();
    expect(shortcutFor(press('1', { target: { tagName: 'SELECT' } }), true)).toBeNull();
    expect(shortcutFor(press('1', { target: { tagName: 'DIV', isContentEditable: true } }), true)).toBeNull();
    // A checkbox takes no text: the key is free.
    expect(shortcutFor(press('1', { target: { tagName: 'INPUT', type: 'checkbox' } }), true)).toEqual({
      type: 'region',
      id: 'filters',
    });
  });

  it('switched off, only "?" (which opens the switch) still works', () => {
    expect(shortcutFor(press('7'), false)).toBeNull();
    expect(shortcutFor(press('/'), false)).toBeNull();
    expect(shortcutFor(press('?'), false)).toEqual({ type: 'help' });
  });
});
