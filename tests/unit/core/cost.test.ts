/**
 * The cost engine, against hand-computed figures: the arithmetic is in the comment by each
 * expectation (tokens × USD per 1M / 1,000,000, or units × USD per unit).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  COST_GROUPS,
  costGroup,
  NOTE_NO_BATCH_PRICE,
  NOTE_NO_CACHE_DISCOUNT,
  priceWorkload,
  rankByCost,
  validateWorkload,
} from '../../../src/core/cost.ts';
import type { CostLine, CostOk, CostPricing, CostResult, Workload } from '../../../src/core/cost.ts';

/** 1,000 requests of 1,000 input + 500 output tokens: 1M input and 0.5M output tokens a month. */
const workload = (over: Partial<Workload> = {}): Workload => ({
  requestsPerMonth: 1000,
  inputTokens: 1000,
  outputTokens: 500,
  cachedInputShare: 0,
  batchShare: 0,
  ...over,
});
/** $3 in / $15 out per 1M tokens, so the base workload costs 1M × 3/1M + 0.5M × 15/1M = 3 + 7.5 = $10.5. */
const pricing = (over: Partial<CostPricing> = {}): CostPricing => ({ input: 3, output: 15, ...over });
/** Anthropic-style: cache reads and writes, a 200K long-context tier, batch at half price with its own tier. */
const sonnet = (over: Partial<CostPricing> = {}): CostPricing =>
  pricing({
    cache_read: 0.3,
    cache_write: 3.75,
    cache_write_ttl: '5m',
    cache_write_1h: 6,
    tiers: [{ above_tokens: 200_000, input: 6, output: 22.5, cache_read: 0.6, cache_write: 7.5, cache_write_1h: 12 }],
    batch: { input: 1.5, output: 7.5, tiers: [{ above_tokens: 200_000, input: 3, output: 11.25 }] },
    ...over,
  });

const near = (actual: number, expected: number, what = 'value') =>
  assert.ok(
    Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    `${what}: got ${actual}, expected ${expected}`,
  );
const ok = (r: CostResult): CostOk => {
  assert.equal(r.ok, true, r.ok ? '' : `not computable: ${r.reason}`);
  return r as CostOk;
};
const notOk = (r: CostResult) => {
  assert.equal(r.ok, false, 'expected "not computable"');
  return r as Extract<CostResult, { ok: false }>;
};
const line = (r: CostOk, meter: CostLine['meter'], variant: CostLine['variant'] = 'standard') => {
  const found = r.breakdown.find((l) => l.meter === meter && l.variant === variant);
  assert.ok(found, `no ${variant} ${meter} line`);
  return found;
};
const sum = (r: CostOk) => r.breakdown.reduce((s, l) => s + l.usd, 0);

describe('base prices', () => {
  test('input and output at $3/$15', () => {
    const r = ok(priceWorkload(pricing(), workload()));
    near(r.totalUsd, 10.5); // 1,000,000 × 3 / 1e6 = 3; 500,000 × 15 / 1e6 = 7.5; 3 + 7.5
    near(r.perRequestUsd, 0.0105); // 10.5 / 1,000
    assert.deepEqual(line(r, 'input'), {
      meter: 'input',
      tokens: 1_000_000,
      units: undefined,
      unitPrice: 3,
      usd: 3,
      variant: 'standard',
      tier: undefined,
    });
    near(line(r, 'output').usd, 7.5); // 500,000 × 15 / 1e6
    near(sum(r), r.totalUsd, 'breakdown sum');
  });

  test('no requests cost nothing', () => {
    const r = ok(priceWorkload(pricing(), workload({ requestsPerMonth: 0 })));
    assert.equal(r.totalUsd, 0); // 0 tokens × any price
    assert.equal(r.perRequestUsd, 0);
    assert.deepEqual(r.breakdown, []);
  });

  test('a missing output price is not computable, not $0', () => {
    const r = notOk(priceWorkload({ input: 3 }, workload()));
    assert.deepEqual(r.missing, ['output']);
    assert.match(r.reason, /output price not published/);
  });

  test('a meter the workload does not use is not needed', () => {
    const r = ok(priceWorkload({ input: 3 }, workload({ outputTokens: 0 })));
    near(r.totalUsd, 3); // 1,000,000 × 3 / 1e6; no output tokens, so no output price needed
  });
});

