/** /api/v1/providers/<id>.json: one provider and its offerings (schema: /schema/api-provider.json). */
import type { APIRoute } from 'astro';
import { catalog } from '../../../../model/catalog.ts';
import { API_VERSION, apiOffering, apiProvider } from '../../../../model/api-export.ts';

export const getStaticPaths = () => catalog.providers.map((p) => ({ params: { provider: p.id } }));
export const GET: APIRoute = ({ params }) => {
  const p = catalog.providerById.get(params.provider!)!;
  return new Response(
    JSON.stringify({ version: API_VERSION, provider: apiProvider(p), offerings: p.offerings.map(apiOffering) }),
    {
      headers: { 'content-type': 'application/json' },
    },
  );
};
