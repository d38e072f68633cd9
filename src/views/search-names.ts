/**
 * /search/names.json: the compact name index the header search box loads on first focus
 * (src/core/name-search.ts reads and ranks it). Every provider, creator with models, family with a
 * page, and model: its id, name, weight, and the other ids and aliases it goes by (a provider's
 * API id counts by its last path segment: "meta-llama/Llama-3.3-70B-Instruct" → "llama-3.3-70b-instruct").
 */
import { distinctKeys, type NameIndexWire, type WireEntry } from '../core/name-search.ts';

interface OfferingLike {
  status?: string | undefined;
  provider: string;
  provider_model_id?: string | undefined;
}
interface ModelLike {
  id: string;
  name: string;
  aliases?: string[] | undefined;
  offerings: OfferingLike[];
}
interface ProviderLike {
  id: string;
  name: string;
  offerings: { model?: string | undefined }[];
}

/** An alias or API id as the index keeps it: its last path segment, in lower case. */
export const aliasKey = (s: string): string => s.toLowerCase().split('/').pop()!.trim();

/** Providers serving a model now (offerings not retired), each once. */
const servedBy = (m: ModelLike) => new Set(m.offerings.filter((o) => o.status !== 'retired').map((o) => o.provider)).size;

export const modelNameEntry = (m: ModelLike): WireEntry => [
  m.id,
  m.name,
  servedBy(m),
  ...distinctKeys(m.name, m.id, [
    aliasKey(m.id),
    ...[...(m.aliases ?? []), ...m.offerings.map((o) => o.provider_model_id ?? '')].map(aliasKey),
  ]),
];

export const nameIndex = (
  providers: ProviderLike[],
  organizations: { id: string; name: string; models: unknown[] }[],
  families: { id: string; name: string; models: unknown[] }[],
  models: ModelLike[],
): NameIndexWire => ({
  p: providers.map((p): WireEntry => [p.id, p.name, new Set(p.offerings.map((o) => o.model).filter(Boolean)).size]),
  o: organizations.filter((o) => o.models.length > 0).map((o): WireEntry => [o.id, o.name, o.models.length]),
  f: families.map((f): WireEntry => [f.id, f.name, f.models.length]),
  m: models.map(modelNameEntry),
});
