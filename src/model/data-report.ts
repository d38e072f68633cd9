/**
 * Coverage figures of a validated data folder: how many offerings are linked to a model,
 * priced, and carry each pricing meter, limit and feature. Pure: records in, lines out.
 */
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
