/**
 * The vocabulary: every enum of the data schema as a readonly array, with the label a reader
 * sees. src/model/schema.ts builds its `z.enum(...)`s from these arrays, and every other module
 * imports them from here (a unit test, tests/unit/architecture/vocab-literals.test.ts, fails on a
 * copy). Browser-safe: no zod, no imports.
 */

/** Input and output modalities of a model or offering. */
export const MODALITIES = ['text', 'image', 'audio', 'video', 'pdf'] as const;
export type Modality = (typeof MODALITIES)[number];
export const MODALITY_LABEL: Record<Modality, string> = {
  text: 'Text',
  image: 'Image',
  audio: 'Audio',
  video: 'Video',
  pdf: 'PDF',
};

/** The two sides of a request: modalities in and out, and the two main token meters. */
export const SIDES = ['input', 'output'] as const;
export type Side = (typeof SIDES)[number];

/** Token-priced meters, every one in currency units per 1,000,000 tokens. */
export const TOKEN_METERS = [
  'input',
  'output',
  'cache_read',
  'cache_write',
  'cache_write_1h',
  'reasoning',
  'input_audio',
  'output_audio',
  'input_image',
  'output_image',
] as const;
/** Unit-priced meters, the unit in the name. */
export const UNIT_METERS = ['per_image', 'per_request', 'per_audio_second', 'per_video_second', 'per_search'] as const;
/** Every priced meter: the token meters, then the unit meters. */
export const METERS = [...TOKEN_METERS, ...UNIT_METERS] as const;
export type TokenMeter = (typeof TOKEN_METERS)[number];
export type UnitMeter = (typeof UNIT_METERS)[number];
export type Meter = (typeof METERS)[number];
/**
 * Label of each meter as a column header shows it; in running text it is lower-cased
 * ("cache read price not published").
 */
export const METER_LABEL: Record<Meter, string> = {
  input: 'Input',
  output: 'Output',
  cache_read: 'Cache read',
  cache_write: 'Cache write',
  cache_write_1h: 'Cache write (1h)',
  reasoning: 'Reasoning',
  input_audio: 'Audio input',
  output_audio: 'Audio output',
  input_image: 'Image input',
  output_image: 'Image output',
  per_image: 'Per image',
  per_request: 'Per request',
  per_audio_second: 'Per audio second',
  per_video_second: 'Per video second',
  per_search: 'Per search',
};
/** The meters summary tables show (model offerings, comparisons, the API's CSV). */
export const HEADLINE_METERS = ['input', 'output', 'cache_read', 'cache_write'] as const satisfies readonly Meter[];
/** Our meters that the models.dev api.json format has a `cost` field for (same names). */
export const MODELS_DEV_METERS = [
  'input',
  'output',
  'cache_read',
  'cache_write',
  'reasoning',
  'input_audio',
  'output_audio',
] as const satisfies readonly Meter[];
/** Label of the cache-storage price (USD per 1M tokens per hour), a priced field that is not a meter. */
export const CACHE_STORAGE_LABEL = 'Cache storage per hour';

/** How an offering is paid for (see PricingSchema.billing). */
export const BILLING = ['usage', 'subscription', 'free', 'unpublished', 'self_hosted'] as const;
export type Billing = (typeof BILLING)[number];
/**
 * What a price reads when there is none, by billing: never "$0". Usage billing without the
 * price asked for reads "Not published" (price tables lower-case it).
 */
export const BILLING_LABEL: Record<Billing, string> = {
  usage: 'Not published',
  subscription: 'Subscription',
  free: 'Free',
  unpublished: 'Not published',
  self_hosted: 'Self-hosted',
};
/** A count of offerings by billing, as a sentence reads it: "3 free, 2 by subscription". */
export const BILLING_COUNT_TEXT: Record<Billing, string> = {
  usage: 'billed by usage',
  subscription: 'by subscription',
  free: 'free',
  unpublished: 'with no published price',
  self_hosted: 'self-hosted',
};

/** Per-offering features: true, false or absent (unknown). */
export const FEATURES = [
  'streaming',
  'tool_calling',
  'parallel_tool_calls',
  'structured_output',
  'json_mode',
  'vision',
  'pdf_input',
  'audio_input',
  'logprobs',
  'seed',
  'prompt_caching',
  'batch',
  'fine_tuning',
] as const;
export type Feature = (typeof FEATURES)[number];
/** Column labels of the features matrix, short enough for a narrow header. */
export const FEATURE_LABEL: Record<Feature, string> = {
  streaming: 'Streaming',
  tool_calling: 'Tools',
  parallel_tool_calls: 'Parallel tools',
  structured_output: 'Structured output',
  json_mode: 'JSON mode',
  vision: 'Vision',
  pdf_input: 'PDF',
  audio_input: 'Audio',
  logprobs: 'Logprobs',
  seed: 'Seed',
  prompt_caching: 'Prompt caching',
  batch: 'Batch',
  fine_tuning: 'Fine-tuning',
};

