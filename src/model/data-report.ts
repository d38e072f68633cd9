/**
 * Coverage figures of a validated data folder: how many offerings are linked to a model,
 * priced, and carry each pricing meter, limit and feature. Pure: records in, lines out.
 */
import { dataDate } from '../core/catalog-stats.ts';
import { confirmation, HEADLINE_PRICE_FIELDS } from '../core/reconcile.ts';
import { CURRENT_STATUSES, MODEL_TYPES } from '../core/vocab.ts';
import { dataConflicts } from './data-conflicts.ts';
import { duplicateNames } from './identity-report.ts';
import { BILLING, FEATURES, TOKEN_METERS, UNIT_METERS } from './schema.ts';
import type { Records } from './validate.ts';

const pct = (n: number, of: number) => `${of ? ((100 * n) / of).toFixed(1) : '0.0'}%`;
const row = (label: string, n: number, of: number) => `  ${label.padEnd(28)} ${String(n).padStart(6)}  ${pct(n, of).padStart(6)}`;

/** The report as printed lines. `top` is how many unlinked groups to list (by name). */
export const coverageReport = (r: Records, top = 20): string[] => {
  const offs = r.offerings;
  const n = offs.length;
  const count = (f: (o: (typeof offs)[number]) => boolean) => offs.filter(f).length;
  const lines = [
    `${r.providers.length} providers, ${r.organizations.length} organizations, ${r.models.length} models, ${n} offerings`,
    '',
    'Offerings (share of all offerings):',
    row(
      'linked to a model',
      count((o) => o.model !== undefined),
      n,
    ),
    row(
      'with usage prices',
      count((o) => o.pricing?.billing === 'usage'),
      n,
    ),
  ];
  for (const b of BILLING.filter((x) => x !== 'usage'))
    lines.push(
      row(
        `billing ${b}`,
        count((o) => o.pricing?.billing === b),
        n,
      ),
    );
  lines.push(
    row(
      'no pricing at all',
      count((o) => o.pricing === undefined),
      n,
    ),
    '',
    'Pricing meters (USD per 1M tokens unless named per_…):',
  );
  for (const m of [...TOKEN_METERS, ...UNIT_METERS]) {
    const c = count((o) => o.pricing?.[m] !== undefined);
    if (c) lines.push(row(m, c, n));
  }
  lines.push(
    row(
      'context tiers',
      count((o) => (o.pricing?.tiers?.length ?? 0) > 0),
      n,
    ),
    row(
      'modes',
      count((o) => o.pricing?.modes !== undefined),
      n,
    ),
  );
  lines.push('', 'Limits (tokens):');
  for (const l of ['context_window', 'max_input_tokens', 'max_output_tokens'] as const)
    lines.push(
      row(
        l,
        count((o) => o.limits?.[l] !== undefined),
        n,
      ),
    );
  lines.push('', 'Features (stated true or false):');
  for (const f of FEATURES) {
    const c = count((o) => o.features?.[f] !== undefined);
    if (c) lines.push(row(f, c, n));
  }
  lines.push(
    row(
      'reasoning controls',
      count((o) => o.reasoning !== undefined),
      n,
    ),
    row(
      'modalities',
      count((o) => o.modalities !== undefined),
      n,
    ),
  );
  const groups = new Map<string, number>();
  for (const o of offs)
    if (o.model === undefined) groups.set(o.name ?? o.provider_model_id, (groups.get(o.name ?? o.provider_model_id) ?? 0) + 1);
  const largest = [...groups].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, top);
  lines.push('', `Largest unlinked groups (by offering name), top ${top}:`);
  for (const [name, c] of largest) lines.push(`  ${String(c).padStart(4)}  ${name}`);
  if (!largest.length) lines.push('  (none)');
  return lines;
};

/** The top 20 providers of issue #15's acceptance figures. */
export const TOP_PROVIDERS = [
  'openai',
  'anthropic',
  'google',
  'google-vertex',
  'google-vertex-anthropic',
  'amazon-bedrock',
  'azure',
  'mistral',
  'xai',
  'deepseek',
  'groq',
  'togetherai',
  'fireworks-ai',
  'deepinfra',
  'cerebras',
  'openrouter',
  'moonshotai',
  'zai',
  'alibaba',
  'cohere',
] as const;

/** Models released after this date are counted as new since the July snapshot. */
export const SNAPSHOT_DATE = '2026-07-02';

type Off = Records['offerings'][number];
type Mod = Records['models'][number];

/** Why an offering shown as current should not be, or undefined. `today` is the data's date. */
export const staleLifecycle = (o: Off, model: Mod | undefined, firstParty: boolean, today: string): string | undefined => {
  if (!(CURRENT_STATUSES as readonly string[]).includes(o.status)) return undefined;
  const past = (d: string | undefined) => d !== undefined && d <= today;
  const says = (s: { status?: string | undefined; retirement_date?: string | undefined }) =>
    s.status === 'retired' || past(s.retirement_date);
  const page = (o.observations ?? []).find((x) => x.source === 'provider');
  if (page && says(page))
    return `the provider's page says ${page.status ?? 'retired'} (retirement ${page.retirement_date ?? '—'})`;
  if (past(o.retirement_date)) return `its own retirement_date ${o.retirement_date} has passed`;
  if (firstParty && model && says(model))
    return `its model ${model.id} is ${model.status} (retirement ${model.retirement_date ?? '—'})`;
  return undefined;
};

