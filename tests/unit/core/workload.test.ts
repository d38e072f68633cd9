import { test } from 'node:test';
import assert from 'node:assert/strict';
import { priceWorkload, validateWorkload, type CostOk, type Workload } from '../../../src/core/cost.ts';
import {
  DEFAULT_WORKLOAD,
  decodeWorkload,
  encodeWorkload,
  fieldText,
  spreadMonthlyVolume,
  withFieldText,
  WORKLOAD_FIELDS,
  WORKLOAD_PARAMS,
  WORKLOAD_PRESETS,
  decodeMonthly,
  encodeMonthly,
  monthlyErrors,
  monthlyOf,
  withMonthly,
  withMonthlyText,
} from '../../../src/core/workload.ts';

const full: Workload = {
  requestsPerMonth: 12_345,
  inputTokens: 1234.5,
  outputTokens: 77,
  cachedInputShare: 0.07,
  cacheWriteTokens: 100,
  cacheTtl: '1h',
  batchShare: 0.3,
  reasoningTokens: 1e-7,
  imagesPerRequest: 2,
  audioSecondsPerRequest: 0.5,
  videoSecondsPerRequest: 3,
  searchesPerRequest: 1,
};

test('every preset is a valid workload and survives the URL', () => {
  for (const [id, preset] of Object.entries(WORKLOAD_PRESETS)) {
    assert.deepEqual(validateWorkload(preset.workload), [], id);
    assert.deepEqual(decodeWorkload(encodeWorkload(preset.workload)), preset.workload, id);
  }
});

test('the chatbot preset on $3/$15', () => {
  const r = priceWorkload({ input: 3, output: 15 }, WORKLOAD_PRESETS.chatbot.workload) as CostOk;
  assert.equal(r.totalUsd, 900); // 100,000 × 1,500 = 150M × 3 / 1e6 = 450; 100,000 × 300 = 30M × 15 / 1e6 = 450
});

test('encode writes short, ordered params and skips unset fields', () => {
  assert.equal(encodeWorkload(DEFAULT_WORKLOAD), 'req=100000&in=1500&out=300&cached=0&batch=0');
});

test('every field round-trips exactly', () => {
  assert.deepEqual(decodeWorkload(encodeWorkload(full)), full);
  assert.deepEqual(decodeWorkload(new URLSearchParams(encodeWorkload(full))), full);
  assert.deepEqual(decodeWorkload(`?${encodeWorkload(full)}`), full);
});

test('missing and garbage params fall back to defaults without throwing', () => {
  assert.deepEqual(decodeWorkload(''), DEFAULT_WORKLOAD);
  assert.deepEqual(decodeWorkload('req=&in=abc&out=-5&cached=1.5&batch=NaN&ttl=2d&img=0x10&%zz=1'), DEFAULT_WORKLOAD);
  assert.deepEqual(decodeWorkload('req=Infinity&in=1e999'), DEFAULT_WORKLOAD);
  assert.deepEqual(decodeWorkload('in=2000'), { ...DEFAULT_WORKLOAD, inputTokens: 2000 });
});

test('a preset param starts from that preset; unknown presets are ignored', () => {
  assert.deepEqual(decodeWorkload('preset=batch-summarisation&req=10'), {
    ...WORKLOAD_PRESETS['batch-summarisation'].workload,
    requestsPerMonth: 10,
  });
  assert.deepEqual(decodeWorkload('preset=__proto__'), DEFAULT_WORKLOAD);
});

test('cache writes beyond the uncached input are cut to fit', () => {
  // uncached input: 1,000 × (1 − 0.9) = 100
  const w = decodeWorkload('in=1000&cached=0.9&cw=500');
  assert.equal(w.cacheWriteTokens, 100);
  assert.deepEqual(validateWorkload(w), []);
});

test('monthly totals spread over the requests', () => {
  const w = spreadMonthlyVolume({ requestsPerMonth: 1000, inputTokensPerMonth: 2_000_000, outputTokensPerMonth: 500_000 });
  assert.deepEqual(w, { requestsPerMonth: 1000, inputTokens: 2000, outputTokens: 500, cachedInputShare: 0, batchShare: 0 }); // 2M / 1,000; 0.5M / 1,000
  assert.equal(spreadMonthlyVolume({ requestsPerMonth: 0, inputTokensPerMonth: 5, outputTokensPerMonth: 5 }).inputTokens, 0);
});

