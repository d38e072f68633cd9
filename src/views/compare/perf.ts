/**
 * The performance explorer: which models have performance samples, and each model's samples
 * as provider × region rows (times in ms, speeds in output tokens per second, prices in USD per
 * 1M tokens), with the date, method and source of every figure.
 */
import type { PerfSample } from './chart-data.ts';
import type { PriceView } from '../../core/price.ts';
import type { Offering, PerformanceSample } from '../../model/schema.ts';

interface OfferingLike {
  id: string;
  status: Offering['status'];
  price: Pick<PriceView, 'blended'>;
  performance?: PerformanceSample[] | undefined;
  providerRecord: { id: string; name: string };
}
interface ModelLike {
  id: string;
  name: string;
  offerings: OfferingLike[];
}

/** Every sample of a model's offerings, sorted by provider, region, then newest first. */
export const perfSamples = (model: ModelLike): PerfSample[] =>
  model.offerings
    .flatMap((o) =>
      (o.performance ?? []).map((s): PerfSample => ({
        provider: o.providerRecord.name,
        region: s.region,
        ttftMs: s.ttft_ms.p50,
        ttftP90: s.ttft_ms.p90,
        tokensPerSecond: s.output_tokens_per_second.p50,
        tpsP90: s.output_tokens_per_second.p90,
        blended: o.price.blended,
        measuredAt: s.measured_at,
        method: s.method,
        source: s.source,
        n: s.n,
      })),
    )
    .sort(
      (a, b) =>
        a.provider.localeCompare(b.provider, 'en') ||
        (a.region < b.region ? -1 : a.region > b.region ? 1 : 0) ||
        (a.measuredAt < b.measuredAt ? 1 : a.measuredAt > b.measuredAt ? -1 : 0),
    );

/**
 * The newest sample per provider and region: what the charts plot (the table lists them all).
 * Input must be sorted as perfSamples sorts it.
 */
export const latestSamples = (samples: PerfSample[]): PerfSample[] => {
  const seen = new Set<string>();
  return samples.filter((s) => {
    const key = `${s.provider}\u0000${s.region}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** Models with at least one sample, most samples first, then by name; with their sample and provider counts. */
export const modelsWithSamples = <M extends ModelLike>(models: M[]): { model: M; samples: number; providers: number }[] =>
  models
    .map((model) => {
      const timed = model.offerings.filter((o) => o.performance?.length);
      return {
        model,
        samples: timed.reduce((n, o) => n + o.performance!.length, 0),
        providers: new Set(timed.map((o) => o.providerRecord.id)).size,
      };
    })
    .filter((m) => m.samples > 0)
    .sort((a, b) => b.samples - a.samples || a.model.name.localeCompare(b.model.name, 'en'));