/** Features shown per offering on model pages, in this order. */
export const ROW_FEATURES = [
  'streaming',
  'tool_calling',
  'structured_output',
  'vision',
  'prompt_caching',
  'batch',
] as const satisfies readonly Feature[];

/** Capabilities of a model itself. */
export const CAPABILITIES = [
  'reasoning',
  'tool_calling',
  'structured_output',
  'vision',
  'attachments',
  'temperature',
  'fine_tuning',
] as const;
export type Capability = (typeof CAPABILITIES)[number];
export const CAPABILITY_LABEL: Record<Capability, string> = {
  reasoning: 'Reasoning',
  tool_calling: 'Tool calling',
  structured_output: 'Structured output',
  vision: 'Vision',
  attachments: 'Attachments',
  temperature: 'Temperature',
  fine_tuning: 'Fine-tuning',
};

/** Capability filters of the model index: URL value → label (the model's `capabilities` keys). */
export const MODEL_FILTER_CAPABILITIES = {
  reasoning: 'Reasoning',
  tool_calling: 'Tools',
  structured_output: 'Structured output',
  vision: 'Vision',
} as const satisfies Partial<Record<Capability, string>>;

/**
 * Capabilities the pricing explorer filters on, with their labels: an offering feature or a model
 * capability (src/views/pricing/index-data.ts says which).
 */
export const EXPLORER_CAPABILITIES = [
  ['tool_calling', 'Tool calling'],
  ['structured_output', 'Structured output'],
  ['vision', 'Vision'],
  ['reasoning', 'Reasoning'],
  ['prompt_caching', 'Prompt caching'],
  ['batch', 'Batch API'],
  ['pdf_input', 'PDF input'],
  ['audio_input', 'Audio input'],
  ['fine_tuning', 'Fine-tuning'],
] as const satisfies readonly (readonly [Feature | Capability, string])[];

/** Lifecycle status of a model or an offering. */
export const STATUSES = ['active', 'preview', 'deprecated', 'retired'] as const;
export type Status = (typeof STATUSES)[number];
export const MODEL_STATUS = STATUSES;
export const OFFERING_STATUS = STATUSES;
/** Lifecycle order: an import may move a status forward (preview → active → deprecated → retired), never back. */
export const STATUS_STAGE: Record<Status, number> = { preview: 0, active: 1, deprecated: 2, retired: 3 };
/** Statuses of a model still offered for new work (the model filter's "current"). */
export const CURRENT_STATUSES = ['active', 'preview'] as const satisfies readonly Status[];

