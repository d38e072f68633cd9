/**
 * The columns of a model page's "where to run it" table the reader can show or hide, their order,
 * the default set, and the `cols` URL parameter that keeps the choice (`?cols=price,monthly,regions`).
 * Browser-safe: the page and its island both read it.
 */
export const WHERE_COLUMNS = [
  { key: 'price', label: 'Input and output price' },
  { key: 'monthly', label: 'Cost per month' },
  { key: 'context', label: 'Context' },
  { key: 'maxout', label: 'Max output' },
  { key: 'features', label: 'Features' },
  { key: 'id', label: 'API model id' },
  { key: 'cache', label: 'Cache read price' },
  { key: 'blended', label: 'Blended price' },
  { key: 'batch', label: 'Batch price' },
  { key: 'tiers', label: 'Long-context price' },
  { key: 'regions', label: 'Regions' },
  { key: 'speed', label: 'Speed' },
  { key: 'status', label: 'Status' },
] as const;
export type WhereColumn = (typeof WHERE_COLUMNS)[number]['key'];

/** Shown until the reader picks: price, monthly cost, context, max output, features. */
export const DEFAULT_WHERE_COLUMNS: readonly WhereColumn[] = ['price', 'monthly', 'context', 'maxout', 'features'];

const KEYS = new Set<string>(WHERE_COLUMNS.map((c) => c.key));

/**
 * The columns a `cols` value asks for, in table order; unknown names are dropped. Absent
 * (null) → the default set; present but empty → none (only the provider column).
 */
export const parseWhereColumns = (value: string | null): WhereColumn[] => {
  if (value === null) return [...DEFAULT_WHERE_COLUMNS];
  const asked = new Set(value.split(',').map((s) => s.trim()));
  return WHERE_COLUMNS.map((c) => c.key).filter((k) => asked.has(k) && KEYS.has(k));
};

/** The `cols` value of a choice, or null when it is the default (the parameter is then left out). */
export const whereColumnsParam = (cols: readonly string[]): string | null => {
  const picked = WHERE_COLUMNS.map((c) => c.key).filter((k) => cols.includes(k));
  const isDefault = picked.length === DEFAULT_WHERE_COLUMNS.length && DEFAULT_WHERE_COLUMNS.every((k) => picked.includes(k));
  return isDefault ? null : picked.join(',');
};

/** A feature flag as a compact mark with its text alternative and a class: ✓ yes, ✗ no, ? unknown. */
export const featureMark = (value: boolean | undefined): { mark: string; text: string; cls: string } =>
  value === undefined
    ? { mark: '?', text: 'unknown', cls: 'na' }
    : value
      ? { mark: '✓', text: 'yes', cls: 'yes' }
      : { mark: '✗', text: 'no', cls: 'no' };
