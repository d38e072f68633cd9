/**
 * <price-unit data-for="table-id">: a per-1M / per-1K switch for a price table. Converts the
 * cells of header columns marked `data-tok` (each keeps its per-1M value in `data-v` so that
 * sorting stays right) and every <data value> inside them, the `.u` and `[data-unit]` unit labels; the unit
 * lives in the URL as ?unit=1k. Without JS the table shows per 1M tokens.
 */
import { formatUsd } from '../../core/format.ts';
import { inUnit, UNIT_LABEL, type PriceUnit } from '../../core/price.ts';
import { parseUsd } from '../../core/table-values.ts';

customElements.define(
  'price-unit',
  class extends HTMLElement {
    connectedCallback() {
      const table = document.getElementById(this.dataset.for ?? '') as HTMLTableElement | null;
      const fieldset = this.querySelector('fieldset');
      if (!table || !fieldset) return;
      fieldset.hidden = false;
      const radios = [...fieldset.querySelectorAll<HTMLInputElement>('input[type=radio]')];
      const apply = (unit: PriceUnit) => {
        const head = [...(table.tHead?.rows[0]?.cells ?? [])];
        const cols = head.flatMap((th, i) => (th.hasAttribute('data-tok') ? [i] : []));
        for (const el of table.querySelectorAll('.u')) el.textContent = ` / ${UNIT_LABEL[unit]}`;
        for (const el of table.querySelectorAll('[data-unit]')) el.textContent = UNIT_LABEL[unit];
        for (const row of table.tBodies[0]?.rows ?? []) {
          for (const i of cols) {
            const cell = row.cells[i];
            if (!cell) continue;
            const v = cell.dataset.v ?? parseUsd(cell.textContent ?? '');
            if (v !== undefined) {
              cell.dataset.v = String(v);
              cell.textContent = formatUsd(inUnit(Number(v), unit));
            }
            for (const d of cell.querySelectorAll('data')) d.textContent = formatUsd(inUnit(Number(d.value), unit));
          }
        }
        const url = new URL(location.href);
        if (unit === '1k') url.searchParams.set('unit', '1k');
        else url.searchParams.delete('unit');
        history.replaceState(history.state, '', url);
      };
      for (const r of radios) r.addEventListener('change', () => r.checked && apply(r.value as PriceUnit));
      if (new URLSearchParams(location.search).get('unit') === '1k') {
        const k = radios.find((r) => r.value === '1k');
        if (k) k.checked = true;
        apply('1k');
      }
    }
  },
);
