import { useEffect, useId } from 'react';
import { THEMES, usePrefs, type Theme } from '../state/prefs';

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Applies the chosen theme to the page: `data-theme` on <html>, or none to follow the system. */
export function useApplyTheme() {
  const theme = usePrefs((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = theme;
  }, [theme]);
}

/** Light, dark or the system's setting; the choice is kept in this browser. */
export function ThemeSwitch() {
  const theme = usePrefs((s) => s.theme);
  const setTheme = usePrefs((s) => s.setTheme);
  const id = useId();
  return (
    <span className="theme-switch">
      <label htmlFor={id} className="theme-switch__label">
        Theme
      </label>
      <select id={id} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </span>
  );
}
