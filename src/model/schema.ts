/**
 * The one schema module: every record kind under data/ is defined here, used by the Astro
 * content collections (src/content.config.ts), the CLI validator (tools/validate.ts),
 * the importer, and the published JSON Schema (/schema/<kind>.json).
 *
 * Units: every token price is USD (or `currency`) per 1,000,000 tokens; per-unit meters
 * carry their unit in their name (`per_image`, `per_request`, `per_audio_second`).
 * Limits are in tokens. Dates are ISO 8601 strings (YYYY-MM-DD, or YYYY-MM where a
 * source publishes only a month). An absent boolean means "unknown", never "no".
 */
import { z } from 'astro/zod';
import {
  AUTH_METHODS,
  BILLING,
  CAPABILITIES,
  COMPLIANCE,
  DATA_SOURCES,
  ENDPOINTS,
  FEATURES,
  GEOGRAPHIES,
  METERS,
  MODALITIES,
  MODEL_STATUS,
  MODEL_TYPES,
  OFFERING_STATUS,
  PROVIDER_KINDS,
  ROUTING,
  STATUSES,
  TOKEN_METERS,
  UNIT_METERS,
  type Feature,
  type ProviderKind,
} from '../core/vocab.ts';

// The enums come from the vocabulary (src/core/vocab.ts, browser-safe); re-exported for build-time code.
export {
  BILLING,
  CAPABILITIES,
  COMPLIANCE,
  ENDPOINTS,
  FEATURES,
  MODALITIES,
  MODEL_STATUS,
  OFFERING_STATUS,
  PROVIDER_KINDS,
  TOKEN_METERS,
  UNIT_METERS,
};
export type { Feature, ProviderKind };

/** One path segment of an id: lowercase letters, digits, dots and dashes. */
export const ID_SEGMENT = /^[a-z0-9][a-z0-9.-]*$/;

const isRealDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/** A calendar date, `YYYY-MM-DD`, that exists (2025-02-30 does not). */
export const IsoDate = z
  .string({ error: 'Expected a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Expected a date as YYYY-MM-DD', abort: true })
  .refine((s) => isRealDate(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)), {
    error: (iss) => `${String(iss.input)} is not a real calendar date`,
  });