describe('context tiers', () => {
  // 10 requests, 1,000 output tokens each: 10,000 output tokens a month.
  const w = (inputTokens: number) => workload({ requestsPerMonth: 10, inputTokens, outputTokens: 1000 });

  test('exactly at the threshold: base prices', () => {
    const r = ok(priceWorkload(sonnet(), w(200_000)));
    near(r.totalUsd, 6.15); // 2,000,000 × 3 / 1e6 = 6; 10,000 × 15 / 1e6 = 0.15
    assert.equal(line(r, 'input').tier, undefined);
  });

  test('one token above the threshold: tier prices for the whole request', () => {
    const r = ok(priceWorkload(sonnet(), w(200_001)));
    near(r.totalUsd, 12.22506); // 2,000,010 × 6 / 1e6 = 12.00006; 10,000 × 22.5 / 1e6 = 0.225
    assert.equal(line(r, 'input').tier, 200_000);
    assert.equal(line(r, 'output').unitPrice, 22.5);
  });

  test('the highest matching tier wins', () => {
    const p = pricing({
      tiers: [
        { above_tokens: 100_000, input: 4 },
        { above_tokens: 200_000, input: 6 },
      ],
    });
    const one = (inputTokens: number) => workload({ requestsPerMonth: 1, inputTokens, outputTokens: 0 });
    near(ok(priceWorkload(p, one(150_000))).totalUsd, 0.6); // 150,000 × 4 / 1e6
    near(ok(priceWorkload(p, one(250_000))).totalUsd, 1.5); // 250,000 × 6 / 1e6
  });

  test('a meter the tier leaves out falls back to the base price', () => {
    const p = pricing({ tiers: [{ above_tokens: 200_000, input: 6 }] });
    const r = ok(priceWorkload(p, workload({ requestsPerMonth: 1, inputTokens: 300_000, outputTokens: 1000 })));
    near(r.totalUsd, 1.815); // 300,000 × 6 / 1e6 = 1.8; 1,000 × 15 (base) / 1e6 = 0.015
    assert.equal(line(r, 'output').unitPrice, 15);
  });

  test('cache reads above the threshold use the tier cache-read price', () => {
    const r = ok(
      priceWorkload(sonnet(), workload({ requestsPerMonth: 1, inputTokens: 400_000, outputTokens: 0, cachedInputShare: 0.5 })),
    );
    near(r.totalUsd, 1.32); // 200,000 × 6 / 1e6 = 1.2; 200,000 × 0.6 / 1e6 = 0.12
  });
});

