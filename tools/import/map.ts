/**
 * Mapping of models.dev source records to our records, value by value. Values our schema
 * rejects (impossible dates, output limit above context, context 0, cache_read above input,
 * negative prices…) are left out and reported as issues; nothing invalid is produced.
 * Prices stay USD per 1,000,000 tokens; limits stay tokens.
 */
import type { BILLING } from '../../src/model/schema.ts';
import { MODALITIES, PartialDate, type ProviderKind } from '../../src/model/schema.ts';
import type { SourceCost, SourceModel, SourceProvider } from './models-dev.ts';
import { slugify } from './normalize.ts';

/** A source value that was left out, and why. */
export interface Issue {
  /** "provider" or "provider:model id". */
  where: string;
  field: string;
  message: string;
}

type Billing = (typeof BILLING)[number];
type Json = Record<string, unknown>;

const isHttps = (u: string | undefined): u is string => {
  if (!u || u.includes('${')) return false;
  try {
    return new URL(u).protocol === 'https:';
  } catch {
    return false;
  }
};

/** Provider id → organization id, for providers run by a model creator (their plans included). */
const PROVIDER_ORGS: Record<string, string> = {
  alibaba: 'qwen',
  anthropic: 'anthropic',
  cohere: 'cohere',
  deepseek: 'deepseek',
  google: 'google',
  inception: 'inception',
  'kimi-for-coding': 'moonshotai',
  llama: 'meta',
  minimax: 'minimax',
  mistral: 'mistral',
  moonshotai: 'moonshotai',
  nova: 'amazon',
  openai: 'openai',
  perplexity: 'perplexity',
  poolside: 'poolside',
  sakana: 'sakana',
  sarvam: 'sarvam',
  stepfun: 'stepfun',
  upstage: 'upstage',
  xai: 'xai',
  xiaomi: 'xiaomi',
  zai: 'zhipuai',
  zhipuai: 'zhipuai',
};

/**
 * The organization a provider belongs to: its id, or its id without a regional or plan
 * suffix ("minimax-cn-coding-plan" → minimax, "xiaomi-token-plan-sgp" → xiaomi,
 * "perplexity-agent" → perplexity), when that names a model creator.
 */
export const providerOrg = (id: string): string | undefined => {
  const base = id.replace(/(-cn)?(-(coding|token)-plan.*)?$/, '').replace(/-(cn|ai|agent)$/, '');
  return PROVIDER_ORGS[id] ?? PROVIDER_ORGS[base];
};

/** Gateways and aggregators: route one API to many upstream providers. */
const GATEWAYS = new Set([
  '302ai',
  'aihubmix',
  'abacus',
  'anyapi',
  'auriko',
  'cloudflare-ai-gateway',
  'fastrouter',
  'frogbot',
  'helicone',
  'jiekou',
  'kilo',
  'llmgateway',
  'llmtr',
  'merge-gateway',
  'nano-gpt',
  'neon',
  'opencode',
  'opencode-go',
  'openrouter',
  'orcarouter',
  'poe',
  'qiniu-ai',
  'requesty',
  'routing-run',
  'the-grid-ai',
  'vercel',
  'vivgrid',
  'zenmux',
]);
/** Cloud platforms that host models among other services. */
const CLOUDS = new Set([
  'amazon-bedrock',
  'azure',
  'azure-cognitive-services',
  'cloudferro-sherlock',
  'cloudflare-workers-ai',
  'databricks',
  'digitalocean',
  'evroc',
  'google-vertex',
  'google-vertex-anthropic',
  'nebius',
  'ovhcloud',
  'sap-ai-core',
  'scaleway',
  'snowflake-cortex',
  'stackit',
  'vultr',
]);

/**
 * Default kind of a provider (the source has none): `first-party` when a model creator runs
 * it, `gateway` for routers/aggregators (listed, or "router"/"gateway" in the id or name),
 * `cloud` for cloud platforms, else `inference`. Only used when the record has no kind yet.
 */
export const inferKind = (p: Pick<SourceProvider, 'id' | 'name'>): ProviderKind => {
  if (providerOrg(p.id) !== undefined) return 'first-party';
  if (GATEWAYS.has(p.id) || /router|gateway/i.test(`${p.id} ${p.name}`)) return 'gateway';
  if (CLOUDS.has(p.id)) return 'cloud';
  return 'inference';
};

