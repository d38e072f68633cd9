/**
 * Rows rendered once: a table's row component renders the server's rows and, without data, a
 * `<template>` of the same row whose parts carry `data-*` slots. Islands clone that template and
 * fill it here, with textContent and attributes only (never innerHTML), so a row drawn in the
 * browser has the markup of a row drawn by the build. Values come from the same pure function
 * the component uses (a views/ module), so both show the same text.
 *
 * - `data-slot="k"`: textContent = values[k] ("" when absent); with `data-optional`, an empty
 *   value removes the element and the space before it.
 * - `data-href="k"`: href = values[k]; without one the link is unwrapped into its text.
 * - `data-class="k"`: className = values[k], when given ("" removes the attribute).
 * - `data-text="k"`: values[k] as a text node before the element's children.
 * - `data-attrs="name:k name2:k2"`: each attribute set to its value, when given.
 * The slot attributes are removed once filled, so the row's markup is the server's.
 */
export type Slots = Readonly<Record<string, string | undefined>>;

const SLOTTED = '[data-class],[data-attrs],[data-slot],[data-href],[data-text]';

/** Fills one slotted element: class, attributes, text, link, leading text, in that order. */
const fill = (el: HTMLElement, values: Slots) => {
  const d = el.dataset;
  if (d.class !== undefined) {
    const v = values[d.class];
    if (v) el.className = v;
    else if (v === '') el.removeAttribute('class');
    el.removeAttribute('data-class');
  }
  if (d.attrs !== undefined) {
    for (const pair of d.attrs.split(' ')) {
      const [name, key] = pair.split(':');
      const v = values[key!];
      if (name && v !== undefined) el.setAttribute(name, v);
    }
    el.removeAttribute('data-attrs');
  }
  if (d.slot !== undefined) {
    const v = values[d.slot] ?? '';
    if (v === '' && d.optional !== undefined) {
      const before = el.previousSibling;
      if (before?.nodeType === Node.TEXT_NODE && before.textContent?.trim() === '') before.remove();
      el.remove();
      return;
    }
    el.textContent = v;
    el.removeAttribute('data-slot');
    el.removeAttribute('data-optional');
  }
  if (d.href !== undefined) {
    const v = values[d.href];
    el.removeAttribute('data-href');
    if (!v) return el.replaceWith(...el.childNodes);
    el.setAttribute('href', v);
  }
  if (d.text !== undefined) {
    el.prepend(values[d.text] ?? '');
    el.removeAttribute('data-text');
  }
};

/** Fills the slots of `root` (and root itself) with `values`, parents before children; returns root. */
export const fillSlots = <E extends Element>(root: E, values: Slots): E => {
  if (root.matches(SLOTTED)) fill(root as unknown as HTMLElement, values);
  for (const el of root.querySelectorAll<HTMLElement>(SLOTTED)) fill(el, values);
  return root;
};

/** A filled copy of the template's first element (a row). */
export const cloneRow = <E extends Element = HTMLTableRowElement>(template: HTMLTemplateElement, values: Slots): E =>
  fillSlots(template.content.firstElementChild!.cloneNode(true) as E, values);