export interface Acceptance {
  offerings: number;
  providers: number;
  models: number;
  modelsByType: { type: string; count: number }[];
  modelsWithoutType: number;
  linked: number;
  releasedAfterSnapshot: number;
  topPrices: { total: number; confirmed: number };
  conflicts: number;
  /** Offerings of the top providers shown as current past a retirement, with the reason. */
  staleLifecycle: { id: string; reason: string }[];
  duplicatePairs: [string, string][];
  /** The data's date (newest last_verified), the "today" of the lifecycle check. */
  date: string | undefined;
}

/** Issue #15's acceptance figures over validated records. */
export const acceptance = (r: Records): Acceptance => {
  const date = dataDate([...r.providers, ...r.offerings]);
  const models = new Map(r.models.map((m) => [m.id, m]));
  const providers = new Map(r.providers.map((p) => [p.id, p]));
  const types = new Map<string, number>();
  for (const m of r.models) if (m.type) types.set(m.type, (types.get(m.type) ?? 0) + 1);
  const top = new Set<string>(TOP_PROVIDERS);
  let total = 0;
  let confirmed = 0;
  const stale: Acceptance['staleLifecycle'] = [];
  for (const o of r.offerings) {
    if (!top.has(o.provider)) continue;
    if (o.pricing && (o.pricing.billing ?? 'usage') === 'usage')
      for (const field of HEADLINE_PRICE_FIELDS) {
        const value = o.pricing[field.slice('pricing.'.length) as 'input' | 'output'];
        if (value === undefined) continue;
        total++;
        if (confirmation(o.observations ?? [], field, value).confirmed) confirmed++;
      }
    const model = o.model === undefined ? undefined : models.get(o.model);
    const org = providers.get(o.provider)?.organization;
    const reason =
      date === undefined ? undefined : staleLifecycle(o, model, org !== undefined && org === model?.organization, date);
    if (reason) stale.push({ id: o.id, reason });
  }
  const duplicatePairs: [string, string][] = [];
  for (const ids of duplicateNames(r.models))
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) duplicatePairs.push([ids[i]!, ids[j]!]);
  return {
    offerings: r.offerings.length,
    providers: r.providers.length,
    models: r.models.length,
    modelsByType: MODEL_TYPES.map((type) => ({ type, count: types.get(type) ?? 0 })),
    modelsWithoutType: r.models.filter((m) => m.type === undefined).length,
    linked: r.offerings.filter((o) => o.model !== undefined).length,
    releasedAfterSnapshot: r.models.filter((m) => m.release_date !== undefined && m.release_date > SNAPSHOT_DATE).length,
    topPrices: { total, confirmed },
    conflicts: dataConflicts(r).summary.conflicts,
    staleLifecycle: stale.sort((a, b) => (a.id < b.id ? -1 : 1)),
    duplicatePairs: duplicatePairs.sort((a, b) => (a.join() < b.join() ? -1 : 1)),
    date,
  };
};

/** The acceptance figures as printed lines, each target marked ok or NOT MET. */
export const acceptanceReport = (a: Acceptance, list = 20): string[] => {
  const mark = (ok: boolean) => (ok ? 'ok' : 'NOT MET');
  const more = (n: number, what: string) => (n > list ? [`    (${n - list} more ${what} not listed)`] : []);
  const share = a.topPrices.total ? a.topPrices.confirmed / a.topPrices.total : 0;
  const lines = [
    `Acceptance (issue #15), data date ${a.date ?? 'unknown'}:`,
    `  offerings                    ${a.offerings}`,
    `  providers                    ${a.providers}`,
    `  models                       ${a.models}  (${a.modelsByType
      .filter((t) => t.count)
      .map((t) => `${t.type} ${t.count}`)
      .join(', ')})`,
    `  models without a type        ${a.modelsWithoutType}  [target 0: ${mark(a.modelsWithoutType === 0)}]`,
    `  offerings linked to a model  ${a.linked} of ${a.offerings} (${pct(a.linked, a.offerings)})`,
    `  models released after ${SNAPSHOT_DATE} ${a.releasedAfterSnapshot}`,
    `  top-20 token prices confirmed by two sources or a provider page  ${a.topPrices.confirmed} of ${a.topPrices.total} (${pct(
      a.topPrices.confirmed,
      a.topPrices.total,
    )})  [target ≥ 80%: ${mark(share >= 0.8)}]`,
    `  conflicts listed (npm run data:conflicts)  ${a.conflicts}`,
    `  top-20 offerings shown active past a retirement  ${a.staleLifecycle.length}  [target 0: ${mark(a.staleLifecycle.length === 0)}]`,
    ...a.staleLifecycle.slice(0, list).map((s) => `    ${s.id}: ${s.reason}`),
    ...more(a.staleLifecycle.length, 'offerings'),
    `  duplicate model pairs by normalized name  ${a.duplicatePairs.length}  [target 0: ${mark(a.duplicatePairs.length === 0)}]`,
    ...a.duplicatePairs.slice(0, list).map(([x, y]) => `    ${x} = ${y}`),
    ...more(a.duplicatePairs.length, 'pairs'),
  ];
  return lines;
};
