/** Rows of the providers table: every figure computed here, pages only render. */
import { cheapest, countModels, KIND_LABEL } from './catalog-stats.ts';
import type { Offering, Provider } from './schema.ts';

export interface ProviderRow {
  id: string;
  name: string;
  kind: string;
  headquarters: string | undefined;
  models: number;
  offerings: number;
  cheapestInput: number | undefined;
  cheapestOutput: number | undefined;
  lastVerified: string | undefined;
}

/** One row per provider, sorted by name (case-insensitive, then id). */
export const providerRows = (providers: (Provider & { id: string; offerings: Offering[] })[]): ProviderRow[] =>
  providers
    .map((p) => ({
      id: p.id,
      name: p.name,
      kind: KIND_LABEL[p.kind],
      headquarters: p.headquarters,
      models: countModels(p.offerings),
      offerings: p.offerings.length,
      cheapestInput: cheapest(p.offerings, 'input'),
      cheapestOutput: cheapest(p.offerings, 'output'),
      lastVerified: p.last_verified,
    }))
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en') || (a.id < b.id ? -1 : 1));