/** A date that may be given to the month only: `YYYY-MM` or `YYYY-MM-DD`. */
export const PartialDate = z
  .string({ error: 'Expected a date as YYYY-MM or YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: 'Expected a date as YYYY-MM or YYYY-MM-DD', abort: true })
  .refine((s) => isRealDate(+s.slice(0, 4), +s.slice(5, 7), s.length === 10 ? +s.slice(8, 10) : 1), {
    error: (iss) => `${String(iss.input)} is not a real calendar date`,
  });

/** An https URL. http:, javascript:, data: and the like are refused. */
export const HttpsUrl = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'Expected an https:// URL' })
  // The URL parser also accepts "https:example.com", which a browser resolves as a relative link.
  .refine((s) => /^https:\/\//i.test(s), { error: 'Expected an https:// URL' });

/**
 * A non-empty, trimmed line of text. Its length cap and the characters it may not hold are checked
 * on every string of a record (src/model/policies.ts, caps in src/model/limits.ts).
 */
const Text = z
  .string()
  .min(1, { error: 'Must not be empty' })
  .refine((s) => s.trim() === s, { error: 'Remove leading or trailing spaces' });

/** ISO 3166-1 alpha-2 country code, upper case ("US", "FR"). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'Expected an ISO 3166-1 alpha-2 country code such as "US"' });

/** A reference to another record by its id. */
export const RefId = (what: string) =>
  z.string({ error: `Expected the id of ${what}` }).refine((s) => s.split('/').every((seg) => ID_SEGMENT.test(seg)), {
    error: `Expected the id of ${what}: lowercase segments of a-z, 0-9, "." and "-", separated by "/"`,
  });

/** Tokens: a whole number ≥ 1. */
const Tokens = z.int({ error: 'Expected a whole number of tokens' }).positive({ error: 'Must be at least 1 token' });
/** A price: a finite number ≥ 0 in the record's currency (plausibility bounds: src/model/limits.ts). */
const Price = z.number({ error: 'Expected a price (a number)' }).nonnegative({ error: 'Prices cannot be negative' });
const Count = z.int({ error: 'Expected a whole number' }).nonnegative({ error: 'Cannot be negative' });
/** A TTL such as "5m", "1h" or "24h". */
const Duration = z.string().regex(/^\d+(s|m|h|d)$/, { error: 'Expected a duration such as "5m" or "1h"' });

export const Modality = z.enum(MODALITIES);
const Modalities = z.strictObject({
  input: z.array(Modality).min(1, { error: 'List at least one input modality' }),
  output: z.array(Modality).min(1, { error: 'List at least one output modality' }),
});

/** An optional price meter; `doc` (with its unit) becomes the JSON Schema description. */
const meter = (doc: string) => Price.describe(`${doc}; in the record's currency (USD unless set)`).optional();

const meterShape = {
  input: meter('Per 1M input (prompt) tokens'),
  output: meter('Per 1M output (completion) tokens, reasoning tokens included unless `reasoning` is set'),
  cache_read: meter('Per 1M input tokens read from the prompt cache'),
  cache_write: meter("Per 1M tokens written to the prompt cache at the provider's default TTL (see `cache_write_ttl`)"),
  cache_write_1h: meter('Per 1M tokens written to the prompt cache with a one-hour TTL'),
  reasoning: meter('Per 1M reasoning tokens, when billed apart from output'),
  input_audio: meter('Per 1M audio input tokens'),
  output_audio: meter('Per 1M audio output tokens'),
  input_image: meter('Per 1M image input tokens, when billed apart from text input'),
  output_image: meter('Per 1M image output tokens'),
  per_image: meter('Per generated image'),
  per_request: meter('Per request (on top of token meters)'),
  per_audio_second: meter('Per second of audio processed'),
  per_video_second: meter('Per second of video processed or generated'),
  per_search: meter('Per web search or grounding call'),
};

const cacheReadWithinInput = (p: { input?: number; cache_read?: number }) =>
  p.input === undefined || p.cache_read === undefined || p.cache_read <= p.input;
const cacheRule = { error: 'cache_read must not exceed input', path: ['cache_read'] };

/** Prices that replace the base prices when the request's input context exceeds `above_tokens`. */
export const PriceTierSchema = z
  .strictObject({
    above_tokens: Tokens.describe('The tier applies when the request context exceeds this many tokens'),
    ...meterShape,
  })
  .refine(cacheReadWithinInput, cacheRule);

/** `tiers` must be ascending by `above_tokens`, with no two equal. */
const tiersAscending = (p: { tiers?: { above_tokens: number }[] }, ctx: z.RefinementCtx) => {
  const tiers = p.tiers ?? [];
  for (let i = 1; i < tiers.length; i++) {
    if (tiers[i]!.above_tokens <= tiers[i - 1]!.above_tokens) {
      ctx.addIssue({
        code: 'custom',
        message: `Tiers must be ascending and non-overlapping: above_tokens ${tiers[i]!.above_tokens} does not exceed ${tiers[i - 1]!.above_tokens}`,
        path: ['tiers', i, 'above_tokens'],
      });
    }
  }
};

/** A priced variant of the same offering: batch API, flex or priority processing, a named mode. */
export const PriceVariantSchema = z
  .strictObject({
    ...meterShape,
    /** Discount off the base prices as a fraction (0.5 = half price), when only a discount is published. */
    discount: z.number().gt(0).lt(1, { error: 'A discount is a fraction between 0 and 1' }).optional(),
    tiers: z.array(PriceTierSchema).optional(),
  })
  .refine(cacheReadWithinInput, cacheRule)
  .superRefine(tiersAscending);

/** Free allowance of an offering; units in the field names. */
export const FreeTierSchema = z.strictObject({
  /** What the free tier is, in one line. */
  description: Text.optional(),
  requests_per_minute: Count.optional(),
  requests_per_day: Count.optional(),
  tokens_per_minute: Count.optional(),
  tokens_per_day: Count.optional(),
  tokens_per_month: Count.optional(),
});

export const PricingSchema = z
  .strictObject({
    /**
     * How the offering is paid for: `usage` (per token/unit, the default), `subscription` (a plan;
     * meters absent), `free` (no charge, limits in `free_tier`), `unpublished` (price not
     * published), `self_hosted` (runs on your own hardware).
     */
    billing: z.enum(BILLING).default('usage'),
    /** ISO 4217 currency of every price here. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { error: 'Expected an ISO 4217 currency code such as "USD"' })
      .default('USD'),
    /** Required when currency is not USD: what one unit of `currency` was worth in USD, and when. */
    usd_rate: z.strictObject({ usd_per_unit: z.number().positive(), as_of: IsoDate }).optional(),
    ...meterShape,
    /** TTL that `cache_write` buys, e.g. "5m". */
    cache_write_ttl: Duration.optional(),
    /** Per 1M tokens per hour of cache storage. */
    cache_storage_per_hour: Price.optional(),
    /** Context tiers, ascending by `above_tokens`. */
    tiers: z.array(PriceTierSchema).optional(),
    batch: PriceVariantSchema.optional(),
    flex: PriceVariantSchema.optional(),
    priority: PriceVariantSchema.optional(),
    /** Other named request modes with their own prices (e.g. `fast`). */
    modes: z.record(z.string().regex(ID_SEGMENT, { error: 'Mode names are lowercase ids' }), PriceVariantSchema).optional(),
    free_tier: FreeTierSchema.optional(),
    /** Name of the subscription plan when billing is `subscription`. */
    plan: Text.optional(),
    notes: Text.optional(),
  })
  .refine(cacheReadWithinInput, cacheRule)
  .refine((p) => p.currency === 'USD' || p.usd_rate !== undefined, {
    error: 'A non-USD currency needs usd_rate {usd_per_unit, as_of}',
    path: ['usd_rate'],
  })
  .refine((p) => p.billing !== 'usage' || METERS.some((m) => p[m] !== undefined), {
    error: 'Usage billing needs at least one price (input, output, per_image, …)',
    path: ['billing'],
  })
  .superRefine(tiersAscending);

/** Each feature: true (supported), false (not supported), absent (unknown). */
export const FeaturesSchema = z.strictObject(
  Object.fromEntries(
    FEATURES.map((f) => [f, z.boolean({ error: 'Expected true or false (leave out when unknown)' }).optional()]),
  ) as Record<(typeof FEATURES)[number], z.ZodOptional<z.ZodBoolean>>,
);

export const RateLimitTierSchema = z.strictObject({
  /** Tier name as the provider calls it ("Tier 1", "Free"). */
  tier: Text,
  /** How an account reaches this tier ("$5 paid"). */
  qualification: Text.optional(),
  /** Requests per minute. */
  rpm: Count.optional(),
  /** Tokens per minute (input + output unless split below). */
  tpm: Count.optional(),
  /** Input tokens per minute. */
  itpm: Count.optional(),
  /** Output tokens per minute. */
  otpm: Count.optional(),
  /** Requests per day. */
  rpd: Count.optional(),
  /** Tokens per day. */
  tpd: Count.optional(),
});

export const PerformanceSampleSchema = z.strictObject({
  /** Region label where the client ran (a provider region id, or a place such as "eu-west"). */
  region: Text,
  /** Time to first token in milliseconds. */
  ttft_ms: z.strictObject({ p50: z.number().nonnegative(), p90: z.number().nonnegative().optional() }),
  /** Output tokens per second after the first token. */
  output_tokens_per_second: z.strictObject({ p50: z.number().nonnegative(), p90: z.number().nonnegative().optional() }),
  /** Total latency of a request in milliseconds. */
  total_latency_ms: z.strictObject({ p50: z.number().nonnegative(), p90: z.number().nonnegative().optional() }).optional(),
  /** Number of successful requests behind the figures. */
  n: z.int().positive().optional(),
  /** Prompt profile used ("short", "long"). */
  prompt_profile: Text.optional(),
  measured_at: IsoDate,
  /** How it was measured, e.g. "probe v1" or "provider dashboard". */
  method: Text,
  source: HttpsUrl.optional(),
});

/**
 * `true` when the record's release, deprecation or retirement date is a published schedule: it may
 * then lie more than the stated margin after the data's date (see README.md, "Data policies").
 */
const Announced = z
  .boolean({ error: 'Expected true (leave out unless the dates are an announced schedule)' })
  .describe("The lifecycle dates are an announced schedule, so they may lie far after the data's date")
  .optional();

/** A value above its plausibility bound, kept on purpose, with the reason. */
export const PlausibilityOverrideSchema = z.strictObject({
  /** The field as the validator prints it, e.g. "pricing.output" or "performance[2].ttft_ms.p90". */
  field: z.string().min(1, { error: 'Name the field, e.g. "pricing.output"' }),
  /** Why the value is right, in a sentence (at least 10 characters). */
  reason: Text.refine((s) => s.length >= 10, { error: 'Say why the value is right, in a sentence (10 characters at least)' }),
});

export const ORGANIZATION_KEYS = ['id', 'name', 'website', 'country', 'description'] as const;
export const OrganizationSchema = z.strictObject({
  /** Equals the file name: data/organizations/<id>.yaml. */
  id: RefId('this organization').optional(),
  name: Text,
  website: HttpsUrl.optional(),
  /** Headquarters, ISO 3166-1 alpha-2. */
  country: CountryCode.optional(),
  description: Text.optional(),
});

/**
 * A family or one generation of it (data/families/<id>.yaml): Llama → Llama 3.3, Claude → Claude 4.5.
 * A generation names its family in `parent`; a model names its most specific group in `family`.
 */
export const FamilySchema = z.strictObject({
  id: RefId('this family').optional(),
  name: Text,
  /** The family this generation belongs to; absent on a top-level family. */
  parent: RefId('a family').optional(),
  /** The creator whose models make up the family. */
  organization: RefId('an organization').optional(),
  description: Text.optional(),
  sources: z.array(HttpsUrl).optional(),
});

export const ModelSchema = z
  .strictObject({
    id: RefId('this model').optional(),
    name: Text,
    /** Model creator: an organization id. */
    organization: RefId('an organization'),
    /** What the model does: decides which workloads it can serve (see MODEL_TYPES). */
    type: z.enum(MODEL_TYPES, {
      error: (iss) =>
        iss.input === undefined
          ? `Required: what the model does, one of ${MODEL_TYPES.join(', ')}`
          : `Unknown type: expected one of ${MODEL_TYPES.join(', ')}`,
    }),
    /** Its family or generation: the id of a data/families/ record, e.g. "llama-3.3". */
    family: RefId('a family').optional(),
    /** For a fine-tune or merge: the model whose weights it was trained from. */
    base_model: RefId('a model').optional(),
    release_date: PartialDate.optional(),
    knowledge_cutoff: PartialDate.optional(),
    status: z.enum(MODEL_STATUS).default('active'),
    deprecation_date: PartialDate.optional(),
    retirement_date: PartialDate.optional(),
    announced: Announced,
    /** Model id of the recommended replacement. */
    successor: RefId('a model').optional(),
    open_weights: z.boolean().optional(),
    license: Text.optional(),
    context_window: Tokens.describe('Context window in tokens (input + output)').optional(),
    max_input_tokens: Tokens.describe('Largest input in tokens').optional(),
    max_output_tokens: Tokens.describe('Largest output in tokens').optional(),
    modalities: Modalities.optional(),
    /** Capabilities of the model itself: true, false, or absent (unknown). */
    capabilities: z
      .strictObject(
        Object.fromEntries(CAPABILITIES.map((c) => [c, z.boolean().optional()])) as Record<
          (typeof CAPABILITIES)[number],
          z.ZodOptional<z.ZodBoolean>
        >,
      )
      .optional(),
    /** Other names and API ids the model goes by, across providers. */
    aliases: z.array(Text).optional(),
    links: z.array(z.strictObject({ label: Text, url: HttpsUrl })).optional(),
    notes: Text.optional(),
    sources: z.array(HttpsUrl).optional(),
    last_verified: IsoDate.optional(),
  })
  .refine((m) => m.base_model === undefined || m.base_model !== m.id, {
    error: 'A model cannot be its own base_model',
    path: ['base_model'],
  })
  .refine((m) => m.max_output_tokens === undefined || m.context_window === undefined || m.max_output_tokens <= m.context_window, {
    error: 'max_output_tokens must not exceed context_window',
    path: ['max_output_tokens'],
  })
  .refine((m) => m.max_input_tokens === undefined || m.context_window === undefined || m.max_input_tokens <= m.context_window, {
    error: 'max_input_tokens must not exceed context_window',
    path: ['max_input_tokens'],
  })
  .refine((m) => !m.retirement_date || !m.deprecation_date || m.deprecation_date <= m.retirement_date, {
    error: 'retirement_date must not come before deprecation_date',
    path: ['retirement_date'],
  });

const RegionId = z.string().regex(ID_SEGMENT, { error: 'Region ids are lowercase: a-z, 0-9, "." and "-"' });

/** One place where the provider runs inference: a cloud region, or a country where its data centres are. */
export const RegionSchema = z.strictObject({
  id: RegionId,
  /** As the provider names it: "Europe (Frankfurt)", or the country for a whole-country entry. */
  name: Text,
  /** Where the region is, ISO 3166-1 alpha-2; its continent is derived. */
  country: CountryCode,
  /** City, when the provider names one. */
  city: Text.optional(),
  /** The in-region API endpoint, when requests can be sent to this region directly. */
  endpoint: HttpsUrl.optional(),
});

/** A data-residency choice: requests processed (and stored) inside one geography. */
export const ResidencyOptionSchema = z.strictObject({
  geography: z.enum(GEOGRAPHIES),
  /** As the provider names it: "EU Data Zone", "US-only inference". */
  name: Text,
  /** The base URL that keeps requests in the geography, when there is one. */
  base_url: HttpsUrl.optional(),
  /** Price uplift over the standard price, as a fraction (0.1 = +10%); 0 when the provider says none. */
  uplift: z.number().nonnegative().max(5).optional(),
  /**
   * Only the models whose offering lists this geography in its `residency` are eligible (the
   * provider publishes a list); absent or false: every model of the provider is.
   */
  only_listed: z.boolean().optional(),
  /** Who may use it (plans, approvals), and anything else a buyer must know. */
  notes: Text.optional(),
  source: HttpsUrl.optional(),
});

/** A cross-region or global inference profile: one id that routes among several regions. */
export const InferenceProfileSchema = z.strictObject({
  /** Lowercase id, e.g. "us", "eu", "global" (Bedrock's "us." prefix, Vertex's "global" location). */
  id: RegionId,
  name: Text,
  /** Where requests may run: `global` means any of the provider's regions. */
  geography: z.enum(GEOGRAPHIES),
  /** The provider's regions the profile routes among, when published. */
  regions: z.array(RegionId).optional(),
  notes: Text.optional(),
  source: HttpsUrl.optional(),
});

/**
 * Where a provider runs inference and what residency it offers: the answer to "can it run in my
 * region?" (see src/core/regions.ts for how offerings inherit and filters match).
 */
export const ResidencySchema = z.strictObject({
  /** How requests are placed among `regions`: selectable, fixed or global (see ROUTING in vocab). */
  routing: z.enum(ROUTING),
  options: z.array(ResidencyOptionSchema).optional(),
  profiles: z.array(InferenceProfileSchema).optional(),
  /**
   * false: models differ by region and the provider's list is not read for every model, so an
   * offering that states neither `regions` nor `profiles` has an unknown region instead of
   * inheriting every region (clouds with per-model availability). Default true.
   */
  offerings_inherit: z.boolean().optional(),
  notes: Text.optional(),
  /** Pages the regions and residency were read from. */
  sources: z.array(HttpsUrl).min(1, { error: 'Name at least one page the regions were read from' }),
  last_verified: IsoDate,
});

/**
 * A price that differs by where the request runs. `where` names provider region ids, inference
 * profile ids or residency geographies (as "residency:eu"); give either `multiplier` (of the
 * offering's `pricing`) or the meters themselves.
 */
export const RegionalPriceSchema = z
  .strictObject({
    where: z
      .array(
        z.string().regex(/^(residency:)?[a-z0-9][a-z0-9.-]*$/, { error: 'A region id, profile id or "residency:<geography>"' }),
      )
      .min(1),
    multiplier: z.number().positive().max(10).optional(),
    ...meterShape,
    notes: Text.optional(),
    source: HttpsUrl.optional(),
  })
  .refine(
    (r) => (r.multiplier === undefined) !== Object.keys(meterShape).every((k) => r[k as keyof typeof meterShape] === undefined),
    {
      error: 'Give either a multiplier or the regional meters, not both and not neither',
      path: ['multiplier'],
    },
  );

export const ProviderSchema = z
  .strictObject({
    id: RefId('this provider').optional(),
    name: Text,
    kind: z.enum(PROVIDER_KINDS),
    description: Text.optional(),
    website: HttpsUrl,
    docs_url: HttpsUrl.optional(),
    pricing_url: HttpsUrl.optional(),
    status_url: HttpsUrl.optional(),
    /** Headquarters, ISO 3166-1 alpha-2. */
    headquarters: CountryCode.optional(),
    /** The organization this provider is, when it also creates models (OpenAI, Mistral). */
    organization: RefId('an organization').optional(),
    api: z
      .strictObject({
        base_url: HttpsUrl.optional(),
        openai_compatible: z.boolean().optional(),
        anthropic_compatible: z.boolean().optional(),
        auth: z.array(z.enum(AUTH_METHODS)).optional(),
        /** Environment variable(s) holding the API key, as the provider's SDKs expect. */
        env: z
          .array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, { error: 'Environment variable names are UPPER_SNAKE_CASE' }))
          .optional(),
        sdks: z.array(z.strictObject({ language: Text, package: Text, url: HttpsUrl.optional() })).optional(),
      })
      .optional(),
    regions: z.array(RegionSchema).optional(),
    residency: ResidencySchema.optional(),
    compliance: z.array(z.enum(COMPLIANCE)).optional(),
    data_policy: z
      .strictObject({
        /** Trains on API customer data by default. */
        trains_on_customer_data: z.boolean().optional(),
        /** Retention of prompts and outputs, in days (0 = not stored). */
        retention_days: Count.optional(),
        zero_data_retention: z.boolean().optional(),
        url: HttpsUrl.optional(),
        notes: Text.optional(),
      })
      .optional(),
    platform: z
      .strictObject({
        batch_api: z.boolean().optional(),
        fine_tuning: z.boolean().optional(),
        prompt_caching: z.boolean().optional(),
        /** Gateways: picks a backend per request. */
        routing: z.boolean().optional(),
        /** Gateways: retries another backend on failure. */
        fallback: z.boolean().optional(),
        /** Gateways: bring your own provider keys. */
        byok: z.boolean().optional(),
        /** Gateways: fee on top of upstream prices, as a fraction (0.055 = 5.5%). */
        fee: z.number().nonnegative().max(1).optional(),
        /** Gateways: ids of the providers it routes to. */
        upstreams: z.array(RefId('a provider')).optional(),
      })
      .optional(),
    rate_limits: z.array(RateLimitTierSchema).optional(),
    notes: Text.optional(),
    sources: z.array(HttpsUrl).optional(),
    last_verified: IsoDate.optional(),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    (p.regions ?? []).forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `Duplicate region id "${r.id}"`, path: ['regions', i, 'id'] });
      seen.add(r.id);
    });
    const profiles = new Set<string>();
    (p.residency?.profiles ?? []).forEach((pr, i) => {
      if (profiles.has(pr.id))
        ctx.addIssue({ code: 'custom', message: `Duplicate profile id "${pr.id}"`, path: ['residency', 'profiles', i, 'id'] });
      profiles.add(pr.id);
      (pr.regions ?? []).forEach((r, j) => {
        if (!seen.has(r))
          ctx.addIssue({
            code: 'custom',
            message: `Region "${r}" is not listed in this provider's regions`,
            path: ['residency', 'profiles', i, 'regions', j],
          });
      });
    });
    const geos = new Set<string>();
    (p.residency?.options ?? []).forEach((o, i) => {
      if (geos.has(o.geography))
        ctx.addIssue({
          code: 'custom',
          message: `Two residency options for "${o.geography}": merge them`,
          path: ['residency', 'options', i, 'geography'],
        });
      geos.add(o.geography);
    });
    if (p.residency && !p.regions?.length)
      ctx.addIssue({
        code: 'custom',
        message: 'A residency record needs the regions (or the single country) where inference runs',
        path: ['residency'],
      });
  });

