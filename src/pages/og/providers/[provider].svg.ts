/** /og/providers/<id>.svg: the provider's share card. */
import type { APIRoute } from 'astro';
import { catalog } from '../../../model/catalog.ts';
import { providerCard, shareCardSvg } from '../../../views/feeds/og.ts';

export const getStaticPaths = () => catalog.providers.map((p) => ({ params: { provider: p.id } }));
export const GET: APIRoute = ({ params }) =>
  new Response(shareCardSvg(providerCard(catalog.providerById.get(params.provider!)!)), {
    headers: { 'content-type': 'image/svg+xml' },
  });
