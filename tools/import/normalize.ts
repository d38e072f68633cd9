/**
 * Normalization of provider model ids into a linking key. Two offerings whose ids reduce to
 * the same key are the same model; every change is made by a named rule, and the rules that
 * fired are returned, so that each link can be explained. Pure and idempotent:
 * `normalizeModelId(k).key === k` for every key `k` it returns.
 */
import { NAME_PATTERNS, NAMESPACES, ORG_PREFIXES } from './orgs.ts';

export interface NormalizedId {
  /** Matching key: lowercase, decorations removed, e.g. "llama-3.3-70b". */
  key: string;
  /** Organization id named by a known creator prefix ("meta-llama/…" → "meta"). */
  prefixOrg?: string;
  /** A creator-like prefix that is neither a known organization nor a namespace, as a slug. */
  unknownPrefix?: string;
  /** Names of the rules that changed the id, in the order they fired. */
  rules: string[];
}

/** Bedrock-style "region.creator.model-v1:0" ids. */
const BEDROCK = /^(?:(?:us|eu|apac|au|jp|ca|global|us-gov)\.)?([a-z0-9-]+)\.(.+)$/;

/** Tokens that describe how a model is served, not which model it is. */
const SERVING_TOKENS = new Set([
  'instruct',
  'it',
  'versatile',
  'fp8',
  'fp4',
  'fp16',
  'bf16',
  'int4',
  'int8',
  'awq',
  'gptq',
  'gguf',
  'nvfp4',
  'mxfp4',
  'w4a16',
  'w8a8',
  'tee',
  'maas',
  'hf',
  'original',
  'cloud',
  'free',
  'mlx',
  'tput',
  'dynamic',
]);

/** Deployment prefixes glued to the model name by a host ("databricks-", "umans-", "coding-"). */
const DEPLOYMENT_PREFIX =
  /^(alicloud|azure|cerebras|coding|databricks|deep|duo-chat|groq|labs|snowflake|umans|xpersona)-(?=[a-z])/;

/** Creator prefixes that may be glued to the name with "-", longest first. */
const GLUED_PREFIXES = Object.keys(ORG_PREFIXES).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/** A parameter-count token: "70b", "1.5b", "a22b" (active parameters), "17b". */
const SIZE = /^a?\d+(\.\d+)?[bm]$/;

