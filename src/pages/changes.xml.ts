/** /changes.xml: Atom feed of the latest price and model changes. */
import type { APIRoute } from 'astro';
import { catalog } from '../model/catalog.ts';
import { changeFeed } from '../views/feeds/changes.ts';

export const GET: APIRoute = ({ site }) => {
  const today = catalog.date;
  return new Response(changeFeed(catalog.offerings, catalog.models, today, site!.href), {
    headers: { 'content-type': 'application/atom+xml' },
  });
};
