/**
 * Model creators (organizations) known to the importer: how provider ids name them, which
 * model-name patterns belong to them, and the facts written when an organization record is
 * first created. Curated by hand; every entry is a rule the linker can cite.
 */

/** Facts for a new organization record. `country` is ISO 3166-1 alpha-2. */
export interface OrgInfo {
  name: string;
  website?: string;
  country?: string;
}

/** Organization id → facts. Ids follow models.dev's model folders where it has one. */
export const ORGS: Record<string, OrgInfo> = {
  '01-ai': { name: '01.AI', website: 'https://www.01.ai', country: 'CN' },
  ai21: { name: 'AI21 Labs', website: 'https://www.ai21.com', country: 'IL' },
  aisingapore: { name: 'AI Singapore', website: 'https://aisingapore.org', country: 'SG' },
  allenai: { name: 'Allen Institute for AI', website: 'https://allenai.org', country: 'US' },
  amazon: { name: 'Amazon', website: 'https://aws.amazon.com', country: 'US' },
  anthropic: { name: 'Anthropic', website: 'https://www.anthropic.com', country: 'US' },
  'arcee-ai': { name: 'Arcee AI', website: 'https://www.arcee.ai', country: 'US' },
  baidu: { name: 'Baidu', website: 'https://www.baidu.com', country: 'CN' },
  baichuan: { name: 'Baichuan', website: 'https://www.baichuan-ai.com', country: 'CN' },
  'black-forest-labs': { name: 'Black Forest Labs', website: 'https://bfl.ai', country: 'DE' },
  bytedance: { name: 'ByteDance', website: 'https://seed.bytedance.com', country: 'CN' },
  cohere: { name: 'Cohere', website: 'https://cohere.com', country: 'CA' },
  community: { name: 'Community fine-tunes' },
  deepgram: { name: 'Deepgram', website: 'https://deepgram.com', country: 'US' },
  deepseek: { name: 'DeepSeek', website: 'https://www.deepseek.com', country: 'CN' },
  google: { name: 'Google', website: 'https://ai.google.dev', country: 'US' },
  ibm: { name: 'IBM', website: 'https://www.ibm.com/granite', country: 'US' },
  inclusionai: { name: 'inclusionAI (Ant Group)', website: 'https://github.com/inclusionAI', country: 'CN' },
  liquid: { name: 'Liquid AI', website: 'https://www.liquid.ai', country: 'US' },
  meta: { name: 'Meta', website: 'https://www.llama.com', country: 'US' },
  microsoft: { name: 'Microsoft', website: 'https://azure.microsoft.com', country: 'US' },
  minimax: { name: 'MiniMax', website: 'https://www.minimax.io', country: 'CN' },
  mistral: { name: 'Mistral AI', website: 'https://mistral.ai', country: 'FR' },
  moonshotai: { name: 'Moonshot AI', website: 'https://www.moonshot.ai', country: 'CN' },
  nousresearch: { name: 'Nous Research', website: 'https://nousresearch.com', country: 'US' },
  nvidia: { name: 'NVIDIA', website: 'https://www.nvidia.com', country: 'US' },
  openai: { name: 'OpenAI', website: 'https://openai.com', country: 'US' },
  perplexity: { name: 'Perplexity', website: 'https://www.perplexity.ai', country: 'US' },
  qwen: { name: 'Qwen (Alibaba Cloud)', website: 'https://qwenlm.github.io', country: 'CN' },
  poolside: { name: 'Poolside', website: 'https://poolside.ai', country: 'US' },
  sakana: { name: 'Sakana AI', website: 'https://sakana.ai', country: 'JP' },
  salesforce: { name: 'Salesforce AI Research', website: 'https://www.salesforce.com', country: 'US' },
  sarvam: { name: 'Sarvam AI', website: 'https://www.sarvam.ai', country: 'IN' },
  stepfun: { name: 'StepFun', website: 'https://www.stepfun.com', country: 'CN' },
  tencent: { name: 'Tencent', website: 'https://hunyuan.tencent.com', country: 'CN' },
  tngtech: { name: 'TNG Technology Consulting', website: 'https://www.tngtech.com', country: 'DE' },
  upstage: { name: 'Upstage', website: 'https://www.upstage.ai', country: 'KR' },
  venice: { name: 'Venice', website: 'https://venice.ai', country: 'US' },
  voyage: { name: 'Voyage AI', website: 'https://www.voyageai.com', country: 'US' },
  xai: { name: 'xAI', website: 'https://x.ai', country: 'US' },
  xiaomi: { name: 'Xiaomi', website: 'https://mimo.xiaomi.com', country: 'CN' },
  zhipuai: { name: 'Zhipu AI (Z.ai)', website: 'https://z.ai', country: 'CN' },
};

