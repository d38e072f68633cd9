/** /deprecations.ics: upcoming deprecation and retirement dates as an iCalendar file. */
import type { APIRoute } from 'astro';
import { catalog } from '../model/catalog.ts';
import { retirementCalendar } from '../views/feeds/retirements.ts';
import { upcomingRetirements } from '../core/history.ts';

export const GET: APIRoute = ({ site }) => {
  const today = catalog.date;
  return new Response(retirementCalendar(upcomingRetirements(catalog.models, catalog.offerings, today), today, site!.href), {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  });
};
