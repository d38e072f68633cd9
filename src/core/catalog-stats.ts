/** Figures derived from the catalog for the home and provider pages. */
import { usagePrice, type Priced } from './price.ts';

interface OfferingLike extends Priced {
  model?: string | undefined;
}

/**
 * The data's own "today": the newest last_verified date among the records (never the clock,
 * so that two builds of one commit are identical). Undefined when no record carries one.
 */
export const dataDate = (records: { last_verified?: string | undefined }[]): string | undefined =>
  records.reduce<string | undefined>(
    (max, r) => (r.last_verified && (!max || r.last_verified > max) ? r.last_verified : max),
    undefined,
  );

/** Lowest price (USD per 1M tokens) among offerings billed by usage; undefined when none is published. */
export const cheapest = (offerings: OfferingLike[], meter: 'input' | 'output'): number | undefined => {
  let best: number | undefined;
  for (const o of offerings) {
    const v = usagePrice(o, meter);
    if (v !== undefined && (best === undefined || v < best)) best = v;
  }
  return best;
};

/** Number of distinct canonical models among the offerings (unlinked offerings count one each). */
export const countModels = (offerings: OfferingLike[]): number => new Set(offerings.map((o, i) => o.model ?? `#${i}`)).size;

/** Days between two ISO dates (b − a). */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** A record is stale when last verified more than `days` (default 180) before the data date. */
export const isStale = (lastVerified: string | undefined, today: string | undefined, days = 180): boolean =>
  lastVerified === undefined || today === undefined ? false : daysBetween(lastVerified, today) > days;
