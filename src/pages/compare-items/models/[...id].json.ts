/** /compare-items/models/<org>/<model>.json: one model and its offerings as comparison items, fetched by the compare picker when picked. */
import { catalog } from '../../../model/catalog.ts';
import { comparePool, detailFiles, type ModelDetail } from '../../../views/compare/items.ts';

export const getStaticPaths = () =>
  [...detailFiles(comparePool(catalog)).models].map(([id, detail]) => ({ params: { id }, props: { detail } }));

export const GET = ({ props }: { props: { detail: ModelDetail } }) =>
  new Response(JSON.stringify(props.detail), { headers: { 'content-type': 'application/json' } });
