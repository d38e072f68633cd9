/**
 * Starts the header search island (search-box.ts) on the first sign of intent: focus on the
 * field, or "/" anywhere. Until then no search code or styles load (see wake-template.ts).
 */
import { isSlashShortcut } from '../lib/search-shortcut.ts';
import { wakeTemplate } from './wake-template.ts';

const box = document.querySelector('search-box');
const input = box?.querySelector('input');

input?.addEventListener('focus', () => wakeTemplate(box?.querySelector('template')), { once: true });
document.addEventListener('keydown', (e) => {
  if (!customElements.get('search-box') && isSlashShortcut(e, e.target as HTMLElement | null)) {
    e.preventDefault();
    input?.focus();
  }
});
