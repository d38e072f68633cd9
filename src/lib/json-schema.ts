/** JSON Schema (draft 2020-12) for each record kind, from the Zod schemas: one source of truth. */
import { z } from 'astro/zod';
import { ModelSchema, OfferingSchema, OrganizationSchema, ProviderSchema } from './schema.ts';

const SITE = 'https://provider-atlas.dev';

const make = (kind: string, title: string, schema: z.ZodType) => ({
  ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
  $id: `${SITE}/schema/${kind}.json`,
  title,
});

/** Keyed by the file name under /schema/ ("provider" → /schema/provider.json). */
export const recordJsonSchemas = () => ({
  provider: make('provider', 'Provider Atlas provider record (data/providers/<id>.yaml)', ProviderSchema),
  model: make('model', 'Provider Atlas model record (data/models/<org>/<model>.yaml)', ModelSchema),
  offering: make('offering', 'Provider Atlas offering record (data/offerings/<provider>/<org>/<model>.yaml)', OfferingSchema),
  organization: make('organization', 'Provider Atlas organization record (data/organizations/<id>.yaml)', OrganizationSchema),
});
