/** /api.json: the catalog in the models.dev api.json format (provider → API model id → facts, USD per 1M tokens). */
import type { APIRoute } from 'astro';
import { catalog } from '../model/catalog.ts';
import { modelsDevExport } from '../model/api-export.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(modelsDevExport(catalog.providers)), { headers: { 'content-type': 'application/json' } });