describe('prompt cache', () => {
  test('90% cache hits', () => {
    const r = ok(priceWorkload(sonnet(), workload({ cachedInputShare: 0.9 })));
    near(r.totalUsd, 8.07); // cached 900 × 1,000 = 900,000 × 0.3 / 1e6 = 0.27; uncached 100,000 × 3 / 1e6 = 0.3; output 7.5
    assert.equal(line(r, 'cache_read').tokens, 900_000);
    assert.equal(line(r, 'input').tokens, 100_000);
  });

  test('100% cache hits: every input token at the cache-read price, no input line', () => {
    const r = ok(priceWorkload(sonnet(), workload({ cachedInputShare: 1 })));
    near(r.totalUsd, 7.8); // 1,000,000 × 0.3 / 1e6 = 0.3; output 7.5
    assert.equal(
      r.breakdown.some((l) => l.meter === 'input'),
      false,
    );
  });

  test('policy: cache hits without a published cache-read price are billed at the input price, with a note', () => {
    const r = ok(priceWorkload(pricing(), workload({ cachedInputShare: 0.5 })));
    near(r.totalUsd, 10.5); // 500,000 × 3 / 1e6 = 1.5 uncached + 500,000 × 3 / 1e6 = 1.5 cached + 7.5 output
    assert.equal(line(r, 'cache_read').unitPrice, 3);
    assert.ok(r.notes.includes(NOTE_NO_CACHE_DISCOUNT));
    assert.match(NOTE_NO_CACHE_DISCOUNT, /no cache discount published/i);
  });

  test('policy: a published cache-read price is used, without the note', () => {
    const r = ok(priceWorkload(pricing({ cache_read: 0.3 }), workload({ cachedInputShare: 0.5 })));
    near(r.totalUsd, 9.15); // 1.5 uncached + 500,000 × 0.3 / 1e6 = 0.15 cached + 7.5 output
    assert.equal(r.notes.includes(NOTE_NO_CACHE_DISCOUNT), false);
  });

  test('no cache hits need no cache-read price', () => {
    near(ok(priceWorkload(pricing(), workload({ cachedInputShare: 0 }))).totalUsd, 10.5); // 3 + 7.5
  });

  // 100 requests of 10,000 input tokens: 5,000 read from cache, 2,000 written, 3,000 plain input.
  const writes = (over: Partial<Workload> = {}) =>
    workload({
      requestsPerMonth: 100,
      inputTokens: 10_000,
      outputTokens: 0,
      cachedInputShare: 0.5,
      cacheWriteTokens: 2000,
      ...over,
    });

  test('cache writes at the default (5-minute) price', () => {
    const r = ok(priceWorkload(sonnet(), writes()));
    near(r.totalUsd, 1.8); // input 300,000 × 3 / 1e6 = 0.9; read 500,000 × 0.3 / 1e6 = 0.15; write 200,000 × 3.75 / 1e6 = 0.75
    assert.equal(line(r, 'cache_write').tokens, 200_000);
  });

  test('cache writes with a 1-hour TTL', () => {
    const r = ok(priceWorkload(sonnet(), writes({ cacheTtl: '1h' })));
    near(r.totalUsd, 2.25); // 0.9 + 0.15 + 200,000 × 6 / 1e6 = 1.2
    assert.equal(line(r, 'cache_write_1h').unitPrice, 6);
  });

  test('1-hour writes: cache_write serves when its TTL is 1h, else not computable', () => {
    const oneHourDefault = pricing({ cache_read: 0.3, cache_write: 5, cache_write_ttl: '1h' });
    near(ok(priceWorkload(oneHourDefault, writes({ cacheTtl: '1h' }))).totalUsd, 2.05); // 0.9 + 0.15 + 200,000 × 5 / 1e6 = 1
    const r = notOk(priceWorkload(sonnet({ cache_write_1h: undefined }), writes({ cacheTtl: '1h' })));
    assert.deepEqual(r.missing, ['cache_write_1h']);
    assert.equal(r.reason, 'cache write (1h) price not published');
  });

  test('5-minute writes fall back to the only write price published, the 1-hour one', () => {
    const r = ok(priceWorkload(sonnet({ cache_write: undefined, cache_write_ttl: undefined }), writes()));
    near(r.totalUsd, 2.25); // 0.9 + 0.15 + 200,000 × 6 / 1e6 = 1.2
    assert.match(r.notes.join(' '), /1-hour TTL/);
  });

  test('automatic caching (read price, no write price): writes billed as input, with a note', () => {
    const r = ok(priceWorkload(pricing({ cache_read: 0.3 }), writes()));
    near(r.totalUsd, 1.65); // (3,000 + 2,000) × 100 = 500,000 × 3 / 1e6 = 1.5; read 0.15
    assert.equal(line(r, 'cache_write').unitPrice, 3);
    assert.match(r.notes.join(' '), /input price/);
  });

  test('cache writes on an offering with no cache prices at all are not computable', () => {
    const r = notOk(priceWorkload(pricing(), writes({ cachedInputShare: 0 })));
    assert.deepEqual(r.missing, ['cache_write']);
  });
});

