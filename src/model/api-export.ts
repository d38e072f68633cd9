/**
 * The open-data API (/api/v1/…): catalog records as plain JSON with derived fields, the
 * envelope of every collection file, their Zod schemas (the published JSON Schema and the
 * tests use these), the offerings CSV and a models.dev-compatible export.
 * Prices stay as listed (record currency, per 1M tokens); `usd` repeats every meter in
 * USD per 1M tokens (unit meters: USD per unit), from the catalog's price view (`offering.price`).
 */
import { z } from 'astro/zod';
import type { PriceView } from '../core/price.ts';
import { PROVENANCE_STATUSES, type Provenance } from '../core/provenance.ts';
import { HEADLINE_PRICE_FIELDS } from '../core/reconcile.ts';
import { DATA_SOURCES, METERS, MODELS_DEV_METERS } from '../core/vocab.ts';
import { ModelSchema, OfferingSchema, ProviderSchema, type Model, type Offering, type Provider } from './schema.ts';

/** Version of the API; its path segment is /api/v1/. */
export const API_VERSION = 1;

const UsdSchema = z
  .strictObject(
    Object.fromEntries(METERS.map((m) => [m, z.number().nonnegative().optional()])) as Record<
      (typeof METERS)[number],
      z.ZodOptional<z.ZodNumber>
    >,
  )
  .describe('Every listed meter in USD: token meters per 1M tokens, unit meters per unit');

const Sources = z.array(z.enum(DATA_SOURCES));
/** Per shown price: who states it, whether it is confirmed, who states another value (src/core/provenance.ts). */
const PriceProvenanceSchema = z
  .strictObject({
    /** provider (every shown price confirmed by the provider's page), confirmed (by it or two sources), single, disagree, unobserved. */
    status: z.enum(PROVENANCE_STATUSES),
    /** One sentence, as the site shows it; absent when unobserved (see the offering's sources and last_verified). */
    summary: z.string().optional(),
    /** By price field ("input", "batch.output"), for the prices some observation states. */
    prices: z
      .record(
        z.string(),
        z.strictObject({
          /** Sources that state the price shown. */
          sources: Sources,
          /** Stated by the provider's own page, or by two or more sources. */
          confirmed: z.boolean(),
          /** Newest as_of among the sources that state it, YYYY-MM-DD. */
          checked: z.string().optional(),
          /** Sources that state another value. */
          disagree: Sources.optional(),
        }),
      )
      .optional(),
  })
  .describe("Where the offering's prices come from; observations hold each source's values and dates");

export const ApiProviderSchema = ProviderSchema.safeExtend({
  id: z.string(),
  /** Number of offerings (models sold) at this provider. */
  offering_count: z.int().nonnegative(),
});
export const ApiModelSchema = ModelSchema.safeExtend({
  id: z.string(),
  /** Readable name of the family or generation `family` names ("Claude 4.5"). */
  family_name: z.string().optional(),
  /** Number of providers offering the model. */
  provider_count: z.int().nonnegative(),
});
export const ApiOfferingSchema = OfferingSchema.safeExtend({
  id: z.string(),
  usd: UsdSchema.optional(),
  price_provenance: PriceProvenanceSchema.optional(),
});

const envelope = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    version: z.literal(API_VERSION),
    /** The data's own date (newest last_verified), YYYY-MM-DD. */
    data_date: z.string().optional(),
    count: z.int().nonnegative(),
    items: z.array(item),
  });
export const ApiProvidersSchema = envelope(ApiProviderSchema);
export const ApiModelsSchema = envelope(ApiModelSchema);
export const ApiOfferingsSchema = envelope(ApiOfferingSchema);
/** /api/v1/providers/<id>.json: the provider and its offerings. */
export const ApiProviderFileSchema = z.strictObject({
  version: z.literal(API_VERSION),
  provider: ApiProviderSchema,
  offerings: z.array(ApiOfferingSchema),
});
/** /api/v1/models/<org>/<model>.json: the model and where it is sold. */
export const ApiModelFileSchema = z.strictObject({
  version: z.literal(API_VERSION),
  model: ApiModelSchema,
  offerings: z.array(ApiOfferingSchema),
});

