/** Small helpers of the compare picker (compare-picker.ts): option labels and JSON fetches. */
import { MIN_ITEMS, type CompareItem, type CompareKind, type PickerIndex } from '../../views/compare/items.ts';

export const offeringLabel = (it: CompareItem) => `${it.name} — ${it.sub} (${String(it.facts.apiId)})`;

/** A choice of the datalist: an item id and the text the user types or picks. */
export interface Choice {
  id: string;
  label: string;
}

export const getJson = async <T>(url: string): Promise<T> => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
};

/**
 * The choices of the picker's datalist: providers, models, or for offerings the models with
 * MIN_ITEMS offerings or more until one is picked (`offerings` undefined), then its offerings.
 */
export const pickerChoices = (ix: PickerIndex, kind: CompareKind, offerings: CompareItem[] | undefined): Choice[] => {
  const model = (m: PickerIndex['models'][number]) => ({ id: m[0], label: `${m[1]} (${ix.creators[m[2]] ?? ''})` });
  if (kind === 'providers') return ix.providers.map(([id, name]) => ({ id, label: name }));
  if (kind === 'models') return ix.models.map(model);
  if (offerings) return offerings.map((o) => ({ id: o.id, label: offeringLabel(o) }));
  return ix.models.filter((m) => m[3] >= MIN_ITEMS).map(model);
};