/** Provider facts the import owns, plus `kind`/`website`/`organization` used only when absent. */
export const mapProvider = (p: SourceProvider, issues: Issue[]): Json => {
  const docs = isHttps(p.doc) ? p.doc : undefined;
  const base = isHttps(p.api) ? p.api : undefined;
  const origin = docs ?? base;
  if (p.doc && !docs) issues.push({ where: p.id, field: 'docs_url', message: `"${p.doc}" is not an https URL; left out` });
  if (p.api && !base)
    issues.push({ where: p.id, field: 'api.base_url', message: `"${p.api}" is not a public https URL; left out` });
  const env = [...new Set((p.env ?? []).filter((e) => /^[A-Z][A-Z0-9_]*$/.test(e)))];
  const api: Json = {
    ...(base && { base_url: base }),
    ...(p.npm === '@ai-sdk/openai-compatible' && { openai_compatible: true }),
    ...(p.npm === '@ai-sdk/anthropic' && p.id !== 'anthropic' && { anthropic_compatible: true }),
    ...(env.length && { env }),
  };
  const org = providerOrg(p.id);
  return {
    name: p.name.trim(),
    kind: inferKind(p),
    ...(origin && { website: new URL(origin).origin }),
    ...(docs && { docs_url: docs }),
    ...(org && { organization: org }),
    ...(Object.keys(api).length && { api }),
  };
};

/** Local runtimes: models run on the user's machine. */
const SELF_HOSTED = /^(lmstudio|ollama|atomic-chat|privatemode-ai|llama-cpp|jan)$/;
/** Subscription plans: coding/token plans, Copilot, GitLab Duo, Ollama Cloud, pass-style offers. */
const SUBSCRIPTION = /coding-plan|token-plan|for-coding|copilot|^gitlab$|^ollama-cloud$|^opencode-go$|^wafer/;
/** Providers whose zero-priced models are a rate-limited free tier. */
const FREE_PROVIDERS = /^(github-models|nvidia|llama|modelscope|iflowcn)$/;

/**
 * Billing of an offering the source prices at 0/0 or not at all (`cost` absent), else
 * `usage`. Rules, first match wins:
 * 1. self_hosted: a local runtime (id listed above, or an API on localhost/127.0.0.1);
 * 2. subscription: a plan provider (id matching SUBSCRIPTION), priced or not;
 * 3. free: 0/0 with a ":free"/"-free" model id or "(free)"/"Free" in its name, or a provider
 *    whose catalogue is a free tier (FREE_PROVIDERS);
 * 4. unpublished: any other 0/0 (a 0 the source uses for "no price", never a real $0).
 * Returns undefined when there is no cost and none of 1–2 applies (pricing unknown).
 */
export const billingFor = (p: SourceProvider, m: SourceModel): Billing | undefined => {
  const zero = m.cost !== undefined && m.cost.input === 0 && m.cost.output === 0;
  if (SELF_HOSTED.test(p.id) || /\/\/(localhost|127\.0\.0\.1)[:/]/.test(p.api ?? '')) return 'self_hosted';
  if (SUBSCRIPTION.test(p.id) && (zero || m.cost === undefined)) return 'subscription';
  if (!zero) return m.cost === undefined ? undefined : 'usage';
  if (/[:-]free$/i.test(m.id) || /\(free\)|\bfree\b/i.test(m.name) || FREE_PROVIDERS.test(p.id)) return 'free';
  return 'unpublished';
};

const METERS = ['input', 'output', 'cache_read', 'cache_write', 'reasoning', 'input_audio', 'output_audio'] as const;

/** Valid meters of one price set; invalid ones are reported and left out. */
const mapMeters = (c: Partial<Record<(typeof METERS)[number], number>>, where: string, field: string, issues: Issue[]): Json => {
  const out: Json = {};
  for (const k of METERS) {
    const v = c[k];
    if (v === undefined) continue;
    if (!Number.isFinite(v) || v < 0 || v > 1_000_000)
      issues.push({ where, field: `${field}${k}`, message: `price ${v} is not a valid price; left out` });
    else out[k] = v;
  }
  if (typeof out.cache_read === 'number' && typeof out.input === 'number' && out.cache_read > out.input) {
    issues.push({
      where,
      field: `${field}cache_read`,
      message: `cache_read ${out.cache_read} exceeds input ${out.input}; left out`,
    });
    delete out.cache_read;
  }
  return out;
};

