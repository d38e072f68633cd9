/**
 * Links the four record kinds into one catalog: provider → offerings, model → offerings,
 * organization → models. Throws, listing every gap, when a reference does not resolve
 * (Astro only logs a dangling reference; we fail the build). Each offering also gets its one
 * normalized price view (`price`, src/core/price.ts): every page, feed and export reads its
 * prices in USD from there; and its price provenance (`provenance`, src/core/provenance.ts).
 */
import { dataDate } from '../core/catalog-stats.ts';
import { priceView, pricingInForce, type PriceView } from '../core/price.ts';
import { provenanceView, type Provenance } from '../core/provenance.ts';
import type { Family, Model, Offering, Organization, Pricing, Provider } from './schema.ts';

type Id<T> = T & { id: string };
export interface LinkedOffering extends Id<Offering> {
  providerRecord: LinkedProvider;
  modelRecord: LinkedModel | undefined;
  /**
   * The offering's prices normalized: USD per 1M tokens (token meters), USD per unit (unit meters),
   * the prices in force on the data's date (Catalog.date), with the scheduled changes.
   */
  price: PriceView<Pricing>;
  /** Where each shown price comes from and whether it is confirmed (src/core/provenance.ts). */
  provenance: Provenance;
}
export interface LinkedProvider extends Id<Provider> {
  offerings: LinkedOffering[];
}
/** A model's family or generation as pages name it: its id (/families/<id>/) and readable name. */
export interface FamilyRef {
  id: string;
  name: string;
}
export interface LinkedModel extends Id<Model> {
  organizationRecord: LinkedOrganization;
  /** The record its `family` names; undefined without a family (or when no family records were given). */
  familyRecord: FamilyRef | undefined;
  offerings: LinkedOffering[];
}
export interface LinkedOrganization extends Id<Organization> {
  models: LinkedModel[];
}
export interface Catalog {
  providers: LinkedProvider[];
  models: LinkedModel[];
  organizations: LinkedOrganization[];
  offerings: LinkedOffering[];
  providerById: Map<string, LinkedProvider>;
  modelById: Map<string, LinkedModel>;
  organizationById: Map<string, LinkedOrganization>;
  /**
   * The data's own "today", YYYY-MM-DD: the newest `last_verified` of any provider or offering
   * (never the clock, so two builds of one commit are identical); undefined when none has one.
   */
  date: string | undefined;
}

/**
 * The two views of an offering's prices, on the data's date `date`: the price view (the price in
 * force, the scheduled changes) and the provenance of each shown price.
 */
export const offeringPriceViews = (
  o: Pick<Offering, 'pricing' | 'price_history' | 'observations' | 'sources' | 'last_verified'>,
  date: string | undefined,
): { price: PriceView<Pricing>; provenance: Provenance } => {
  const dates = { asOf: date, pricedOn: o.last_verified };
  const views = { price: priceView(o.pricing, o.price_history, dates) };
  return { ...views, provenance: provenanceView(o, pricingInForce(o.pricing, o.price_history, dates).pricing, views.price) };
};

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Builds the linked catalog; every list is sorted by id so that output is deterministic. The
 * family records are optional (test catalogs leave them out); given, every model's `family`
 * must name one.
 */
export const linkCatalog = (
  providers: Id<Provider>[],
  models: Id<Model>[],
  organizations: Id<Organization>[],
  offerings: Id<Offering>[],
  families: Id<Family>[] = [],
): Catalog => {
  const gaps: string[] = [];
  const familyById = new Map(families.map((f): [string, FamilyRef] => [f.id, { id: f.id, name: f.name }]));
  const orgs = organizations.map((o): LinkedOrganization => ({ ...o, models: [] })).sort(byId);
  const organizationById = new Map(orgs.map((o) => [o.id, o]));
  const linkedModels: LinkedModel[] = [];
  for (const m of [...models].sort(byId)) {
    const org = organizationById.get(m.organization);
    if (!org) {
      gaps.push(`model ${m.id}: unknown organization "${m.organization}"`);
      continue;
    }
    const familyRecord = m.family === undefined ? undefined : familyById.get(m.family);
    if (m.family !== undefined && !familyRecord && families.length > 0) gaps.push(`model ${m.id}: unknown family "${m.family}"`);
    const lm: LinkedModel = { ...m, organizationRecord: org, familyRecord, offerings: [] };
    org.models.push(lm);
    linkedModels.push(lm);
  }
  const modelById = new Map(linkedModels.map((m) => [m.id, m]));
  const provs = providers.map((p): LinkedProvider => ({ ...p, offerings: [] })).sort(byId);
  const providerById = new Map(provs.map((p) => [p.id, p]));
  const linkedOfferings: LinkedOffering[] = [];
  const date = dataDate([...provs, ...offerings]);
  for (const o of [...offerings].sort(byId)) {
    const provider = providerById.get(o.provider);
    const model = o.model === undefined ? undefined : modelById.get(o.model);
    if (!provider) gaps.push(`offering ${o.id}: unknown provider "${o.provider}"`);
    if (o.model !== undefined && !model) gaps.push(`offering ${o.id}: unknown model "${o.model}"`);
    if (!provider || (o.model !== undefined && !model)) continue;
    const lo: LinkedOffering = {
      ...o,
      providerRecord: provider,
      modelRecord: model,
      ...offeringPriceViews(o, date),
    };
    provider.offerings.push(lo);
    model?.offerings.push(lo);
    linkedOfferings.push(lo);
  }
  if (gaps.length) throw new Error(`Broken references in data/:\n${gaps.join('\n')}`);
  return {
    providers: provs,
    models: linkedModels,
    organizations: orgs,
    offerings: linkedOfferings,
    providerById,
    modelById,
    organizationById,
    date,
  };
};

/** The readable name of a model's family ("Claude 4.5"); its id when the record is not linked. */
export const familyName = (m: { family?: string | undefined; familyRecord?: FamilyRef | undefined }): string | undefined =>
  m.familyRecord?.name ?? m.family;

/** Display name of an offering: its model's name, or its own when unlinked. */
export const offeringName = (o: {
  name?: string | undefined;
  modelRecord?: { name: string } | undefined;
  provider_model_id: string;
}) => o.name ?? o.modelRecord?.name ?? o.provider_model_id;
