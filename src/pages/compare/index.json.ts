/** /compare/index.json: every provider, model and offering as comparison items (src/lib/compare.ts), for the picker. */
import { catalog } from '../../catalog.ts';
import { comparePool } from '../../lib/compare.ts';

export const GET = () => new Response(JSON.stringify(comparePool(catalog)), { headers: { 'content-type': 'application/json' } });
