/** /api/v1/providers.json: every provider (schema: /schema/api-providers.json). */
import type { APIRoute } from 'astro';
import { catalog } from '../../../model/catalog.ts';
import { apiCollection, apiProvider } from '../../../model/api-export.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(apiCollection(catalog.providers.map(apiProvider), catalog.date)), {
    headers: { 'content-type': 'application/json' },
  });