/**
 * Id prefixes (the part before "/", or before "." in Bedrock ids) that name a creator,
 * lower-cased → organization id. A prefix not listed here and not in NAMESPACES names a
 * creator of its own (e.g. "thedrummer").
 */
export const ORG_PREFIXES: Record<string, string> = {
  '01-ai': '01-ai',
  ai21: 'ai21',
  'ai21-labs': 'ai21',
  aisingapore: 'aisingapore',
  alibaba: 'qwen',
  'alibaba-nlp': 'qwen',
  allenai: 'allenai',
  amazon: 'amazon',
  anthropic: 'anthropic',
  'arcee-ai': 'arcee-ai',
  arcee_ai: 'arcee-ai',
  baidu: 'baidu',
  baichuan: 'baichuan',
  bfl: 'black-forest-labs',
  flux: 'black-forest-labs',
  'black-forest-labs': 'black-forest-labs',
  bytedance: 'bytedance',
  'bytedance-seed': 'bytedance',
  volcengine: 'bytedance',
  cohere: 'cohere',
  deepgram: 'deepgram',
  deepseek: 'deepseek',
  'deepseek-ai': 'deepseek',
  google: 'google',
  'ibm-granite': 'ibm',
  ibm: 'ibm',
  inclusionai: 'inclusionai',
  kimi: 'moonshotai',
  liquid: 'liquid',
  liquidai: 'liquid',
  meta: 'meta',
  'meta-llama': 'meta',
  facebook: 'meta',
  microsoft: 'microsoft',
  minimax: 'minimax',
  minimaxai: 'minimax',
  mistral: 'mistral',
  mistralai: 'mistral',
  'mistral-ai': 'mistral',
  moonshot: 'moonshotai',
  moonshotai: 'moonshotai',
  nousresearch: 'nousresearch',
  nvidia: 'nvidia',
  openai: 'openai',
  perplexity: 'perplexity',
  poolside: 'poolside',
  qwen: 'qwen',
  qwenlm: 'qwen',
  sakana: 'sakana',
  salesforce: 'salesforce',
  sarvam: 'sarvam',
  sarvamai: 'sarvam',
  stepfun: 'stepfun',
  'stepfun-ai': 'stepfun',
  tencent: 'tencent',
  thudm: 'zhipuai',
  tngtech: 'tngtech',
  'tongyi-zhiwen': 'qwen',
  voyage: 'voyage',
  voyageai: 'voyage',
  upstage: 'upstage',
  xai: 'xai',
  'x-ai': 'xai',
  grok: 'xai',
  xiaomi: 'xiaomi',
  xiaomimimo: 'xiaomi',
  zai: 'zhipuai',
  'z-ai': 'zhipuai',
  'zai-org': 'zhipuai',
  zhipuai: 'zhipuai',
};

/**
 * Path segments that are deployment namespaces, not creators: gateways' and hosts' own
 * folders ("accounts/fireworks/models/…", "@cf/…", "TEE/…", "Pro/…"), and re-packagers that
 * quantize or host someone else's weights ("unsloth/", "Intel/", "neuralmagic/"). Ignored for
 * the org. Any other unknown prefix names the maker (a fine-tune's publisher: "huihui-ai/").
 */
