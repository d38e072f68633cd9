/**
 * Performance samples as the provider and model pages show them: one row per sample, grouped
 * by region, newest first, each marked stale when measured more than 90 days before the data's
 * own "today" (catalog-stats.ts dataDate; never the clock).
 */
import type { PerformanceSample } from '../../model/schema.ts';
import { daysBetween } from '../../core/catalog-stats.ts';
import { modelPath, providerPath } from '../../core/urls.ts';

/** Samples older than this many days before the data date are marked stale. */
export const SAMPLE_STALE_DAYS = 90;

export interface SampleRow {
  region: string;
  /** What the sample is of: the model (provider page) or the provider (model page). */
  subject: string;
  subjectHref?: string | undefined;
  ttftP50: number;
  ttftP90?: number | undefined;
  tpsP50: number;
  tpsP90?: number | undefined;
  n?: number | undefined;
  promptProfile?: string | undefined;
  measuredAt: string;
  method: string;
  source?: string | undefined;
  stale: boolean;
  /** Days between the measurement and the data date (negative when measured after it). */
  ageDays?: number | undefined;
}

interface OfferingLike {
  performance?: PerformanceSample[] | undefined;
}

/** Whether a sample measured on `measuredAt` is stale against `today` (> 90 days). */
export const isSampleStale = (measuredAt: string, today: string | undefined, days = SAMPLE_STALE_DAYS) =>
  today !== undefined && daysBetween(measuredAt, today) > days;

/** Rows for every sample of the offerings, by region (A→Z), then newest first, then subject. */
export const sampleRows = <O extends OfferingLike>(
  offerings: readonly O[],
  subjectOf: (o: O) => { name: string; href?: string | undefined },
  today: string | undefined,
): SampleRow[] =>
  offerings
    .flatMap((o) =>
      (o.performance ?? []).map((s): SampleRow => {
        const subject = subjectOf(o);
        return {
          region: s.region,
          subject: subject.name,
          subjectHref: subject.href,
          ttftP50: s.ttft_ms.p50,
          ttftP90: s.ttft_ms.p90,
          tpsP50: s.output_tokens_per_second.p50,
          tpsP90: s.output_tokens_per_second.p90,
          n: s.n,
          promptProfile: s.prompt_profile,
          measuredAt: s.measured_at,
          method: s.method,
          source: s.source,
          stale: isSampleStale(s.measured_at, today),
          ageDays: today === undefined ? undefined : daysBetween(s.measured_at, today),
        };
      }),
    )
    .sort(
      (a, b) =>
        a.region.localeCompare(b.region) ||
        (a.measuredAt < b.measuredAt ? 1 : a.measuredAt > b.measuredAt ? -1 : 0) ||
        a.subject.localeCompare(b.subject),
    );

/** The rows split by region, in row order. */
export const groupByRegion = (rows: readonly SampleRow[]): { region: string; rows: SampleRow[] }[] => {
  const groups = new Map<string, SampleRow[]>();
  for (const r of rows) groups.set(r.region, [...(groups.get(r.region) ?? []), r]);
  return [...groups].map(([region, rs]) => ({ region, rows: rs }));
};

interface LinkedOfferingLike extends OfferingLike {
  id: string;
  name?: string | undefined;
  model?: string | undefined;
  modelRecord?: { id: string; name: string } | undefined;
  providerRecord: { id: string; name: string };
}

/** Samples of a provider's offerings, each named by its model (linked to the model page). */
export const providerSampleRows = (offerings: readonly LinkedOfferingLike[], today: string | undefined) =>
  sampleRows(
    offerings,
    (o) => ({ name: o.modelRecord?.name ?? o.name ?? o.id, href: o.modelRecord ? modelPath(o.modelRecord.id) : undefined }),
    today,
  );

/** Samples of a model's offerings, each named by its provider (linked to the provider page). */
export const modelSampleRows = (offerings: readonly LinkedOfferingLike[], today: string | undefined) =>
  sampleRows(offerings, (o) => ({ name: o.providerRecord.name, href: providerPath(o.providerRecord.id) }), today);

const whole = (x: number) => String(Math.round(x));
const oneDecimal = (x: number) => (Math.round(x * 10) / 10).toFixed(1).replace(/\.0$/, '');

/** "210 ms (p90 400 ms)": time to first token as shown in the tables. */
export const ttftText = (r: Pick<SampleRow, 'ttftP50' | 'ttftP90'>) =>
  `${whole(r.ttftP50)} ms${r.ttftP90 === undefined ? '' : ` (p90 ${whole(r.ttftP90)} ms)`}`;
/** "88.5 tok/s (p90 120)": output speed as shown in the tables. */
export const tpsText = (r: Pick<SampleRow, 'tpsP50' | 'tpsP90'>) =>
  `${oneDecimal(r.tpsP50)} tok/s${r.tpsP90 === undefined ? '' : ` (p90 ${oneDecimal(r.tpsP90)})`}`;
