/**
 * Region and residency coverage (issue #17), printed by `npm run data:report`: how many providers
 * publish where inference runs (regions or a single country) with sources, how many state their
 * routing and residency, which answer "EU processing available", and the offerings with
 * per-region availability, inference profiles or regional prices.
 */
import { providerFacets, routesOf, euProcessing } from '../core/regions.ts';
import type { Records } from './validate.ts';

export interface RegionCoverage {
  providers: number;
  /** Providers with at least one region (or country) and sources. */
  withRegions: number;
  withResidency: number;
  /** Provider ids by their "EU processing available" answer. */
  eu: { yes: string[]; no: string[]; unknown: string[] };
  /** Providers with a residency option, by geography. */
  residencyOptions: Record<string, number>;
  offerings: number;
  offeringsKnown: number;
  offeringsEu: number;
  offeringsRestricted: number;
  offeringsWithProfiles: number;
  offeringsWithRegionalPrices: number;
}

export const regionCoverage = (r: Records): RegionCoverage => {
  const eu: RegionCoverage['eu'] = { yes: [], no: [], unknown: [] };
  const residencyOptions: Record<string, number> = {};
  let withRegions = 0;
  let withResidency = 0;
  for (const p of [...r.providers].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const f = providerFacets(p);
    // Sourced: the residency record's pages, else the provider's own list of pages.
    if (p.regions?.length && (p.residency?.sources.length || p.sources?.length)) withRegions++;
    if (p.residency) withResidency++;
    eu[f.eu].push(p.id);
    for (const g of f.residency) residencyOptions[g] = (residencyOptions[g] ?? 0) + 1;
  }
  const providers = new Map(r.providers.map((p) => [p.id, p]));
  let known = 0;
  let euOfferings = 0;
  for (const o of r.offerings) {
    const p = providers.get(o.provider);
    if (!p) continue;
    if (routesOf(p, o)) known++;
    if (euProcessing(p, o) === 'yes') euOfferings++;
  }
  return {
    providers: r.providers.length,
    withRegions,
    withResidency,
    eu,
    residencyOptions,
    offerings: r.offerings.length,
    offeringsKnown: known,
    offeringsEu: euOfferings,
    offeringsRestricted: r.offerings.filter((o) => o.regions?.length).length,
    offeringsWithProfiles: r.offerings.filter((o) => o.profiles?.length).length,
    offeringsWithRegionalPrices: r.offerings.filter((o) => o.regional_pricing?.length).length,
  };
};

/** Target of issue #17: providers with regions (or an explicit single country) and sources. */
export const REGION_TARGET = 30;

export const regionReport = (c: RegionCoverage): string[] => [
  'Regions and residency (issue #17):',
  `  providers with regions and sources   ${c.withRegions} of ${c.providers}  [target ≥ ${REGION_TARGET}: ${
    c.withRegions >= REGION_TARGET ? 'ok' : 'NOT MET'
  }]`,
  `  providers stating routing/residency  ${c.withResidency}`,
  `  EU processing available              yes ${c.eu.yes.length}, no ${c.eu.no.length}, unknown ${c.eu.unknown.length}`,
  `    yes: ${c.eu.yes.join(', ') || '(none)'}`,
  `  residency options by geography       ${
    Object.entries(c.residencyOptions)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([g, n]) => `${g} ${n}`)
      .join(', ') || '(none)'
  }`,
  `  offerings with a known region        ${c.offeringsKnown} of ${c.offerings}`,
  `  offerings with EU processing         ${c.offeringsEu}`,
  `  offerings with per-region availability ${c.offeringsRestricted}, inference profiles ${c.offeringsWithProfiles}, regional prices ${c.offeringsWithRegionalPrices}`,
];
