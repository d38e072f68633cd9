/** /pricing/index.json: every offering's prices, compact, for the pricing explorer (src/lib/explorer-index.ts). */
import { catalog } from '../../catalog.ts';
import { packIndex } from '../../lib/explorer-index.ts';

export const GET = () => new Response(JSON.stringify(packIndex(catalog.offerings)), { headers: { 'content-type': 'application/json' } });
