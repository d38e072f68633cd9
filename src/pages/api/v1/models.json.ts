/** /api/v1/models.json: every canonical model (schema: /schema/api-models.json). */
import type { APIRoute } from 'astro';
import { catalog } from '../../../model/catalog.ts';
import { apiCollection, apiModel } from '../../../model/api-export.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(apiCollection(catalog.models.map(apiModel), catalog.date)), {
    headers: { 'content-type': 'application/json' },
  });
