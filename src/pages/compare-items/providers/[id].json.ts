/** /compare-items/providers/<id>.json: one provider as a comparison item, fetched by the compare picker when picked. */
import { catalog } from '../../../model/catalog.ts';
import { comparePool, detailFiles, type ProviderDetail } from '../../../views/compare/items.ts';

export const getStaticPaths = () =>
  [...detailFiles(comparePool(catalog)).providers].map(([id, detail]) => ({ params: { id }, props: { detail } }));

export const GET = ({ props }: { props: { detail: ProviderDetail } }) =>
  new Response(JSON.stringify(props.detail), { headers: { 'content-type': 'application/json' } });
