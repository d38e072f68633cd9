/**
 * <where-hosts>: keeps the host filter's choice of a model page in the URL (`?hosts=`,
 * history.replaceState) and restores it on load. The filter itself is CSS alone (ModelHostFilter.astro).
 */
customElements.define(
  'where-hosts',
  class extends HTMLElement {
    connectedCallback() {
      const radios = [...this.querySelectorAll<HTMLInputElement>('input[name="where-hosts"]')];
      const wanted = radios.find((r) => r.value === new URL(location.href).searchParams.get('hosts'));
      if (wanted) wanted.checked = true;
      this.addEventListener('change', () => {
        const next = new URL(location.href);
        const picked = radios.find((r) => r.checked);
        // The first choice (all hosts) is the default and stays out of the URL.
        if (!picked || picked === radios[0]) next.searchParams.delete('hosts');
        else next.searchParams.set('hosts', picked.value);
        history.replaceState(history.state, '', next);
      });
      this.dataset.ready = '';
    }
  },
);
