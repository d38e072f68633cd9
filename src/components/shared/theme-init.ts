/**
 * Runs as a classic, blocking script in <head> (Base.astro), before the stylesheet paints anything:
 * it applies the stored theme to <html>, so a page never flashes the wrong theme. An external file
 * (bundled with `?worker&url`), so the CSP needs no inline script. It also marks <html> with
 * data-js, which shows the header's theme toggle (hidden without JS, where it could not work).
 *
 * A classic script shares the page's global scope, so this one imports nothing (the bundler would
 * hoist imports to globals) and keeps its names inside a function: the rule of src/core/theme.ts,
 * which a unit test checks this script against (tests/unit/core/theme.test.ts).
 */
(() => {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem('theme');
  } catch {
    // Storage blocked (privacy settings): the system theme.
  }
  const root = document.documentElement;
  const pref = stored === 'light' || stored === 'dark' ? stored : 'system';
  if (pref !== 'system') root.dataset.theme = pref;
  root.dataset.themePref = pref;
  root.dataset.js = '';
})();