/** Replaces `re` in `s` and records `name` when it changed anything. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- String.replace passes its captures as any
const step = (s: string, rules: string[], name: string, re: RegExp, to: string | ((match: string, ...rest: any[]) => string)) => {
  const out = typeof to === 'string' ? s.replace(re, to) : s.replace(re, to);
  if (out !== s) rules.push(name);
  return out;
};

/** Reduces a provider's model id string to its linking key. */
export const normalizeModelId = (raw: string): NormalizedId => {
  const rules: string[] = [];
  let s = raw.trim().toLowerCase();
  let prefixOrg: string | undefined;
  let unknownPrefix: string | undefined;

  // Path prefixes: "accounts/fireworks/models/x", "meta-llama/x", "workers-ai/@cf/meta/x", "hf:zai-org/x".
  const segs = s.split('/');
  s = segs.pop()!;
  for (const seg of segs.reverse()) {
    const p = seg.replace(/^~/, '').replace(/^hf:/, '');
    if (ORG_PREFIXES[p] !== undefined) prefixOrg ??= ORG_PREFIXES[p];
    else if (!NAMESPACES.has(p) && prefixOrg === undefined && unknownPrefix === undefined) unknownPrefix = slugify(p);
  }
  if (segs.length) rules.push('strip-path-prefix');

  // Bedrock: "us.anthropic.claude-sonnet-4-6", "qwen.qwen3-32b-v1:0", "zai.glm-4.7".
  const b = BEDROCK.exec(s);
  if (b && ORG_PREFIXES[b[1]!] !== undefined) {
    prefixOrg ??= ORG_PREFIXES[b[1]!];
    s = b[2]!;
    rules.push('strip-bedrock-prefix');
    // "-v1:0", "-1:0" and a bare "-v1" are API versions; a bare "-v2" is part of the name
    // ("nvidia.nemotron-nano-9b-v2" is Nemotron Nano 9B v2).
    s = step(s, rules, 'strip-bedrock-version', /-(?:v1|v?\d+:\d+)$/, '');
    // Bedrock names DeepSeek models without the creator: "deepseek.r1-v1:0", "deepseek.v3.2".
    if (prefixOrg === 'deepseek') s = step(s, rules, 'bedrock-creator-name', /^(?=(?:r|v)\d)/, 'deepseek-');
  }

  s = step(s, rules, 'separators', /[_\s]+/g, '-');
  // Vertex "@20250514" snapshots become date tokens; other "@tags" ("@default") are routing hints.
  s = step(s, rules, 'at-date', /@(\d{8})$/, '-$1');
  s = step(s, rules, 'strip-at-tag', /@.*$/, '');
  // Ollama size tags become size tokens ("qwen3-coder:480b" → "qwen3-coder-480b"); any other
  // ":suffix" is a routing variant (":free", ":thinking", ":exacto", ":0").
  s = step(s, rules, 'size-tag', /:(\d+(?:\.\d+)?[bm])(-cloud)?$/, '-$1');
  s = step(s, rules, 'strip-colon-variant', /:.*$/, '');
  // Deployment prefixes in the name itself: "databricks-claude-…", "duo-chat-opus-4-5", "umans-glm-5.2".
  s = step(s, rules, 'strip-deployment-prefix', DEPLOYMENT_PREFIX, (m: string, p: string, _at: number, all: string): string =>
    p === 'duo-chat' && /^(opus|sonnet|haiku)/.test(all.slice(m.length)) ? 'claude-' : '',
  );
  // Creator prefixes glued with "-": "openai-gpt-5", "zai-org-glm-5", "anthropic--claude-4.5-sonnet", "meta-llama-3.1-8b".
  for (const p of GLUED_PREFIXES) {
    if (!s.startsWith(`${p}-`)) continue;
    const rest = s.slice(p.length).replace(/^-+/, '');
    const org = ORG_PREFIXES[p]!;
    if (!NAME_PATTERNS.some(([re, o]) => o === org && re.test(rest))) continue;
    prefixOrg ??= org;
    s = rest;
    rules.push('strip-creator-prefix');
    break;
  }

  s = step(s, rules, 'p-version', /(\d)p(\d)(?=[-.]|$)/g, '$1.$2');
  s = step(s, rules, 'dash-version', /(?<=(?:^|[^\d.])\d{1,2})-(\d)(?=-|$)/g, '.$1');
  // Versions written without their dot: Azure's "gpt-35-turbo", "gpt-54", "minimax-m25", "qwen35-397b".
  s = step(s, rules, 'joined-version', /^(gpt-|minimax-m|qwen)(\d)(\d)(?=-|$)/, '$1$2.$3');
  s = step(s, rules, 'nemotron-order', /^nemotron-(nano|super|ultra)-(\d)(?=-|$)/, 'nemotron-$2-$1');
  s = step(s, rules, 'family-version', /^(llama|gemma|lfm|veo)-?v?(\d)/, '$1-$2');
  s = step(s, rules, 'qwen-version', /^qwen-(\d)/, 'qwen$1');
  // DeepSeek versions are "v"-prefixed: "deepseek-3.2" and "deepseek-chat-v3.1" are "deepseek-v3.2", "deepseek-v3.1".
  s = step(s, rules, 'deepseek-version', /^deepseek-(?:chat-(?=v\d)|(?=\d+(?:\.\d+)?(?:-|$)))v?/, 'deepseek-v');
  // Grok versions written with a dash: "grok-4-20-multi-agent" is "grok-4.20-multi-agent".
  s = step(s, rules, 'grok-version', /^grok-(\d)-(\d{2})(?=-|$)/, 'grok-$1.$2');
  // Google media ids: "imagen-4.0-fast-generate-001" is "imagen-4-fast", "veo-3.1-generate-001" is "veo-3.1".
  s = step(s, rules, 'media-generate-suffix', /^((?:imagen|veo)-.+?)-generate(?:-\d{3}|-preview)?$/, '$1');
  s = step(s, rules, 'media-major-version', /^(imagen|veo)-(\d)\.0(?=-|$)/, '$1-$2');

  // Serving tokens anywhere; "-turbo" / "-instant" / "-fast" only right after a size or a
  // serving token (Together's "…-Instruct-Turbo", Groq's "…-8b-instant", "…-fp8-fast"), since
  // "gpt-4-turbo", "gpt-5.5-instant" and "grok-4-fast" are models of their own.
  {
    const tokens = s.split('-');
    const kept: string[] = [];
    let afterServingOrSize = false;
    for (const t of tokens) {
      if ((SERVING_TOKENS.has(t) || /^\d+(bit|k)$/.test(t)) && kept.length > 0) {
        afterServingOrSize = true;
        continue;
      }
      if ((t === 'turbo' || t === 'instant' || t === 'fast') && afterServingOrSize) continue;
      if (SIZE.test(t) && t.startsWith('a') && kept.length > 0 && SIZE.test(kept[kept.length - 1]!)) {
        // Active-parameter tokens ("235b-a22b") add nothing to the total size before them.
        afterServingOrSize = true;
        continue;
      }
      afterServingOrSize = SIZE.test(t);
      kept.push(t);
    }
    const joined = kept.join('-');
    if (joined !== s) rules.push('strip-serving-tokens');
    s = joined;
  }

  // Ministral 3 (December 2025) sizes are the "-2512" releases: "ministral-3-8b" is "ministral-8b-2512".
  s = step(s, rules, 'ministral-3', /^ministral-3-(\d+b)(?:-2512)?$/, 'ministral-$1-2512');
  // Llama 4: "llama-4-maverick-17b-128e" → "llama-4-maverick".
  s = step(s, rules, 'llama4-experts', /^(llama-4-(?:scout|maverick))-17b(?:-\d+e)?/, '$1');
  // Gemini stable version suffix: "gemini-2.0-flash-001" is "gemini-2.0-flash".
  s = step(s, rules, 'gemini-version-suffix', /^(gemini-\d.*)-00\d$/, '$1');
  // Grok reasoning switches are two ids for one model.
  s = step(s, rules, 'grok-reasoning-mode', /^(grok-.*?)-(?:non-)?reasoning$/, '$1');
  s = claude(s, rules);

  s = step(s, rules, 'slug', /[^a-z0-9.-]+/g, '-');
  s = step(s, rules, 'trim-dashes', /^[-.]+|[-.]+$|(?<=-)-+/g, '');
  return { key: s, ...(prefixOrg !== undefined && { prefixOrg }), ...(unknownPrefix !== undefined && { unknownPrefix }), rules };
};

