/** /og/models/<org>/<model>.svg: the model's share card. */
import type { APIRoute } from 'astro';
import { catalog } from '../../../model/catalog.ts';
import { modelCard, shareCardSvg } from '../../../views/feeds/og.ts';

export const getStaticPaths = () => catalog.models.map((m) => ({ params: { model: m.id } }));
export const GET: APIRoute = ({ params }) =>
  new Response(shareCardSvg(modelCard(catalog.modelById.get(params.model!)!)), { headers: { 'content-type': 'image/svg+xml' } });
