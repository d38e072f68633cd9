/**
 * The outcome of a scheduled probe run (tools/probe-run.ts) as summary lines for the log and as
 * a markdown pull-request description. Pure; the reasons are already redacted by the caller.
 */
import type { PerformanceSample } from '../../src/model/schema.ts';
import { SAMPLE_STALE_DAYS } from '../../src/views/provider/samples.ts';

export type Outcome =
  | { id: string; status: 'written'; samples: PerformanceSample[] }
  | { id: string; status: 'skipped'; reason: string }
  | { id: string; status: 'failed'; reason: string };

export interface RunSummary {
  region: string;
  /** Run date, YYYY-MM-DD (UTC). */
  date: string;
  /** The configuration file as shown to the user. */
  config: string;
  outcomes: Outcome[];
}

const of = <S extends Outcome['status']>(outcomes: Outcome[], status: S) =>
  outcomes.filter((o): o is Extract<Outcome, { status: S }> => o.status === status);

const pair = (p: { p50: number; p90?: number | undefined } | undefined, unit: string) =>
  p === undefined ? '—' : `${p.p50}${p.p90 === undefined ? '' : ` / ${p.p90}`} ${unit}`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line per outcome and a count line first. */
export const summaryLines = (s: RunSummary): string[] => {
  const w = of(s.outcomes, 'written');
  return [
    `Probe run from "${s.region}" (${s.date}): ${w.length} written, ${of(s.outcomes, 'skipped').length} skipped, ${of(s.outcomes, 'failed').length} failed.`,
    ...s.outcomes.map((o) =>
      o.status === 'written'
        ? `  written  ${o.id}: ${plural(o.samples.length, 'sample')} (${o.samples
            .map((x) => `${x.prompt_profile ?? 'sample'}: TTFT p50 ${x.ttft_ms.p50} ms, ${x.output_tokens_per_second.p50} tok/s`)
            .join('; ')})`
        : `  ${o.status.padEnd(8)} ${o.id}: ${o.reason}`,
    ),
  ];
};

/** Text safe inside a markdown table cell: one line, pipes escaped, at most 300 characters. */
export const cell = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return (one.length > 300 ? `${one.slice(0, 299)}…` : one).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;');
};

/** The pull-request description: what was written (the figures), skipped and failed, and how samples age. */
export const proposalBody = (s: RunSummary): string => {
  const written = of(s.outcomes, 'written');
  const skipped = of(s.outcomes, 'skipped');
  const failed = of(s.outcomes, 'failed');
  const samples = written.reduce((n, o) => n + o.samples.length, 0);
  const out = [
    `# Speed samples from ${cell(s.region)}, ${s.date}`,
    '',
    `\`npm run probe:run -- --region ${cell(s.region)}\` probed the offerings listed in \`${cell(s.config)}\`: ` +
      `${plural(samples, 'sample')} appended to ${plural(written.length, 'offering')}, ` +
      `${skipped.length} skipped, ${failed.length} failed. The whole data folder validated after writing.`,
    '',
    `## Written (${written.length})`,
    '',
  ];
  if (written.length) {
    out.push(
      '| Offering | Prompt | TTFT p50 / p90 | Output tok/s p50 / p90 | Total p50 / p90 | n | Method |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const o of written)
      for (const x of o.samples)
        out.push(
          `| \`${cell(o.id)}\` | ${cell(x.prompt_profile ?? '—')} | ${pair(x.ttft_ms, 'ms')} | ${pair(x.output_tokens_per_second, 'tok/s')} | ${pair(x.total_latency_ms, 'ms')} | ${x.n ?? '—'} | ${cell(x.method)} |`,
        );
  } else out.push('None.');
  for (const [title, list] of [
    ['Skipped', skipped],
    ['Failed', failed],
  ] as const) {
    out.push('', `## ${title} (${list.length})`, '');
    if (list.length) {
      out.push('| Offering | Reason |', '| --- | --- |');
      for (const o of list) out.push(`| \`${cell(o.id)}\` | ${cell(o.reason)} |`);
    } else out.push('None.');
  }
  out.push(
    '',
    `Each sample is dated (\`measured_at: ${s.date}\`) and labelled with the region it was measured from. ` +
      `The site shows samples with their date and marks them stale once they are more than ${SAMPLE_STALE_DAYS} days older than the data; ` +
      'earlier samples are kept. Review the figures before merging: an outlier usually means a noisy run, not a faster provider.',
    '',
  );
  return out.join('\n');
};
