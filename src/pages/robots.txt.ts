/** /robots.txt: crawl everything but the search index; where the sitemap is. */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../views/feeds/sitemap.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt(site!.href), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
