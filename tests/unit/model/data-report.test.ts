import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { confirmation } from '../../../src/core/reconcile.ts';
import { MODEL_TYPES } from '../../../src/core/vocab.ts';
import { dataConflicts } from '../../../src/model/data-conflicts.ts';
import { acceptance, acceptanceReport, SNAPSHOT_DATE, staleLifecycle, TOP_PROVIDERS } from '../../../src/model/data-report.ts';
import { loadData } from '../../../src/model/load.ts';
import type { Records } from '../../../src/model/validate.ts';

const BASE = join(import.meta.dirname, '../../fixtures/base');
const base = (): Records => structuredClone(loadData(BASE).records!);
const PAGE = 'https://acme.example.com/pricing';

/** The base fixture with its providers renamed to two of the top 20, so that the cross-checks apply. */
const topRecords = (): Records => {
  const r = base();
  const rename: Record<string, string> = { acme: 'openai', relay: 'openrouter' };
  for (const p of r.providers) p.id = rename[p.id] ?? p.id;
  for (const o of r.offerings) o.provider = rename[o.provider] ?? o.provider;
  return r;
};

describe('acceptance figures', () => {
  test('counts: offerings, providers, models by type and without one, linked, released after the snapshot', () => {
    const r = base();
    r.models[0]!.type = 'embedding';
    delete (r.models[1] as { type?: string }).type;
    r.models[1]!.release_date = '2026-08-01';
    const a = acceptance(r);
    assert.equal(a.offerings, r.offerings.length);
    assert.equal(a.providers, r.providers.length);
    assert.equal(a.models, r.models.length);
    assert.deepEqual(
      a.modelsByType.map((t) => t.type),
      [...MODEL_TYPES],
    );
    for (const t of a.modelsByType) assert.equal(t.count, r.models.filter((m) => m.type === t.type).length, t.type);
    assert.equal(a.modelsWithoutType, r.models.filter((m) => m.type === undefined).length);
    assert.ok(a.modelsWithoutType >= 1);
    assert.equal(a.linked, r.offerings.filter((o) => o.model !== undefined).length);
    assert.equal(a.releasedAfterSnapshot, r.models.filter((m) => (m.release_date ?? '') > SNAPSHOT_DATE).length);
    assert.ok(a.releasedAfterSnapshot >= 1);
  });

  test('top-20 token prices: confirmed by a provider page or two sources, counted over priced input and output', () => {
    const r = topRecords();
    const [first, second] = r.offerings.filter((o) => o.pricing?.input !== undefined);
    first!.observations = [{ source: 'provider', as_of: '2026-12-02', url: PAGE, pricing: { input: first!.pricing!.input } }];
    second!.observations = [
      { source: 'models-dev', as_of: '2026-07-02', pricing: { output: second!.pricing!.output } },
      { source: 'litellm', as_of: '2026-07-24', pricing: { output: second!.pricing!.output, input: 999 } },
    ];
    const a = acceptance(r);
    const top = new Set<string>(TOP_PROVIDERS);
    const priced = r.offerings.filter((o) => top.has(o.provider) && (o.pricing?.billing ?? 'usage') === 'usage');
    assert.equal(
      a.topPrices.total,
      priced.reduce((n, o) => n + Number(o.pricing?.input !== undefined) + Number(o.pricing?.output !== undefined), 0),
    );
    assert.equal(a.topPrices.confirmed, 2);
    assert.equal(confirmation(second!.observations, 'pricing.input', second!.pricing!.input!).confirmed, false);
    assert.equal(a.conflicts, dataConflicts(r).summary.conflicts);
    assert.equal(a.conflicts, 0, 'one source per field: nothing to disagree');
    const report = acceptanceReport(a).join('\n');
    assert.match(report, new RegExp(`confirmed by two sources or a provider page {2}2 of ${a.topPrices.total}`));
    assert.match(report, /target ≥ 80%: NOT MET/);
  });

  test('providers outside the top 20 are not counted', () => {
    assert.deepEqual(acceptance(base()).topPrices, { total: 0, confirmed: 0 });
  });

  test("an offering shown active past a retirement: the provider's page, its own date, or its first-party model", () => {
    const r = topRecords();
    const a = acceptance(r);
    const date = a.date!;
    assert.equal(date, '2025-06-01', 'the newest last_verified');
    // atlas-1's model is retired on 2025-12-01, after the data date: not yet stale.
    const atlas1 = r.offerings.find((o) => o.id === 'acme/acme/atlas-1')!;
    atlas1.status = 'active';
    assert.deepEqual(acceptance(r).staleLifecycle, []);
    const model = r.models.find((m) => m.id === atlas1.model)!;
    model.status = 'retired';
    assert.deepEqual(
      acceptance(r).staleLifecycle.map((s) => s.id),
      [atlas1.id],
    );
    assert.match(staleLifecycle(atlas1, model, true, date)!, /its model acme\/atlas-1 is retired/);
    assert.equal(staleLifecycle(atlas1, model, false, date), undefined, "another provider's offering follows its own lifecycle");
    atlas1.observations = [{ source: 'provider', as_of: date, url: PAGE, status: 'deprecated', retirement_date: date }];
    assert.match(staleLifecycle(atlas1, undefined, false, date)!, /provider's page says deprecated \(retirement 2025-06-01\)/);
    atlas1.observations = [];
    atlas1.retirement_date = '2025-05';
    assert.match(staleLifecycle(atlas1, undefined, false, date)!, /own retirement_date 2025-05 has passed/);
    atlas1.status = 'retired';
    assert.equal(staleLifecycle(atlas1, model, true, date), undefined, 'shown as retired: fine');
  });

  test('duplicate model pairs by normalized name (identity-report.ts duplicateNames), as pairs', () => {
    const r = base();
    assert.deepEqual(acceptance(r).duplicatePairs, []);
    const [m] = r.models;
    r.models.push({ ...m!, id: `${m!.id}-copy`, name: m!.name.toUpperCase().replace(' ', '-') });
    assert.deepEqual(acceptance(r).duplicatePairs, [[m!.id, `${m!.id}-copy`]]);
    assert.match(
      acceptanceReport(acceptance(r)).join('\n'),
      /duplicate model pairs by normalized name {2}1 {2}\[target 0: NOT MET\]/,
    );
  });
});
