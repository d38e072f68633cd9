/** A provider's overview tab: what it serves, its platform, measured performance, the round-trip probe and staleness. */
import { isStale } from '../../core/catalog-stats.ts';
import { apiOrigin } from '../../core/rtt.ts';
import type { Catalog, LinkedProvider } from '../../model/link.ts';
import { providerSampleRows } from './samples.ts';
import { summarizeOfferings, upstreamsOf } from './summary.ts';

/**
 * The overview of `provider`. "Today" is the newest check of any provider (it ages samples and marks
 * the record stale); `origin` is the one HTTPS origin the round-trip button may fetch (the CSP allows it on this page only).
 */
export const providerOverview = (
  provider: LinkedProvider,
  catalog: Pick<Catalog, 'providers' | 'providerById' | 'organizationById' | 'date'>,
) => {
  const today = catalog.date;
  const origin = apiOrigin(provider.api?.base_url);
  return {
    summary: summarizeOfferings(provider.offerings, (id) => catalog.organizationById.get(id)?.name),
    upstreams: upstreamsOf(provider, (id) => catalog.providerById.get(id)?.name),
    samples: providerSampleRows(provider.offerings, today),
    origin,
    connect: origin ? [origin] : undefined,
    stale: isStale(provider.last_verified, today),
  };
};
