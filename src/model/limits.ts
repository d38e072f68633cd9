/**
 * Every cap and bound of the validator, in one place (README.md, "Data policies", lists them with
 * their reasons). Each figure leaves a wide margin over the largest value in data/ at the time it
 * was set, noted beside it; raise one here, with its README line, when real data needs more.
 */

/** Largest record file, in bytes (largest in data/: 11,933 bytes, providers/amazon-bedrock.yaml). */
export const MAX_FILE_BYTES = 262_144;

/** Deepest nesting of collections inside collections, the record's own mapping being level 1 (data/: 6). */
export const MAX_NESTING = 16;

/** Values that aliases may add to one file when expanded (data/ uses no aliases). */
export const MAX_ALIAS_VALUES = 1_000;

/** Entries per list, by the list's field name; any list not named here gets `LIST_CAP_DEFAULT`. */
export const LIST_CAPS: Readonly<Record<string, { cap: number; what: string }>> = {
  // A weekly probe from 4 regions, both prompts, adds about 416 a year (data/: none yet).
  performance: { cap: 500, what: 'performance samples per offering; move the oldest out' },
  tiers: { cap: 20, what: 'price tiers' }, // data/: 2
  aliases: { cap: 100, what: 'aliases per model' }, // data/: 23
  sources: { cap: 50, what: 'sources' }, // data/: 14
  regions: { cap: 200, what: 'regions' }, // data/: 30 per provider, 19 per offering
  where: { cap: 200, what: 'places per regional price' }, // data/: 31
  price_history: { cap: 200, what: 'dated prices' }, // data/: 2
  observations: { cap: 20, what: 'observations (one per source)' }, // data/: 5
};
/** Cap of every other list (data/: at most 11, providers' compliance). */
export const LIST_CAP_DEFAULT = 100;

/** Characters per string, by the field holding it (data/: notes 1,169; URLs 202; anything else 101). */
export const STRING_CAPS = {
  /** Free text: `notes`, `description`. */
  long: 3_000,
  /** URLs (`website`, `*_url`, `url`, `endpoint`, `source`, `sources`). */
  url: 2_048,
  /** Every other string: names, ids, labels, aliases, API ids. */
  short: 300,
} as const;
export const LONG_TEXT_FIELDS: ReadonlySet<string> = new Set(['notes', 'description']);
export const URL_FIELDS: ReadonlySet<string> = new Set([
  'website',
  'docs_url',
  'pricing_url',
  'status_url',
  'base_url',
  'url',
  'endpoint',
  'source',
  'sources',
]);

/**
 * Days after the data's date (the newest `last_verified` of any provider or offering) that a
 * lifecycle date may lie without the record saying it is an announcement (`status: preview` or
 * `announced: true`). Retirement dates are published further ahead than releases (data/: Azure
 * retirements up to 445 days ahead).
 */
export const FUTURE_MARGIN_DAYS = {
  release_date: 366,
  deprecation_date: 731,
  retirement_date: 731,
} as const;

/**
 * Plausibility bounds, in USD (prices in another currency are converted with `usd_rate`). A value
 * above its bound is an error unless the offering lists it in `plausibility_override` with a reason.
 */
export const PLAUSIBLE = {
  /** Any token meter, USD per 1M tokens (data/: 600, o1-pro output). */
  per_million_tokens: 2_000,
  /** Per-unit meters, USD per unit (data/: per_image 0.134, per_request 0.014, per_search 0.01, per_audio_second 0.00003). */
  per_image: 10,
  per_request: 10,
  per_search: 1,
  per_audio_second: 1,
  per_video_second: 10,
  /** USD per 1M tokens per hour of cache storage (data/: 0.5). */
  cache_storage_per_hour: 100,
  /** Time to first token, ms (10 minutes). */
  ttft_ms: 600_000,
  /** Total latency of one request, ms (1 hour). */
  total_latency_ms: 3_600_000,
  /** Output tokens per second (the fastest served models reach about 3,000). */
  output_tokens_per_second: 10_000,
} as const;

/** `1234567` → `"1,234,567"`, the way every cap and figure is printed. */
export const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });
