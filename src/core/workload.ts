/**
 * Workload presets and the one table of workload fields (WORKLOAD_FIELDS), which drives the
 * explorer's form, the URL form (encode/decode) and the form edits. Pure: no DOM, no location.
 * Units as in cost.ts: tokens per request, requests per month, shares 0..1.
 */
import { validateWorkload, type Workload } from './cost.ts';
import { denoise } from './price.ts';
import type { WorkloadType } from './vocab.ts';

export interface WorkloadPreset {
  label: string;
  /** What the numbers stand for, in one or two sentences. */
  description: string;
  workload: Workload;
  /** The model type the workload needs; text generation when absent. */
  type?: WorkloadType;
}

/**
 * Typical workloads, each priced on every offering by the explorer. Reasoning tokens are left at
 * 0 so that reasoning and non-reasoning models compare on the same tokens.
 */
export const WORKLOAD_PRESETS = {
  chatbot: {
    label: 'Chatbot',
    description:
      'A customer-facing assistant: 100,000 requests a month, each with 1,500 input tokens (system prompt and recent turns) and 300 output tokens; no caching, no batch.',
    workload: { requestsPerMonth: 100_000, inputTokens: 1_500, outputTokens: 300, cachedInputShare: 0, batchShare: 0 },
  },
  'rag-long-prompts': {
    label: 'RAG with long prompts',
    description:
      'Retrieval-augmented answers: 20,000 requests a month, each with 30,000 input tokens of retrieved documents and 600 output tokens; no caching, no batch.',
    workload: { requestsPerMonth: 20_000, inputTokens: 30_000, outputTokens: 600, cachedInputShare: 0, batchShare: 0 },
  },
  'batch-summarisation': {
    label: 'Batch summarisation',
    description:
      'Offline summaries of documents: 50,000 requests a month of 8,000 input and 800 output tokens, all sent through the batch API.',
    workload: { requestsPerMonth: 50_000, inputTokens: 8_000, outputTokens: 800, cachedInputShare: 0, batchShare: 1 },
  },
  'agent-heavy-caching': {
    label: 'Agent with heavy caching',
    description:
      'A coding agent: 200,000 steps a month, each re-sending a 40,000-token context of which 90% is read from the prompt cache and 2,000 new tokens are written to it (5-minute TTL), with 1,000 output tokens.',
    workload: {
      requestsPerMonth: 200_000,
      inputTokens: 40_000,
      outputTokens: 1_000,
      cachedInputShare: 0.9,
      cacheWriteTokens: 2_000,
      cacheTtl: '5m',
      batchShare: 0,
    },
  },
  embeddings: {
    label: 'Embeddings',
    description:
      'Embedding documents for search: 200,000 requests a month of 500 input tokens each (100M tokens, priced per 1M input tokens); embedding models only.',
    workload: { requestsPerMonth: 200_000, inputTokens: 500, outputTokens: 0, cachedInputShare: 0, batchShare: 0 },
    type: 'embedding',
  },
  transcription: {
    label: 'Transcription',
    description:
      'Speech to text: 10,000 recordings a month of 60 seconds each (priced per audio second where the provider does so); speech-to-text models only.',
    workload: {
      requestsPerMonth: 10_000,
      inputTokens: 0,
      outputTokens: 0,
      cachedInputShare: 0,
      batchShare: 0,
      audioSecondsPerRequest: 60,
    },
    type: 'speech-to-text',
  },
  'text-to-speech': {
    label: 'Text to speech',
    description:
      'Voice output: 10,000 requests a month of 30 seconds of speech each (priced per audio second where the provider does so); text-to-speech models only.',
    workload: {
      requestsPerMonth: 10_000,
      inputTokens: 0,
      outputTokens: 0,
      cachedInputShare: 0,
      batchShare: 0,
      audioSecondsPerRequest: 30,
    },
    type: 'text-to-speech',
  },
  'image-generation': {
    label: 'Image generation',
    description:
      'Generated images: 10,000 requests a month of one image each (priced per image where the provider does so); image-generation models only.',
    workload: {
      requestsPerMonth: 10_000,
      inputTokens: 0,
      outputTokens: 0,
      cachedInputShare: 0,
      batchShare: 0,
      imagesPerRequest: 1,
    },
    type: 'image-generation',
  },
} as const satisfies Record<string, WorkloadPreset>;

