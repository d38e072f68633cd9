/**
 * The pricing explorer's compact index (/pricing/index.json): every offering with only what the
 * explorer filters on and the meters the cost engine reads, names dictionary-encoded (each
 * provider, organization, family, model and region once) and prices as sparse tuples.
 * `packIndex` runs at build time on the linked catalog; `unpackIndex` runs in the browser and
 * rebuilds the pricing objects cost.ts expects. Pure: no zod at runtime (types only).
 *
 * Units: every price in USD, packed from the catalog's price view (`offering.price.pricing`,
 * src/core/price.ts): token meters per 1M tokens, unit meters per unit; context in tokens.
 */
import type { CostPricing, MeterKey } from '../../core/cost.ts';
import { blendedPrice, type PriceView } from '../../core/price.ts';
import { routesOf, type Continent, type Route } from '../../core/regions.ts';
import type { Features, Model, Offering, PriceTier, PriceVariant, Provider } from '../../model/schema.ts';
import {
  BILLING,
  EXPLORER_CAPABILITIES,
  METERS,
  MODALITIES,
  MODEL_TYPES,
  PROVIDER_KINDS,
  STATUSES,
  type Billing,
} from '../../core/vocab.ts';

export type { Billing };

/** Every meter the engine reads, in the order of a packed price tuple (the vocabulary's METERS). */
export const METER_ORDER = METERS;
/** Billing, provider kind, status and modality indexes of the packed index are positions in these. */
export const BILLING_ORDER = BILLING;
export const KIND_ORDER = PROVIDER_KINDS;
export const STATUS_ORDER = STATUSES;
export const MODALITY_ORDER = MODALITIES;

/**
 * Capabilities the explorer filters on, one bit each: true on the offering's `features`, else on
 * the model's `capabilities`; prompt caching and batch also when their prices are published.
 */
export const CAPABILITY_ORDER = EXPLORER_CAPABILITIES;
export type CapabilityId = (typeof CAPABILITY_ORDER)[number][0];

export type PackedPlace = [number, number, string, string, string, string, number];
const ROUTE_KINDS = ['region', 'profile', 'residency'] as const;

/** A sparse price tuple in METER_ORDER: `null` for an unpublished meter, trailing ones dropped. */
export type PackedMeters = (number | null)[];
/** [above_tokens, meters] */
export type PackedTier = [number, PackedMeters];
/** What the engine reads beyond the base meters; each key present only when set. */
export interface PackedExtras {
  /** Context tiers. */
  t?: PackedTier[];
  /** Batch variant: [meters, discount or null, tiers or null]. */
  b?: [PackedMeters, number | null, PackedTier[] | null];
  /** cache_write_ttl */
  w?: string;
  /** free_tier: [requests_per_day, tokens_per_day, tokens_per_month], null when absent. */
  f?: [number | null, number | null, number | null];
  /** Subscription plan name. */
  p?: string;
  /** Currency, when not USD, and [usd_per_unit, as_of]: only for a record packed as listed (packIndex packs the USD view, so never there). */
  c?: string;
  r?: [number, string];
  /** Regional prices: [place index, multiplier] or [place index, meters] (src/core/regions.ts). */
  g?: [number, number | PackedMeters][];
}
/** [billing index, base meters, extras?] */
export type PackedPricing = [number, PackedMeters] | [number, PackedMeters, PackedExtras];

/**
 * One offering: [provider, model (-1 when unlinked), id rest (after "provider/"; "" when it is the
 * model id), own name ("" for a linked offering: the model's name is shown), context tokens (0 =
 * unknown), capability bits, modality bits (input 0–4, output 5–9), status index, place indexes
 * (its routes, src/core/regions.ts; empty when its provider publishes no region, [-1] when none
 * serves it), pricing (0 when
 * none is recorded)].
 */
export type PackedRow = [number, number, string, string, number, number, number, number, number[], PackedPricing | 0];

