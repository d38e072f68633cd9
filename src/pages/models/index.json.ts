/** /models/index.json: the compact index the /models/ table filters and sorts in the browser. */
import { catalog } from '../../model/catalog.ts';
import { modelIndex } from '../../views/model/index-page.ts';

export const GET = () =>
  new Response(JSON.stringify(modelIndex(catalog.models)), { headers: { 'content-type': 'application/json' } });
