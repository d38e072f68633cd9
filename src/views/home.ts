/**
 * The home page's figures: the cheapest place to run a few popular models (blended USD per 1M
 * tokens, 3:1 input:output) and the newest models by release date.
 */
import type { Priced } from '../core/price.ts';
import type { Offering } from '../model/schema.ts';
import { OFFICIAL_KINDS, type ProviderKind } from '../core/vocab.ts';

interface OfferingLike {
  provider: string;
  status: Offering['status'];
  price: Priced['price'] & { blended: number | undefined };
  providerRecord: { id: string; name: string; kind: ProviderKind };
}
interface ModelLike {
  id: string;
  name: string;
  status: string;
  release_date?: string | undefined;
  context_window?: number | undefined;
  organizationRecord: { name: string };
  offerings: OfferingLike[];
}

export interface CheapestRow {
  modelId: string;
  modelName: string;
  creator: string;
  providers: number;
  /** Blended USD per 1M tokens at the cheapest provider. */
  blended: number;
  providerId: string;
  providerName: string;
  context: number | undefined;
  /**
   * The cheapest official host (first-party lab, cloud or inference host; no gateway or reseller),
   * when one has a price; the same offering as above when the cheapest is official.
   */
  official?: { providerId: string; providerName: string; blended: number } | undefined;
  /** Static comparison page of the model, when one is built. */
  compareHref?: string | undefined;
}

/** Blended USD per 1M tokens of a live offering billed by usage (the catalog's price view). */
const blendedOf = (o: OfferingLike): number | undefined => (o.status === 'retired' ? undefined : o.price.blended);

const isOfficial = (o: OfferingLike) => (OFFICIAL_KINDS as readonly string[]).includes(o.providerRecord.kind);

/**
 * The `count` models served by the most providers (ties by id) that have a published price, each
 * with its cheapest offering by blended price (ties by provider id), and its cheapest official host.
 */
export const cheapestForPopular = (models: ModelLike[], count = 8): CheapestRow[] =>
  models
    .map((m) => ({ m, providers: new Set(m.offerings.map((o) => o.provider)).size }))
    .sort((a, b) => b.providers - a.providers || (a.m.id < b.m.id ? -1 : 1))
    .flatMap(({ m, providers }): CheapestRow[] => {
      let best: { o: OfferingLike; b: number } | undefined;
      let official: typeof best;
      const better = (o: OfferingLike, b: number, than: typeof best) =>
        !than || b < than.b || (b === than.b && o.provider < than.o.provider);
      for (const o of m.offerings) {
        const b = blendedOf(o);
        if (b === undefined) continue;
        if (better(o, b, best)) best = { o, b };
        if (isOfficial(o) && better(o, b, official)) official = { o, b };
      }
      return best
        ? [
            {
              modelId: m.id,
              modelName: m.name,
              creator: m.organizationRecord.name,
              providers,
              blended: best.b,
              providerId: best.o.providerRecord.id,
              providerName: best.o.providerRecord.name,
              context: m.context_window,
              official: official && {
                providerId: official.o.providerRecord.id,
                providerName: official.o.providerRecord.name,
                blended: official.b,
              },
            },
          ]
        : [];
    })
    .slice(0, count);

/** The newest `count` models with a full release date (YYYY-MM-DD sorts as text), newest first, ties by id. */
export const newestModels = <M extends ModelLike>(models: M[], count = 8): M[] =>
  models
    .filter((m) => m.release_date !== undefined && m.status !== 'retired')
    .sort((a, b) => (a.release_date! < b.release_date! ? 1 : a.release_date! > b.release_date! ? -1 : a.id < b.id ? -1 : 1))
    .slice(0, count);

/** The newest `count` price changes of a change list (history.ts `changeList`, newest first); empty without price history. */
export const recentPriceChanges = <C extends { kind: string }>(changes: C[], count = 6): C[] =>
  changes.filter((c) => c.kind === 'price').slice(0, count);