export interface ExplorerIndex {
  /** Format version. */
  v: 1;
  /** [id, name, kind index] */
  providers: [string, string, number][];
  /** [id, name] */
  orgs: [string, string][];
  /** [id, name] of each family or generation, by name */
  families: [string, string][];
  /** [id, name, org index, family index or -1] */
  models: [string, string, number, number][];
  /**
   * Where offerings run, each route once per provider: [provider index, kind (0 region, 1
   * profile, 2 residency), key, label, countries ("DE FR"), continents ("EU"), pinned (0/1)].
   */
  places: PackedPlace[];
  /** Provider indexes that state how requests are placed (a residency record). */
  routing: number[];
  rows: PackedRow[];
  /** What the narrowing filters read (filters.ts), one per row in the order of `rows`. */
  fx?: PackedFilterFields[];
  /** [alias, model index]: the other names and API ids of each model (its `aliases`), for the exact model filter. */
  aliases?: [string, number][];
}

/**
 * [model type index in MODEL_TYPES (-1 unknown), max output tokens (0 unknown), then bits in
 * CAPABILITY_ORDER: the offering states the feature, the offering has it, the model states the
 * capability, the model has it].
 */
export type PackedFilterFields = [number, number, number, number, number, number];

type WithId<T> = T & { id: string };
/** The linked offering shape packIndex reads (relations.ts LinkedOffering satisfies it). */
export interface IndexableOffering extends WithId<Offering> {
  providerRecord: WithId<Provider>;
  /** The catalog's price view; its USD pricing record is what the index packs. */
  price: Pick<PriceView<NonNullable<Offering['pricing']>>, 'pricing'>;
  modelRecord:
    | (WithId<Model> & {
        organizationRecord: { id: string; name: string };
        /** The linked family record (src/model/link.ts); absent, the family shows by its id. */
        familyRecord?: { id: string; name: string } | undefined;
      })
    | undefined;
}

const packMeters = (src: Partial<Record<MeterKey, number>>): PackedMeters => {
  const out: PackedMeters = METER_ORDER.map((m) => src[m] ?? null);
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
};
const packTiers = (tiers: readonly PriceTier[] | undefined): PackedTier[] | undefined =>
  tiers && tiers.length > 0 ? tiers.map((t) => [t.above_tokens, packMeters(t)]) : undefined;

/** The engine's share of a pricing record, packed. Notes, flex, priority and modes are left out. */
export const packPricing = (p: CostPricing | undefined): PackedPricing | 0 => {
  if (!p) return 0;
  const extras: PackedExtras = {};
  const tiers = packTiers(p.tiers);
  if (tiers) extras.t = tiers;
  if (p.batch) extras.b = packVariant(p.batch);
  if (p.cache_write_ttl !== undefined) extras.w = p.cache_write_ttl;
  const ft = p.free_tier;
  if (ft && (ft.requests_per_day ?? ft.tokens_per_day ?? ft.tokens_per_month) !== undefined) {
    extras.f = [ft.requests_per_day ?? null, ft.tokens_per_day ?? null, ft.tokens_per_month ?? null];
  }
  if (p.plan !== undefined) extras.p = p.plan;
  if (p.currency !== undefined && p.currency !== 'USD') {
    extras.c = p.currency;
    if (p.usd_rate) extras.r = [p.usd_rate.usd_per_unit, p.usd_rate.as_of];
  }
  const billing = Math.max(0, BILLING_ORDER.indexOf(p.billing ?? 'usage'));
  return Object.keys(extras).length > 0 ? [billing, packMeters(p), extras] : [billing, packMeters(p)];
};
const packVariant = (v: PriceVariant): [PackedMeters, number | null, PackedTier[] | null] => [
  packMeters(v),
  v.discount ?? null,
  packTiers(v.tiers) ?? null,
];

const unpackMeters = <T extends object>(packed: PackedMeters, into: T): T => {
  const out = into as Record<string, number>;
  for (let i = 0; i < packed.length; i++) {
    const v = packed[i];
    if (v !== null && v !== undefined) out[METER_ORDER[i]!] = v;
  }
  return into;
};
const unpackTiers = (tiers: PackedTier[]): PriceTier[] => tiers.map(([above, m]) => unpackMeters(m, { above_tokens: above }));