type Id<T> = T & { id: string };
interface LinkedProviderLike extends Id<Provider> {
  offerings: unknown[];
}
interface LinkedModelLike extends Id<Model> {
  offerings: { provider: string }[];
  familyRecord?: { name: string } | undefined;
}

/** Copies `keys` of a record (link fields such as `offerings` or `providerRecord` are left out). */
const pick = <T extends object>(rec: T, keys: readonly string[]) =>
  Object.fromEntries(
    keys.filter((k) => (rec as Record<string, unknown>)[k] !== undefined).map((k) => [k, (rec as Record<string, unknown>)[k]]),
  );

const keysOf = (schema: { shape: Record<string, unknown> }) => ['id', ...Object.keys(schema.shape).filter((k) => k !== 'id')];

export const apiProvider = (p: LinkedProviderLike) => ({
  ...pick(p, keysOf(ProviderSchema)),
  offering_count: p.offerings.length,
});
export const apiModel = (m: LinkedModelLike) => ({
  ...pick(m, keysOf(ModelSchema)),
  ...(m.familyRecord && { family_name: m.familyRecord.name }),
  provider_count: new Set(m.offerings.map((o) => o.provider)).size,
});

/** An offering with its price view and provenance (a linked offering). */
type PricedOffering = Id<Offering> & { price: Pick<PriceView, 'usd'>; provenance?: Provenance | undefined };

/** The compact provenance of an offering's shown prices; undefined when it shows none. */
export const priceProvenance = (p: Provenance | undefined): z.output<typeof PriceProvenanceSchema> | undefined => {
  if (!p || p.status === 'none') return undefined;
  // Not cross-checked: the offering's own sources and last_verified say the rest.
  if (p.status === 'unobserved') return { status: p.status };
  const stated = p.meters.filter((m) => m.values.length);
  const prices = Object.fromEntries(
    stated.map((m) => [
      m.field.replace(/^pricing\./, ''),
      {
        sources: m.sources,
        confirmed: m.confirmed,
        ...(m.checked && { checked: m.checked }),
        ...(m.disagree.length && { disagree: m.disagree }),
      },
    ]),
  );
  return { status: p.status, summary: p.summary, ...(stated.length && { prices }) };
};

/** Every listed meter in USD, from the price view; undefined when no meter is listed (or converted). */
export const usdMeters = (price: Pick<PriceView, 'usd'> | undefined): Record<string, number> | undefined =>
  price && Object.keys(price.usd).length ? { ...price.usd } : undefined;
export const apiOffering = (o: PricedOffering) => {
  const usd = usdMeters(o.price);
  const provenance = priceProvenance(o.provenance);
  return { ...pick(o, keysOf(OfferingSchema)), ...(usd && { usd }), ...(provenance && { price_provenance: provenance }) };
};

/** A collection file's payload. */
export const apiCollection = <T>(items: T[], dataDate: string | undefined) => ({
  version: API_VERSION,
  ...(dataDate && { data_date: dataDate }),
  count: items.length,
  items,
});

/** Columns of /api/v1/offerings.csv; prices in USD per 1M tokens. */
export const CSV_COLUMNS = [
  'offering_id',
  'provider',
  'model',
  'name',
  'provider_model_id',
  'status',
  'billing',
  'currency',
  'input_usd_per_1m',
  'output_usd_per_1m',
  'cache_read_usd_per_1m',
  'cache_write_usd_per_1m',
  'context_window',
  'max_output_tokens',
  'last_verified',
  'price_sources',
  'price_confirmed',
] as const;

interface CsvOffering extends PricedOffering {
  modelRecord?: { name: string; context_window?: number | undefined; max_output_tokens?: number | undefined } | undefined;
}

/**
 * The CSV's two provenance cells: the sources that state the headline prices (input and output;
 * "provider;litellm") and whether both are confirmed ("yes", "no", empty without an observed price).
 */
