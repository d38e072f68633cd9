/**
 * The header's theme toggle (ThemeToggle.astro): three radio buttons, System, Light and Dark. A change
 * applies the theme to <html> at once and stores it (localStorage); "System" removes the stored
 * value. Loaded by islands.ts on every page; the head script (theme-init.ts) already applied the
 * stored theme before the page painted, so this only syncs the radios and listens.
 */
import { THEME_KEY, themeAttributes, themePreference, type ThemePreference } from '../../core/theme.ts';

const root = document.documentElement;
const apply = (pref: ThemePreference) => {
  const { theme } = themeAttributes(pref);
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
  root.dataset.themePref = pref;
};

const current = themePreference(root.dataset.themePref);
for (const input of document.querySelectorAll<HTMLInputElement>('.theme-toggle input[name="theme"]'))
  input.checked = input.value === current;

document.addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement | null;
  if (!input?.matches('.theme-toggle input[name="theme"]')) return;
  const pref = themePreference(input.value);
  apply(pref);
  try {
    if (pref === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, pref);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
});
