/** The plain-JSON helpers every importer shares: the record type, the object test, byte order, and dropping empty values. */
export type Json = Record<string, unknown>;

/** A plain object (not null, not an array). */
export const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Code-unit order, the same on every machine (not the locale's). */
export const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Removes undefined values and empty objects, recursively. */
export const dropEmpty = (v: Json): Json => {
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    if (isObj(x)) {
      const inner = dropEmpty(x);
      if (Object.keys(inner).length) out[k] = inner;
    } else out[k] = x;
  }
  return out;
};
