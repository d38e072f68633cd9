import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { choose, SOURCE_PRIORITY, type ObservationLike } from '../../../src/core/reconcile.ts';
import { dataConflicts, formatConflicts, RULE_TEXT, summaryLine } from '../../../src/model/data-conflicts.ts';
import type { Offering } from '../../../src/model/schema.ts';
import type { WithId } from '../../../src/model/validate.ts';
import { main } from '../../../tools/data-conflicts.ts';

const off = (id: string, observations: ObservationLike[]) =>
  ({ id, provider: id.split('/')[0]!, provider_model_id: id, observations }) as unknown as WithId<Offering>;
const PAGE = 'https://example.com/pricing';
const obs = {
  a: [
    { source: 'provider', as_of: '2026-12-02', url: PAGE, pricing: { input: 3, output: 15 } },
    { source: 'models-dev', as_of: '2026-07-02', pricing: { input: 2.5, output: 15 }, status: 'active' },
    { source: 'litellm', as_of: '2026-07-24', pricing: { input: 2.5, output: 15 }, status: 'deprecated' },
  ],
  b: [
    { source: 'genai-prices', as_of: '2026-08-21', limits: { context_window: 200000 } },
    { source: 'models-dev', as_of: '2026-07-02', limits: { context_window: 128000 } },
  ],
  agree: [
    { source: 'genai-prices', as_of: '2026-08-21', pricing: { input: 1 } },
    { source: 'litellm', as_of: '2026-07-24', pricing: { input: 1.0000000000000002 } },
  ],
} satisfies Record<string, ObservationLike[]>;
const records = {
  offerings: [off('zeta/x/a', obs.a), off('acme/x/b', obs.b), off('acme/x/agree', obs.agree), off('acme/x/none', [])],
};

describe('dataConflicts', () => {
  const r = dataConflicts(records);
  const rows = r.byProvider.flatMap((g) => g.rows);

  test('lists every field two sources state differently, and only those', () => {
    assert.deepEqual(
      rows.map((x) => `${x.offering} ${x.field}`),
      ['acme/x/b limits.context_window', 'zeta/x/a pricing.input', 'zeta/x/a status'],
    );
  });
  test('groups by provider in id order', () => {
    assert.deepEqual(
      r.byProvider.map((g) => [g.provider, g.rows.length]),
      [
        ['acme', 1],
        ['zeta', 2],
      ],
    );
  });
  test("each row has every source's value and date, and the kept value with its rule", () => {
    const input = rows.find((x) => x.field === 'pricing.input')!;
    assert.deepEqual(
      input.values,
      [...obs.a]
        .sort((x, y) => SOURCE_PRIORITY.indexOf(x.source) - SOURCE_PRIORITY.indexOf(y.source))
        .map((o) => ({ source: o.source, value: o.pricing.input, as_of: o.as_of })),
    );
    assert.deepEqual(input.kept, choose(obs.a, 'pricing.input'));
    assert.equal(input.kept.rule, 'provider');
    assert.equal(rows.find((x) => x.field === 'status')!.kept.value, 'deprecated', 'the newest dataset');
    assert.equal(rows.find((x) => x.field === 'limits.context_window')!.kept.rule, 'largest');
  });
  test('the summary counts conflicts, offerings, providers and fields', () => {
    assert.deepEqual(r.summary, {
      conflicts: rows.length,
      offerings: new Set(rows.map((x) => x.offering)).size,
      providers: r.byProvider.length,
      byField: [
        { field: 'limits.context_window', count: 1 },
        { field: 'pricing.input', count: 1 },
        { field: 'status', count: 1 },
      ],
    });
    assert.equal(
      summaryLine(r.summary),
      '3 conflicts on 2 offerings of 2 providers (limits.context_window 1, pricing.input 1, status 1)',
    );
    assert.equal(summaryLine(dataConflicts({ offerings: [] }).summary), '0 conflicts on 0 offerings of 0 providers');
  });
  test('the printed lines show values, dates and the rule', () => {
    const lines = formatConflicts(r);
    assert.equal(lines[0], 'acme (1)');
    assert.ok(
      lines.includes(
        `  zeta/x/a  pricing.input: provider 3 (2026-12-02) · litellm 2.5 (2026-07-24) · models-dev 2.5 (2026-07-02) → kept 3 from provider (${RULE_TEXT.provider})`,
      ),
      lines.join('\n'),
    );
    assert.equal(lines.at(-1), summaryLine(r.summary));
  });
});

describe('npm run data:conflicts', () => {
  const temps: string[] = [];
  after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const BASE = join(import.meta.dirname, '../../fixtures/base');
  const copy = () => {
    const d = mkdtempSync(join(tmpdir(), 'conflicts-'));
    temps.push(d);
    cpSync(BASE, d, { recursive: true });
    return d;
  };
  const run = (...args: string[]) => {
    const out: string[] = [];
    const code = main(
      args,
      (l) => out.push(l),
      (l) => out.push(l),
    );
    return { code, out: out.join('\n') };
  };

  test('exits 0 with the conflicts and a summary; --json for machines', () => {
    const dir = copy();
    const file = join(dir, 'offerings/acme/acme/atlas-1.yaml');
    const rec = parse(readFileSync(file, 'utf8'));
    rec.observations = [
      { source: 'models-dev', as_of: '2026-07-02', pricing: { input: rec.pricing.input } },
      { source: 'genai-prices', as_of: '2026-08-21', pricing: { input: rec.pricing.input * 2 } },
    ];
    writeFileSync(file, stringify(rec));
    const text = run(dir);
    assert.equal(text.code, 0, text.out);
    assert.match(
      text.out,
      /acme\/acme\/atlas-1 {2}pricing\.input: genai-prices 5 \(2026-08-21\) · models-dev 2\.5 \(2026-07-02\)/,
    );
    assert.match(text.out, /^1 conflict on 1 offering of 1 provider \(pricing\.input 1\)$/m);
    const json = run(dir, '--json');
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.out).summary.conflicts, 1);
  });
  test('exits 1 when the data does not validate', () => {
    const dir = copy();
    writeFileSync(join(dir, 'offerings/acme/acme/atlas-1.yaml'), 'provider: acme\nbogus: 1\n');
    const r = run(dir);
    assert.equal(r.code, 1);
    assert.match(r.out, /bogus/);
  });
});
