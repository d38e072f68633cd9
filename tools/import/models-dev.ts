/**
 * The models.dev `api.json` format (what https://models.dev/api.json serves): a map of
 * provider id → provider, each with a map of the provider's model id → offering facts.
 * Prices are USD per 1,000,000 tokens; limits are tokens; dates are `YYYY-MM[-DD]` strings.
 * The schema checks the shape only; value-level problems (impossible dates, output above
 * context…) are found and reported by the mapping, which leaves such values out.
 */
import { z } from 'astro/zod';

/** Token meters of one price set, USD per 1M tokens. */
const meters = {
  input: z.number().optional(),
  output: z.number().optional(),
  cache_read: z.number().optional(),
  cache_write: z.number().optional(),
  reasoning: z.number().optional(),
  input_audio: z.number().optional(),
  output_audio: z.number().optional(),
};

/** Prices that apply instead of the base ones above a context size (`tier.size`, tokens). */
const SourceTier = z.object({
  ...meters,
  tier: z.object({ type: z.string(), size: z.number() }),
});

export const SourceCost = z.object({
  ...meters,
  tiers: z.array(SourceTier).optional(),
  /** Legacy copy of a single ≥200k tier; `tiers` has the exact threshold, so it is ignored. */
  context_over_200k: z.object(meters).optional(),
});

const ReasoningOption = z.union([
  z.object({ type: z.literal('toggle') }),
  /** A `null` level (seen in the wild) means reasoning off; the mapping reads it as "none". */
  z.object({ type: z.literal('effort'), values: z.array(z.string().nullable()) }),
  z.object({ type: z.literal('budget_tokens'), min: z.number().optional(), max: z.number().optional() }),
]);

export const SourceModel = z.object({
  id: z.string().min(1),
  name: z.string(),
  family: z.string().optional(),
  attachment: z.boolean().optional(),
  reasoning: z.boolean().optional(),
  tool_call: z.boolean().optional(),
  structured_output: z.boolean().optional(),
  temperature: z.boolean().optional(),
  knowledge: z.string().optional(),
  release_date: z.string().optional(),
  last_updated: z.string().optional(),
  modalities: z.object({ input: z.array(z.string()), output: z.array(z.string()) }).optional(),
  open_weights: z.boolean().optional(),
  limit: z.object({ context: z.number(), input: z.number().optional(), output: z.number() }),
  cost: SourceCost.optional(),
  status: z.enum(['alpha', 'beta', 'deprecated']).optional(),
  /** Optional request modes with their own prices, e.g. `fast`. */
  experimental: z.object({ modes: z.record(z.string(), z.object({ cost: SourceCost.optional() })).optional() }).optional(),
  reasoning_options: z.array(ReasoningOption).optional(),
  /** `true`, or the response field that carries interleaved reasoning. */
  interleaved: z.union([z.literal(true), z.object({ field: z.string() })]).optional(),
});

export const SourceProvider = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  env: z.array(z.string()).optional(),
  npm: z.string().optional(),
  api: z.string().optional(),
  doc: z.string().optional(),
  models: z.record(z.string(), SourceModel),
});

export const SourceFile = z.record(z.string(), SourceProvider);

export type SourceModel = z.output<typeof SourceModel>;
export type SourceProvider = z.output<typeof SourceProvider>;
export type SourceCost = z.output<typeof SourceCost>;
export type SourceFile = z.output<typeof SourceFile>;

/**
 * Parses the text of an api.json file. Returns the data, or one message per problem
 * (at most 20) naming the JSON path, so that a malformed file is refused before anything
 * is written.
 */
export const parseModelsDev = (text: string): { ok: true; data: SourceFile } | { ok: false; errors: string[] } => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`Not JSON: ${(e as Error).message}`] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, errors: ['Expected a JSON object of provider id → provider (models.dev api.json format)'] };
  }
  const r = SourceFile.safeParse(json);
  if (!r.success) {
    return {
      ok: false,
      errors: r.error.issues.slice(0, 20).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`),
    };
  }
  const errors: string[] = [];
  for (const [key, p] of Object.entries(r.data)) {
    if (p.id !== key) errors.push(`${key}.id: "${p.id}" does not match its key`);
    for (const [mk, m] of Object.entries(p.models))
      if (m.id !== mk) errors.push(`${key}.models.${mk}.id: "${m.id}" does not match its key`);
  }
  if (Object.keys(r.data).length === 0) errors.push('No providers in the file');
  return errors.length ? { ok: false, errors: errors.slice(0, 20) } : { ok: true, data: r.data };
};