const priceCsvCells = (p: Provenance | undefined): [string, string] => {
  const head = (p?.meters ?? []).filter((m) => (HEADLINE_PRICE_FIELDS as readonly string[]).includes(m.field) && m.values.length);
  if (!head.length) return ['', ''];
  const sources = [...new Set(head.flatMap((m) => m.sources))];
  return [sources.join(';'), head.every((m) => m.confirmed) ? 'yes' : 'no'];
};

/** One row of strings per offering (empty = unknown), header first; pass to csv.ts toCsv. */
export const offeringsCsvRows = (offerings: CsvOffering[]): string[][] => {
  const s = (v: unknown) => (v === undefined ? '' : String(v));
  return [
    [...CSV_COLUMNS],
    ...offerings.map((o) => {
      const usd = usdMeters(o.price) ?? {};
      return [
        o.id,
        o.provider,
        s(o.model),
        o.name ?? o.modelRecord?.name ?? '',
        o.provider_model_id,
        o.status,
        s(o.pricing?.billing),
        s(o.pricing?.currency),
        s(usd.input),
        s(usd.output),
        s(usd.cache_read),
        s(usd.cache_write),
        s(o.limits?.context_window ?? o.modelRecord?.context_window),
        s(o.limits?.max_output_tokens ?? o.modelRecord?.max_output_tokens),
        s(o.last_verified),
        ...priceCsvCells(o.provenance),
      ];
    }),
  ];
};

interface DevOffering extends CsvOffering {
  modelRecord?:
    | (CsvOffering['modelRecord'] &
        Partial<Pick<Model, 'family' | 'release_date' | 'knowledge_cutoff' | 'open_weights' | 'modalities' | 'capabilities'>>)
    | undefined;
}
interface DevProvider extends Id<Provider> {
  offerings: DevOffering[];
}

/**
 * The catalog in the models.dev api.json shape (provider id → { id, name, env, api, doc, models:
 * API model id → facts }), prices in USD per 1M tokens, so that tools reading that format read ours.
 */
export const modelsDevExport = (providers: DevProvider[]) =>
  Object.fromEntries(
    providers.map((p) => {
      const models: Record<string, unknown> = {};
      for (const o of p.offerings) {
        if (models[o.provider_model_id]) continue;
        const m = o.modelRecord;
        const usd = usdMeters(o.price) ?? {};
        const cost = Object.fromEntries(MODELS_DEV_METERS.filter((k) => usd[k] !== undefined).map((k) => [k, usd[k]]));
        const caps = m?.capabilities ?? {};
        const modalities = o.modalities ?? m?.modalities;
        models[o.provider_model_id] = {
          id: o.provider_model_id,
          name: o.name ?? m?.name ?? o.provider_model_id,
          ...(m?.family && { family: m.family }),
          ...(caps.attachments !== undefined && { attachment: caps.attachments }),
          ...(caps.reasoning !== undefined && { reasoning: caps.reasoning }),
          ...((o.features?.tool_calling ?? caps.tool_calling) !== undefined && {
            tool_call: o.features?.tool_calling ?? caps.tool_calling,
          }),
          ...(caps.structured_output !== undefined && { structured_output: caps.structured_output }),
          ...(caps.temperature !== undefined && { temperature: caps.temperature }),
          ...(m?.knowledge_cutoff && { knowledge: m.knowledge_cutoff }),
          ...((o.release_date ?? m?.release_date) && { release_date: o.release_date ?? m?.release_date }),
          ...(modalities && { modalities }),
          ...(m?.open_weights !== undefined && { open_weights: m.open_weights }),
          limit: {
            context: o.limits?.context_window ?? m?.context_window ?? 0,
            ...(o.limits?.max_input_tokens !== undefined && { input: o.limits.max_input_tokens }),
            output: o.limits?.max_output_tokens ?? m?.max_output_tokens ?? 0,
          },
          ...(Object.keys(cost).length && { cost }),
          ...(o.status === 'deprecated' && { status: 'deprecated' }),
        };
      }
      return [
        p.id,
        {
          id: p.id,
          name: p.name,
          ...(p.api?.env && { env: p.api.env }),
          ...(p.api?.base_url && { api: p.api.base_url }),
          ...((p.docs_url ?? p.website) && { doc: p.docs_url ?? p.website }),
          models,
        },
      ];
    }),
  );
