/**
 * The colour theme the visitor picked: "system" (the default: follow the operating system),
 * "light" or "dark", kept in localStorage. Pure and browser-safe: the header toggle
 * (src/components/shared/theme-toggle.ts) uses it; the head script (theme-init.ts) repeats its rule
 * without importing it, and tests/unit/core/theme.test.ts checks that the two agree.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEMES)[number];
/** The localStorage key. */
export const THEME_KEY = 'theme';

/** A stored value as a preference: anything but "light" or "dark" (nothing, junk) is "system". */
export const themePreference = (stored: string | null | undefined): ThemePreference =>
  stored === 'light' || stored === 'dark' ? stored : 'system';

/**
 * The attributes the root element carries for a preference: data-theme (read by the stylesheet;
 * absent for "system", so prefers-color-scheme decides) and data-theme-pref (which toggle option shows as chosen).
 */
export const themeAttributes = (pref: ThemePreference): { theme: string | undefined; pref: ThemePreference } => ({
  theme: pref === 'system' ? undefined : pref,
  pref,
});
