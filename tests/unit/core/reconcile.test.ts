import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { choose, confirmation, conflicts, reconcile, sameValue, type ObservationLike } from '../../../src/core/reconcile.ts';

const obs = (source: ObservationLike['source'], as_of: string, input?: number, output?: number): ObservationLike => ({
  source,
  as_of,
  ...(source === 'provider' && { url: 'https://example.com/pricing' }),
  pricing: { ...(input !== undefined && { input }), ...(output !== undefined && { output }) },
});

describe('reconciliation rule', () => {
  test("the provider's own page wins over every dataset, even newer ones", () => {
    const list = [obs('genai-prices', '2026-08-21', 2), obs('portkey', '2026-08-21', 2), obs('provider', '2026-07-01', 3)];
    const c = choose(list, 'pricing.input')!;
    assert.equal(c.value, 3);
    assert.equal(c.rule, 'provider');
  });
  test('of two provider observations the newest wins', () => {
    // Only one per source is allowed by the schema; the rule still orders them by date.
    const list = [obs('provider', '2026-01-01', 5), obs('provider', '2026-09-01', 4)];
    assert.equal(choose(list, 'pricing.input')!.value, 4);
  });
  test('without a provider page, the newest dated source wins over older agreeing ones', () => {
    const list = [obs('models-dev', '2026-07-02', 1), obs('litellm', '2026-07-24', 1), obs('genai-prices', '2026-08-21', 0.2)];
    const c = choose(list, 'pricing.input')!;
    assert.equal(c.value, 0.2);
    assert.equal(c.rule, 'newest');
    assert.equal(c.source, 'genai-prices');
  });
  test('on the same date the value most sources state wins', () => {
    const list = [obs('genai-prices', '2026-08-21', 9), obs('portkey', '2026-08-21', 3), obs('litellm', '2026-08-21', 3)];
    const c = choose(list, 'pricing.input')!;
    assert.equal(c.value, 3);
    assert.equal(c.rule, 'agreement');
  });
  test('a tie on the same date goes to the fixed source order (genai-prices before portkey)', () => {
    const list = [obs('portkey', '2026-08-21', 3), obs('genai-prices', '2026-08-21', 9)];
    const c = choose(list, 'pricing.input')!;
    assert.equal(c.value, 9);
    assert.equal(c.rule, 'priority');
  });
  test('a field no observation states is not decided', () => {
    assert.equal(choose([obs('litellm', '2026-07-24', 1)], 'pricing.output'), undefined);
    assert.equal(reconcile([obs('litellm', '2026-07-24', 1)]).has('pricing.output'), false);
  });
  test('float noise from per-token sources is the same value', () => {
    assert.ok(sameValue(2.5e-6 * 1e6, 2.5));
    assert.ok(!sameValue(2.5, 2.51));
  });
  test('nested batch prices and limits are decided like top-level ones', () => {
    const a: ObservationLike = {
      source: 'portkey',
      as_of: '2026-08-21',
      pricing: { batch: { input: 1.25 } },
      limits: { context_window: 1000 },
    };
    const b: ObservationLike = {
      source: 'litellm',
      as_of: '2026-07-24',
      pricing: { batch: { input: 1.5 } },
      limits: { context_window: 2000 },
    };
    const r = reconcile([a, b]);
    assert.equal(r.get('pricing.batch.input')!.value, 1.25);
    assert.equal(r.get('limits.context_window')!.value, 2000);
    assert.equal(r.get('limits.context_window')!.rule, 'largest');
  });
  test("a limit is the largest any source states, unless the provider's page says otherwise", () => {
    const lim = (source: ObservationLike['source'], as_of: string, max_output_tokens: number): ObservationLike => ({
      source,
      as_of,
      ...(source === 'provider' && { url: 'https://example.com/models' }),
      limits: { max_output_tokens },
    });
    assert.equal(
      choose([lim('litellm', '2026-07-24', 4096), lim('models-dev', '2026-07-02', 32768)], 'limits.max_output_tokens')!.value,
      32768,
    );
    assert.equal(
      choose(
        [lim('litellm', '2026-07-24', 4096), lim('models-dev', '2026-07-02', 32768), lim('provider', '2026-12-02', 8192)],
        'limits.max_output_tokens',
      )!.value,
      8192,
    );
  });
  test('a price 10× away from the median of two or more other sources is a unit error, not kept even when newest', () => {
    const list = [obs('models-dev', '2026-07-02', 0.3), obs('litellm', '2026-07-24', 0.3), obs('portkey', '2026-08-21', 0.003)];
    const c = choose(list, 'pricing.input')!;
    assert.equal(c.value, 0.3);
    assert.equal(c.source, 'litellm');
    // With only one other source there is no majority to judge by: the newest wins.
    assert.equal(choose(list.slice(1), 'pricing.input')!.value, 0.003);
    assert.equal(conflicts(list).length, 1);
  });
});

describe('confirmation', () => {
  test('two independent sources confirm a value; one does not', () => {
    const list = [obs('genai-prices', '2026-08-21', 2), obs('portkey', '2026-08-21', 2), obs('litellm', '2026-07-24', 3)];
    const c = confirmation(list, 'pricing.input', 2);
    assert.deepEqual(c.sources, ['genai-prices', 'portkey']);
    assert.deepEqual(c.disagree, ['litellm']);
    assert.equal(c.confirmed, true);
    assert.equal(c.checked, '2026-08-21');
    assert.equal(confirmation(list, 'pricing.input', 3).confirmed, false);
  });
  test("the provider's page alone confirms, and its url is kept", () => {
    const c = confirmation([obs('provider', '2026-12-02', 5)], 'pricing.input', 5);
    assert.equal(c.confirmed, true);
    assert.equal(c.url, 'https://example.com/pricing');
  });
});

describe('conflicts', () => {
  test('lists each field where sources disagree, with every value and the kept one', () => {
    const list = [obs('models-dev', '2026-07-02', 1, 4), obs('genai-prices', '2026-08-21', 0.2, 4)];
    const found = conflicts(list);
    assert.deepEqual(
      found.map((c) => c.field),
      ['pricing.input'],
    );
    assert.deepEqual(
      found[0]!.values.map((v) => [v.source, v.value]),
      [
        ['genai-prices', 0.2],
        ['models-dev', 1],
      ],
    );
    assert.equal(found[0]!.kept.value, 0.2);
  });
  test('agreeing sources are no conflict', () => {
    assert.deepEqual(conflicts([obs('models-dev', '2026-07-02', 1), obs('litellm', '2026-07-24', 1 + 1e-12)]), []);
  });
});
