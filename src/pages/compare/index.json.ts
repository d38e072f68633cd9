/** /compare/index.json: every provider, model and offering as comparison items (src/views/compare/items.ts), for the picker. */
import { catalog } from '../../model/catalog.ts';
import { comparePool } from '../../views/compare/items.ts';

export const GET = () => new Response(JSON.stringify(comparePool(catalog)), { headers: { 'content-type': 'application/json' } });