describe('batch', () => {
  test('discount only: half of every base price', () => {
    const r = ok(priceWorkload(pricing({ batch: { discount: 0.5 } }), workload({ batchShare: 1 })));
    near(r.totalUsd, 5.25); // 1,000,000 × 1.5 / 1e6 = 1.5; 500,000 × 7.5 / 1e6 = 3.75
    assert.equal(
      r.breakdown.every((l) => l.variant === 'batch'),
      true,
    );
  });

  test('explicit batch prices win over the discount, which covers the rest', () => {
    const r = ok(priceWorkload(pricing({ batch: { input: 1, discount: 0.5 } }), workload({ batchShare: 1 })));
    near(r.totalUsd, 4.75); // 1,000,000 × 1 / 1e6 = 1; 500,000 × (15 × 0.5) / 1e6 = 3.75
  });

  test('a quarter of the requests through batch', () => {
    const r = ok(priceWorkload(pricing({ batch: { discount: 0.5 } }), workload({ batchShare: 0.25 })));
    // standard 750 requests: 750,000 × 3 / 1e6 = 2.25 + 375,000 × 15 / 1e6 = 5.625
    // batch 250 requests: 250,000 × 1.5 / 1e6 = 0.375 + 125,000 × 7.5 / 1e6 = 0.9375
    near(r.totalUsd, 9.1875); // 2.25 + 5.625 + 0.375 + 0.9375
    assert.equal(line(r, 'input', 'batch').tokens, 250_000);
  });

  test('policy: a batch share without a batch price is billed at the standard price, with a note', () => {
    const r = ok(priceWorkload(pricing(), workload({ batchShare: 0.5 })));
    near(r.totalUsd, 10.5); // the same as all standard: 3 + 7.5
    assert.equal(line(r, 'input', 'batch').unitPrice, 3);
    assert.ok(r.notes.includes(NOTE_NO_BATCH_PRICE));
    assert.match(NOTE_NO_BATCH_PRICE, /no batch price published/i);
  });

  test('batch cache reads without a batch cache-read price or discount: the standard cache-read price, noted', () => {
    const r = ok(
      priceWorkload(
        pricing({ cache_read: 0.3, batch: { input: 1.5, output: 7.5 } }),
        workload({ batchShare: 1, cachedInputShare: 0.5 }),
      ),
    );
    near(r.totalUsd, 4.65); // 500,000 × 1.5 / 1e6 = 0.75; 500,000 × 0.3 / 1e6 = 0.15; 500,000 × 7.5 / 1e6 = 3.75
    assert.ok(r.notes.includes(NOTE_NO_BATCH_PRICE));
    const d = ok(
      priceWorkload(
        pricing({ cache_read: 0.3, batch: { input: 1.5, output: 7.5, discount: 0.5 } }),
        workload({ batchShare: 1, cachedInputShare: 0.5 }),
      ),
    );
    near(d.totalUsd, 4.575); // 500,000 × 1.5 / 1e6 = 0.75; 500,000 × 0.15 / 1e6 = 0.075; 500,000 × 7.5 / 1e6 = 3.75
  });

  test('batch-only offering: prices a 100% batch workload, refuses a standard share', () => {
    const batchOnly: CostPricing = { batch: { input: 1.5, output: 7.5 } };
    near(ok(priceWorkload(batchOnly, workload({ batchShare: 1 }))).totalUsd, 5.25); // 1.5 + 3.75, as above
    const r = notOk(priceWorkload(batchOnly, workload({ batchShare: 0.5 })));
    assert.match(r.reason, /^batch-only offering/);
    assert.deepEqual(r.missing, ['input', 'output']);
  });

  test('batch above the threshold uses the batch tier', () => {
    const r = ok(
      priceWorkload(sonnet(), workload({ requestsPerMonth: 1, inputTokens: 200_001, outputTokens: 1000, batchShare: 1 })),
    );
    near(r.totalUsd, 0.611253); // 200,001 × 3 / 1e6 = 0.600003; 1,000 × 11.25 / 1e6 = 0.01125
    assert.equal(line(r, 'input', 'batch').tier, 200_000);
  });

  test('batch with only a discount: the base tier price × discount', () => {
    const p = pricing({ tiers: [{ above_tokens: 200_000, input: 6, output: 22.5 }], batch: { discount: 0.5 } });
    const r = ok(priceWorkload(p, workload({ requestsPerMonth: 1, inputTokens: 300_000, outputTokens: 1000, batchShare: 1 })));
    near(r.totalUsd, 0.91125); // 300,000 × (6 × 0.5) / 1e6 = 0.9; 1,000 × (22.5 × 0.5) / 1e6 = 0.01125
    assert.equal(line(r, 'input', 'batch').tier, 200_000);
  });

  test('batch prices without tiers do not cover a long-context request', () => {
    const gpt = pricing({
      input: 5,
      output: 30,
      tiers: [{ above_tokens: 272_000, input: 10, output: 45 }],
      batch: { input: 2.5, output: 15 },
    });
    const at = (inputTokens: number) =>
      priceWorkload(gpt, workload({ requestsPerMonth: 1, inputTokens, outputTokens: 1000, batchShare: 1 }));
    near(ok(at(272_000)).totalUsd, 0.695); // 272,000 × 2.5 / 1e6 = 0.68; 1,000 × 15 / 1e6 = 0.015
    // Above the tier: no batch price covers it, so the standard tier prices apply, noted.
    const r = ok(at(272_001));
    near(r.totalUsd, 2.76501); // 272,001 × 10 / 1e6 = 2.72001; 1,000 × 45 / 1e6 = 0.045
    assert.ok(r.notes.includes(NOTE_NO_BATCH_PRICE));
  });
});

