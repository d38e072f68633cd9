/** /pricing/index.json: every offering's prices, compact, for the pricing explorer (src/views/pricing/index-data.ts). */
import { catalog } from '../../model/catalog.ts';
import { explorerIndex } from '../../views/pricing/first-view.ts';

export const GET = () =>
  new Response(JSON.stringify(explorerIndex(catalog.offerings)), { headers: { 'content-type': 'application/json' } });
