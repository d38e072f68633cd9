/**
 * One streamed request, timed: time to first token, output tokens per second after it, and
 * total latency; every fault (timeout, HTTP error, 429, a stream that stops, malformed SSE)
 * becomes a failed result with a message instead of an exception. The network, the clock and
 * sleeping are passed in (`ProbeDeps`), so this module stays free of I/O.
 */
import { createSseParser, readEvent, type ApiStyle } from './sse.ts';
import { redact, retryAfterMs, type ProbeRequest } from './request.ts';

export interface ProbeDeps {
  fetch: typeof fetch;
  /** Monotonic clock in ms (performance.now). */
  now: () => number;
  /** Wall clock in ms (Date.now), for Retry-After dates only. */
  wallNow: () => number;
  sleep: (ms: number) => Promise<void>;
}

export type FaultKind = 'timeout' | 'rate-limited' | 'http' | 'truncated' | 'malformed' | 'stream-error' | 'network' | 'empty';

export type Measurement =
  | {
      ok: true;
      ttftMs: number;
      totalMs: number;
      outputTokens: number;
      tokensPerSecond: number | undefined;
      tokensCounted: 'usage' | 'chunks';
    }
  | { ok: false; fault: FaultKind; message: string; status?: number; retryAfterMs?: number };

/**
 * Output tokens per second after the first token: (tokens − 1) / (total − ttft). Undefined
 * with fewer than 2 tokens or no time after the first one.
 */
export const tokensPerSecond = (outputTokens: number, ttftMs: number, totalMs: number): number | undefined =>
  outputTokens >= 2 && totalMs > ttftMs ? (outputTokens - 1) / ((totalMs - ttftMs) / 1000) : undefined;

/** Sends one request and times its stream. Never throws. */
export const measureOnce = async (
  deps: ProbeDeps,
  style: ApiStyle,
  req: ProbeRequest,
  timeoutMs: number,
  key?: string,
): Promise<Measurement> => {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, timeoutMs);
  const t0 = deps.now();
  let first: number | undefined;
  let chunks = 0;
  let usage: number | undefined;
  const fail = (fault: FaultKind, message: string, extra: { status?: number; retryAfterMs?: number } = {}): Measurement => ({
    ok: false,
    fault,
    message: redact(message, key),
    ...extra,
  });
  try {
    const res = await deps.fetch(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      signal: ctrl.signal,
      redirect: 'error',
    });
    if (!res.ok) {
      const body = (await res.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ');
      if (res.status === 429) {
        const wait = retryAfterMs(res.headers.get('retry-after'), deps.wallNow());
        return fail(
          'rate-limited',
          `HTTP 429 rate limited${wait === undefined ? '' : `, Retry-After ${Math.round(wait / 1000)} s`}`,
          {
            status: 429,
            ...(wait === undefined ? {} : { retryAfterMs: wait }),
          },
        );
      }
      return fail('http', `HTTP ${res.status}${res.status >= 500 ? ' server error' : ''}${body ? `: ${body}` : ''}`, {
        status: res.status,
      });
    }
    if (!res.body) return fail('empty', 'Response has no body');
    const parser = createSseParser();
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    let done = false;
    while (!done) {
      const { value, done: end } = await reader.read();
      if (end) break;
      for (const e of parser.push(decoder.decode(value, { stream: true }))) {
        for (const s of readEvent(style, e)) {
          if (s.kind === 'text') {
            first ??= deps.now();
            chunks++;
          } else if (s.kind === 'usage') usage = s.outputTokens;
          else if (s.kind === 'error') return fail('stream-error', `Error event in stream: ${s.message}`);
          else if (s.kind === 'done') done = true;
        }
      }
    }
    const t1 = deps.now();
    await reader.cancel().catch(() => undefined);
    if (!done) return fail('truncated', `Stream ended before completion after ${chunks} text chunks`);
    if (first === undefined) return fail('empty', 'Stream completed without any output text');
    const outputTokens = usage ?? chunks;
    return {
      ok: true,
      ttftMs: first - t0,
      totalMs: t1 - t0,
      outputTokens,
      tokensPerSecond: tokensPerSecond(outputTokens, first - t0, t1 - t0),
      tokensCounted: usage === undefined ? 'chunks' : 'usage',
    };
  } catch (e) {
    if (timedOut)
      return fail('timeout', `Timed out after ${timeoutMs} ms${first === undefined ? ' before the first token' : ' mid-stream'}`);
    if (e instanceof SyntaxError) return fail('malformed', e.message);
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (e as Error).message;
    return first === undefined
      ? fail('network', `Request failed: ${detail}`)
      : fail('truncated', `Connection dropped mid-stream after ${chunks} text chunks (${detail})`);
  } finally {
    clearTimeout(timer);
  }
};

export interface ProfileRun {
  measurements: Measurement[];
  /** Every failed attempt, including 429s that a retry then recovered. */
  faults: Extract<Measurement, { ok: false }>[];
}

/**
 * N requests one after the other. A 429 is retried after its Retry-After (or `backoffMs`), at
 * most `maxRetries` times per request; other faults are recorded and the run goes on.
 */
export const runRequests = async (
  deps: ProbeDeps,
  style: ApiStyle,
  req: ProbeRequest,
  opts: {
    n: number;
    timeoutMs: number;
    maxRetries?: number;
    backoffMs?: number;
    key?: string;
    onResult?: (m: Measurement, i: number) => void;
  },
): Promise<ProfileRun> => {
  const measurements: Measurement[] = [];
  const faults: ProfileRun['faults'] = [];
  for (let i = 0; i < opts.n; i++) {
    let m = await measureOnce(deps, style, req, opts.timeoutMs, opts.key);
    for (let retry = 0; !m.ok && m.fault === 'rate-limited' && retry < (opts.maxRetries ?? 2); retry++) {
      faults.push(m);
      opts.onResult?.(m, i);
      await deps.sleep(m.retryAfterMs ?? opts.backoffMs ?? 2000);
      m = await measureOnce(deps, style, req, opts.timeoutMs, opts.key);
    }
    if (!m.ok) faults.push(m);
    measurements.push(m);
    opts.onResult?.(m, i);
  }
  return { measurements, faults };
};
