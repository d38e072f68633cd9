/** /og/site.svg: the site's share card, for pages without their own. */
import type { APIRoute } from 'astro';
import { catalog } from '../../model/catalog.ts';
import { shareCardSvg } from '../../views/feeds/og.ts';
import { formatCount } from '../../core/format.ts';

export const GET: APIRoute = () =>
  new Response(
    shareCardSvg({
      kicker: 'Compare AI model APIs',
      title: 'Provider Atlas',
      subtitle: 'Who serves which model, at what price, with which limits and features.',
      facts: [
        `${formatCount(catalog.providers.length)} providers`,
        `${formatCount(catalog.models.length)} models`,
        `${formatCount(catalog.offerings.length)} offerings`,
      ],
    }),
    { headers: { 'content-type': 'image/svg+xml' } },
  );
