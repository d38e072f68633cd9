/**
 * The explorer's form as a view of its state: the island writes the state into the controls
 * (workload fields from WORKLOAD_FIELDS, filters by their URL parameter names) and never reads
 * them back; edits reach the state through the input events (views/pricing/state.ts withInput).
 */
import { presetOf, filterTexts, type ExplorerState } from '../../views/pricing/state.ts';
import {
  fieldText,
  MONTHLY_FIELDS,
  VOLUME_PARAM,
  WORKLOAD_FIELDS,
  WORKLOAD_PRESETS,
  type MonthlyVolume,
} from '../../core/workload.ts';
import type { Workload } from '../../core/cost.ts';

type Control = HTMLInputElement | HTMLSelectElement;

const control = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as Control | null;

/** The text under the preset choice. */
export const CUSTOM_NOTE = 'Your own numbers: every offering is priced for them.';
export const CUSTOM_EDIT_NOTE = 'Your own numbers: edit the fields, and every offering is priced for them.';

/** Shows the preset this workload is (or "Custom numbers") and its description. */
export const showPreset = (form: HTMLFormElement, description: Element | null, w: Workload) => {
  const preset = presetOf(w);
  const select = control(form, 'preset');
  if (select) select.value = preset ?? '';
  if (description) description.textContent = preset ? WORKLOAD_PRESETS[preset].description : CUSTOM_NOTE;
};

/**
 * Writes the workload into its fields; with a monthly volume, the tokens per month, shown in
 * place of the tokens per request.
 */
export const writeWorkload = (
  form: HTMLFormElement,
  description: Element | null,
  w: Workload,
  monthly?: MonthlyVolume | undefined,
) => {
  for (const f of WORKLOAD_FIELDS) {
    const c = control(form, f.param);
    if (c) c.value = fieldText(f, w);
  }
  const mode = monthly ? 'month' : 'request';
  const vol = control(form, VOLUME_PARAM);
  if (vol) vol.value = mode;
  for (const f of MONTHLY_FIELDS) {
    const c = control(form, f.param);
    if (c) c.value = monthly ? String(monthly[f.key]) : '';
  }
  for (const label of form.querySelectorAll<HTMLElement>('[data-volume]')) label.hidden = label.dataset.volume !== mode;
  showPreset(form, description, w);
};

/** Writes the whole state into the form. */
export const writeForm = (form: HTMLFormElement, description: Element | null, s: ExplorerState) => {
  writeWorkload(form, description, s.workload, s.monthly);
  for (const [name, text] of Object.entries(filterTexts(s.filters))) {
    const item = form.elements.namedItem(name);
    // A list of checkboxes (features): each is checked when the list holds its value.
    if (item instanceof RadioNodeList) {
      const values = text.split(',');
      for (const box of item) if (box instanceof HTMLInputElement) box.checked = values.includes(box.value);
      continue;
    }
    const c = control(form, name);
    if (!c) continue;
    if (c instanceof HTMLInputElement && c.type === 'checkbox') {
      c.checked = text === c.value;
      continue;
    }
    c.value = text;
    // An id from the URL that the select does not list: keep it, so the (empty) view is honest.
    if (c instanceof HTMLSelectElement && text && c.value !== text) {
      c.append(new Option(text, text));
      c.value = text;
    }
  }
};
