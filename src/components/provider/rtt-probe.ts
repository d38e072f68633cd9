/**
 * <rtt-probe data-origin="https://api.example.com">: on click, times a few HEAD requests to the
 * origin (no-cors, no credentials, no body, no referrer) and shows the round trip. Opaque
 * responses are fine: only the time until the response arrives counts. Nothing is stored or sent.
 * Loaded on first focus or click by islands.ts; a click that came before this code marks the probe
 * `data-start`, and that measurement runs as soon as the element is defined.
 */
import { RTT_REQUESTS, rttText, summarizeRtt } from '../../core/rtt.ts';

customElements.define(
  'rtt-probe',
  class extends HTMLElement {
    connectedCallback() {
      const button = this.querySelector('button');
      const out = this.querySelector('.result');
      const origin = this.dataset.origin;
      if (!button || !out || !origin) return;
      const count = Number(this.dataset.requests) || RTT_REQUESTS;
      const measure = async () => {
        button.disabled = true;
        out.textContent = 'Measuring…';
        const times: number[] = [];
        try {
          for (let i = 0; i < count; i++) {
            const url = `${origin}/`;
            const t0 = performance.now();
            await fetch(url, {
              method: 'HEAD',
              mode: 'no-cors',
              cache: 'no-store',
              credentials: 'omit',
              referrerPolicy: 'no-referrer',
            });
            times.push(performance.now() - t0);
          }
          const s = summarizeRtt(times);
          out.textContent = s ? rttText(s) : 'Not enough requests completed.';
        } catch {
          out.textContent = `Could not reach ${origin} from your browser (blocked or offline).`;
        } finally {
          button.disabled = false;
        }
      };
      button.disabled = false;
      button.addEventListener('click', () => void measure());
      if (this.dataset.start !== undefined) {
        delete this.dataset.start;
        void measure();
      }
    }
  },
);
