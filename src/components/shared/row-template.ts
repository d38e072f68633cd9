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

/** Fills the slots of `root` (and root itself) with `values`; returns root. */
export const fillSlots = <E extends Element>(root: E, values: Slots): E => {
  const all = (attr: string) => [...(root.matches(`[${attr}]`) ? [root] : []), ...root.querySelectorAll<HTMLElement>(`[${attr}]`)] as HTMLElement[];
  for (const el of all('data-class')) {
    const v = values[el.dataset.class!];
    if (v) el.className = v;
    else if (v === '') el.removeAttribute('class');
    el.removeAttribute('data-class');
  }
  for (const el of all('data-attrs')) {
    for (const pair of el.dataset.attrs!.split(' ')) {
      const [name, key] = pair.split(':');
      const v = values[key!];
      if (name && v !== undefined) el.setAttribute(name, v);
    }
    el.removeAttribute('data-attrs');
  }
  for (const el of all('data-slot')) {
    const v = values[el.dataset.slot!] ?? '';
    if (v === '' && el.hasAttribute('data-optional')) {
      const before = el.previousSibling;
      if (before?.nodeType === Node.TEXT_NODE && before.textContent?.trim() === '') before.remove();
      el.remove();
    } else {
      el.textContent = v;
      el.removeAttribute('data-slot');
      el.removeAttribute('data-optional');
    }
  }
  for (const el of all('data-href')) {
    const v = values[el.dataset.href!];
    if (!v) el.replaceWith(...el.childNodes);
    el.setAttribute('href', v ?? '');
    el.removeAttribute('data-href');
  }
  for (const el of all('data-text')) {
    el.prepend(values[el.dataset.text!] ?? '');
    el.removeAttribute('data-text');
  }
  return root;
};

/** A filled copy of the template's first element (a row). */
export const cloneRow = <E extends Element = HTMLTableRowElement>(template: HTMLTemplateElement, values: Slots): E =>
  fillSlots(template.content.firstElementChild!.cloneNode(true) as E, values);
