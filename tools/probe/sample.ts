/** From timed requests to a performance sample (PerformanceSampleSchema) as written to an offering's YAML. */
import type { PerformanceSample } from '../../src/model/schema.ts';
import type { Measurement } from './measure.ts';
import { PROBE_METHOD } from './request.ts';
import { p50p90, roundTo } from '../../src/core/stats.ts';

type Success = Extract<Measurement, { ok: true }>;

export type SampleOutcome = { ok: true; sample: PerformanceSample } | { ok: false; message: string };

/**
 * The sample for one region and prompt profile: nearest-rank p50/p90 of TTFT (ms, whole),
 * output tokens per second (one decimal) and total latency (ms, whole) over the successful
 * requests. Refused when fewer than `required` requests succeeded or none had a speed.
 * `measuredAt` is the run date (YYYY-MM-DD), passed in by the caller.
 */
export const buildSample = (
  measurements: readonly Measurement[],
  opts: { region: string; promptProfile: string; measuredAt: string; required: number; source?: string },
): SampleOutcome => {
  const ok = measurements.filter((m): m is Success => m.ok);
  if (ok.length < opts.required)
    return {
      ok: false,
      message: `Only ${ok.length} of ${opts.required} requests succeeded (${opts.promptProfile} prompt); nothing written`,
    };
  const speeds = ok.flatMap((m) => (m.tokensPerSecond === undefined ? [] : [m.tokensPerSecond]));
  const ttft = p50p90(ok.map((m) => m.ttftMs))!;
  const total = p50p90(ok.map((m) => m.totalMs))!;
  const tps = p50p90(speeds);
  if (!tps)
    return { ok: false, message: `No request produced 2 or more output tokens (${opts.promptProfile} prompt); nothing written` };
  return {
    ok: true,
    sample: {
      region: opts.region,
      ttft_ms: { p50: roundTo(ttft.p50), p90: roundTo(ttft.p90) },
      output_tokens_per_second: { p50: roundTo(tps.p50, 1), p90: roundTo(tps.p90, 1) },
      total_latency_ms: { p50: roundTo(total.p50), p90: roundTo(total.p90) },
      n: ok.length,
      prompt_profile: opts.promptProfile,
      measured_at: opts.measuredAt,
      method: PROBE_METHOD,
      ...(opts.source ? { source: opts.source } : {}),
    },
  };
};
