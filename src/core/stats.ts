/** Summary statistics: probe measurements, speed medians on the pages, the benchmark and size scripts. */

/**
 * Percentile by the nearest-rank method: sort ascending, take the value at rank
 * ⌈p/100 × n⌉ (1-based), so the result is always one of the measured values and p50 of an
 * even count is the lower middle value. Undefined for an empty list; `p` in (0, 100].
 * See https://en.wikipedia.org/wiki/Percentile#The_nearest-rank_method
 */
export const percentile = (values: readonly number[], p: number): number | undefined => {
  if (!(p > 0 && p <= 100)) throw new RangeError(`Percentile must be in (0, 100], got ${p}`);
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
};

/**
 * The median: the middle value, or the mean of the two middle values of an even count (unlike
 * `percentile(values, 50)`, which keeps to measured values). Undefined for an empty list.
 */
export const median = (values: readonly number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** p50 and p90 (nearest rank) of a list; undefined when empty. */
export const p50p90 = (values: readonly number[]): { p50: number; p90: number } | undefined =>
  values.length ? { p50: percentile(values, 50)!, p90: percentile(values, 90)! } : undefined;

/** Rounds to `digits` decimals (the figures written to YAML). */
export const roundTo = (x: number, digits = 0) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
