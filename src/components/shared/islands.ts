/**
 * Lazy islands, on every page (Base.astro). An island is an element marked `data-island` whose
 * code (and styles) wait, inert, in a <template> child: the browser neither runs nor downloads
 * what a template holds. The first focus or click inside the island moves that content into
 * <head>, so its code loads then and upgrades the element. A click that arrives before the code
 * marks the island `data-start`, for the code to act on it. Buttons marked `data-js` do nothing
 * without JS, so they stay disabled until this runs.
 *
 * The islands' code is bundled on its own (`?worker&url`, see astro.config.mjs); a dynamic
 * import() would pull Vite's ~1 KB preload helper into every page.
 *
 * Also the "/" shortcut and the header's small-screen "Search" link (both focus the header search
 * box, which wakes that island) and the <copy-button> element: all small and used on most pages,
 * so one file serves them all; and the header's theme toggle (theme-toggle.ts).
 */
import { isSlashShortcut } from '../../core/search-shortcut.ts';
import './copy-button.ts';
import './theme-toggle.ts';

const wake = (e: Event) => {
  const island = (e.target as Element | null)?.closest?.<HTMLElement>('[data-island]');
  if (!island) return;
  if (e.type === 'click' && !customElements.get(island.localName)) island.dataset.start = '';
  const code = island.querySelector<HTMLTemplateElement>(':scope > template');
  if (code) {
    code.remove();
    document.head.append(document.importNode(code.content, true));
  }
};
document.addEventListener('focusin', wake);
document.addEventListener('click', wake);
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-island] button[data-js]')) b.disabled = false;

const search = document.querySelector<HTMLInputElement>('search-box input');
// The header's "Search" link (below 640 px) opens the header search field rather than /search/.
document.querySelector('a.search-open')?.addEventListener('click', (e) => {
  if (!search) return;
  e.preventDefault();
  search.focus();
});
document.addEventListener('keydown', (e) => {
  if (!customElements.get('search-box') && isSlashShortcut(e, e.target as HTMLElement | null)) {
    e.preventDefault();
    search?.focus();
  }
});