export type PresetId = keyof typeof WORKLOAD_PRESETS;

/** The workload the explorer starts from: the chatbot preset. */
export const DEFAULT_WORKLOAD: Workload = WORKLOAD_PRESETS.chatbot.workload;

/**
 * A workload from monthly totals: the tokens spread evenly over the requests. Context tiers are
 * then selected by the average request, so model a mix of short and long requests as two workloads.
 */
export const spreadMonthlyVolume = (volume: {
  requestsPerMonth: number;
  /** Input tokens per month, cached included. */
  inputTokensPerMonth: number;
  /** Output tokens per month. */
  outputTokensPerMonth: number;
  cachedInputShare?: number;
  batchShare?: number;
}): Workload => {
  const r = volume.requestsPerMonth;
  return {
    requestsPerMonth: r,
    inputTokens: r > 0 ? volume.inputTokensPerMonth / r : 0,
    outputTokens: r > 0 ? volume.outputTokensPerMonth / r : 0,
    cachedInputShare: volume.cachedInputShare ?? 0,
    batchShare: volume.batchShare ?? 0,
  };
};

/**
 * One workload field: how the explorer's form shows it, its URL parameter (also the form control's
 * name) and how it reads. `count`: a number ≥ 0; `share`: 0..1, shown in percent; `optional`: a
 * number left out of the workload when blank or 0; `choice`: one of `options`.
 */
export interface WorkloadField {
  key: keyof Workload;
  param: string;
  label: string;
  kind: 'count' | 'share' | 'optional' | 'choice';
  /** Where the form puts it: the main fields, or "Images, audio, video and search". */
  group: 'main' | 'extra';
  options?: readonly (readonly [value: string, label: string])[];
}

/** Every workload field, in the order of the form and of encodeWorkload's parameters. */
export const WORKLOAD_FIELDS: readonly WorkloadField[] = [
  { key: 'requestsPerMonth', param: 'req', label: 'Requests per month', kind: 'count', group: 'main' },
  { key: 'inputTokens', param: 'in', label: 'Input tokens per request', kind: 'count', group: 'main' },
  { key: 'outputTokens', param: 'out', label: 'Output tokens per request', kind: 'count', group: 'main' },
  { key: 'cachedInputShare', param: 'cached', label: 'Cached input (%)', kind: 'share', group: 'main' },
  { key: 'cacheWriteTokens', param: 'cw', label: 'Cache-write tokens per request', kind: 'optional', group: 'main' },
  {
    key: 'cacheTtl',
    param: 'ttl',
    label: 'Cache-write TTL',
    kind: 'choice',
    group: 'main',
    options: [
      ['5m', '5 minutes'],
      ['1h', '1 hour'],
    ],
  },
  { key: 'batchShare', param: 'batch', label: 'Sent by batch (%)', kind: 'share', group: 'main' },
  { key: 'reasoningTokens', param: 'think', label: 'Reasoning tokens per request', kind: 'optional', group: 'main' },
  { key: 'imagesPerRequest', param: 'img', label: 'Images generated per request', kind: 'optional', group: 'extra' },
  { key: 'audioSecondsPerRequest', param: 'audio', label: 'Audio seconds per request', kind: 'optional', group: 'extra' },
  { key: 'videoSecondsPerRequest', param: 'video', label: 'Video seconds per request', kind: 'optional', group: 'extra' },
  { key: 'searchesPerRequest', param: 'search', label: 'Web searches per request', kind: 'optional', group: 'extra' },
];

/** Query parameter of each workload field. */
export const WORKLOAD_PARAMS = Object.fromEntries(WORKLOAD_FIELDS.map((f) => [f.key, f.param])) as Record<keyof Workload, string>;

