/**
 * <where-regions>: the region filter of a model page's "Where to run it" table. Each row carries
 * the filter keys it matches (data-place) and those it cannot answer (data-place-unknown), computed
 * at build time from src/core/regions.ts; this script only compares strings (place-keys.ts). It
 * hides the rows that do not match, says how many show and how many are unknown (never counted as
 * a match), shows the Regions column when a filter is set, and keeps the choice in the URL
 * (`?region=`, `?eu=1`, history.replaceState). The host filter's rows (CSS) are respected in the counts.
 */
import { placeKey, placeMatch } from '../../views/place-keys.ts';

const tokens = (row: HTMLTableRowElement) => ({
  yes: (row.dataset.place ?? '').split(' ').filter(Boolean),
  unknown: (row.dataset.placeUnknown ?? '').split(' ').filter(Boolean),
});

customElements.define(
  'where-regions',
  class extends HTMLElement {
    connectedCallback() {
      const select = this.querySelector<HTMLSelectElement>('select[name="region"]');
      const eu = this.querySelector<HTMLInputElement>('input[name="eu"]');
      const out = this.querySelector('output');
      const table = document.querySelector<HTMLTableElement>('#where-table table');
      if (!select || !eu || !out || !table) return;
      const rows = [...table.tBodies].flatMap((b) => [...b.rows]).map((row) => ({ row, tokens: tokens(row) }));
      const url = new URL(location.href);
      const wanted = url.searchParams.get('region') ?? '';
      if ([...select.options].some((o) => o.value === wanted)) select.value = wanted;
      eu.checked = url.searchParams.get('eu') === '1';

      const apply = () => {
        const key = placeKey(select.value, eu.checked);
        // Rows the host filter (CSS) hides are left out of every count.
        for (const r of rows) r.row.hidden = false;
        const hosted = rows.filter((r) => getComputedStyle(r.row).display !== 'none');
        let shown = 0;
        let unknown = 0;
        for (const r of rows) {
          const a = placeMatch(r.tokens, key);
          r.row.hidden = a !== 'yes';
          if (!hosted.includes(r)) continue;
          if (a === 'yes') shown++;
          else if (a === 'unknown') unknown++;
        }
        out.textContent =
          key === ''
            ? `${hosted.filter((r) => placeMatch(r.tokens, 'unknown') === 'yes').length} of ${hosted.length} without published regions`
            : `Showing ${shown} of ${hosted.length}${unknown ? `; ${unknown} not shown because their region${eu.checked ? ' or EU processing' : ''} is not published` : ''}`;
      };
      const showRegions = () => {
        const box = document.querySelector<HTMLInputElement>('where-columns input[value="regions"]');
        if (box && !box.checked && (select.value || eu.checked)) {
          box.checked = true;
          box.dispatchEvent(new Event('change', { bubbles: true }));
        }
      };
      const writeUrl = () => {
        const next = new URL(location.href);
        if (select.value) next.searchParams.set('region', select.value);
        else next.searchParams.delete('region');
        if (eu.checked) next.searchParams.set('eu', '1');
        else next.searchParams.delete('eu');
        history.replaceState(history.state, '', next);
      };
      this.addEventListener('change', () => {
        apply();
        showRegions();
        writeUrl();
      });
      // The host filter changes which rows count.
      document.addEventListener('change', (e) => {
        if ((e.target as HTMLInputElement).name === 'where-hosts') apply();
      });
      apply();
      void customElements.whenDefined('where-columns').then(showRegions);
      this.dataset.ready = '';
    }
  },
);
