import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatDate, formatUsd } from '../../../src/core/format.ts';
import { priceView, type PricingIn } from '../../../src/core/price.ts';
import { provenanceView, shownPrices, type ProvenanceIn } from '../../../src/core/provenance.ts';
import type { ObservationLike } from '../../../src/core/reconcile.ts';
import { DATA_SOURCE_LABEL } from '../../../src/core/vocab.ts';

const PAGE = 'https://example.com/pricing';
const obs = (source: ObservationLike['source'], as_of: string, pricing: ObservationLike['pricing']): ObservationLike => ({
  source,
  as_of,
  ...(source === 'provider' && { url: PAGE }),
  pricing,
});
const pricing: PricingIn = { billing: 'usage', input: 3, output: 15 };
const view = (o: ProvenanceIn, p: PricingIn | undefined = pricing) => provenanceView(o, p, priceView(p));

describe('provenance of shown prices', () => {
  test('shown prices: the listed meters and the variants, discounted ones too; none unless billed by usage', () => {
    const p: PricingIn = { ...pricing, cache_read: 0.3, batch: { discount: 0.5 }, flex: { input: 1 } };
    assert.deepEqual(
      shownPrices(p).map((m) => [m.field, m.label, m.value]),
      [
        ['pricing.input', 'Input', p.input],
        ['pricing.output', 'Output', p.output],
        ['pricing.cache_read', 'Cache read', p.cache_read],
        ['pricing.batch.input', 'Batch input', p.input! * 0.5],
        ['pricing.batch.output', 'Batch output', p.output! * 0.5],
        ['pricing.batch.cache_read', 'Batch cache read', p.cache_read! * 0.5],
        ['pricing.flex.input', 'Flex input', p.flex!.input],
      ],
    );
    assert.deepEqual(shownPrices({ billing: 'subscription' }), []);
    assert.deepEqual(shownPrices(undefined), []);
  });

  test("confirmed by the provider's page: every price, with the page and its date", () => {
    const list = [obs('provider', '2026-12-02', { input: 3, output: 15 }), obs('models-dev', '2026-07-02', { input: 3 })];
    const v = view({ observations: list });
    assert.equal(v.status, 'provider');
    assert.equal(v.mark, '✓ Provider page');
    assert.equal(v.summary, `Prices confirmed by the provider's page (checked ${formatDate('2026-12-02')})`);
    assert.equal(v.url, PAGE);
    assert.deepEqual(
      v.meters.map((m) => [m.label, m.state, m.sources, m.checked, m.url]),
      [
        ['Input', 'provider', ['provider', 'models-dev'], '2026-12-02', PAGE],
        ['Output', 'provider', ['provider'], '2026-12-02', PAGE],
      ],
    );
  });

  test('confirmed by two independent sources; a third that differs is named', () => {
    const list = [
      obs('models-dev', '2026-07-02', { input: 2.5, output: 15 }),
      obs('litellm', '2026-07-24', { input: 3, output: 15 }),
      obs('genai-prices', '2026-08-21', { input: 3, output: 15 }),
    ];
    const v = view({ observations: list });
    assert.equal(v.status, 'confirmed');
    assert.equal(v.mark, '✓ 2 sources');
    const labels = ['models-dev', 'genai-prices', 'litellm'] as const;
    assert.equal(
      v.summary,
      `Confirmed by 2 sources: ${DATA_SOURCE_LABEL[labels[1]]}, ${DATA_SOURCE_LABEL[labels[2]]} and ${DATA_SOURCE_LABEL[labels[0]]}, checked ${formatDate('2026-08-21')}; ${DATA_SOURCE_LABEL[labels[0]]} states another value`,
    );
    const input = v.meters[0]!;
    assert.deepEqual(input.disagree, ['models-dev']);
    assert.deepEqual(
      input.values.map((x) => [x.source, x.text, x.agrees]),
      [
        ['genai-prices', formatUsd(3), true],
        ['litellm', formatUsd(3), true],
        ['models-dev', formatUsd(2.5), false],
      ],
    );
  });

  test('one source: named with its date, never marked confirmed', () => {
    const v = view({ observations: [obs('models-dev', '2026-07-02', { input: 3, output: 15 })] });
    assert.equal(v.status, 'single');
    assert.equal(v.mark, '1 source');
    assert.equal(v.summary, `One source (${DATA_SOURCE_LABEL['models-dev']}, ${formatDate('2026-07-02')})`);
    assert.ok(v.meters.every((m) => !m.confirmed));
  });

  test('one confirmed price and one single-source price: the weaker one is named', () => {
    const list = [obs('models-dev', '2026-07-02', { input: 3, output: 15 }), obs('litellm', '2026-07-24', { input: 3 })];
    const v = view({ observations: list });
    assert.equal(v.status, 'single');
    assert.equal(v.summary, `One source for output (${DATA_SOURCE_LABEL['models-dev']}, ${formatDate('2026-07-02')})`);
  });

  test('the mark judges the input and output prices; other prices keep their own state in the note', () => {
    const list = [
      obs('models-dev', '2026-07-02', { input: 3, output: 15 }),
      obs('litellm', '2026-07-24', { input: 3, output: 15, cache_read: 0.3 }),
    ];
    const v = view({ observations: list, last_verified: '2026-07-02' }, { ...pricing, cache_read: 0.3, cache_write: 3.75 });
    assert.equal(v.status, 'confirmed');
    assert.equal(v.mark, '✓ 2 sources');
    assert.deepEqual(
      v.meters.map((m) => [m.field, m.state]),
      [
        ['pricing.input', 'confirmed'],
        ['pricing.output', 'confirmed'],
        ['pricing.cache_read', 'single'],
        ['pricing.cache_write', 'unstated'],
      ],
    );
  });

  test('input and output stated by one source: "1 source", naming it and its date', () => {
    const v = view({ observations: [obs('litellm', '2026-07-24', { input: 3, output: 15 })] });
    assert.equal(v.status, 'single');
    assert.equal(v.mark, '1 source');
    assert.equal(v.summary, `One source (${DATA_SOURCE_LABEL.litellm}, ${formatDate('2026-07-24')})`);
  });

  test('sources that disagree on an unconfirmed price: each value and date', () => {
    const list = [
      obs('models-dev', '2026-07-02', { input: 3, output: 15 }),
      obs('litellm', '2026-07-24', { input: 2, output: 15 }),
    ];
    const v = view({ observations: list });
    assert.equal(v.status, 'disagree');
    assert.equal(v.mark, '⚠ Sources differ');
    assert.equal(
      v.summary,
      `Sources disagree on input: ${formatUsd(3)} (${DATA_SOURCE_LABEL['models-dev']}, ${formatDate('2026-07-02')}) vs ${formatUsd(2)} (${DATA_SOURCE_LABEL.litellm}, ${formatDate('2026-07-24')})`,
    );
  });

  test('no observations: the record’s own sources and date, one source, nothing confirmed', () => {
    const v = view({ sources: ['https://aws.amazon.com/bedrock/pricing/'], last_verified: '2026-07-02' });
    assert.equal(v.status, 'unobserved');
    assert.equal(v.mark, '1 source');
    assert.equal(v.summary, `Source: aws.amazon.com, checked ${formatDate('2026-07-02')}`);
    assert.equal(v.checked, '2026-07-02');
    assert.ok(v.meters.every((m) => m.state === 'unstated' && !m.confirmed));
    assert.equal(view({}).summary, 'Source: models.dev import');
  });

  test('no price shown (subscription, no rate): no mark', () => {
    const sub: PricingIn = { billing: 'subscription' };
    assert.deepEqual([view({}, sub).status, view({}, sub).mark], ['none', '']);
    const noRate = { ...pricing, currency: 'EUR' };
    assert.equal(view({ observations: [obs('litellm', '2026-07-24', { input: 3 })] }, noRate).status, 'none');
  });
});
