/** JSON Schema (draft 2020-12) for each record kind, from the Zod schemas: one source of truth. */
import { z } from 'astro/zod';
import { FamilySchema, ModelSchema, OfferingSchema, OrganizationSchema, ProviderSchema } from './schema.ts';
import { absoluteUrl, schemaPath } from '../core/urls.ts';
import {
  ApiModelFileSchema,
  ApiModelsSchema,
  ApiOfferingsSchema,
  ApiProviderFileSchema,
  ApiProvidersSchema,
} from './api-export.ts';

const SITE = 'https://provider-atlas.dev';

const make = (kind: string, title: string, schema: z.ZodType, io: 'input' | 'output' = 'input') => ({
  ...z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }),
  $id: absoluteUrl(schemaPath(kind), SITE),
  title,
});

/** Keyed by the file name under /schema/ ("provider" → /schema/provider.json). */
export const recordJsonSchemas = () => ({
  provider: make('provider', 'Provider Atlas provider record (data/providers/<id>.yaml)', ProviderSchema),
  model: make('model', 'Provider Atlas model record (data/models/<org>/<model>.yaml)', ModelSchema),
  offering: make('offering', 'Provider Atlas offering record (data/offerings/<provider>/<org>/<model>.yaml)', OfferingSchema),
  organization: make('organization', 'Provider Atlas organization record (data/organizations/<id>.yaml)', OrganizationSchema),
  family: make('family', 'Provider Atlas family or generation record (data/families/<id>.yaml)', FamilySchema),
});

/** JSON Schema of each /api/v1/ payload ("api-providers" → /schema/api-providers.json). */
export const apiJsonSchemas = () => ({
  'api-providers': make('api-providers', 'Provider Atlas API: /api/v1/providers.json', ApiProvidersSchema, 'output'),
  'api-models': make('api-models', 'Provider Atlas API: /api/v1/models.json', ApiModelsSchema, 'output'),
  'api-offerings': make('api-offerings', 'Provider Atlas API: /api/v1/offerings.json', ApiOfferingsSchema, 'output'),
  'api-provider': make('api-provider', 'Provider Atlas API: /api/v1/providers/<id>.json', ApiProviderFileSchema, 'output'),
  'api-model': make('api-model', 'Provider Atlas API: /api/v1/models/<org>/<model>.json', ApiModelFileSchema, 'output'),
});
