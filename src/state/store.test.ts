import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES, pickChoices, useChoices } from './store';

beforeEach(() => useChoices.getState().replace(DEFAULT_CHOICES));
const state = () => useChoices.getState();

describe('the choices store', () => {
  it('toggles countries and topics on and off', () => {
    state().toggleCountry('TW');
    state().toggleCountry('UA');
    state().toggleCountry('TW');
    state().toggleTopic('tariffs');
    expect(pickChoices(state())).toMatchObject({ countries: ['UA'], topics: ['tariffs'] });
  });

  it('opens one detail at a time', () => {
    state().openFigure('f');
    state().openEvent('e');
    expect(pickChoices(state())).toMatchObject({ figure: null, event: 'e' });
  });

  it('focusing an actor sets the other filters aside, and clearing the focus restores them', () => {
    state().toggleCountry('TW');
    state().setQuery('oil');
    state().focusActor('volodymyr-zelensky');
    expect(pickChoices(state())).toMatchObject({ actor: 'volodymyr-zelensky', countries: [], q: '' });
    state().focusActor('donald-trump');
    state().clearFocus();
    expect(pickChoices(state())).toMatchObject({ actor: null, countries: ['TW'], q: 'oil' });
  });

  it('clearing a focus that came from the URL only removes the actor', () => {
    state().replace({ ...DEFAULT_CHOICES, actor: 'vladimir-putin', topics: ['peace-talks'] });
    state().clearFocus();
    expect(pickChoices(state())).toMatchObject({ actor: null, topics: ['peace-talks'] });
  });

  it('clears every filter, focus included', () => {
    state().focusActor('vladimir-putin');
    state().toggleTopic('casualties');
    state().clearFilters();
    expect(pickChoices(state())).toEqual(DEFAULT_CHOICES);
    expect(state().beforeFocus).toBeNull();
  });
});
