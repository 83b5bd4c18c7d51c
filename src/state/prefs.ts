/**
 * Preferences that belong to this browser rather than to a link: the theme and the custom deck.
 * Kept in localStorage; a corrupt or foreign value there falls back to the defaults.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

export interface Prefs {
  theme: Theme;
  /** Slide ids in the order the user chose; null means the default deck. */
  deck: string[] | null;
  setTheme: (theme: Theme) => void;
  setDeck: (deck: string[] | null) => void;
}

export const usePrefs = create<Prefs>()(
  persist(
    (set) => ({
      theme: 'system',
      deck: null,
      setTheme: (theme) => set({ theme }),
      setDeck: (deck) => set({ deck }),
    }),
    {
      name: 'geobrief-prefs',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ theme: s.theme, deck: s.deck }),
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Prefs>;
        const theme = THEMES.includes(p.theme as Theme) ? (p.theme as Theme) : current.theme;
        const deck = Array.isArray(p.deck) && p.deck.every((id) => typeof id === 'string') ? p.deck : current.deck;
        return { ...current, theme, deck };
      },
    },
  ),
);
