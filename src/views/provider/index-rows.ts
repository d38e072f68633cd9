/** Rows of the providers table: every figure computed here, pages only render. */
import { cheapest, countModels, isStale } from '../../core/catalog-stats.ts';
import type { Priced } from '../../core/price.ts';
import { COMPLIANCE, COMPLIANCE_LABEL, KIND_LABEL, PROVIDER_KINDS } from '../../core/vocab.ts';
import type { Offering, Provider } from '../../model/schema.ts';
import { CONTINENTS, CONTINENT_LABEL, providerFacets, type Answer, type Continent } from '../../core/regions.ts';
import { UNKNOWN_PLACE } from '../region-places.ts';

/** Platform features the providers table shows and filters on: URL value → label. */
export const PLATFORM_FEATURES = {
  batch: 'Batch API',
  caching: 'Prompt caching',
  'fine-tuning': 'Fine-tuning',
  openai: 'OpenAI-compatible API',
} as const;
export type PlatformFeature = keyof typeof PLATFORM_FEATURES;

export interface ProviderRow {
  id: string;
  name: string;
  /** One or two letters standing in for a logo. */
  monogram: string;
  kindId: Provider['kind'];
  kind: string;
  headquarters: string | undefined;
  models: number;
  offerings: number;
  cheapestInput: number | undefined;
  cheapestOutput: number | undefined;
  features: PlatformFeature[];
  /** Number of regions the provider lists. */
  regions: number;
  /** Countries of those regions, ISO 3166-1 alpha-2, in the provider's order, no repeats. */
  regionCountries: string[];
  /** Continents of those countries (src/core/regions.ts). */
  continents: Continent[];
  /** "EU processing available" for its catalogue: yes, no, or unknown (regions or routing not published). */
  eu: Answer;
  compliance: NonNullable<Provider['compliance']>;
  lastVerified: string | undefined;
  stale: boolean;
}

/** "Amazon Bedrock" → "AB", "OpenAI" → "O"; letters and digits of the first two words. */
export const monogram = (name: string): string =>
  name
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?';

/** Platform features a provider is recorded as having (true only; false and unknown are left out). */
export const platformFeatures = (p: Provider): PlatformFeature[] => {
  const has: Record<PlatformFeature, boolean | undefined> = {
    batch: p.platform?.batch_api,
    caching: p.platform?.prompt_caching,
    'fine-tuning': p.platform?.fine_tuning,
    openai: p.api?.openai_compatible,
  };
  return (Object.keys(PLATFORM_FEATURES) as PlatformFeature[]).filter((f) => has[f] === true);
};

/** One row per provider, sorted by name (case-insensitive, then id); `today` is the data date for staleness. */
export const providerRows = (
  providers: (Provider & { id: string; offerings: (Offering & Priced)[] })[],
  today?: string,
): ProviderRow[] =>
  providers
    .map((p) => ({ p, facets: providerFacets(p) }))
    .map(({ p, facets }) => ({
      id: p.id,
      name: p.name,
      monogram: monogram(p.name),
      kindId: p.kind,
      kind: KIND_LABEL[p.kind],
      headquarters: p.headquarters,
      models: countModels(p.offerings),
      offerings: p.offerings.length,
      cheapestInput: cheapest(p.offerings, 'input'),
      cheapestOutput: cheapest(p.offerings, 'output'),
      features: platformFeatures(p),
      regions: p.regions?.length ?? 0,
      regionCountries: [...new Set((p.regions ?? []).flatMap((r) => (r.country ? [r.country] : [])))],
      continents: facets.continents,
      eu: facets.eu,
      compliance: [...(p.compliance ?? [])].sort((a, b) => COMPLIANCE.indexOf(a) - COMPLIANCE.indexOf(b)),
      lastVerified: p.last_verified,
      stale: isStale(p.last_verified, today),
    }))
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en') || (a.id < b.id ? -1 : 1));

export interface FilterOption {
  value: string;
  label: string;
}
/** Choices of the providers table's filters: only values that some row has, in a stable order. */
export const providerFilters = (rows: ProviderRow[], countryName: (code: string) => string) => {
  const kinds = new Set(rows.map((r) => r.kindId));
  const countries = new Set(rows.flatMap((r) => r.regionCountries));
  const compliance = new Set(rows.flatMap((r) => r.compliance));
  const features = new Set(rows.flatMap((r) => r.features));
  return {
    kind: PROVIDER_KINDS.filter((k) => kinds.has(k)).map((k): FilterOption => ({ value: k, label: KIND_LABEL[k] })),
    region: [...countries]
      .map((c): FilterOption => ({ value: c, label: countryName(c) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'en')),
    compliance: COMPLIANCE.filter((c) => compliance.has(c)).map((c): FilterOption => ({ value: c, label: COMPLIANCE_LABEL[c] })),
    feature: (Object.keys(PLATFORM_FEATURES) as PlatformFeature[])
      .filter((f) => features.has(f))
      .map((f): FilterOption => ({ value: f, label: PLATFORM_FEATURES[f] })),
  };
};

export interface CountedOption extends FilterOption {
  count: number;
}
/** The words the region filters (and the data attributes they match) use for "no published region". */
export { UNKNOWN_PLACE };

/** Space-separated filter values of a row (data-continent, data-region): its own, or UNKNOWN_PLACE. */
export const placeValues = (values: readonly string[]): string => (values.length ? values.join(' ') : UNKNOWN_PLACE);

/**
 * The region filters of the providers table, each choice with the number of providers it keeps:
 * continents (filter order), countries (by name), then "Region not published" for providers that
 * publish no regions, so that every provider is counted under some choice; and "EU processing
 * available" (yes only), with the number whose answer is unknown.
 */
export const regionFilters = (rows: readonly ProviderRow[], countryName: (code: string) => string) => {
  const unknown = rows.filter((r) => !r.regionCountries.length).length;
  const unknownOption: CountedOption[] = unknown ? [{ value: UNKNOWN_PLACE, label: 'Region not published', count: unknown }] : [];
  const countries = [...new Set(rows.flatMap((r) => r.regionCountries))];
  return {
    continent: [
      ...CONTINENTS.flatMap((c): CountedOption[] => {
        const n = rows.filter((r) => r.continents.includes(c)).length;
        return n ? [{ value: c, label: CONTINENT_LABEL[c], count: n }] : [];
      }),
      ...unknownOption,
    ],
    region: [
      ...countries
        .map((c): CountedOption => ({
          value: c,
          label: countryName(c),
          count: rows.filter((r) => r.regionCountries.includes(c)).length,
        }))
        .sort((a, b) => a.label.localeCompare(b.label, 'en')),
      ...unknownOption,
    ],
    eu: {
      yes: rows.filter((r) => r.eu === 'yes').length,
      unknown: rows.filter((r) => r.eu === 'unknown').length,
    },
  };
};