/** The pricing object cost.ts reads, rebuilt from its packed form. */
export const unpackPricing = (packed: PackedPricing): CostPricing => {
  const [billing, meters, x] = packed;
  const p: CostPricing = unpackMeters(meters, { billing: BILLING_ORDER[billing] ?? 'unpublished' } as CostPricing);
  if (!x) return p;
  if (x.t) p.tiers = unpackTiers(x.t);
  if (x.b) {
    const [bm, discount, bt] = x.b;
    const batch: PriceVariant = unpackMeters(bm, {} as PriceVariant);
    if (discount !== null) batch.discount = discount;
    if (bt) batch.tiers = unpackTiers(bt);
    p.batch = batch;
  }
  if (x.w !== undefined) p.cache_write_ttl = x.w;
  if (x.f) {
    const [rpd, tpd, tpm] = x.f;
    p.free_tier = {};
    if (rpd !== null) p.free_tier.requests_per_day = rpd;
    if (tpd !== null) p.free_tier.tokens_per_day = tpd;
    if (tpm !== null) p.free_tier.tokens_per_month = tpm;
  }
  if (x.p !== undefined) p.plan = x.p;
  if (x.c !== undefined) p.currency = x.c;
  if (x.r) p.usd_rate = { usd_per_unit: x.r[0], as_of: x.r[1] };
  return p;
};

export const CAPABILITY_SOURCES: Record<CapabilityId, { feature?: keyof Features; model?: string }> = {
  tool_calling: { feature: 'tool_calling', model: 'tool_calling' },
  structured_output: { feature: 'structured_output', model: 'structured_output' },
  vision: { feature: 'vision', model: 'vision' },
  reasoning: { model: 'reasoning' },
  prompt_caching: { feature: 'prompt_caching' },
  batch: { feature: 'batch' },
  pdf_input: { feature: 'pdf_input' },
  audio_input: { feature: 'audio_input' },
  fine_tuning: { feature: 'fine_tuning', model: 'fine_tuning' },
};

/** Capability bits of one offering (bit i = CAPABILITY_ORDER[i]). */
export const capabilityBits = (o: IndexableOffering): number => {
  const caps = (o.modelRecord?.capabilities ?? {}) as Record<string, boolean | undefined>;
  let bits = 0;
  CAPABILITY_ORDER.forEach(([id], i) => {
    const src = CAPABILITY_SOURCES[id];
    let on =
      (src.feature !== undefined && o.features?.[src.feature] === true) || (src.model !== undefined && caps[src.model] === true);
    if (id === 'prompt_caching' && o.pricing?.cache_read !== undefined) on = true;
    if (id === 'batch' && o.pricing?.batch !== undefined) on = true;
    if (on) bits |= 1 << i;
  });
  return bits;
};

/**
 * The narrowing filters' fields of one offering: type, max output (the offering's, else the
 * model's) and each feature as the offering states it (a published cache-read or batch price
 * says yes to prompt caching or batch), and as the model's capabilities state it.
 */
export const filterFields = (o: IndexableOffering): PackedFilterFields => {
  const caps = (o.modelRecord?.capabilities ?? {}) as Record<string, boolean | undefined>;
  const out: PackedFilterFields = [
    o.modelRecord ? MODEL_TYPES.indexOf(o.modelRecord.type) : -1,
    o.limits?.max_output_tokens ?? o.modelRecord?.max_output_tokens ?? 0,
    0,
    0,
    0,
    0,
  ];
  CAPABILITY_ORDER.forEach(([id], i) => {
    const src = CAPABILITY_SOURCES[id];
    let own = src.feature === undefined ? undefined : o.features?.[src.feature];
    if ((id === 'prompt_caching' && o.pricing?.cache_read !== undefined) || (id === 'batch' && o.pricing?.batch !== undefined))
      own = true;
    const model = src.model === undefined ? undefined : caps[src.model];
    if (own !== undefined) out[2] |= 1 << i;
    if (own === true) out[3] |= 1 << i;
    if (model !== undefined) out[4] |= 1 << i;
    if (model === true) out[5] |= 1 << i;
  });
  return out;
};

/** Modality bits: input modality i → bit i, output modality i → bit 5 + i (MODALITY_ORDER). */
export const modalityBits = (o: IndexableOffering): number => {
  const m = o.modalities ?? o.modelRecord?.modalities;
  let bits = 0;
  for (const x of m?.input ?? []) bits |= 1 << MODALITY_ORDER.indexOf(x);
  for (const x of m?.output ?? []) bits |= 1 << (MODALITY_ORDER.length + MODALITY_ORDER.indexOf(x));
  return bits;
};