/** Context tiers, ascending and unique by threshold (tokens). */
const mapTiers = (c: SourceCost, where: string, issues: Issue[]): Json[] => {
  const tiers: Json[] = [];
  for (const t of c.tiers ?? []) {
    if (t.tier.type !== 'context' || !Number.isInteger(t.tier.size) || t.tier.size < 1) {
      issues.push({
        where,
        field: 'pricing.tiers',
        message: `tier ${JSON.stringify(t.tier)} is not a context threshold; left out`,
      });
      continue;
    }
    const { tier, ...rest } = t;
    const meters = mapMeters(rest, where, `pricing.tiers[${tier.size}].`, issues);
    if (Object.keys(meters).length) tiers.push({ above_tokens: tier.size, ...meters });
  }
  tiers.sort((a, b) => (a.above_tokens as number) - (b.above_tokens as number));
  return tiers.filter((t, i) => i === 0 || t.above_tokens !== tiers[i - 1]!.above_tokens);
};

/** `pricing` of an offering, or undefined when the source has no price information. */
export const mapPricing = (p: SourceProvider, m: SourceModel, issues: Issue[]): Json | undefined => {
  const where = `${p.id}:${m.id}`;
  const billing = billingFor(p, m);
  if (billing === undefined) return undefined;
  if (billing !== 'usage') return { billing };
  // `usage` is the schema's default billing, so it is left implicit.
  const c = m.cost!;
  const pricing: Json = { ...mapMeters(c, where, 'pricing.', issues) };
  const tiers = mapTiers(c, where, issues);
  if (tiers.length) pricing.tiers = tiers;
  const modes: Json = {};
  for (const [name, mode] of Object.entries(m.experimental?.modes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!mode.cost) continue;
    const meters = { ...mapMeters(mode.cost, where, `pricing.modes.${name}.`, issues) };
    const modeTiers = mapTiers(mode.cost, where, issues);
    if (modeTiers.length) meters.tiers = modeTiers;
    if (Object.keys(meters).length) modes[slugify(name)] = meters;
  }
  if (Object.keys(modes).length) pricing.modes = modes;
  const hasMeter = METERS.some((k) => pricing[k] !== undefined);
  if (!hasMeter) {
    issues.push({ where, field: 'pricing', message: 'no valid price left; pricing left out' });
    return undefined;
  }
  return pricing;
};

/** Token limits; 0, non-integers and limits above the context window are reported and left out. */
export const mapLimits = (m: SourceModel, where: string, issues: Issue[]): Json => {
  const ok = (v: number | undefined, field: string) => {
    if (v === undefined) return undefined;
    if (Number.isInteger(v) && v >= 1) return v;
    issues.push({ where, field: `limits.${field}`, message: `${v} is not a token count; left out` });
    return undefined;
  };
  const context = ok(m.limit.context, 'context_window');
  let input = ok(m.limit.input, 'max_input_tokens');
  let output = ok(m.limit.output, 'max_output_tokens');
  if (context !== undefined && output !== undefined && output > context) {
    issues.push({ where, field: 'limits.max_output_tokens', message: `output ${output} exceeds context ${context}; left out` });
    output = undefined;
  }
  if (context !== undefined && input !== undefined && input > context) {
    issues.push({ where, field: 'limits.max_input_tokens', message: `input ${input} exceeds context ${context}; left out` });
    input = undefined;
  }
  return {
    ...(context !== undefined && { context_window: context }),
    ...(input !== undefined && { max_input_tokens: input }),
    ...(output !== undefined && { max_output_tokens: output }),
  };
};

/** Input/output modalities our schema knows; others are reported and left out. */
export const mapModalities = (m: SourceModel, where: string, issues: Issue[]): Json | undefined => {
  if (!m.modalities) return undefined;
  const known = (list: string[], side: string) => {
    const bad = list.filter((x) => !(MODALITIES as readonly string[]).includes(x));
    if (bad.length) issues.push({ where, field: `modalities.${side}`, message: `unknown modality ${bad.join(', ')}; left out` });
    return [...new Set(list.filter((x) => !bad.includes(x)))];
  };
  const input = known(m.modalities.input, 'input');
  const output = known(m.modalities.output, 'output');
  return input.length && output.length ? { input, output } : undefined;
};

