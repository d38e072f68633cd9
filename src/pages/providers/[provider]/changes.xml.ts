/** /providers/<id>/changes.xml: Atom feed of one provider's price changes. */
import type { APIRoute } from 'astro';
import { catalog } from '../../../model/catalog.ts';
import { providerChangeFeed } from '../../../views/feeds/changes.ts';

export const getStaticPaths = () => catalog.providers.map((p) => ({ params: { provider: p.id } }));
export const GET: APIRoute = ({ params, site }) => {
  const p = catalog.providerById.get(params.provider!)!;
  const today = catalog.date;
  return new Response(providerChangeFeed(p, today, site!.href), { headers: { 'content-type': 'application/atom+xml' } });
};
