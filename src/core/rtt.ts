/**
 * "Measure from your browser": network round-trip times from the visitor to a provider's API
 * host (src/components/provider/rtt-probe.ts times them; nothing is sent anywhere). Not time to first token:
 * no key, no request body, no model runs.
 */
import { percentile } from './stats.ts';

/** Requests per measurement; the first also pays for DNS, TCP and TLS setup. */
export const RTT_REQUESTS = 5;

/** The HTTPS origin of an API base URL ("https://api.groq.com"), or undefined when there is none or it is not HTTPS. */
export const apiOrigin = (baseUrl: string | undefined): string | undefined => {
  if (!baseUrl) return undefined;
  try {
    const u = new URL(baseUrl);
    return u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
};

export interface RttSummary {
  /** First request, ms: includes connection setup. */
  firstMs: number;
  /** Median (nearest rank) of the later requests, ms: the warm round trip. */
  medianMs: number;
  minMs: number;
  count: number;
}

/** Summary of timed round trips in ms (in order); undefined with fewer than 2. */
export const summarizeRtt = (times: readonly number[]): RttSummary | undefined => {
  if (times.length < 2) return undefined;
  const warm = times.slice(1);
  return { firstMs: times[0]!, medianMs: percentile(warm, 50)!, minMs: Math.min(...warm), count: times.length };
};

/** The sentence the button shows. */
export const rttText = (s: RttSummary) =>
  `Network round trip: ${Math.round(s.medianMs)} ms median (fastest ${Math.round(s.minMs)} ms) over ${s.count - 1} requests; the first, with connection setup, took ${Math.round(s.firstMs)} ms.`;
