/**
 * Starter for <rtt-probe>: enables the button; the first click loads the measuring code
 * (rtt-probe.ts, waiting in the island's <template>), which then runs that first measurement.
 */
import { wakeTemplate } from './wake-template.ts';

for (const probe of document.querySelectorAll<HTMLElement>('rtt-probe')) {
  const button = probe.querySelector('button');
  if (!button) continue;
  button.disabled = false;
  button.addEventListener(
    'click',
    () => {
      if (customElements.get('rtt-probe')) return;
      probe.dataset.start = '';
      wakeTemplate(probe.querySelector('template'));
    },
    { once: true },
  );
}