/** A plain non-negative decimal, as String(number) writes it: "1500", "0.9", "1e-7". No "", "0x1f", " 5". */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The text a form control shows for a field of `w`: shares in percent, blank for an unset optional field. */
export const fieldText = (f: WorkloadField, w: Workload): string => {
  const v = w[f.key];
  if (f.kind === 'choice') return String(v ?? f.options![0]![0]);
  if (v === undefined) return '';
  return f.kind === 'share' ? String(denoise((v as number) * 100)) : String(v);
};

/**
 * The workload after the user types `text` into the control of field `param` (the form is never
 * read back): blank counts and shares are 0, shares are percentages, a blank or 0 optional field
 * is left out. The result may be invalid (validateWorkload says why); unknown params change nothing.
 */
export const withFieldText = (w: Workload, param: string, text: string): Workload => {
  const f = WORKLOAD_FIELDS.find((x) => x.param === param);
  if (!f) return w;
  const out = { ...w } as Record<string, unknown>;
  const t = text.trim();
  const n = t === '' ? undefined : Number(t);
  if (f.kind === 'choice') out[f.key] = f.options!.some(([v]) => v === t) ? t : f.options![0]![0];
  else if (f.kind === 'count') out[f.key] = n ?? 0;
  else if (f.kind === 'share') out[f.key] = denoise((n ?? 0) / 100);
  else if (n === undefined || n === 0) delete out[f.key];
  else out[f.key] = n;
  return out as unknown as Workload;
};

/**
 * The workload as a query string (no leading "?"), e.g. "req=100000&in=1500&out=300&cached=0&batch=0".
 * Numbers are written with String(), so decodeWorkload gives back exactly the same workload;
 * optional fields are written only when set, the cache TTL only with cache writes (it applies to them only).
 */
export const encodeWorkload = (w: Workload): string => {
  const parts: string[] = [];
  for (const f of WORKLOAD_FIELDS) {
    const value = w[f.key];
    if (value === undefined || (f.key === 'cacheTtl' && w.cacheWriteTokens === undefined)) continue;
    parts.push(`${f.param}=${encodeURIComponent(String(value))}`);
  }
  return parts.join('&');
};

/**
 * A workload from a query string or URLSearchParams. Never throws: starts from the `preset`
 * parameter's workload (else `defaults`), then takes each valid parameter; a missing, empty,
 * negative or non-numeric one keeps the starting value, a share above 1 too. Cache writes that no
 * longer fit in the uncached input are cut down to fit.
 */
export const decodeWorkload = (query: string | URLSearchParams, defaults: Workload = DEFAULT_WORKLOAD): Workload => {
  let params: URLSearchParams;
  try {
    params = typeof query === 'string' ? new URLSearchParams(query) : query;
  } catch {
    return { ...defaults };
  }
  const preset = params.get('preset');
  const base =
    preset !== null && Object.hasOwn(WORKLOAD_PRESETS, preset) ? WORKLOAD_PRESETS[preset as PresetId].workload : defaults;
  const w: Workload = { ...base };
  const out = w as unknown as Record<string, unknown>;
  for (const f of WORKLOAD_FIELDS) {
    const raw = params.get(f.param);
    if (raw === null) continue;
    if (f.kind === 'choice') {
      if (f.options!.some(([v]) => v === raw)) out[f.key] = raw;
      continue;
    }
    if (!DECIMAL.test(raw)) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || (f.kind === 'share' && n > 1)) continue;
    out[f.key] = n;
  }
  const uncached = w.inputTokens - w.inputTokens * w.cachedInputShare;
  if (w.cacheWriteTokens !== undefined && w.cacheWriteTokens > uncached) w.cacheWriteTokens = uncached;
  return validateWorkload(w).length === 0 ? w : { ...DEFAULT_WORKLOAD };
};

/**
 * The workload's volume given as tokens per month instead of tokens per request (issue #16):
 * the monthly totals are what the user typed, and the per-request figures the engine reads are
 * derived from them and the requests per month (spreadMonthlyVolume).
 */
export interface MonthlyVolume {
  /** Input tokens per month, cached included. */
  inputTokensPerMonth: number;
  /** Output tokens per month. */
  outputTokensPerMonth: number;
}