describe('reasoning and per-unit meters', () => {
  test('reasoning tokens at the output price when no reasoning price is published', () => {
    const r = ok(priceWorkload(pricing(), workload({ reasoningTokens: 200 })));
    near(r.totalUsd, 13.5); // 10.5 + 200 × 1,000 = 200,000 × 15 / 1e6 = 3
    assert.equal(line(r, 'reasoning').unitPrice, 15);
    assert.match(r.notes.join(' '), /output price/);
  });

  test('reasoning tokens at their own price', () => {
    const r = ok(priceWorkload(pricing({ reasoning: 10 }), workload({ reasoningTokens: 200 })));
    near(r.totalUsd, 12.5); // 10.5 + 200,000 × 10 / 1e6 = 2
    assert.deepEqual(r.notes, []);
  });

  test('per-request fee, images and searches', () => {
    const p = pricing({ per_request: 0.001, per_image: 0.04, per_search: 0.01 });
    const r = ok(priceWorkload(p, workload({ imagesPerRequest: 2, searchesPerRequest: 1 })));
    near(r.totalUsd, 101.5); // tokens 10.5; fee 1,000 × 0.001 = 1; images 2,000 × 0.04 = 80; searches 1,000 × 0.01 = 10
    assert.equal(line(r, 'per_image').units, 2000);
    assert.equal(line(r, 'per_image').tokens, undefined);
  });

  test('images without a per-image price are not computable; no fee published means no fee', () => {
    const r = notOk(priceWorkload(pricing(), workload({ imagesPerRequest: 1 })));
    assert.deepEqual(r.missing, ['per_image']);
    assert.equal(
      ok(priceWorkload(pricing(), workload())).breakdown.some((l) => l.meter === 'per_request'),
      false,
    );
  });

  test('audio and video seconds', () => {
    const p = pricing({ per_audio_second: 0.0001, per_video_second: 0.1 });
    const r = ok(priceWorkload(p, workload({ outputTokens: 0, audioSecondsPerRequest: 30, videoSecondsPerRequest: 5 })));
    near(r.totalUsd, 506); // input 3; audio 30,000 s × 0.0001 = 3; video 5,000 s × 0.1 = 500; 3 + 3 + 500
  });
});

describe('free tier and billing', () => {
  // The base workload counts (1,000 + 500) × 1,000 = 1,500,000 tokens and 1,000 requests; it costs $10.5.
  test('tokens_per_month covers its share of the workload', () => {
    const r = ok(priceWorkload(pricing({ free_tier: { tokens_per_month: 500_000 } }), workload()));
    near(r.totalUsd, 7); // share 500,000 / 1,500,000 = 1/3; 10.5 − 10.5/3 = 7
    near(line(r, 'free_tier').usd, -3.5);
    near(line(r, 'free_tier').tokens!, 500_000);
    near(sum(r), r.totalUsd, 'breakdown sum');
  });

  test('requests_per_day × 30 days', () => {
    const r = ok(priceWorkload(pricing({ free_tier: { requests_per_day: 10 } }), workload()));
    near(r.totalUsd, 7.35); // 10 × 30 = 300 of 1,000 requests free: 10.5 × 0.7
    near(line(r, 'free_tier').units!, 300);
  });

  test('with two allowances, the first to run out sets the share', () => {
    const r = ok(priceWorkload(pricing({ free_tier: { requests_per_day: 20, tokens_per_month: 300_000 } }), workload()));
    near(r.totalUsd, 8.4); // requests 600 / 1,000 = 0.6; tokens 300,000 / 1,500,000 = 0.2; min 0.2: 10.5 × 0.8
  });

  test('a free tier larger than the workload brings the cost to 0, not below', () => {
    const r = ok(priceWorkload(pricing({ free_tier: { tokens_per_month: 10_000_000, requests_per_minute: 5 } }), workload()));
    assert.equal(r.totalUsd, 0); // share min(1, 10M / 1.5M) = 1: 10.5 − 10.5
  });

  test('billing free: $0 with a note, and a note when the workload outgrows the limit', () => {
    const r = ok(priceWorkload({ billing: 'free', free_tier: { requests_per_day: 50 } }, workload({ requestsPerMonth: 2000 })));
    assert.equal(r.totalUsd, 0);
    assert.match(r.notes.join(' '), /Free of charge/);
    assert.match(r.notes.join(' '), /50 requests per day/); // 2,000 > 50 × 30 = 1,500
  });

  test('subscription, unpublished, self-hosted and absent prices are not computable', () => {
    assert.equal(notOk(priceWorkload({ billing: 'subscription' }, workload())).reason, 'subscription plan');
    assert.equal(notOk(priceWorkload({ billing: 'subscription', plan: 'Pro' }, workload())).reason, 'subscription plan (Pro)');
    assert.equal(notOk(priceWorkload({ billing: 'unpublished' }, workload())).reason, 'price not published');
    assert.equal(notOk(priceWorkload({ billing: 'self_hosted' }, workload())).reason, 'self-hosted');
    assert.equal(notOk(priceWorkload(undefined, workload())).reason, 'price not published');
  });
});

