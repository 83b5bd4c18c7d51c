/**
 * The user's choices, and nothing else: the dataset is a module value, never store state. Every choice is a URL
 * parameter: its default and how it is written in the address are its row of URL_PARAMS (url.ts).
 */
import { create } from 'zustand';
import type { TimelineScale } from '../model/dataset/timeline';
import { CHOICE_KEYS, defaultChoices } from './url';

export type { TimelineScale };
export type View = 'explore' | 'brief';

/** The choices the address keeps; each has a row in URL_PARAMS (url.ts), and `tsc` fails while one has none. */
export interface Choices {
  countries: string[];
  topics: string[];
  /** Focused actor id. */
  actor: string | null;
  /** Search text over figure labels, quotes, claimants and actor names. */
  q: string;
  /** Only figures that rest on one claimant (no other source gives their measure at about the same time). */
  single: boolean;
  view: View;
  /** 1-based slide number in the brief view. */
  slide: number;
  /** Figure whose detail is open. */
  figure: string | null;
  /** Event whose detail is open (from the map or the timeline). */
  event: string | null;
  /** Front-line situation shown on the map (YYYY-MM-DD); null = the dataset's as-of date. */
  frontline: string | null;
  /** Earlier situation the map compares with (YYYY-MM-DD); null = no comparison. */
  compare: string | null;
  /** Saved briefing the "Since the last briefing" view compares with; null = not comparing. */
  since: string | null;
  /** Timeline window. */
  scale: TimelineScale;
}

/** Every choice at its default (from URL_PARAMS). */
export const DEFAULT_CHOICES: Choices = Object.freeze(defaultChoices()) as Choices;

/** The filters in force before an actor was focused, so clearing the focus can restore them. */
export interface BeforeFocus {
  actor: string;
  countries: string[];
  topics: string[];
  q: string;
}

export interface ChoicesStore extends Choices {
  beforeFocus: BeforeFocus | null;
  toggleCountry: (id: string) => void;
  toggleTopic: (id: string) => void;
  setQuery: (q: string) => void;
  setSingle: (single: boolean) => void;
  /** Focus one actor: every view narrows to it; the other filters are set aside until the focus is cleared. */
  focusActor: (id: string) => void;
  /** Clear the focus and bring back the filters it set aside. */
  clearFocus: () => void;
  openFigure: (id: string | null) => void;
  openEvent: (id: string | null) => void;
  clearFilters: () => void;
  /** Switch between exploring and presenting; the filters and focus stay. */
  setView: (view: View) => void;
  setSlide: (slide: number) => void;
  /** Show the front line of a date (null = as-of date). */
  setFrontline: (date: string | null) => void;
  /** Compare the shown front line with an earlier date (null = no comparison). */
  setCompare: (date: string | null) => void;
  /** Open (or close, with null) the comparison with a saved briefing. */
  setSince: (briefingId: string | null) => void;
  setScale: (scale: TimelineScale) => void;
  /** Replace every choice at once (URL restore, tests). */
  replace: (choices: Choices) => void;
}

function toggle(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

export const useChoices = create<ChoicesStore>()((set) => ({
  ...DEFAULT_CHOICES,
  toggleCountry: (id) => set((s) => ({ countries: toggle(s.countries, id) })),
  toggleTopic: (id) => set((s) => ({ topics: toggle(s.topics, id) })),
  setQuery: (q) => set({ q }),
  setSingle: (single) => set({ single }),
  beforeFocus: null,
  focusActor: (actor) =>
    set((s) => ({
      actor,
      countries: [],
      topics: [],
      q: '',
      beforeFocus: s.actor
        ? s.beforeFocus && { ...s.beforeFocus, actor }
        : { actor, countries: s.countries, topics: s.topics, q: s.q },
    })),
  clearFocus: () =>
    set((s) =>
      s.beforeFocus && s.beforeFocus.actor === s.actor
        ? {
            actor: null,
            countries: s.beforeFocus.countries,
            topics: s.beforeFocus.topics,
            q: s.beforeFocus.q,
            beforeFocus: null,
          }
        : { actor: null, beforeFocus: null },
    ),
  openFigure: (figure) => set({ figure, event: null }),
  openEvent: (event) => set({ event, figure: null }),
  clearFilters: () => set({ countries: [], topics: [], actor: null, q: '', single: false, beforeFocus: null }),
  replace: (choices) => set({ ...choices }),
  setView: (view) => set({ view, slide: 1, figure: null, event: null }),
  setSlide: (slide) => set({ slide }),
  setFrontline: (frontline) => set({ frontline }),
  setCompare: (compare) => set({ compare }),
  setSince: (since) => set({ since }),
  setScale: (scale) => set({ scale }),
}));

/** The choices part of the store's state, without its actions. */
export function pickChoices(state: Choices): Choices {
  const choices = {} as Record<keyof Choices, unknown>;
  for (const name of CHOICE_KEYS) choices[name] = state[name];
  return choices as Choices;
}
