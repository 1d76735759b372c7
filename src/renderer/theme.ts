import { THEMES, type Theme } from '../shared/contract/desktop';

export const THEME_KEY = 'designdesk.theme';

export const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** The theme chosen on this device (System when none, or when storage is unavailable). */
export function storedTheme(): Theme {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return (THEMES as readonly string[]).includes(v ?? '') ? (v as Theme) : 'system';
  } catch {
    return 'system';
  }
}

/**
 * Applies a theme to the page: `data-theme` on <html> picks the palette in
 * app.css, and `data-color-mode` does the same for the Markdown editor.
 * System removes both. app.css turns the attribute into the root's color-scheme
 * (light, dark, or "light dark" to follow the system), and every colour there is
 * declared once with light-dark(), so both ways to reach dark look the same.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') {
    delete root.dataset.theme;
    delete root.dataset.colorMode;
  } else {
    root.dataset.theme = theme;
    root.dataset.colorMode = theme;
  }
}

/** Remembers the theme on this device. */
export function storeTheme(theme: Theme): void {
  try {
    if (theme === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, theme);
  } catch {
    // private mode: the choice lasts for this session only
  }
}