const byName = <T extends { name: string; id: string }>(a: T, b: T) =>
  a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1);

/**
 * The compact index of every offering, in id order. A region is the offering's own list, else
 * its provider's regions; context is the offering's window, else the model's.
 */
export const packIndex = (offerings: readonly IndexableOffering[]): ExplorerIndex => {
  const providers = [...new Map(offerings.map((o) => [o.providerRecord.id, o.providerRecord])).values()].sort(byName);
  const models = [
    ...new Map(offerings.flatMap((o) => (o.modelRecord ? [[o.modelRecord.id, o.modelRecord] as const] : []))).values(),
  ].sort(byName);
  const orgs = [...new Map(models.map((m) => [m.organizationRecord.id, m.organizationRecord])).values()].sort(byName);
  const families = [
    ...new Map(
      models.flatMap((m) => (m.family ? [[m.family, { id: m.family, name: m.familyRecord?.name ?? m.family }] as const] : [])),
    ).values(),
  ].sort(byName);
  const places: PackedPlace[] = [];
  const placeIx = new Map<string, number>();
  const placeOf = (provider: number, r: Route): number => {
    const key = `${provider}\u0000${r.key}`;
    let i = placeIx.get(key);
    if (i === undefined) {
      placeIx.set(key, (i = places.length));
      places.push([
        provider,
        ROUTE_KINDS.indexOf(r.kind),
        r.key,
        r.label,
        r.countries.join(' '),
        r.continents.join(' '),
        r.pinned ? 1 : 0,
      ]);
    }
    return i;
  };
  const providerIx = new Map(providers.map((p, i) => [p.id, i]));
  const modelIx = new Map(models.map((m, i) => [m.id, i]));
  const orgIx = new Map(orgs.map((o, i) => [o.id, i]));
  const familyIx = new Map(families.map((f, i) => [f.id, i]));
  const sorted = [...offerings].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = sorted.map((o): PackedRow => {
    const prov = o.providerRecord;
    const rest = o.id.startsWith(`${prov.id}/`) ? o.id.slice(prov.id.length + 1) : o.id;
    const pi = providerIx.get(prov.id)!;
    const known = routesOf(prov, o);
    const routes = known ?? [];
    // Known but empty (every route ruled out) packs as [-1], unknown as [].
    const regions = routes.length ? routes.map((r) => placeOf(pi, r)) : known ? [-1] : [];
    let pricing = packPricing(o.price.pricing);
    const regional = routes.flatMap((r, i): [number, number | PackedMeters][] =>
      r.prices ? [[regions[i]!, packMeters(r.prices)]] : r.multiplier !== 1 ? [[regions[i]!, r.multiplier]] : [],
    );
    if (pricing !== 0 && regional.length) pricing = [pricing[0], pricing[1], { ...(pricing[2] ?? {}), g: regional }];
    return [
      providerIx.get(prov.id)!,
      o.modelRecord ? modelIx.get(o.modelRecord.id)! : -1,
      o.modelRecord && rest === o.modelRecord.id ? '' : rest,
      o.modelRecord ? '' : (o.name ?? o.provider_model_id),
      o.limits?.context_window ?? o.modelRecord?.context_window ?? 0,
      capabilityBits(o),
      modalityBits(o),
      Math.max(0, STATUS_ORDER.indexOf(o.status ?? 'active')),
      regions,
      pricing,
    ];
  });
  return {
    v: 1,
    providers: providers.map((p) => [p.id, p.name, Math.max(0, KIND_ORDER.indexOf(p.kind))]),
    orgs: orgs.map((o) => [o.id, o.name]),
    families: families.map((f) => [f.id, f.name]),
    models: models.map((m) => [m.id, m.name, orgIx.get(m.organizationRecord.id)!, m.family ? familyIx.get(m.family)! : -1]),
    places,
    routing: providers.flatMap((p, i) => (p.residency ? [i] : [])),
    rows,
    fx: sorted.map(filterFields),
    aliases: models.flatMap((m, i) => (m.aliases ?? []).map((a): [string, number] => [a, i])),
  };
};

