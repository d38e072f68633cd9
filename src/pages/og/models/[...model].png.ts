/** /og/models/<org>/<model>.png: the model's share card (1200 × 630). */
import type { APIRoute } from 'astro';
import { catalog } from '../../../model/catalog.ts';
import { sharePngResponse } from '../../../model/share-png.ts';
import { modelCard, shareCardSvg } from '../../../views/feeds/og.ts';

export const getStaticPaths = () => catalog.models.map((m) => ({ params: { model: m.id } }));
export const GET: APIRoute = ({ params }) => sharePngResponse(shareCardSvg(modelCard(catalog.modelById.get(params.model!)!)));
