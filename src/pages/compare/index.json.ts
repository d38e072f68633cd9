/** /compare/index.json: the picker's index, ids and names only (src/views/compare/items.ts pickerIndex). */
import { catalog } from '../../model/catalog.ts';
import { comparePool, pickerIndex } from '../../views/compare/items.ts';

export const GET = () =>
  new Response(JSON.stringify(pickerIndex(comparePool(catalog))), { headers: { 'content-type': 'application/json' } });
