/** Test records for the model-page modules: factories with overrides, linked by linkCatalog. */
import { linkCatalog } from '../../src/model/link.ts';
import type { Model, Offering, Organization, Provider } from '../../src/model/schema.ts';

type Over<T> = Partial<T> & { id: string };

export const provider = (o: Over<Provider>): Provider & { id: string } => ({
  name: o.id.toUpperCase(),
  kind: 'inference',
  website: `https://${o.id}.example.com`,
  ...o,
});
export const org = (o: Over<Organization>): Organization & { id: string } => ({ name: o.id.toUpperCase(), ...o });
export const model = (o: Over<Model>): Model & { id: string } => ({
  name: o.id.split('/')[1]!,
  organization: o.id.split('/')[0]!,
  type: 'text-generation',
  status: 'active',
  ...o,
});
/** An offering of `model` at `provider`, $1 / $4 per 1M tokens unless overridden. */
export const offering = (
  providerId: string,
  modelId: string | undefined,
  o: Partial<Offering> & { id?: string } = {},
): Offering & { id: string } => ({
  id: `${providerId}/${modelId ?? 'x'}${o.provider_model_id ? `-${o.provider_model_id}` : ''}`,
  provider: providerId,
  model: modelId,
  provider_model_id: modelId?.split('/')[1] ?? 'x',
  status: 'active',
  pricing: { billing: 'usage', currency: 'USD', input: 1, output: 4 },
  ...o,
});

/** A linked catalog from the records given. */
export const catalogOf = (recs: {
  providers: (Provider & { id: string })[];
  models: (Model & { id: string })[];
  orgs: (Organization & { id: string })[];
  offerings: (Offering & { id: string })[];
}) => linkCatalog(recs.providers, recs.models, recs.orgs, recs.offerings);
