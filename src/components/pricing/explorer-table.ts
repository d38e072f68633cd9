/**
 * The explorer's table in the browser: rows are clones of the <template> of PricingRow.astro
 * (the markup of the server's rows) filled with their slots, textContent only; the header shows
 * the sort (aria-sort) and the caption names it.
 */
import { rowCells, rowSlots, type RankedRow } from '../../views/pricing/rows.ts';
import { captionText, type ExplorerState } from '../../views/pricing/state.ts';
import type { ExplorerIndex } from '../../views/pricing/index-data.ts';
import { ariaSort } from '../../core/table-state.ts';
import { modelHref } from '../../core/urls.ts';
import { cloneRow } from '../shared/row-template.ts';
import { featuresText, type Notice } from '../../views/pricing/filters.ts';

/**
 * Rows `from` to `to` of `ranked`, drawn from the template; appended, or replacing the body when
 * `from` is 0. With `headings` (sorted by cost), a heading row opens each cost group.
 */
export const drawRows = (
  root: HTMLElement,
  ix: ExplorerIndex,
  ranked: readonly RankedRow[],
  from: number,
  to: number,
  headings: readonly string[] | undefined = undefined,
  features: readonly string[] = [],
) => {
  const body = root.querySelector('#explorer-rows')!;
  const template = root.querySelector<HTMLTemplateElement>('#explorer-row')!;
  const heading = root.querySelector<HTMLTemplateElement>('#explorer-group-row')!;
  const frag = document.createDocumentFragment();
  for (let i = from; i < to; i++) {
    const g = ranked[i]!.group;
    if (headings && g !== ranked[i - 1]?.group) frag.append(cloneRow(heading, { heading: headings[g] }));
    const slots = { ...rowSlots(rowCells(ranked[i]!, ix, modelHref)), features: featuresText(ranked[i]!.row, features) };
    frag.append(cloneRow(template, slots));
  }
  // The features column shows only while features are chosen.
  root.querySelector('#explorer-table')?.classList.toggle('no-features', features.length === 0);
  if (from === 0) body.replaceChildren(frag);
  else body.append(frag);
};

/** aria-sort on the sorted column and the caption of the state. */
export const drawHeader = (root: HTMLElement, s: ExplorerState) => {
  const sort = { key: s.sort, dir: s.dir };
  for (const th of root.querySelectorAll<HTMLElement>('#explorer-table thead th')) {
    const aria = ariaSort(sort, th.querySelector<HTMLButtonElement>('button')?.dataset.sort);
    if (aria) th.setAttribute('aria-sort', aria);
    else th.removeAttribute('aria-sort');
  }
  const caption = root.querySelector('#explorer-caption');
  if (caption) caption.textContent = captionText(s);
};

/** The notices as paragraphs, each with its button (data-action) when it has one. */
export const noticeNodes = (notices: Notice[]): HTMLParagraphElement[] =>
  notices.map((x) => {
    const p = document.createElement('p');
    p.textContent = `${x.text} `;
    if (x.action && x.button) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.action = x.action;
      b.textContent = x.button;
      p.append(b);
    }
    return p;
  });

/**
 * The model field's suggestions ([id, label], about a thousand) as the <option>s of its datalist,
 * built when the field is first focused (now, if it has the focus), not while the page loads.
 */
export const suggestOnFocus = (root: ParentNode, choices: [string, string][]) => {
  const field = root.querySelector<HTMLInputElement>('input[list]');
  const fill = () =>
    root.querySelector(`datalist#${field?.getAttribute('list') ?? 'explorer-models'}`)?.replaceChildren(
      ...choices.map(([id, label]) => {
        const o = document.createElement('option');
        o.value = id;
        o.label = label;
        return o;
      }),
    );
  if (!field || document.activeElement === field) fill();
  else field.addEventListener('focus', fill, { once: true });
};
