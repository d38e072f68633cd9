/** /api/v1/offerings.csv: one row per offering, prices in USD per 1M tokens (RFC 4180, formula-safe). */
import type { APIRoute } from 'astro';
import { catalog } from '../../../model/catalog.ts';
import { offeringsCsvRows } from '../../../model/api-export.ts';
import { toCsv } from '../../../core/csv.ts';

export const GET: APIRoute = () =>
  new Response(toCsv(offeringsCsvRows(catalog.offerings)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
