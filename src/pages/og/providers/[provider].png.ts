/** /og/providers/<id>.png: the provider's share card (1200 × 630). */
import type { APIRoute } from 'astro';
import { catalog } from '../../../model/catalog.ts';
import { sharePngResponse } from '../../../model/share-png.ts';
import { providerCard, shareCardSvg } from '../../../views/feeds/og.ts';

export const getStaticPaths = () => catalog.providers.map((p) => ({ params: { provider: p.id } }));
export const GET: APIRoute = ({ params }) =>
  sharePngResponse(shareCardSvg(providerCard(catalog.providerById.get(params.provider!)!)));
