/**
 * Every disagreement between sources in a validated data folder (`npm run data:conflicts`): per
 * offering and field, each source's value and date, and the value the reconciliation rule kept
 * with the rule step that kept it (src/core/reconcile.ts). Pure: records in, report out.
 */
import { conflicts, type Choice, type FieldValue, type ReconciledField } from '../core/reconcile.ts';
import type { DataSource } from '../core/vocab.ts';
import type { Records } from './validate.ts';

export interface ConflictRow {
  /** Offering id ("groq/meta/llama-3.3-70b"). */
  offering: string;
  provider: string;
  field: ReconciledField;
  /** Every source's value, provider page first, then SOURCE_PRIORITY. */
  values: { source: DataSource; value: FieldValue; as_of: string }[];
  kept: Choice;
}

export interface ConflictReport {
  /** Rows grouped by provider (providers and offerings in id order, fields in rule order). */
  byProvider: { provider: string; rows: ConflictRow[] }[];
  summary: {
    conflicts: number;
    offerings: number;
    providers: number;
    /** Conflicts per field, most first (ties by field name). */
    byField: { field: ReconciledField; count: number }[];
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lists every conflict of the records' offerings. */
export const dataConflicts = (r: Pick<Records, 'offerings'>): ConflictReport => {
  const rows: ConflictRow[] = [];
  for (const o of [...r.offerings].sort((a, b) => cmp(a.id, b.id)))
    for (const c of conflicts(o.observations ?? []))
      rows.push({ offering: o.id, provider: o.provider, field: c.field, values: c.values, kept: c.kept });
  const groups = new Map<string, ConflictRow[]>();
  for (const row of rows) groups.set(row.provider, [...(groups.get(row.provider) ?? []), row]);
  const fields = new Map<ReconciledField, number>();
  for (const row of rows) fields.set(row.field, (fields.get(row.field) ?? 0) + 1);
  return {
    byProvider: [...groups].sort(([a], [b]) => cmp(a, b)).map(([provider, list]) => ({ provider, rows: list })),
    summary: {
      conflicts: rows.length,
      offerings: new Set(rows.map((x) => x.offering)).size,
      providers: groups.size,
      byField: [...fields].map(([field, count]) => ({ field, count })).sort((a, b) => b.count - a.count || cmp(a.field, b.field)),
    },
  };
};

/** What the rule step means, for people. */
export const RULE_TEXT: Record<Choice['rule'], string> = {
  provider: "provider's page",
  'only-source': 'only source',
  largest: 'largest limit stated',
  newest: 'newest source',
  agreement: 'most sources agree',
  priority: 'source order',
};

const show = (v: FieldValue) => (typeof v === 'number' ? String(v) : v);

/** The summary line: "3 conflicts on 2 offerings of 1 provider (pricing.input 2, status 1)". */
export const summaryLine = (s: ConflictReport['summary']) => {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const fields = s.byField.map((f) => `${f.field} ${f.count}`).join(', ');
  return `${plural(s.conflicts, 'conflict', 'conflicts')} on ${plural(s.offerings, 'offering', 'offerings')} of ${plural(
    s.providers,
    'provider',
    'providers',
  )}${fields ? ` (${fields})` : ''}`;
};

/** The report as printed lines: one block per provider, one line per conflict, then the summary. */
export const formatConflicts = (report: ConflictReport): string[] => {
  const lines: string[] = [];
  for (const g of report.byProvider) {
    lines.push(`${g.provider} (${g.rows.length})`);
    for (const row of g.rows) {
      const values = row.values.map((v) => `${v.source} ${show(v.value)} (${v.as_of})`).join(' · ');
      lines.push(
        `  ${row.offering}  ${row.field}: ${values} → kept ${show(row.kept.value)} from ${row.kept.source} (${RULE_TEXT[row.kept.rule]})`,
      );
    }
    lines.push('');
  }
  lines.push(summaryLine(report.summary));
  return lines;
};
