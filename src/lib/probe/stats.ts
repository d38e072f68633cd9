/** Summary statistics for probe measurements (milliseconds, tokens per second). */

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

/** p50 and p90 (nearest rank) of a list; undefined when empty. */
export const p50p90 = (values: readonly number[]): { p50: number; p90: number } | undefined =>
  values.length ? { p50: percentile(values, 50)!, p90: percentile(values, 90)! } : undefined;

/** Rounds to `digits` decimals (the figures written to YAML). */
export const roundTo = (x: number, digits = 0) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