describe('currency', () => {
  test('EUR prices × usd_per_unit', () => {
    const p = pricing({ currency: 'EUR', usd_rate: { usd_per_unit: 1.5, as_of: '2026-01-01' }, input: 2, output: 10 });
    const r = ok(priceWorkload(p, workload()));
    near(r.totalUsd, 10.5); // 2 × 1.5 = $3 and 10 × 1.5 = $15 per 1M: 3 + 7.5
    assert.equal(line(r, 'input').unitPrice, 3);
    assert.match(r.notes.join(' '), /EUR at 1\.5 USD per EUR/);
  });

  test('a non-USD price without a rate is not computable', () => {
    const r = notOk(priceWorkload(pricing({ currency: 'JPY' }), workload()));
    assert.deepEqual(r.missing, ['usd_rate']);
  });
});

describe('workload validation', () => {
  test('bad numbers give a result, not a throw', () => {
    for (const bad of [
      { requestsPerMonth: -1 },
      { inputTokens: Number.NaN },
      { outputTokens: Infinity },
      { batchShare: 1.5 },
      { cachedInputShare: -0.1 },
      { reasoningTokens: -5 },
    ]) {
      const r = notOk(priceWorkload(pricing(), workload(bad)));
      assert.match(r.reason, /^invalid workload: /);
    }
  });

  test('every problem is listed, including writes beyond the uncached input', () => {
    assert.equal(validateWorkload(workload({ requestsPerMonth: -1, batchShare: 2 })).length, 2);
    // uncached input 1,000 × (1 − 0.9) = 100 < 200 written
    assert.match(validateWorkload(workload({ cachedInputShare: 0.9, cacheWriteTokens: 200 }))[0]!, /cacheWriteTokens/);
    assert.deepEqual(validateWorkload(workload()), []);
  });
});

