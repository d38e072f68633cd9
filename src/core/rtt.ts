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

// ---- Every host of a model at once (the model page and /performance/) ----

/** Hosts measured at the same time. */
export const RTT_PARALLEL = 4;
/** A request that has not answered after this many ms is abandoned: the host is marked "Timed out". */
export const RTT_TIMEOUT_MS = 4000;

/**
 * One timed request: the ms until the response arrived, or why none did. With `mode: 'no-cors'`
 * any answer (whatever its status) resolves as an opaque response, so it counts as a time; the
 * fetch rejects (a TypeError) when the CSP blocks the host, the connection is refused or reset,
 * DNS or TLS fails, or a redirect leads to a host the CSP does not allow — `'blocked'`; a request
 * aborted by our timer is `'timeout'`.
 */
export type RttSample = number | 'timeout' | 'blocked';

export type RttOutcome =
  | { kind: 'measured'; summary: RttSummary }
  | { kind: 'timeout' }
  | { kind: 'blocked' }
  /** Answered fewer than two requests without failing (only when fewer than 2 were asked). */
  | { kind: 'too-few' };

/** What a host that gave no round trip shows: never a time, never 0. */
export const RTT_MARK = {
  timeout: 'Timed out',
  blocked: 'Blocked or refused',
  'too-few': 'Too few answers',
  noHost: 'No public API host',
  pending: 'Not measured yet',
} as const;

/**
 * Times up to `count` requests one after another (the first pays for the connection), stopping at
 * the first failure: a refused host is not asked again and a silent one costs one timeout only.
 */
export const sampleHost = async (once: () => Promise<RttSample>, count = RTT_REQUESTS): Promise<RttSample[]> => {
  const out: RttSample[] = [];
  for (let i = 0; i < count; i++) {
    const s = await once();
    out.push(s);
    if (typeof s !== 'number') break;
  }
  return out;
};

/** A host's result: measured with ≥ 2 answers (a later failure is ignored), else the first failure. */
export const rttOutcome = (samples: readonly RttSample[]): RttOutcome => {
  const summary = summarizeRtt(samples.filter((s): s is number => typeof s === 'number'));
  if (summary) return { kind: 'measured', summary };
  const failure = samples.find((s): s is 'timeout' | 'blocked' => typeof s !== 'number');
  return failure ? { kind: failure } : { kind: 'too-few' };
};

/** Runs `run` over `items` with at most `cap` at once; results in the items' order. */
export const inPool = async <T, R>(
  items: readonly T[],
  cap: number,
  run: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await run(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(cap, items.length)) }, worker));
  return results;
};

/** One provider of a host as the table lists it, with its time-to-first-token samples for the model (text, from the data). */
export interface RttPlanProvider {
  name: string;
  href: string;
  /** "210 ms p50 (eu-west, 2026-11-01)", several joined by "; ", or "" without samples. */
  ttft: string;
}
/** One API origin and the providers of the model served from it (several offerings on one host are measured once). */
export interface RttPlanHost {
  origin: string;
  providers: RttPlanProvider[];
}
/** What the button of one model measures (written by src/views/model/rtt.ts, read by the island). */
export interface RttPlan {
  model: string;
  hosts: RttPlanHost[];
  /** Providers of the model without an https API base URL. */
  noHost: RttPlanProvider[];
}

export interface RttRow {
  /** 1 = fastest; undefined for hosts without a round trip and providers without a host. */
  rank: number | undefined;
  /** The API host ("api.groq.com"), or the "No public API host" mark. */
  host: string;
  providers: RttPlanProvider[];
  /** "23 ms (fastest 20 ms, first 81 ms)": the median warm round trip, or a mark. */
  rtt: string;
  kind: RttOutcome['kind'] | 'no-host';
  medianMs: number | undefined;
  firstMs: number | undefined;
}

const ORDER: Record<RttRow['kind'], number> = { measured: 0, 'too-few': 1, timeout: 2, blocked: 3, 'no-host': 4 };
const hostOf = (origin: string) => {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
};

/** The text of a host's round-trip cell. */
export const rttCellText = (o: RttOutcome): string =>
  o.kind === 'measured'
    ? `${Math.round(o.summary.medianMs)} ms (fastest ${Math.round(o.summary.minMs)} ms, first ${Math.round(o.summary.firstMs)} ms)`
    : RTT_MARK[o.kind];

/**
 * The ranked table: measured hosts by median warm round trip (then first request, then host),
 * then hosts that answered too little, timed out, or were blocked or refused, then providers
 * without a public API host. Only measured hosts get a rank; a failure never counts as 0.
 */
export const rankRtt = (plan: Pick<RttPlan, 'hosts' | 'noHost'>, outcomes: readonly RttOutcome[]): RttRow[] => {
  const rows: RttRow[] = plan.hosts.map((h, i) => {
    const o = outcomes[i] ?? { kind: 'too-few' as const };
    return {
      rank: undefined,
      host: hostOf(h.origin),
      providers: h.providers,
      rtt: rttCellText(o),
      kind: o.kind,
      medianMs: o.kind === 'measured' ? o.summary.medianMs : undefined,
      firstMs: o.kind === 'measured' ? o.summary.firstMs : undefined,
    };
  });
  rows.sort(
    (a, b) =>
      ORDER[a.kind] - ORDER[b.kind] ||
      (a.medianMs ?? 0) - (b.medianMs ?? 0) ||
      (a.firstMs ?? 0) - (b.firstMs ?? 0) ||
      (a.host < b.host ? -1 : a.host > b.host ? 1 : 0),
  );
  let rank = 0;
  for (const r of rows) if (r.kind === 'measured') r.rank = ++rank;
  for (const p of plan.noHost)
    rows.push({
      rank: undefined,
      host: RTT_MARK.noHost,
      providers: [p],
      rtt: RTT_MARK.noHost,
      kind: 'no-host',
      medianMs: undefined,
      firstMs: undefined,
    });
  return rows;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The sentence above the table: the fastest host, how many answered, and how many failed how. */
export const rttSummaryText = (rows: readonly RttRow[]): string => {
  const count = (k: RttRow['kind']) => rows.filter((r) => r.kind === k).length;
  const hosts = rows.length - count('no-host');
  const best = rows.find((r) => r.rank === 1);
  const parts = [
    best
      ? `Fastest from here: ${best.host} (${best.providers.map((p) => p.name).join(', ')}), ${Math.round(best.medianMs!)} ms median network round trip.`
      : 'No host answered.',
    `${count('measured')} of ${plural(hosts, 'host', 'hosts')} measured`,
  ];
  const fails = [
    count('timeout') ? `${count('timeout')} timed out` : '',
    count('blocked') ? `${count('blocked')} blocked or refused` : '',
    count('too-few') ? `${count('too-few')} answered too few requests` : '',
  ].filter(Boolean);
  return `${parts[0]} ${parts[1]}${fails.length ? `; ${fails.join(', ')}` : ''}.`;
};
