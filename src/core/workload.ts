/**
 * Workload presets and their URL form, for the cost explorer. Pure: no DOM, no location.
 * Units as in cost.ts: tokens per request, requests per month, shares 0..1.
 */
import { validateWorkload, type Workload } from './cost.ts';

export interface WorkloadPreset {
  label: string;
  /** What the numbers stand for, in one or two sentences. */
  description: string;
  workload: Workload;
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

/** Query parameter of each workload field, in the order encodeWorkload writes them. */
export const WORKLOAD_PARAMS = {
  requestsPerMonth: 'req',
  inputTokens: 'in',
  outputTokens: 'out',
  cachedInputShare: 'cached',
  cacheWriteTokens: 'cw',
  cacheTtl: 'ttl',
  batchShare: 'batch',
  reasoningTokens: 'think',
  imagesPerRequest: 'img',
  audioSecondsPerRequest: 'audio',
  videoSecondsPerRequest: 'video',
  searchesPerRequest: 'search',
} as const satisfies Record<keyof Workload, string>;

const FIELDS = Object.keys(WORKLOAD_PARAMS) as (keyof Workload)[];
const SHARES = new Set<keyof Workload>(['cachedInputShare', 'batchShare']);
/** A plain non-negative decimal, as String(number) writes it: "1500", "0.9", "1e-7". No "", "0x1f", " 5". */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * The workload as a query string (no leading "?"), e.g. "req=100000&in=1500&out=300&cached=0&batch=0".
 * Numbers are written with String(), so decodeWorkload gives back exactly the same workload;
 * optional fields are written only when set.
 */
export const encodeWorkload = (w: Workload): string => {
  const parts: string[] = [];
  for (const field of FIELDS) {
    const value = w[field];
    if (value !== undefined) parts.push(`${WORKLOAD_PARAMS[field]}=${encodeURIComponent(String(value))}`);
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
  const base = preset !== null && Object.hasOwn(WORKLOAD_PRESETS, preset) ? WORKLOAD_PRESETS[preset as PresetId].workload : defaults;
  const w: Workload = { ...base };
  const out = w as unknown as Record<string, unknown>;
  for (const field of FIELDS) {
    const raw = params.get(WORKLOAD_PARAMS[field]);
    if (raw === null) continue;
    if (field === 'cacheTtl') {
      if (raw === '5m' || raw === '1h') w.cacheTtl = raw;
      continue;
    }
    if (!DECIMAL.test(raw)) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || (SHARES.has(field) && n > 1)) continue;
    out[field] = n;
  }
  const uncached = w.inputTokens - w.inputTokens * w.cachedInputShare;
  if (w.cacheWriteTokens !== undefined && w.cacheWriteTokens > uncached) w.cacheWriteTokens = uncached;
  return validateWorkload(w).length === 0 ? w : { ...DEFAULT_WORKLOAD };
};
