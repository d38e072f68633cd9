/**
 * Merging imported facts into existing records without clobbering curated ones. Each kind
 * lists the fields the import owns (replaced when the source has a value, kept when it has
 * none) and the fields it only fills when absent; every other field is curated by hand and
 * kept as it is.
 */
import { METERS } from '../../src/core/vocab.ts';
import { normalizeAlias } from '../../src/model/validate.ts';
import { isObj, type Json } from './json.ts';

/** Sets `owned` keys from `incoming` and `fill` keys only where `base` has none. */
const mergeKeys = (base: Json, incoming: Json, owned: readonly string[], fill: readonly string[] = []): Json => {
  const out: Json = { ...base };
  for (const k of owned) if (incoming[k] !== undefined) out[k] = incoming[k];
  for (const k of fill) if (out[k] === undefined && incoming[k] !== undefined) out[k] = incoming[k];
  return out;
};

/** Merges a nested object key by key (`owned` sub-keys from `incoming`, others kept). */
const mergeNested = (base: unknown, incoming: unknown, owned: readonly string[]): Json | undefined => {
  if (!isObj(incoming)) return isObj(base) ? base : undefined;
  return mergeKeys(isObj(base) ? base : {}, incoming, owned);
};

/**
 * Provider: owns name and the API facts; fills kind, website, docs_url and organization
 * only when absent (a hand-set kind is never overwritten); keeps regions, compliance,
 * data_policy, platform, rate_limits, headquarters, sources, notes, last_verified, ….
 */
export const mergeProvider = (base: Json | undefined, incoming: Json): Json => {
  const out = mergeKeys(base ?? {}, incoming, ['name'], ['kind', 'website', 'docs_url', 'organization']);
  const api = mergeNested(out.api, incoming.api, ['base_url', 'openai_compatible', 'anthropic_compatible', 'env']);
  if (api) out.api = api;
  return out;
};

/** Organization: every field is curated; the import only fills what is absent. */
export const mergeOrganization = (base: Json | undefined, incoming: Json): Json =>
  mergeKeys(base ?? {}, incoming, [], ['name', 'website', 'country']);

const MODEL_OWNED = [
  'release_date',
  'knowledge_cutoff',
  'open_weights',
  'context_window',
  'max_input_tokens',
  'max_output_tokens',
  'modalities',
] as const;

/**
 * Model: owns dates, open_weights, limits, modalities and the capability flags it knows;
 * fills name, organization, type and family when absent (a curated name such as "Mistral Large 2"
 * or "Qwen3 Max (2026-01-23)" is kept: a re-import would make it a duplicate of another model's); adds aliases (existing order kept, new ones appended);
 * keeps organization, status, license, links, successor, notes, …. A model with `last_verified` (checked
 * against its creator's page) is curated: the import only adds aliases to it.
 */
export const mergeModel = (base: Json | undefined, incoming: Json): Json => {
  // A model checked against its creator's page (last_verified) is curated: the import only adds aliases.
  const verified = base?.last_verified !== undefined;
  const out = verified
    ? mergeKeys(base ?? {}, incoming, [], [...MODEL_OWNED, 'name', 'organization', 'type', 'family'])
    : mergeKeys(base ?? {}, incoming, MODEL_OWNED, ['name', 'organization', 'type', 'family']);
  const caps = verified
    ? isObj(out.capabilities) || !isObj(incoming.capabilities)
      ? out.capabilities
      : incoming.capabilities
    : mergeNested(
        out.capabilities,
        incoming.capabilities,
        Object.keys(isObj(incoming.capabilities) ? incoming.capabilities : {}),
      );
  if (caps) out.capabilities = caps;
  const had = (out.aliases as string[] | undefined) ?? [];
  const seen = new Set(had.map(normalizeAlias));
  const added = ((incoming.aliases as string[] | undefined) ?? []).filter((a) => !seen.has(normalizeAlias(a)));
  if (had.length || added.length) out.aliases = [...had, ...added];
  return out;
};

/** Pricing keys the import owns as a group: replaced together, so no stale meter survives. */
const PRICING_OWNED = ['billing', ...METERS, 'tiers', 'modes'];

/**
 * Offering: owns name, status, release_date, pricing meters/tiers/modes/billing, token limits,
 * modalities, the features the source states and reasoning controls; fills model when absent
 * (a hand-made link wins); keeps endpoints, regions, quantization, performance, rate limits,
 * other features, batch/flex/priority/free-tier prices, notes, sources and last_verified.
 */
export const mergeOffering = (base: Json | undefined, incoming: Json): Json => {
  const out = mergeKeys(
    base ?? {},
    incoming,
    ['provider', 'name', 'provider_model_id', 'status', 'release_date', 'modalities', 'reasoning'],
    ['model'],
  );
  if (isObj(incoming.pricing)) {
    const kept = Object.fromEntries(
      Object.entries(isObj(out.pricing) ? out.pricing : {}).filter(([k]) => !PRICING_OWNED.includes(k)),
    );
    out.pricing = { ...kept, ...incoming.pricing };
  }
  const limits = mergeNested(out.limits, incoming.limits, ['context_window', 'max_input_tokens', 'max_output_tokens']);
  if (limits) out.limits = limits;
  const features = mergeNested(out.features, incoming.features, Object.keys(isObj(incoming.features) ? incoming.features : {}));
  if (features) out.features = features;
  return out;
};
