/** /pricing/index.json: every offering's prices, compact, for the pricing explorer (src/views/pricing/index-data.ts). */
import { catalog } from '../../model/catalog.ts';
import { packIndex } from '../../views/pricing/index-data.ts';

export const GET = () => new Response(JSON.stringify(packIndex(catalog.offerings)), { headers: { 'content-type': 'application/json' } });