/** A date accepted by our schema (`YYYY-MM` or a real `YYYY-MM-DD`), else reported. */
export const mapDate = (v: string | undefined, where: string, field: string, issues: Issue[]): string | undefined => {
  if (v === undefined) return undefined;
  if (PartialDate.safeParse(v).success) return v;
  issues.push({ where, field, message: `"${v}" is not a real date; left out` });
  return undefined;
};

/** Offering features the source states; absent source fields stay absent (unknown). */
export const mapFeatures = (m: SourceModel): Json => {
  const inputs = m.modalities?.input;
  return {
    ...(m.tool_call !== undefined && { tool_calling: m.tool_call }),
    ...(m.structured_output !== undefined && { structured_output: m.structured_output }),
    ...(inputs && { vision: inputs.includes('image'), pdf_input: inputs.includes('pdf'), audio_input: inputs.includes('audio') }),
    ...(m.cost?.cache_read !== undefined && m.cost.cache_read > 0 && { prompt_caching: true }),
  };
};

/** Reasoning controls from `reasoning_options` and `interleaved`, or undefined. */
export const mapReasoning = (m: SourceModel, where: string, issues: Issue[]): Json | undefined => {
  const out: Json = {};
  for (const o of m.reasoning_options ?? []) {
    if (o.type === 'toggle') out.toggle = true;
    else if (o.type === 'effort') {
      const levels = [...new Set(o.values.map((v) => (v ?? 'none').toLowerCase()))];
      if (levels.length && levels.every((v) => /^[a-z0-9][a-z0-9.-]*$/.test(v))) out.effort = levels;
      else
        issues.push({
          where,
          field: 'reasoning.effort',
          message: `effort levels ${JSON.stringify(o.values)} are not ids; left out`,
        });
    } else {
      const b: Json = {};
      if (o.min !== undefined && Number.isInteger(o.min) && o.min >= 0) b.min = o.min;
      if (o.max !== undefined && Number.isInteger(o.max) && o.max >= 1 && (o.min === undefined || o.max >= o.min)) b.max = o.max;
      if (Object.keys(b).length) out.budget_tokens = b;
    }
  }
  if (m.interleaved !== undefined) {
    out.interleaved = true;
    if (m.interleaved !== true && m.interleaved.field.trim()) out.interleaved_field = m.interleaved.field.trim();
  }
  return Object.keys(out).length ? out : undefined;
};

/** Our offering status for the source's `alpha`/`beta`/`deprecated`. */
export const mapStatus = (s: SourceModel['status']) =>
  s === 'deprecated' ? 'deprecated' : s === undefined ? undefined : 'preview';

/** Display name without a gateway's "Creator: " prefix or a "(free)"-style suffix. */
export const cleanName = (name: string) =>
  name
    .replace(/^[^:()]{1,40}:\s+/, '')
    .replace(/\s*\((free|latest|beta|thinking)\)\s*$/i, '')
    .trim() || name.trim();

/** Every offering fact the import owns, for one source model of one provider. */
export const mapOffering = (p: SourceProvider, m: SourceModel, issues: Issue[]): Json => {
  const where = `${p.id}:${m.id}`;
  const pricing = mapPricing(p, m, issues);
  const limits = mapLimits(m, where, issues);
  const modalities = mapModalities(m, where, issues);
  const features = mapFeatures(m);
  const reasoning = mapReasoning(m, where, issues);
  const status = mapStatus(m.status);
  const release = mapDate(m.release_date, where, 'release_date', issues);
  return {
    provider: p.id,
    name: m.name.trim() || m.id,
    provider_model_id: m.id,
    ...(status && { status }),
    ...(release && { release_date: release }),
    ...(pricing && { pricing }),
    ...(Object.keys(limits).length && { limits }),
    ...(modalities && { modalities }),
    ...(Object.keys(features).length && { features }),
    ...(reasoning && { reasoning }),
  };
};
