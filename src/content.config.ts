/**
 * Content collections over data/. One loader reads and validates the whole data folder once
 * (src/model/load.ts, the same code as `npm run validate`), so that Astro sees the same records
 * with the same strict YAML rules; any problem stops the build with every message listed.
 */
import { defineCollection } from 'astro:content';
import { dataDir, loadData } from './model/load.ts';
import { report, type Records } from './model/validate.ts';
import { ModelSchema, OfferingSchema, OrganizationSchema, ProviderSchema } from './model/schema.ts';

let loaded: Records | undefined;
const records = (): Records => {
  if (loaded) return loaded;
  const { problems, records: r } = loadData(dataDir());
  if (problems.length || !r) throw new Error(`Invalid data:\n${report(problems).join('\n')}`);
  loaded = r;
  return r;
};

export const collections = {
  organizations: defineCollection({ loader: async () => records().organizations, schema: OrganizationSchema }),
  models: defineCollection({ loader: async () => records().models, schema: ModelSchema }),
  providers: defineCollection({ loader: async () => records().providers, schema: ProviderSchema }),
  offerings: defineCollection({ loader: async () => records().offerings, schema: OfferingSchema }),
};