/** What kind of business a provider is. */
export const PROVIDER_KINDS = ['first-party', 'cloud', 'inference', 'gateway'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
/** Label shown for each provider kind. */
export const KIND_LABEL: Record<ProviderKind, string> = {
  'first-party': 'First-party lab',
  cloud: 'Cloud platform',
  inference: 'Inference host',
  gateway: 'Gateway',
};

/**
 * Geographies a provider can keep processing in: a residency option ("EU data zone"), or a
 * cross-region inference profile that routes within it (Bedrock "eu.", Vertex "global").
 * `global` routes anywhere the provider runs.
 */
export const GEOGRAPHIES = [
  'global',
  'eu',
  'us',
  'uk',
  'ch',
  'ca',
  'br',
  'apac',
  'jp',
  'kr',
  'au',
  'in',
  'sg',
  'cn',
  'me',
] as const;
export type Geography = (typeof GEOGRAPHIES)[number];
export const GEOGRAPHY_LABEL: Record<Geography, string> = {
  global: 'Global',
  eu: 'European Union',
  us: 'United States',
  uk: 'United Kingdom',
  ch: 'Switzerland',
  ca: 'Canada',
  br: 'Brazil',
  apac: 'Asia Pacific',
  jp: 'Japan',
  kr: 'South Korea',
  au: 'Australia',
  in: 'India',
  sg: 'Singapore',
  cn: 'China',
  me: 'Middle East',
};

/**
 * How a provider places requests among its regions:
 * - `selectable`: the customer picks a region or geography (regional endpoints, residency options);
 * - `fixed`: every request runs in the listed regions, which the customer cannot choose among;
 * - `global`: the provider routes each request to any of its regions; no pinning.
 */
export const ROUTING = ['selectable', 'fixed', 'global'] as const;
export type Routing = (typeof ROUTING)[number];

/** The 27 member states of the European Union (ISO 3166-1 alpha-2), for "EU processing available". */
export const EU_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const;

/** Compliance attestations. */
export const COMPLIANCE = [
  'soc2-type1',
  'soc2-type2',
  'iso-27001',
  'iso-27017',
  'iso-27018',
  'iso-42001',
  'hipaa-baa',
  'gdpr-dpa',
  'pci-dss',
  'fedramp-moderate',
  'fedramp-high',
  'csa-star',
  'c5',
  'hds',
  'tisax',
] as const;
export type Compliance = (typeof COMPLIANCE)[number];
/** Compliance attestations, as auditors name them. */
export const COMPLIANCE_LABEL: Record<Compliance, string> = {
  'soc2-type1': 'SOC 2 Type I',
  'soc2-type2': 'SOC 2 Type II',
  'iso-27001': 'ISO 27001',
  'iso-27017': 'ISO 27017',
  'iso-27018': 'ISO 27018',
  'iso-42001': 'ISO 42001',
  'hipaa-baa': 'HIPAA BAA',
  'gdpr-dpa': 'GDPR DPA',
  'pci-dss': 'PCI DSS',
  'fedramp-moderate': 'FedRAMP Moderate',
  'fedramp-high': 'FedRAMP High',
  'csa-star': 'CSA STAR',
  c5: 'C5',
  hds: 'HDS',
  tisax: 'TISAX',
};

/** How a provider's API authenticates. */
export const AUTH_METHODS = ['api-key', 'bearer', 'oauth', 'aws-sigv4', 'gcp-iam', 'azure-ad'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];
export const AUTH_LABEL: Record<AuthMethod, string> = {
  'api-key': 'API key',
  bearer: 'Bearer token',
  oauth: 'OAuth',
  'aws-sigv4': 'AWS SigV4',
  'gcp-iam': 'Google Cloud IAM',
  'azure-ad': 'Microsoft Entra ID',
};

/** API endpoints an offering is served on. */
export const ENDPOINTS = [
  'chat',
  'responses',
  'messages',
  'completions',
  'embeddings',
  'images',
  'audio',
  'batch',
  'realtime',
  'rerank',
] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/** What a model does: the kind of endpoint and workload it serves. Decides which workloads may rank it. */
export const MODEL_TYPES = [
  'text-generation',
  'embedding',
  'rerank',
  'image-generation',
  'speech-to-text',
  'text-to-speech',
  'moderation',
  'video-generation',
  'audio-generation',
  'realtime',
  'ocr',
] as const;
export type ModelType = (typeof MODEL_TYPES)[number];
/** Model types the pricing explorer has workloads for; text generation is the default. */
export const WORKLOAD_TYPES = [
  'text-generation',
  'embedding',
  'speech-to-text',
  'text-to-speech',
  'image-generation',
] as const satisfies readonly ModelType[];
export type WorkloadType = (typeof WORKLOAD_TYPES)[number];
/** Provider kinds of an "official host": the lab itself, clouds and inference hosts (no gateways or resellers). */
export const OFFICIAL_KINDS = ['first-party', 'cloud', 'inference'] as const satisfies readonly ProviderKind[];
export const MODEL_TYPE_LABEL: Record<ModelType, string> = {
  'text-generation': 'Text generation',
  embedding: 'Embedding',
  rerank: 'Rerank',
  'image-generation': 'Image generation',
  'speech-to-text': 'Speech to text',
  'text-to-speech': 'Text to speech',
  moderation: 'Moderation',
  'video-generation': 'Video generation',
  'audio-generation': 'Music and sound generation',
  realtime: 'Realtime (speech to speech)',
  ocr: 'OCR (document to text)',
};

/**
 * Where an imported fact came from. `provider` is the provider's own page (its URL is required);
 * the others are open datasets, imported with `npm run import -- <source> <file>`. The order is the
 * reconciliation's tie-break order (src/core/reconcile.ts) and the display order.
 */
export const DATA_SOURCES = ['provider', 'genai-prices', 'portkey', 'litellm', 'models-dev'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];
export const DATA_SOURCE_LABEL: Record<DataSource, string> = {
  provider: "Provider's own page",
  'models-dev': 'models.dev',
  'genai-prices': 'genai-prices (Pydantic)',
  portkey: 'Portkey models',
  litellm: 'LiteLLM price map',
};
/** Home pages of the open datasets (credited on /data/ and beside each price). */
export const DATA_SOURCE_URL: Record<Exclude<DataSource, 'provider'>, string> = {
  'models-dev': 'https://github.com/anomalyco/models.dev',
  'genai-prices': 'https://github.com/pydantic/genai-prices',
  portkey: 'https://github.com/Portkey-AI/models',
  litellm: 'https://github.com/BerriAI/litellm',
};

/** Every vocabulary, by name: what the architecture test checks for copies. */
export const VOCABULARIES = {
  MODALITIES,
  SIDES,
  METERS,
  BILLING,
  FEATURES,
  CAPABILITIES,
  STATUSES,
  PROVIDER_KINDS,
  COMPLIANCE,
  AUTH_METHODS,
  ENDPOINTS,
  MODEL_TYPES,
  DATA_SOURCES,
  GEOGRAPHIES,
  ROUTING,
  EU_COUNTRIES,
} as const;

/** true / false / absent → what a reader sees; absent is "unknown", never "no". */
export const yesNo = (v: boolean | undefined): 'Yes' | 'No' | 'Unknown' => (v === undefined ? 'Unknown' : v ? 'Yes' : 'No');
