/**
 * The keys of a region filter over table rows (src/views/region-places.ts computes each row's
 * tokens at build time; the model page's island only compares strings). Browser-safe, no imports.
 */

/** The filter value (and URL value) of the "Region not published" group. */
export const UNKNOWN_PLACE = 'unknown';

/** The `unknown` token of a row whose provider publishes no regions: every other key is unknown for it. */
export const ANY_UNKNOWN = '*';

/** The filter key of a choice: "" (anywhere) or a place value, with "eu:" in front when EU processing is asked for ("eu" alone). */
export const placeKey = (place: string, eu: boolean): string => (eu ? (place ? `eu:${place}` : 'eu') : place);

/** How a row with these tokens answers `key`: shown (yes), counted apart (unknown), or hidden (no). */
export const placeMatch = (
  tokens: { yes: readonly string[]; unknown: readonly string[] },
  key: string,
): 'yes' | 'no' | 'unknown' =>
  key === '' || tokens.yes.includes(key)
    ? 'yes'
    : tokens.unknown.includes(key) || tokens.unknown.includes(ANY_UNKNOWN)
      ? 'unknown'
      : 'no';