/** How reasoning ("thinking") is controlled per request on one offering. */
export const ReasoningControlsSchema = z.strictObject({
  /** Reasoning can be switched on or off per request. */
  toggle: z.boolean().optional(),
  /** Accepted reasoning-effort levels, e.g. ["low", "medium", "high"]. */
  effort: z
    .array(z.string().regex(ID_SEGMENT, { error: 'Effort levels are lowercase ids' }))
    .min(1)
    .optional(),
  /** Bounds of the thinking budget, in tokens. */
  budget_tokens: z.strictObject({ min: Count.optional(), max: Tokens.optional() }).optional(),
  /** Reasoning is returned interleaved with tool calls and kept across turns. */
  interleaved: z.boolean().optional(),
  /** Response field that carries the interleaved reasoning, e.g. "reasoning_content". */
  interleaved_field: Text.optional(),
});

/**
 * One dated price of an offering: the token and unit meters (same units as `pricing`) that took
 * effect on `effective_from`. `price_history` keeps previous prices, ascending by date.
 */
export const PricePointSchema = z.strictObject({
  /** The day this price took effect (or was first seen), YYYY-MM-DD; absent only on the oldest entry when unknown. */
  effective_from: IsoDate.optional(),
  ...meterShape,
  /** Where the price was read, when known. */
  source: HttpsUrl.optional(),
});

