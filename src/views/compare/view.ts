/**
 * Everything one comparison shows, from its items: the table and the charts' data. The static
 * pages and the browser picker (src/components/compare/compare-picker.ts) both call `compareView`, so a
 * shared URL and a static page show the same figures.
 */
import { type ChartSpec, meterChart, monthlyChart, type PerfSample, priceSpeedChart, ttftChart } from './chart-data.ts';
import { compareTable, type CompareItem, type CompareKind, type CompareTable } from './items.ts';
import type { Workload } from '../../core/cost.ts';
import { formatCount, formatDate, formatUsd } from '../../core/format.ts';
import { latestSamples } from './perf.ts';

/** One chart of a comparison, and the id of the table that holds its figures. */
export interface CompareChartView {
  id: string;
  spec: ChartSpec;
  caption: string;
  table: 'compare-table' | 'perf-table';
}

export interface CompareView {
  table: CompareTable;
  /** What is compared, for titles: "Llama 3.3 70B", "Groq, Together AI". */
  subject: string;
  charts: CompareChartView[];
  samples: PerfSample[];
}

/** Performance samples of compared offerings, with the blended price of each. */
export const itemSamples = (items: CompareItem[]): PerfSample[] =>
  items
    .flatMap((it) =>
      (it.performance ?? []).map((s) => ({
        provider: it.name,
        region: s.region,
        ttftMs: s.ttft_ms.p50,
        ttftP90: s.ttft_ms.p90,
        tokensPerSecond: s.output_tokens_per_second.p50,
        tpsP90: s.output_tokens_per_second.p90,
        blended: typeof it.facts.blended === 'number' ? it.facts.blended : undefined,
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
        (a.measuredAt < b.measuredAt ? 1 : -1),
    );

/** The subject of a comparison: the model of compared offerings, else the names joined. */
export const subjectOf = (kind: CompareKind, items: CompareItem[]): string =>
  kind === 'offerings' && items[0] ? items[0].sub : items.map((i) => i.name).join(', ');

/** Table and charts of a comparison at `workload` (`workloadLabel` names it in chart titles). */
export const compareView = (kind: CompareKind, items: CompareItem[], workload: Workload, workloadLabel: string): CompareView => {
  const table = compareTable(kind, items, kind === 'offerings' ? workload : undefined);
  const subject = subjectOf(kind, items);
  const samples = kind === 'offerings' ? itemSamples(items) : [];
  const latest = latestSamples(samples);
  const charts = [
    {
      id: 'chart-meters',
      spec: meterChart(table, subject),
      caption: 'Price of each meter per provider, USD per 1M tokens.',
      table: 'compare-table' as const,
    },
    {
      id: 'chart-monthly',
      spec: monthlyChart(table, subject, workloadLabel),
      caption: `Monthly cost of the workload (${workloadLabel}) per provider.`,
      table: 'compare-table' as const,
    },
    {
      id: 'chart-speed',
      spec: priceSpeedChart(latest, subject),
      caption: 'Blended price against median output speed, newest sample per provider and region.',
      table: 'perf-table' as const,
    },
    {
      id: 'chart-ttft',
      spec: ttftChart(latest, subject),
      caption: 'Median time to first token per region and provider, newest sample.',
      table: 'perf-table' as const,
    },
  ].filter((c): c is CompareChartView => kind === 'offerings' && c.spec !== undefined);
  return { table, subject, charts, samples };
};

/** A workload in words, for chart titles: "100,000 requests a month, 1,500 input and 300 output tokens each". */
export const workloadLabel = (w: Workload): string =>
  `${formatCount(w.requestsPerMonth)} requests a month, ${formatCount(w.inputTokens)} input and ${formatCount(w.outputTokens)} output tokens each`;

/**
 * Template slots (src/components/shared/row-template.ts) of a comparison's parts: the compare
 * components render the static pages from them and the picker fills its templates with them.
 */
export const columnSlots = (c: CompareTable['columns'][number]) => ({ id: c.id, name: c.name, href: c.href, sub: c.sub });
export const compareRowSlots = (r: CompareTable['rows'][number]) => ({
  key: r.key,
  label: r.label,
  cls: r.differs ? 'differs' : '',
});
export const compareCellSlots = (c: CompareTable['rows'][number]['cells'][number]) => ({
  text: c.text,
  cls: c.best ? 'best' : '',
  tag: c.best ? ' best' : '',
});

const count = (v: number | undefined) => (v === undefined ? '—' : formatCount(Math.round(v)));

/** One performance sample's row: figures rounded, "—" when unknown; a source link only for https URLs. */
export const perfSlots = (s: PerfSample): Record<string, string | undefined> => ({
  provider: s.provider,
  region: s.region,
  ttft: count(s.ttftMs),
  ttftP90: count(s.ttftP90),
  tps: count(s.tokensPerSecond),
  tpsP90: count(s.tpsP90),
  blended: s.blended === undefined ? '—' : formatUsd(s.blended),
  n: count(s.n),
  measuredAt: s.measuredAt,
  measured: formatDate(s.measuredAt),
  method: s.method,
  source: s.source?.startsWith('https://') ? s.source : undefined,
  rel: s.source?.startsWith('https://') ? 'external' : undefined,
  sourceText: s.source?.startsWith('https://') ? 'source' : '—',
});
