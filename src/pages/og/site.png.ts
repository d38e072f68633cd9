/** /og/site.png: the site's share card (1200 × 630), for pages without their own. */
import type { APIRoute } from 'astro';
import { catalog } from '../../model/catalog.ts';
import { sharePngResponse } from '../../model/share-png.ts';
import { shareCardSvg, siteCard } from '../../views/feeds/og.ts';

const counts = { providers: catalog.providers.length, models: catalog.models.length, offerings: catalog.offerings.length };
export const GET: APIRoute = () => sharePngResponse(shareCardSvg(siteCard(counts)));
