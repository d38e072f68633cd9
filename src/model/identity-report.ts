/**
 * Identity figures of a validated data folder, for `npm run data:report`: models by type, models
 * without a type, the family hierarchy, fine-tunes, offering variants, and duplicate model names
 * (two records whose names normalize alike are probably one model split in two). Pure: records in,
 * lines out.
 */
import { MODEL_TYPE_LABEL, MODEL_TYPES } from '../core/vocab.ts';
import type { Records } from './validate.ts';

/** A model name reduced for comparison: lowercase, "+" as "plus", only a-z, 0-9 and ".". */
export const normalizedName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/[^a-z0-9.]/g, '');

/** Groups of model ids whose names normalize alike, largest first; each group sorted. */
export const duplicateNames = (models: { id: string; name: string }[]): string[][] => {
  const groups = new Map<string, string[]>();
  for (const m of models) groups.set(normalizedName(m.name), [...(groups.get(normalizedName(m.name)) ?? []), m.id]);
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort())
    .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
};

const row = (label: string, n: number) => `  ${label.padEnd(48)} ${String(n).padStart(6)}`;

export const identityReport = (r: Records): string[] => {
  const types = new Map<string, number>();
  for (const m of r.models) if (m.type) types.set(m.type, (types.get(m.type) ?? 0) + 1);
  const familyIds = new Set(r.families.map((f) => f.id));
  const top = r.families.filter((f) => f.parent === undefined).length;
  const used = new Set(r.models.map((m) => m.family).filter((f): f is string => f !== undefined));
  const dups = duplicateNames(r.models);
  const lines = ['', 'Models by type:'];
  for (const t of MODEL_TYPES) lines.push(row(`${t} (${MODEL_TYPE_LABEL[t]})`, types.get(t) ?? 0));
  lines.push(
    row('models without a type', r.models.filter((m) => !m.type).length),
    '',
    'Families:',
    row('families (top level)', top),
    row('generations', r.families.length - top),
    row('families/generations with models', [...used].filter((f) => familyIds.has(f)).length),
    row('models with a family', r.models.filter((m) => m.family !== undefined).length),
    row('fine-tunes and merges (base_model)', r.models.filter((m) => m.base_model !== undefined).length),
    row('offerings with a variant', r.offerings.filter((o) => o.variant !== undefined).length),
    row('offerings with a quantization', r.offerings.filter((o) => o.quantization !== undefined).length),
    '',
    row('duplicate normalized model names', dups.length),
  );
  for (const g of dups.slice(0, 20)) lines.push(`    ${g.join(', ')}`);
  return lines;
};