/** The form control that picks how the volume is given: 'request' (requests × tokens per request) or 'month'. */
export const VOLUME_PARAM = 'vol';
export const VOLUME_MODES = [
  ['request', 'Requests × tokens per request'],
  ['month', 'Tokens per month'],
] as const;

/** The monthly fields: each replaces a per-request field (`per`) when the volume is given per month. */
export const MONTHLY_FIELDS = [
  { key: 'inputTokensPerMonth', param: 'tin', label: 'Input tokens per month', per: 'inputTokens' },
  { key: 'outputTokensPerMonth', param: 'tout', label: 'Output tokens per month', per: 'outputTokens' },
] as const satisfies readonly { key: keyof MonthlyVolume; param: string; label: string; per: keyof Workload }[];

/** The monthly totals of a per-request workload (tokens per request × requests per month). */
export const monthlyOf = (w: Workload): MonthlyVolume => ({
  inputTokensPerMonth: denoise(w.inputTokens * w.requestsPerMonth),
  outputTokensPerMonth: denoise(w.outputTokens * w.requestsPerMonth),
});

/**
 * The workload with its tokens per request taken from monthly totals. With no requests and some
 * tokens, the per-request figures are NaN: validateWorkload then rejects the workload, rather
 * than pricing tokens that no request carries as $0.
 */
export const withMonthly = (w: Workload, m: MonthlyVolume): Workload => {
  const r = w.requestsPerMonth;
  const per = (total: number) => (r > 0 ? total / r : total > 0 ? Number.NaN : 0);
  return { ...w, inputTokens: per(m.inputTokensPerMonth), outputTokens: per(m.outputTokensPerMonth) };
};

/** The monthly totals a query asks for (`tin`, `tout`), or undefined when it gives the volume per request. */
export const decodeMonthly = (query: string | URLSearchParams, w: Workload): MonthlyVolume | undefined => {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  if (!MONTHLY_FIELDS.some((f) => params.has(f.param))) return undefined;
  const out = monthlyOf(w);
  for (const f of MONTHLY_FIELDS) {
    const raw = params.get(f.param);
    if (raw !== null && DECIMAL.test(raw) && Number.isFinite(Number(raw))) out[f.key] = Number(raw);
  }
  return out;
};

/**
 * The workload as a query string with its volume per month: every field of encodeWorkload but
 * the tokens per request, which `tin` and `tout` (tokens per month) replace, after `req`.
 */
export const encodeMonthly = (w: Workload, m: MonthlyVolume): string => {
  const per = new Set<string>(MONTHLY_FIELDS.map((f) => WORKLOAD_PARAMS[f.per]));
  const parts = encodeWorkload(w)
    .split('&')
    .filter((p) => !per.has(p.split('=')[0]!));
  const monthly = MONTHLY_FIELDS.map((f) => `${f.param}=${encodeURIComponent(String(m[f.key]))}`);
  const at = parts.findIndex((p) => p.startsWith(`${WORKLOAD_PARAMS.requestsPerMonth}=`)) + 1;
  parts.splice(at, 0, ...monthly);
  return parts.join('&');
};

/** The monthly totals after the user types `text` into the control of monthly field `param` (blank is 0). */
export const withMonthlyText = (m: MonthlyVolume, param: string, text: string): MonthlyVolume => {
  const f = MONTHLY_FIELDS.find((x) => x.param === param);
  if (!f) return m;
  const t = text.trim();
  const n = t === '' ? 0 : Number(t);
  return { ...m, [f.key]: n };
};

/** Problems with the monthly volume, in plain sentences; empty when it can be priced. */
export const monthlyErrors = (w: Workload, m: MonthlyVolume | undefined): string[] => {
  if (!m) return [];
  const errors: string[] = [];
  for (const f of MONTHLY_FIELDS) {
    const v = m[f.key];
    if (!(Number.isFinite(v) && v >= 0)) errors.push(`${f.label.toLowerCase()} must be a number ≥ 0 (got ${String(v)})`);
  }
  if (!(w.requestsPerMonth > 0) && m.inputTokensPerMonth + m.outputTokensPerMonth > 0)
    errors.push('requests per month must be above 0 to spread the monthly tokens over requests');
  return errors;
};
