import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { planObservations, stampSources, type SourceEntry } from '../../../tools/import/observe.ts';
import { readDataFiles } from '../../../src/model/load.ts';
import type { DataFile } from '../../../src/model/validate.ts';

const BASE = join(import.meta.dirname, '../../fixtures/base');
const files = () => readDataFiles(BASE)!;
const recOf = (fs: readonly DataFile[], rel: string) => parse(new TextDecoder().decode(fs.find((f) => f.rel === rel)!.bytes));
/** The data folder after applying a plan's writes. */
const applied = (fs: readonly DataFile[], writes: { rel: string; text: string }[]): DataFile[] =>
  fs.map((f) => {
    const w = writes.find((x) => x.rel === f.rel);
    return w ? { ...f, bytes: new TextEncoder().encode(w.text) } : f;
  });

const ATLAS1 = 'offerings/acme/acme/atlas-1.yaml';
const before = recOf(files(), ATLAS1);
const entry = (input: number): SourceEntry => ({
  provider: 'acme',
  provider_model_id: String(before.provider_model_id).toUpperCase(),
  observation: { key: 'acme/atlas-1', pricing: { input, output: before.pricing.output } },
});

describe('planObservations', () => {
  const plan = planObservations(
    'genai-prices',
    '2026-08-21',
    [entry(before.pricing.input / 2), { provider: 'acme', provider_model_id: 'nope', observation: {} }],
    files(),
  );
  const after = parse(plan.writes.find((w) => w.rel === ATLAS1)!.text);

  test('matches case-insensitively and reports what matched nothing', () => {
    assert.equal(plan.matched, 1);
    assert.deepEqual(plan.unmatched, [{ provider: 'acme', ids: ['nope'] }]);
    assert.deepEqual(plan.problems, []);
  });
  test('stores the observation with its source and date, and the rule sets the kept price', () => {
    assert.deepEqual(after.observations, [
      {
        source: 'genai-prices',
        as_of: '2026-08-21',
        key: 'acme/atlas-1',
        pricing: { input: before.pricing.input / 2, output: before.pricing.output },
      },
    ]);
    assert.equal(after.pricing.input, before.pricing.input / 2);
    assert.deepEqual(plan.changed, [
      {
        id: 'acme/acme/atlas-1',
        changes: [{ field: 'pricing.input', before: before.pricing.input, after: before.pricing.input / 2 }],
      },
    ]);
  });
  test("a source's first observation is no price change (a disagreement is a conflict, not history)", () => {
    assert.equal(after.price_history, undefined);
  });
  test('when the same source later states another price, the change goes into price_history, dated its snapshot', () => {
    const later = planObservations(
      'genai-prices',
      '2026-10-01',
      [entry(before.pricing.input * 0.6)],
      applied(files(), plan.writes),
    );
    assert.deepEqual(later.problems, []);
    const rec = parse(later.writes.find((w) => w.rel === ATLAS1)!.text);
    const steps = rec.price_history.map((h: { effective_from?: string; input: number }) => [h.effective_from, h.input]);
    assert.deepEqual(steps.at(-2)[1], before.pricing.input / 2);
    assert.deepEqual(steps.at(-1), ['2026-10-01', before.pricing.input * 0.6]);
  });
  test('a second run writes nothing', () => {
    const again = planObservations(
      'genai-prices',
      '2026-08-21',
      [entry(before.pricing.input / 2)],
      applied(files(), plan.writes),
    );
    assert.deepEqual(again.writes, []);
  });
  test("a provider observation keeps its price against a dataset's", () => {
    const withPage = files().map((f) =>
      f.rel === ATLAS1
        ? {
            ...f,
            bytes: new TextEncoder().encode(
              new TextDecoder().decode(f.bytes) +
                `observations:\n  - source: provider\n    as_of: 2026-12-02\n    url: https://example.com/pricing\n    pricing:\n      input: ${before.pricing.input}\n`,
            ),
          }
        : f,
    );
    const p = planObservations('litellm', '2026-07-24', [entry(99)], withPage);
    assert.deepEqual(p.problems, []);
    assert.equal(parse(p.writes.find((w) => w.rel === ATLAS1)!.text).pricing.input, before.pricing.input);
  });
  test('an offering the source no longer lists loses that observation, and its kept value stays', () => {
    const next = planObservations('genai-prices', '2026-09-01', [], applied(files(), plan.writes));
    assert.deepEqual(next.dropped, [ATLAS1]);
    const rec = parse(next.writes.find((w) => w.rel === ATLAS1)!.text);
    assert.equal(rec.observations, undefined);
    assert.equal(rec.pricing.input, before.pricing.input / 2);
  });
  test('a dataset moves the status forward, never back', () => {
    assert.equal(before.status, 'deprecated');
    const back = planObservations(
      'portkey',
      '2026-08-21',
      [{ ...entry(before.pricing.input), observation: { status: 'active' } }],
      files(),
    );
    assert.equal(back.changed.length, 0);
    const fwd = planObservations(
      'portkey',
      '2026-08-21',
      [{ ...entry(before.pricing.input), observation: { status: 'retired' } }],
      files(),
    );
    assert.equal(parse(fwd.writes[0]!.text).status, 'retired');
  });
  test('a record that would not validate is reported as refused and left unchanged, never hidden', () => {
    const bad = planObservations(
      'portkey',
      '2026-08-21',
      [{ ...entry(1), observation: { pricing: { input: 1, cache_read: 5 } } }],
      files(),
    );
    assert.deepEqual(
      bad.refused.map((r) => r.id),
      ['acme/acme/atlas-1'],
    );
    assert.match(bad.refused[0]!.reason, /cache_read/);
    assert.deepEqual(bad.writes, []);
    assert.deepEqual(bad.problems, []);
  });
});

describe('stampSources', () => {
  test("observations' pages join sources once; last_verified is filled only when the record has none", () => {
    const rec: Record<string, unknown> = {
      sources: ['https://example.com/pricing'],
      observations: [
        { source: 'provider', as_of: '2026-12-02', url: 'https://example.com/pricing' },
        { source: 'litellm', as_of: '2026-07-24', url: 'https://example.com/other' },
        { source: 'models-dev', as_of: '2026-07-02' },
      ],
    };
    stampSources(rec);
    assert.deepEqual(rec.sources, ['https://example.com/pricing', 'https://example.com/other', 'https://models.dev']);
    assert.equal(rec.last_verified, '2026-12-02');
    rec.last_verified = '2026-01-01';
    stampSources(rec);
    assert.equal(rec.last_verified, '2026-01-01', 'a hand-checked date stays');
  });
  test('an observation url the schema refuses is left out and reported, not a refused offering', () => {
    const bad = planObservations(
      'litellm',
      '2026-07-24',
      [{ ...entry(before.pricing.input), observation: { url: 'http://insecure.example' } }],
      files(),
    );
    assert.deepEqual(bad.problems, []);
    assert.equal(parse(bad.writes.find((w) => w.rel === ATLAS1)!.text).observations[0].url, undefined);
    assert.match(bad.limitsSkipped.join('\n'), /http:\/\/insecure\.example/);
  });
});
