/** /providers/<id>/pricing-per-1k.csv: the pricing table exactly as shown, token prices per 1K tokens. */
import type { InferGetStaticPropsType } from 'astro';
import { providerPaths } from '../../../model/catalog.ts';
import { priceCsv, priceTable } from '../../../views/provider/price-table.ts';

export const getStaticPaths = providerPaths;
type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET = ({ props }: { props: Props }) =>
  new Response(priceCsv(priceTable(props.provider.offerings), '1k'), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
