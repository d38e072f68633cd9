/** JSON Schema of each record kind and API payload, generated from the Zod schemas: /schema/<kind>.json. */
import type { APIRoute } from 'astro';
import { apiJsonSchemas, recordJsonSchemas } from '../../model/json-schema.ts';

const schemas = { ...recordJsonSchemas(), ...apiJsonSchemas() };
export const getStaticPaths = () => Object.keys(schemas).map((kind) => ({ params: { kind } }));
export const GET: APIRoute = ({ params }) =>
  new Response(`${JSON.stringify(schemas[params.kind as keyof typeof schemas], null, 2)}\n`, {
    headers: { 'content-type': 'application/schema+json' },
  });
