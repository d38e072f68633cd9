/**
 * Loads the header search island (search-box.ts) on the first sign of intent: focus on the
 * field, or "/" anywhere. Until then no search code ships with a page.
 */
import { isSlashShortcut } from '../lib/search-shortcut.ts';

const input = document.querySelector<HTMLInputElement>('search-box input');
let loading: Promise<unknown> | undefined;
const load = () => (loading ??= import('./search-box.ts'));

input?.addEventListener('focus', () => void load(), { once: true });
document.addEventListener('keydown', (e) => {
  if (!customElements.get('search-box') && isSlashShortcut(e, e.target as HTMLElement | null)) {
    e.preventDefault();
    input?.focus();
  }
});