/** A price one source announces for a later date: the meters (same units as `pricing`) from `effective_from` on. */
export const ScheduledPriceSchema = z
  .strictObject({
    /** The day the price takes effect, YYYY-MM-DD. */
    effective_from: IsoDate,
    ...meterShape,
  })
  .refine((p) => METERS.some((m) => p[m] !== undefined), { error: 'A scheduled price needs at least one meter' })
  .refine(cacheReadWithinInput, cacheRule);

/** Prices one source states for an offering: the base meters and the batch, flex and priority ones. */
const ObservedVariant = z.strictObject({
  input: meter('Per 1M input tokens'),
  output: meter('Per 1M output tokens'),
  cache_read: meter('Per 1M cached input tokens'),
});
export const ObservedPricingSchema = z.strictObject({
  ...meterShape,
  batch: ObservedVariant.optional(),
  flex: ObservedVariant.optional(),
  priority: ObservedVariant.optional(),
});

/**
 * What one source said about an offering, on one day: kept for every source that states the
 * offering, so that the values chosen in `pricing`/`limits`/`status` can be traced and cross-checked
 * (see data/README.md, "Reconciliation"). Same units as `pricing` (USD per 1M tokens).
 */
export const ObservationSchema = z
  .strictObject({
    source: z.enum(DATA_SOURCES),
    /** The source's snapshot date, or the day the provider's page was read. */
    as_of: IsoDate,
    /** The page read (required for `provider`), or the source's own page for the value. */
    url: HttpsUrl.optional(),
    /** The key or id the source files this offering under, when it differs from provider_model_id. */
    key: z.string().min(1).optional(),
    pricing: ObservedPricingSchema.refine(cacheReadWithinInput, cacheRule).optional(),
    limits: z
      .strictObject({
        context_window: Tokens.optional(),
        max_input_tokens: Tokens.optional(),
        max_output_tokens: Tokens.optional(),
      })
      .optional(),
    status: z.enum(STATUSES).optional(),
    deprecation_date: PartialDate.optional(),
    retirement_date: PartialDate.optional(),
    /**
     * Price changes the source announces for a later date (an introductory price ending, an
     * announced cut): same meters as `pricing`, ascending by `effective_from`, each after `as_of`.
     */
    scheduled: z.array(ScheduledPriceSchema).min(1).optional(),
  })
  .refine((o) => o.source !== 'provider' || o.url !== undefined, {
    error: "A provider observation needs the url of the provider's page it was read from",
    path: ['url'],
  })
  .superRefine((o, ctx) => {
    (o.scheduled ?? []).forEach((s, i, all) => {
      const prev = i === 0 ? o.as_of : all[i - 1]!.effective_from;
      if (s.effective_from <= prev)
        ctx.addIssue({
          code: 'custom',
          message:
            i === 0
              ? `A scheduled price must take effect after as_of (${o.as_of}); ${s.effective_from} is not later`
              : `scheduled must be ascending by effective_from, one entry per date: ${s.effective_from} does not follow ${prev}`,
          path: ['scheduled', i, 'effective_from'],
        });
    });
  });

