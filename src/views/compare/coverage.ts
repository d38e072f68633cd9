/**
 * What the site holds about speed and place, for /performance/ and the home page to state honestly:
 * how many measured samples there are (and on how many offerings and models), how many models the
 * in-browser round-trip button can compare, and how many providers publish where inference runs
 * (regions or countries), EU processing (src/core/regions.ts providerFacets) and residency options.
 */
import { formatCount, formatCountOf } from '../../core/format.ts';
import { providerFacets, type ProviderPlaces } from '../../core/regions.ts';
import type { PerformanceSample } from '../../model/schema.ts';
import { rttModels } from '../model/rtt.ts';

interface CatalogLike {
  providers: readonly (ProviderPlaces & { id: string; name: string; api?: { base_url?: string | undefined } | undefined })[];
  models: readonly {
    id: string;
    name: string;
    offerings: readonly {
      status: string;
      performance?: PerformanceSample[] | undefined;
      providerRecord: { id: string; name: string; api?: { base_url?: string | undefined } | undefined };
    }[];
  }[];
  offerings: readonly { performance?: PerformanceSample[] | undefined; model?: string | undefined }[];
}

export const speedCoverage = (catalog: CatalogLike) => {
  const sampled = catalog.offerings.filter((o) => o.performance?.length);
  const samples = sampled.reduce((n, o) => n + o.performance!.length, 0);
  const models = new Set(sampled.map((o) => o.model)).size;
  const facets = catalog.providers.map((p) => providerFacets(p));
  const withRegions = facets.filter((f) => f.countries.length > 0).length;
  const eu = facets.filter((f) => f.eu === 'yes').length;
  const residency = facets.filter((f) => f.residency.length > 0).length;
  const measurable = rttModels(catalog.models).length;
  const total = catalog.providers.length;
  return {
    samples,
    measurable,
    withRegions,
    eu,
    samplesText: samples
      ? `${formatCountOf(samples, 'measured speed sample')} (time to first token and output speed) on ${formatCountOf(sampled.length, 'offering')} of ${formatCountOf(models, 'model')}`
      : 'No measured speed samples yet',
    measureText: `measure the network round trip from your browser to every API host of a model (${formatCount(measurable)} models have two or more)`,
    regionsText: `Where inference runs is published by ${formatCount(withRegions)} of ${formatCountOf(total, 'provider')} (regions or countries); EU processing is available at ${formatCount(eu)} and data-residency options at ${formatCount(residency)}`,
  };
};
export type SpeedCoverage = ReturnType<typeof speedCoverage>;
