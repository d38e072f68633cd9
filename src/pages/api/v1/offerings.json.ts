/** /api/v1/offerings.json: every offering, with USD prices (schema: /schema/api-offerings.json). */
import type { APIRoute } from 'astro';
import { catalog } from '../../../model/catalog.ts';
import { apiCollection, apiOffering } from '../../../model/api-export.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(apiCollection(catalog.offerings.map(apiOffering), catalog.date)), {
    headers: { 'content-type': 'application/json' },
  });
