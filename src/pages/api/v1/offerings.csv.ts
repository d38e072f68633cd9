/** /api/v1/offerings.csv: one row per offering, prices in USD per 1M tokens (RFC 4180, formula-safe). */
import type { APIRoute } from 'astro';
import { catalog } from '../../../catalog.ts';
import { offeringsCsvRows } from '../../../lib/api-export.ts';
import { toCsv } from '../../../lib/csv.ts';

export const GET: APIRoute = () =>
  new Response(toCsv(offeringsCsvRows(catalog.offerings)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
