/**
 * <where-columns>: the column chooser of a model page's offerings table. The checkboxes show and
 * hide columns by CSS alone (WhereColumns.astro); this script keeps the choice in the URL
 * (`?cols=`, history.replaceState) and restores it from the URL on load.
 */
import { parseWhereColumns, whereColumnsParam } from '../../views/model/where-columns.ts';

customElements.define(
  'where-columns',
  class extends HTMLElement {
    connectedCallback() {
      const boxes = [...this.querySelectorAll<HTMLInputElement>('input[name^="col-"]')];
      const url = new URL(location.href);
      const picked = parseWhereColumns(url.searchParams.get('cols'));
      for (const b of boxes) b.checked = picked.includes(b.value as (typeof picked)[number]);
      this.addEventListener('change', () => {
        const next = new URL(location.href);
        const value = whereColumnsParam(boxes.filter((b) => b.checked).map((b) => b.value));
        if (value === null) next.searchParams.delete('cols');
        else next.searchParams.set('cols', value);
        history.replaceState(history.state, '', next);
      });
      this.dataset.ready = '';
    }
  },
);
