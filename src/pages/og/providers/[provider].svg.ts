/** /og/providers/<id>.svg: the provider's share card. */
import type { APIRoute } from 'astro';
import { catalog } from '../../../catalog.ts';
import { providerCard, shareCardSvg } from '../../../lib/og.ts';

export const getStaticPaths = () => catalog.providers.map((p) => ({ params: { provider: p.id } }));
export const GET: APIRoute = ({ params }) =>
  new Response(shareCardSvg(providerCard(catalog.providerById.get(params.provider!)!)), { headers: { 'content-type': 'image/svg+xml' } });
