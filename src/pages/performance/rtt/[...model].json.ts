/** /performance/rtt/<model>.json: the API hosts the round-trip button of a model measures (src/views/model/rtt.ts). */
import type { InferGetStaticPropsType } from 'astro';
import { catalog } from '../../../model/catalog.ts';
import { rttPlan } from '../../../views/model/rtt.ts';

export const getStaticPaths = () =>
  catalog.models
    .map((model) => ({ params: { model: model.id }, props: { plan: rttPlan(model) } }))
    .filter((p) => p.props.plan.hosts.length > 0);

export const GET = ({ props }: { props: InferGetStaticPropsType<typeof getStaticPaths> }) =>
  new Response(JSON.stringify(props.plan), { headers: { 'content-type': 'application/json' } });