export const NAMESPACES = new Set([
  '@cf',
  '@hf',
  'accounts',
  'baseten',
  'cerebras',
  'chat-completion',
  'chutesai',
  'clarifai',
  'completion',
  'cortecs',
  'evroc',
  'fireworks',
  'fireworks-ai',
  'groq',
  'huggingface',
  'kilo-auto',
  'main',
  'meganova-ai',
  'models',
  'nanogpt',
  'novita',
  'openrouter',
  'orcarouter',
  'poetools',
  'pro',
  'public',
  'route',
  'routers',
  'siliconflow',
  'stealth',
  'tee',
  'tts',
  'workers-ai',
  // Re-packagers: quantized or re-hosted copies of another maker's weights.
  'empiriolabs',
  'intel',
  'neuralmagic',
  'openpipe',
  'pearl-ai',
  'prodia',
  'redhatai',
  'unsloth',
]);

/**
 * Words that mark a community fine-tune or merge whose id names no maker ("Gemma-4-26B-uncensored",
 * "Qwen3.5-27B-Derestricted"): filed under the "community" organization, never under the lab
 * whose base model the name starts with. DeepSeek's own "-distill-" models do not match.
 */
export const FINE_TUNE_MARKERS = /(?:^|-)(abliterated|uncensored|derestricted|distilled|storybreaker|roleplay|rp-)(?:-|$)/;

/**
 * Model-name patterns (matched at the start of the normalized key) → creator. Used when the
 * id carries no known creator prefix. Order matters: the first match wins.
 */
export const NAME_PATTERNS: [RegExp, string][] = [
  [/^(gpt|o\d|chatgpt|whisper|dall-e|tts-1|text-embedding-(3|ada)|codex|computer-use|sora|omni-moderation)/, 'openai'],
  [/^claude/, 'anthropic'],
  [/^(gemini|gemma|imagen|veo|lyria|learnlm|text-embedding-00|text-multilingual-embedding)/, 'google'],
  [/^llama/, 'meta'],
  [/^(qwen|qwq|qvq)/, 'qwen'],
  [/^deepseek/, 'deepseek'],
  [/^(mistral|mixtral|codestral|devstral|magistral|pixtral|ministral|voxtral|open-mistral)/, 'mistral'],
  [/^grok/, 'xai'],
  [/^(glm|chatglm|cogview|codegeex)/, 'zhipuai'],
  [/^(kimi|moonshot)/, 'moonshotai'],
  [/^(minimax|abab)/, 'minimax'],
  [/^(command|c4ai|aya|embed-(english|multilingual|v)|rerank-)/, 'cohere'],
  [/^(nemotron|nvidia|nv-)/, 'nvidia'],
  [/^phi-?\d/, 'microsoft'],
  [/^mimo/, 'xiaomi'],
  [/^step-?\d/, 'stepfun'],
  [/^sonar/, 'perplexity'],
  [/^(hunyuan|hy\d)/, 'tencent'],
  [/^(doubao|seed-|seedream|seedance)/, 'bytedance'],
  [/^ernie/, 'baidu'],
  [/^(nova-|amazon)/, 'amazon'],
  [/^jamba/, 'ai21'],
  [/^granite/, 'ibm'],
  [/^(olmo|tulu|molmo)/, 'allenai'],
  [/^hermes/, 'nousresearch'],
  [/^flux/, 'black-forest-labs'],
  [/^solar/, 'upstage'],
  [/^(ling|ring)-/, 'inclusionai'],
  [/^baichuan/, 'baichuan'],
  [/^yi-/, '01-ai'],
  [/^lfm/, 'liquid'],
  [/^(laguna|malibu)/, 'poolside'],
  [/^sarvam/, 'sarvam'],
  [/^fugu/, 'sakana'],
  [/^(trinity|arcee)/, 'arcee-ai'],
];

/**
 * Fine-tunes whose name carries their maker's brand, checked before FINE_TUNE_MARKERS
 * ("venice-uncensored" is Venice's, not a nameless community fine-tune).
 */
export const FINE_TUNE_MAKERS: [RegExp, string][] = [
  [/^venice-/, 'venice'],
  [/^dolphin-/, 'cognitivecomputations'],
];
