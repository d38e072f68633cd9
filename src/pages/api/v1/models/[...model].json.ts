/** /api/v1/models/<org>/<model>.json: one model and its offerings (schema: /schema/api-model.json). */
import type { APIRoute } from 'astro';
import { catalog } from '../../../../model/catalog.ts';
import { API_VERSION, apiModel, apiOffering } from '../../../../model/api-export.ts';

export const getStaticPaths = () => catalog.models.map((m) => ({ params: { model: m.id } }));
export const GET: APIRoute = ({ params }) => {
  const m = catalog.modelById.get(params.model!)!;
  return new Response(JSON.stringify({ version: API_VERSION, model: apiModel(m), offerings: m.offerings.map(apiOffering) }), {
    headers: { 'content-type': 'application/json' },
  });
};