export const OfferingSchema = z
  .strictObject({
    id: RefId('this offering').optional(),
    /** Provider id; equals the first folder of the file's path. */
    provider: RefId('a provider'),
    /** Canonical model id ("meta/llama-3.3-70b"). Absent when the offering is not linked yet. */
    model: RefId('a model').optional(),
    /** Display name, when the offering is not linked to a model or the provider names it differently. */
    name: Text.optional(),
    /** The exact string sent to the provider's API. */
    provider_model_id: z
      .string({ error: 'Expected the model id string sent to the API (quote it if it looks like a number)' })
      .min(1),
    status: z.enum(OFFERING_STATUS).default('active'),
    release_date: PartialDate.optional(),
    deprecation_date: PartialDate.optional(),
    retirement_date: PartialDate.optional(),
    announced: Announced,
    endpoints: z.array(z.enum(ENDPOINTS)).optional(),
    pricing: PricingSchema.optional(),
    limits: z
      .strictObject({
        context_window: Tokens.describe('Context window at this provider, in tokens').optional(),
        max_input_tokens: Tokens.describe('Largest input at this provider, in tokens').optional(),
        max_output_tokens: Tokens.describe('Largest output at this provider, in tokens').optional(),
        /** Rate limits for this offering where they differ from the provider's tiers. */
        rate_limits: z.array(RateLimitTierSchema).optional(),
      })
      .refine(
        (l) => l.max_output_tokens === undefined || l.context_window === undefined || l.max_output_tokens <= l.context_window,
        {
          error: 'max_output_tokens must not exceed context_window',
          path: ['max_output_tokens'],
        },
      )
      .refine(
        (l) => l.max_input_tokens === undefined || l.context_window === undefined || l.max_input_tokens <= l.context_window,
        {
          error: 'max_input_tokens must not exceed context_window',
          path: ['max_input_tokens'],
        },
      )
      .optional(),
    modalities: Modalities.optional(),
    features: FeaturesSchema.optional(),
    /**
     * Region ids, each defined in the provider's `regions`: set when the provider serves this model in
     * only some of its regions; `[]` when no region serves it directly (only through `profiles`).
     */
    regions: z.array(z.string().regex(ID_SEGMENT, { error: 'Region ids are lowercase' })).optional(),
    /** Inference profile ids (the provider's `residency.profiles`) this model can be called through; absent = unknown. */
    profiles: z.array(RegionId).optional(),
    /**
     * Residency geographies (the provider's `residency.options`) this model supports: needed for an
     * option marked `only_listed`; otherwise set only to narrow the options that apply to this model.
     */
    residency: z.array(z.enum(GEOGRAPHIES)).optional(),
    /** Prices that differ by region, profile or residency option. */
    regional_pricing: z.array(RegionalPriceSchema).optional(),
    /**
     * Reasoning controls the offering's API accepts (added for the models.dev importer:
     * its `reasoning_options` and `interleaved`).
     */
    reasoning: ReasoningControlsSchema.optional(),
    /** Quantization or precision served ("fp8", "int4"), when the provider states it. */
    quantization: Text.optional(),
    /**
     * The variant of the model's weights this offering sells, when the provider names one: a speed
     * tier ("turbo", "fast"), a mode ("thinking") or a packaging ("latest" alias). Same weights, same model.
     */
    variant: Text.optional(),
    performance: z.array(PerformanceSampleSchema).optional(),
    /**
     * Values above their plausibility bound (src/model/limits.ts) that are nonetheless right: each
     * names the field as the validator prints it ("pricing.output", "performance[2].ttft_ms.p90")
     * and says why.
     */
    plausibility_override: z.array(PlausibilityOverrideSchema).min(1).optional(),
    /** Dated prices, ascending by `effective_from`; the importer appends one when a price changes. */
    price_history: z.array(PricePointSchema).optional(),
    /** What each source said, one entry per source (newest read); `pricing` holds the value the reconciliation rule chose. */
    observations: z.array(ObservationSchema).optional(),
    notes: Text.optional(),
    sources: z.array(HttpsUrl).optional(),
    last_verified: IsoDate.optional(),
  })
  .refine((o) => o.model !== undefined || o.name !== undefined, {
    error: 'An offering needs a model reference or, when unlinked, a name',
    path: ['model'],
  })
  .superRefine((o, ctx) => {
    const seen = new Set<string>();
    (o.observations ?? []).forEach((ob, i) => {
      if (seen.has(ob.source))
        ctx.addIssue({
          code: 'custom',
          message: `Two observations from "${ob.source}": keep the newest`,
          path: ['observations', i, 'source'],
        });
      seen.add(ob.source);
    });
  })
  .refine(
    (o) =>
      (o.price_history ?? []).every(
        (h, i, a) => i === 0 || (h.effective_from !== undefined && (a[i - 1]!.effective_from ?? '') < h.effective_from),
      ),
    {
      error: 'price_history must be ascending by effective_from, one entry per date (only the oldest may omit it)',
      path: ['price_history'],
    },
  );

