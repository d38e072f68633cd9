/**
 * <copy-button data-copy="text">…</copy-button>: adds a "Copy" button after its content that
 * copies `data-copy` (else the content's text), with visible feedback and a polite live
 * announcement. Without JS only the content shows.
 */
let live: HTMLElement | undefined;
const announce = (text: string) => {
  live ??= document.body.appendChild(Object.assign(document.createElement('div'), { className: 'sr-only', ariaLive: 'polite' }));
  live.textContent = '';
  setTimeout(() => (live!.textContent = text), 50);
};

customElements.define(
  'copy-button',
  class extends HTMLElement {
    connectedCallback() {
      if (this.querySelector('button')) return;
      const text = this.dataset.copy ?? this.textContent?.trim() ?? '';
      const button = Object.assign(document.createElement('button'), {
        type: 'button',
        className: 'copy',
        textContent: 'Copy',
        ariaLabel: `Copy ${text}`,
      });
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
