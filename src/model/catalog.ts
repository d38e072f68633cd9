/**
 * The one place the site reads the data: the records validated once per build (src/model/load.ts;
 * no content collections, so no second YAML parse or schema pass), linked, failing on gaps.
 */
import { linkCatalog } from './link.ts';
import { siteRecords } from './load.ts';

const records = siteRecords();

export const catalog = linkCatalog(records.providers, records.models, records.organizations, records.offerings, records.families);

/** The curated family hierarchy (data/families/): family → generation; models name theirs in `family`. */
export const familyRecords = records.families;

export const providerPaths = () =>
  catalog.providers.map((provider) => ({ params: { provider: provider.id }, props: { provider } }));