export type Organization = z.output<typeof OrganizationSchema>;
export type Family = z.output<typeof FamilySchema>;
export type Observation = z.output<typeof ObservationSchema>;
export type Model = z.output<typeof ModelSchema>;
export type Provider = z.output<typeof ProviderSchema>;
export type Offering = z.output<typeof OfferingSchema>;
export type Pricing = z.output<typeof PricingSchema>;
export type PriceTier = z.output<typeof PriceTierSchema>;
export type PriceVariant = z.output<typeof PriceVariantSchema>;
export type Features = z.output<typeof FeaturesSchema>;
export type RateLimitTier = z.output<typeof RateLimitTierSchema>;
export type PerformanceSample = z.output<typeof PerformanceSampleSchema>;
export type PricePoint = z.output<typeof PricePointSchema>;

/** Every record kind: its folder under data/ and its schema. */
export const KINDS = {
  organizations: { dir: 'organizations', schema: OrganizationSchema, depth: 1 },
  families: { dir: 'families', schema: FamilySchema, depth: 1 },
  models: { dir: 'models', schema: ModelSchema, depth: 2 },
  providers: { dir: 'providers', schema: ProviderSchema, depth: 1 },
  offerings: { dir: 'offerings', schema: OfferingSchema, depth: 0 },
} as const;
export type Kind = keyof typeof KINDS;
