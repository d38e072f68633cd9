/**
 * <copy-button data-copy="text">…</copy-button>: adds a "Copy" button after its content that
 * copies `data-copy` (else the content's text), with visible feedback and a polite live
 * announcement. Without JS only the content shows.
 */
let live: HTMLElement | undefined;
const announce = (text: string) => {
  if (!live) {
    live = document.createElement('div');
    live.className = 'sr-only';
    live.setAttribute('aria-live', 'polite');
    document.body.append(live);
  }
  live.textContent = '';
  setTimeout(() => (live!.textContent = text), 50);
};

customElements.define(
  'copy-button',
  class extends HTMLElement {
    connectedCallback() {
      if (this.querySelector('button')) return;
      const text = this.dataset.copy ?? this.textContent?.trim() ?? '';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy';
      button.textContent = 'Copy';
      button.setAttribute('aria-label', `Copy ${text}`);
      button.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(text);
          button.textContent = 'Copied';
          announce(`Copied ${text}`);
        } catch {
          button.textContent = 'Copy failed';
          announce('Copy failed');
        }
        setTimeout(() => (button.textContent = 'Copy'), 2000);
      });
      this.append(' ', button);
    }
  },
);