test('one field table drives the URL parameters and the form', () => {
  assert.deepEqual(Object.keys(WORKLOAD_PARAMS), Object.keys(full));
  assert.equal(new Set(WORKLOAD_FIELDS.map((f) => f.param)).size, WORKLOAD_FIELDS.length);
  const shown: Record<string, string> = Object.fromEntries(WORKLOAD_FIELDS.map((f) => [f.param, fieldText(f, full)]));
  assert.deepEqual(shown, {
    req: '12345',
    in: '1234.5',
    out: '77',
    cached: '7',
    cw: '100',
    ttl: '1h',
    batch: '30',
    think: '1e-7',
    img: '2',
    audio: '0.5',
    video: '3',
    search: '1',
  });
  // Typing each shown text back gives the same workload.
  const typed = WORKLOAD_FIELDS.reduce((w, f) => withFieldText(w, f.param, fieldText(f, full)), DEFAULT_WORKLOAD);
  assert.deepEqual(typed, full);
});

test('form edits: blank counts are 0, blank or 0 optional fields are left out, unknown names change nothing', () => {
  assert.equal(withFieldText(DEFAULT_WORKLOAD, 'req', '').requestsPerMonth, 0);
  const w = withFieldText(DEFAULT_WORKLOAD, 'think', '500');
  assert.equal(w.reasoningTokens, 500);
  assert.equal('reasoningTokens' in withFieldText(w, 'think', '0'), false);
  assert.equal('reasoningTokens' in withFieldText(w, 'think', ' '), false);
  assert.equal(withFieldText(DEFAULT_WORKLOAD, 'ttl', '2d').cacheTtl, '5m');
  assert.equal(withFieldText(DEFAULT_WORKLOAD, 'nope', '1'), DEFAULT_WORKLOAD);
  assert.equal(
    fieldText(
      WORKLOAD_FIELDS.find((f) => f.param === 'cw')!,
      DEFAULT_WORKLOAD,
    ),
    '',
  );
});

test('the cache TTL is written only with cache writes', () => {
  assert.equal(encodeWorkload({ ...DEFAULT_WORKLOAD, cacheTtl: '1h' }), encodeWorkload(DEFAULT_WORKLOAD));
});

test('volume per month: tin and tout replace in and out, and round-trip', () => {
  const w = withMonthly(
    { ...DEFAULT_WORKLOAD, requestsPerMonth: 100_000, cachedInputShare: 0.3 },
    { inputTokensPerMonth: 50_000_000, outputTokensPerMonth: 10_000_000 },
  );
  assert.equal(w.inputTokens, 500); // 50M / 100,000 requests
  assert.equal(w.outputTokens, 100); // 10M / 100,000
  const m = monthlyOf(w);
  assert.deepEqual(m, { inputTokensPerMonth: 50_000_000, outputTokensPerMonth: 10_000_000 });
  const q = encodeMonthly(w, m);
  assert.equal(q, 'req=100000&tin=50000000&tout=10000000&cached=0.3&batch=0');
  assert.deepEqual(decodeMonthly(q, decodeWorkload(q)), m);
  assert.deepEqual(withMonthly(decodeWorkload(q), decodeMonthly(q, decodeWorkload(q))!), w);
  assert.equal(decodeMonthly('req=5&in=3', DEFAULT_WORKLOAD), undefined);
});

test('volume per month: typing, and no requests to spread the tokens over', () => {
  const m = withMonthlyText({ inputTokensPerMonth: 1, outputTokensPerMonth: 2 }, 'tin', ' 7e6 ');
  assert.deepEqual(m, { inputTokensPerMonth: 7_000_000, outputTokensPerMonth: 2 });
  assert.deepEqual(withMonthlyText(m, 'nope', '5'), m);
  const none = withMonthly({ ...DEFAULT_WORKLOAD, requestsPerMonth: 0 }, m);
  assert.equal(validateWorkload(none).length > 0, true); // never priced as $0
  assert.match(monthlyErrors(none, m)[0]!, /requests per month must be above 0/);
  assert.deepEqual(monthlyErrors(DEFAULT_WORKLOAD, undefined), []);
});