/**
 * Claude ids: tier before version ("claude-3.7-sonnet" → "claude-sonnet-3.7"), one record
 * per version (Anthropic publishes one dated snapshot per version, so the date, "-latest",
 * "-v1", ".0", the ":thinking"/"-thinking" mode and the "-fast" mode are decorations).
 */
const claude = (s: string, rules: string[]) => {
  if (!s.startsWith('claude-')) return s;
  let c = s;
  c = step(c, rules, 'claude-snapshot', /-(\d{8}|latest|v\d+|thinking|fast)(?=-|$)/g, '');
  c = step(c, rules, 'claude-tier-dash', /^claude-(opus|sonnet|haiku)(\d)/, 'claude-$1-$2');
  c = step(c, rules, 'claude-tier-first', /^claude-(\d+(?:\.\d+)?)-(opus|sonnet|haiku|fable)/, 'claude-$2-$1');
  c = step(c, rules, 'claude-major', /^(claude-[a-z]+-\d+)\.0$/, '$1');
  return c;
};

/** Lowercase a-z0-9.- slug of any string, starting with a letter or digit. */
export const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/-{2,}/g, '-') || 'x';

/** Organization id for a key by its name pattern, or undefined. */
export const orgByName = (key: string): string | undefined => NAME_PATTERNS.find(([re]) => re.test(key))?.[1];

/**
 * Family of a model, among the curated family records only (data/families/): the most specific
 * record the key names. Sizes, dates and previews are dropped, then trailing tokens one by one
 * ("llama-3.3-70b" → "llama-3.3", "gpt-5.1-codex-mini" → "gpt-5.1", "mistral-small-2506" →
 * "mistral-small"); Claude ids name their generation after the tier ("claude-sonnet-4.5" →
 * "claude-4.5"). A record whose `organization` differs from the model's is never chosen, so a
 * community fine-tune of Gemma 4 is not filed in the Gemma 4 family (its `base_model` says so).
 * Undefined when no record fits: the importer never invents a family.
 *
 * @param families family id → the organization of its record (undefined when it names none)
 */
export const deriveFamily = (key: string, org: string, families: ReadonlyMap<string, string | undefined>): string | undefined => {
  const fits = (id: string) => families.has(id) && (families.get(id) === undefined || families.get(id) === org);
  const kept = key.split('-').filter((t) => !SIZE.test(t) && !/^\d{4,8}$/.test(t) && !/^(preview|latest|exp)$/.test(t));
  const claudeGen = /^claude-(?:opus|sonnet|haiku|fable)-(\d+(?:\.\d+)?)/.exec(kept.join('-'));
  if (claudeGen && fits(`claude-${claudeGen[1]!}`)) return `claude-${claudeGen[1]!}`;
  for (let n = kept.length; n > 0; n--) {
    const id = kept.slice(0, n).join('-');
    if (fits(id)) return id;
  }
  return undefined;
};