describe('rankByCost', () => {
  test('cheapest first, ties by id, not computable last by id', () => {
    const offerings = [
      { id: 'z/not-published', pricing: { billing: 'unpublished' as const } },
      { id: 'b/same', pricing: pricing() }, // 10.5
      { id: 'c/cheap', pricing: pricing({ input: 1, output: 5 }) }, // 1 + 2.5 = 3.5
      { id: 'a/same', pricing: pricing() }, // 10.5, before b/same by id
      { id: 'a/no-price' },
    ];
    const ranked = rankByCost(offerings, workload());
    assert.deepEqual(
      ranked.map((r) => r.offering.id),
      ['c/cheap', 'a/same', 'b/same', 'a/no-price', 'z/not-published'],
    );
    near((ranked[0]!.cost as CostOk).totalUsd, 3.5);
  });

  test('policy: every offering with token prices is ranked, cached and batch shares included', () => {
    const offerings = [
      { id: 'a/cache', pricing: pricing({ cache_read: 0.3 }) },
      { id: 'b/no-cache', pricing: pricing({ input: 1, output: 5 }) },
      { id: 'c/no-batch-no-cache', pricing: pricing() },
    ];
    const ranked = rankByCost(offerings, workload({ cachedInputShare: 0.3, batchShare: 0.5 }));
    assert.deepEqual(
      ranked.map((r) => r.group),
      ['paid', 'paid', 'paid'],
    );
    assert.equal(ranked[0]!.offering.id, 'b/no-cache'); // 1 + 2.5 = 3.5, no discount needed to be cheapest
  });

  test('policy: free offerings and whole free tiers form their own group, listed before the paid ones', () => {
    const offerings = [
      { id: 'a/paid', pricing: pricing({ input: 0.01, output: 0.01 }) },
      { id: 'b/free', pricing: { billing: 'free' as const } },
      { id: 'c/free-tier', pricing: pricing({ free_tier: { requests_per_day: 1000 } }) }, // 30,000 free ≥ 1,000 requests
      { id: 'd/partial-tier', pricing: pricing({ free_tier: { requests_per_day: 10 } }) }, // 300 of 1,000: 70% of 10.5
    ];
    const ranked = rankByCost(offerings, workload());
    assert.deepEqual(
      ranked.map((r) => [r.offering.id, r.group]),
      [
        ['b/free', 'free'],
        ['c/free-tier', 'free'],
        ['a/paid', 'paid'],
        ['d/partial-tier', 'paid'],
      ],
    );
    near((ranked[3]!.cost as CostOk).totalUsd, 7.35); // 10.5 × (1 − 300 / 1,000)
    assert.deepEqual(COST_GROUPS, ['free', 'paid', 'unranked']);
  });

  test('policy: subscription and unpublished billing never rank as $0: unranked, with the reason', () => {
    const offerings = [
      { id: 'a/sub', pricing: { billing: 'subscription' as const, plan: 'Pro' } },
      { id: 'b/unpublished', pricing: { billing: 'unpublished' as const } },
      { id: 'c/paid', pricing: pricing() },
    ];
    const ranked = rankByCost(offerings, workload());
    assert.deepEqual(
      ranked.map((r) => [r.offering.id, r.group]),
      [
        ['c/paid', 'paid'],
        ['a/sub', 'unranked'],
        ['b/unpublished', 'unranked'],
      ],
    );
    assert.equal(notOk(ranked[1]!.cost).reason, 'subscription plan (Pro)');
    assert.equal(notOk(ranked[2]!.cost).reason, 'price not published');
    assert.equal(costGroup({ billing: 'subscription' }, ranked[1]!.cost), 'unranked');
  });

  test('an invalid workload makes every row not computable', () => {
    const ranked = rankByCost([{ id: 'a', pricing: pricing() }], workload({ batchShare: -1 }));
    assert.equal(ranked[0]!.cost.ok, false);
  });

  test('5,000 synthetic offerings, each priced right', () => {
    // Offering i: input = 1 + (i % 50) / 10, output = 4 × input, cache_read = input / 10, half of them with batch at 50% off,
    // every tenth with no cache-read price (its cached input billed at the input price).
    const offerings = Array.from({ length: 5000 }, (_, i) => {
      const input = 1 + (i % 50) / 10;
      return {
        id: `p${String(i).padStart(4, '0')}`,
        pricing: {
          input,
          output: 4 * input,
          ...(i % 10 === 0 ? {} : { cache_read: input / 10 }),
          batch: { discount: 0.5 },
        } as CostPricing,
      };
    });
    const w = workload({ cachedInputShare: 0.5, batchShare: 0.5 });
    const ranked = rankByCost(offerings, w);
    assert.equal(ranked.length, 5000);
    let previous = -Infinity;
    let computable = 0;
    for (const { offering, cost } of ranked) {
      const i = Number(offering.id.slice(1));
      computable++;
      const input = 1 + (i % 50) / 10;
      if (i % 10 === 0) {
        // standard 250,000 × (input + input + 4·input), batch the same × 0.5: input × 250,000 × 6 × 1.5 / 1e6
        near((cost as CostOk).totalUsd, 2.25 * input, offering.id);
        continue;
      }
      // Per 1,000 requests: 500 standard + 500 batch (half price), each 500 uncached + 500 cached input, 500 output tokens:
      // standard 250,000 × input + 250,000 × input/10 + 250,000 × 4·input; batch the same × 0.5; all / 1e6
      // = input × 250,000 × 5.1 × 1.5 / 1e6 = 1.9125 × input
      near((cost as CostOk).totalUsd, 1.9125 * input, offering.id);
    }
    for (const { cost } of ranked) {
      assert.ok((cost as CostOk).totalUsd >= previous, 'ascending');
      previous = (cost as CostOk).totalUsd;
    }
    assert.equal(computable, 5000);
  });
});
