/**
 * The probe's requests: a fixed prompt set and the HTTP request for each API dialect. Pure:
 * the key goes into a header and nowhere else (see redact()).
 */
import type { ApiStyle } from './sse.ts';

/** Version written as the sample's method ("probe v1"); bump when the measurement changes. */
export const PROBE_VERSION = 1;
export const PROBE_METHOD = `probe v${PROBE_VERSION}`;

const LONG_CONTEXT = Array.from(
  { length: 60 },
  (_, i) =>
    `Line ${i + 1}: the quick brown fox jumps over the lazy dog while the committee reviews clause ${i + 1} of the contract.`,
).join('\n');

/** The fixed prompts: "short" (a few tokens in) and "long" (about 1,800 tokens in); both ask for about 200 tokens out. */
export const PROMPTS = {
  short: 'Write a 150-word paragraph about the history of the bicycle.',
  long: `${LONG_CONTEXT}\n\nSummarize the document above in about 150 words.`,
} as const;
export type PromptProfile = keyof typeof PROMPTS;
export const isPromptProfile = (s: string): s is PromptProfile => Object.hasOwn(PROMPTS, s);

export interface ProbeRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Joins a base URL and a path without doubling slashes. */
const join = (base: string, path: string) => `${base.replace(/\/+$/, '')}/${path}`;

/**
 * The streamed request for one prompt. OpenAI-compatible: POST {base}/chat/completions with a
 * bearer key and `stream_options.include_usage` (usage arrives in the last chunk). Anthropic:
 * POST {base}/messages with `x-api-key`; a base URL without /v1 gets it.
 */
export const buildRequest = (
  style: ApiStyle,
  baseUrl: string,
  model: string,
  prompt: string,
  maxTokens: number,
  key: string,
): ProbeRequest => {
  const messages = [{ role: 'user', content: prompt }];
  if (style === 'anthropic') {
    const base = /\/v1\/?$/.test(baseUrl) ? baseUrl : join(baseUrl, 'v1');
    return {
      url: join(base, 'messages'),
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'x-api-key': key,
        'anthropic-version': '2023-06-01',
      },
      body: JSON.stringify({ model, messages, max_tokens: maxTokens, stream: true, temperature: 0 }),
    };
  }
  return {
    url: join(baseUrl, 'chat/completions'),
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      model,
      messages,
      max_tokens: maxTokens,
      stream: true,
      temperature: 0,
      stream_options: { include_usage: true },
    }),
  };
};

/** Replaces every occurrence of the key (and of `Bearer <key>`) in a message, so that no log line carries it. */
export const redact = (text: string, key: string | undefined) =>
  key && key.length >= 4 ? text.split(key).join('[redacted]') : text;

/**
 * Whether a base-URL override is allowed: only plain-HTTP or HTTPS loopback hosts
 * (127.0.0.0/8, ::1, localhost), for tests and local mocks; real endpoints come from the data.
 */
export const isLoopbackUrl = (raw: string): boolean => {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  const h = u.hostname.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
};

/** Waiting time from a Retry-After header (seconds or an HTTP date), in ms, capped; undefined when absent or unreadable. */
export const retryAfterMs = (header: string | null, nowMs: number, capMs = 60_000): number | undefined => {
  if (header === null || header.trim() === '') return undefined;
  const secs = Number(header);
  const ms = Number.isFinite(secs) ? secs * 1000 : Date.parse(header) - nowMs;
  return Number.isFinite(ms) ? Math.min(Math.max(0, ms), capMs) : undefined;
};
