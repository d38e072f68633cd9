/** Organization (model creator) pages: the index of creators and each creator's models. */
import { providerCount } from './offerings.ts';
import type { Model, Organization } from '../../model/schema.ts';

type ModelLike = Pick<Model, 'name' | 'family' | 'release_date' | 'status' | 'open_weights'> & {
  id: string;
  /** The linked family record (src/model/link.ts); absent, the family shows by its id. */
  familyRecord?: { id: string; name: string } | undefined;
  offerings: { provider: string }[];
};
type OrgLike = Pick<Organization, 'name' | 'country'> & { id: string; models: ModelLike[] };

export interface OrganizationSummary {
  id: string;
  name: string;
  country: string | undefined;
  models: number;
  /** Distinct providers serving any of its models. */
  providers: number;
  latestRelease: string | undefined;
}

/** One summary per organization with at least one model, sorted by name. */
export const organizationSummaries = (orgs: OrgLike[]): OrganizationSummary[] =>
  orgs
    .filter((o) => o.models.length > 0)
    .map((o) => ({
      id: o.id,
      name: o.name,
      country: o.country,
      models: o.models.length,
      providers: new Set(o.models.flatMap((m) => m.offerings.map((x) => x.provider))).size,
      latestRelease: o.models
        .map((m) => m.release_date)
        .filter((d): d is string => d !== undefined)
        .sort()
        .at(-1),
    }))
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en') || (a.id < b.id ? -1 : 1));

export interface OrganizationModelRow {
  id: string;
  name: string;
  /** Its family or generation: id (for the link) and readable name. */
  family: { id: string; name: string } | undefined;
  release: string | undefined;
  status: string;
  openWeights: boolean | undefined;
  providers: number;
}

/** The organization's models, newest release first (undated last), then by name. */
export const organizationModels = (org: OrgLike): OrganizationModelRow[] =>
  org.models
    .map((m) => ({
      id: m.id,
      name: m.name,
      family: m.family === undefined ? undefined : { id: m.family, name: m.familyRecord?.name ?? m.family },
      release: m.release_date,
      status: m.status,
      openWeights: m.open_weights,
      providers: providerCount(m),
    }))
    .sort((a, b) =>
      (a.release ?? '') < (b.release ?? '') ? 1 : (a.release ?? '') > (b.release ?? '') ? -1 : a.name.localeCompare(b.name, 'en'),
    );