/** One offering as the explorer shows and filters it. Prices in USD per 1M tokens. */
export interface ExplorerRow {
  /** Offering id, "provider/org/model". */
  id: string;
  /** Index into ExplorerIndex.providers / models (-1: unlinked). */
  provider: number;
  model: number;
  org: number;
  family: number;
  /** Shown name: the model's, else the offering's own. */
  name: string;
  /** What tells this offering apart from others of the same model at the provider ("" when nothing). */
  variant: string;
  context: number;
  caps: number;
  mods: number;
  status: number;
  /** Its routes (src/core/regions.ts), undefined when its provider publishes no region. */
  routes: Route[] | undefined;
  /** Its provider states how requests are placed (for "EU processing": unknown otherwise). */
  routingStated: boolean;
  /** The route its prices are for, when a region filter picked one that costs differently. */
  place?: Route | undefined;
  pricing: CostPricing | undefined;
  billing: Billing | undefined;
  /** Usage prices in USD per 1M tokens; undefined when unpublished or not billed by usage. */
  input: number | undefined;
  output: number | undefined;
  cacheRead: number | undefined;
  /** (3 × input + output) / 4, only when both are published. */
  blended: number | undefined;
  /** Lower-cased model id, name and offering id, for the text filter. */
  text: string;
  /** The narrowing filters' fields (PackedFilterFields): type index, max output, feature bits. */
  type: number;
  maxOutput: number;
  featKnown: number;
  featYes: number;
  capKnown: number;
  capYes: number;
}

/** Every packed row, ready for filtering and pricing. */
export const unpackIndex = (ix: ExplorerIndex): ExplorerRow[] => {
  const unpack = rowUnpacker(ix);
  return ix.rows.map((_, i) => unpack(i));
};

/**
 * A function that unpacks row i of `ix` (the shared tables are read once), so that a caller can
 * unpack the rows in slices and yield to the browser between them.
 */
export const rowUnpacker = (ix: ExplorerIndex): ((i: number) => ExplorerRow) => {
  const places = ix.places.map(([, kind, key, label, countries, continents, pinned]): Route => ({
    kind: ROUTE_KINDS[kind] ?? 'region',
    key,
    label,
    countries: countries ? countries.split(' ') : [],
    continents: (continents ? continents.split(' ') : []) as Continent[],
    pinned: pinned === 1,
    multiplier: 1,
  }));
  const routing = new Set(ix.routing);
  return (i) => {
    const [provider, model, rest, ownName, context, caps, mods, status, regions, packed] = ix.rows[i]!;
    const [type, maxOutput, featKnown, featYes, capKnown, capYes] = ix.fx?.[i] ?? [-1, 0, 0, 0, 0, 0];
    const prov = ix.providers[provider]!;
    const m = model >= 0 ? ix.models[model] : undefined;
    const id = `${prov[0]}/${rest === '' && m ? m[0] : rest}`;
    const pricing = packed === 0 ? undefined : unpackPricing(packed);
    const regional = new Map((packed !== 0 && packed[2]?.g) || []);
    const routes = regions.length
      ? regions
          .filter((pi) => pi >= 0)
          .map((pi): Route => {
            const own = regional.get(pi);
            if (own === undefined) return places[pi]!;
            return typeof own === 'number'
              ? { ...places[pi]!, multiplier: own }
              : { ...places[pi]!, prices: unpackMeters(own, {}) };
          })
      : undefined;
    const usage = pricing !== undefined && pricing.billing === 'usage';
    // Packed from the USD price view: no conversion here.
    const usd = (v: number | undefined) => (usage ? v : undefined);
    const input = usd(pricing?.input);
    const output = usd(pricing?.output);
    const name = m ? m[1] : ownName;
    // "org/model--snapshot" → "snapshot": tells two offerings of one model apart.
    const variant = m && rest !== '' && rest.startsWith(`${m[0]}--`) ? rest.slice(m[0].length + 2) : '';
    return {
      id,
      provider,
      model,
      org: m ? m[2] : -1,
      family: m ? m[3] : -1,
      name,
      variant,
      context,
      caps,
      mods,
      status,
      routes,
      routingStated: routing.has(provider),
      pricing,
      billing: pricing?.billing,
      input,
      output,
      cacheRead: usd(pricing?.cache_read),
      blended: blendedPrice(input, output),
      text: `${m ? m[0] : ''} ${name} ${id}`.toLowerCase(),
      type,
      maxOutput,
      featKnown,
      featYes,
      capKnown,
      capYes,
    };
  };
};
