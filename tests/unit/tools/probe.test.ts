/** The probe's pure parts: percentiles, SSE parsing, requests, samples, the YAML edit and the region view. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { median, p50p90, percentile } from '../../../src/core/stats.ts';
import { createSseParser, readEvent } from '../../../tools/probe/sse.ts';
import { buildRequest, isLoopbackUrl, PROBE_METHOD, redact, retryAfterMs } from '../../../tools/probe/request.ts';
import { tokensPerSecond, type Measurement } from '../../../tools/probe/measure.ts';
import { buildSample } from '../../../tools/probe/sample.ts';
import { appendSamples } from '../../../tools/probe/yaml-update.ts';
import { groupByRegion, isSampleStale, sampleRows } from '../../../src/views/provider/samples.ts';
import { PerformanceSampleSchema, OfferingSchema, type PerformanceSample } from '../../../src/model/schema.ts';

describe('median', () => {
  test('middle value of an odd count, mean of the two middle values of an even count, any order', () => {
    assert.equal(median([50, 15, 35]), 35);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([7]), 7);
  });
  test('undefined for an empty list', () => {
    assert.equal(median([]), undefined);
  });
});

describe('percentile (nearest rank)', () => {
  test('rank ⌈p/100 × n⌉ of the sorted values', () => {
    const xs = [15, 20, 35, 40, 50];
    assert.equal(percentile(xs, 30), 20);
    assert.equal(percentile(xs, 40), 20);
    assert.equal(percentile(xs, 50), 35);
    assert.equal(percentile(xs, 100), 50);
  });
  test('order of input does not matter; the result is a measured value', () => {
    assert.equal(percentile([9, 1, 5, 3, 7, 2, 8, 4, 6, 10], 90), 9);
    assert.equal(percentile([4, 1, 3, 2], 50), 2); // lower middle, not 2.5
  });
  test('one value, empty list, bad p', () => {
    assert.deepEqual(p50p90([7]), { p50: 7, p90: 7 });
    assert.equal(percentile([], 50), undefined);
    assert.equal(p50p90([]), undefined);
    assert.throws(() => percentile([1], 0), RangeError);
    assert.throws(() => percentile([1], 101), RangeError);
  });
});

describe('SSE parser', () => {
  test('events split across chunks, CRLF, comments, multi-line data, event names', () => {
    const p = createSseParser();
    assert.deepEqual(p.push(': keep-alive\n\ndata: {"a"'), []);
    assert.deepEqual(p.push(':1}\r'), []);
    assert.deepEqual(p.push('\n\r\nevent: message_stop\ndata: x\ndata: y\n\n'), [
      { event: 'message', data: '{"a":1}' },
      { event: 'message_stop', data: 'x\ny' },
    ]);
  });
  test('an event without data is not dispatched', () => {
    assert.deepEqual(createSseParser().push('event: ping\n\n'), []);
  });
});

describe('reading events', () => {
  const ev = (data: unknown, event = 'message') => ({ event, data: typeof data === 'string' ? data : JSON.stringify(data) });
  test('OpenAI: content deltas, usage, [DONE]', () => {
    assert.deepEqual(readEvent('openai', ev({ choices: [{ delta: { content: 'Hi' } }] })), [{ kind: 'text', text: 'Hi' }]);
    assert.deepEqual(readEvent('openai', ev({ choices: [], usage: { completion_tokens: 42 } })), [
      { kind: 'usage', outputTokens: 42 },
    ]);
    assert.deepEqual(readEvent('openai', ev('[DONE]')), [{ kind: 'done' }]);
    assert.deepEqual(readEvent('openai', ev({ choices: [{ delta: { role: 'assistant', content: '' } }] })), [{ kind: 'ignore' }]);
  });
  test('Anthropic: text deltas, message_delta usage, message_stop, error events', () => {
    assert.deepEqual(readEvent('anthropic', ev({ type: 'content_block_delta', delta: { type: 'text_delta', text: 'Hi' } })), [
      { kind: 'text', text: 'Hi' },
    ]);
    assert.deepEqual(readEvent('anthropic', ev({ type: 'message_delta', usage: { output_tokens: 9 } })), [
      { kind: 'usage', outputTokens: 9 },
    ]);
    assert.deepEqual(readEvent('anthropic', ev({ type: 'message_stop' })), [{ kind: 'done' }]);
    assert.deepEqual(
      readEvent('anthropic', ev({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'error')),
      [{ kind: 'error', message: 'Overloaded' }],
    );
  });
  test('data that is not JSON is a SyntaxError naming it', () => {
    assert.throws(() => readEvent('openai', ev('{"choices": [')), { name: 'SyntaxError', message: /Malformed SSE event/ });
  });
});

describe('requests', () => {
  test('OpenAI-compatible: /chat/completions, bearer key, usage in the stream', () => {
    const r = buildRequest('openai', 'https://api.groq.com/openai/v1/', 'm', 'hi', 50, 'sk-secret');
    assert.equal(r.url, 'https://api.groq.com/openai/v1/chat/completions');
    assert.equal(r.headers.authorization, 'Bearer sk-secret');
    assert.deepEqual(JSON.parse(r.body).stream_options, { include_usage: true });
  });
  test('Anthropic: /v1/messages with x-api-key, with or without /v1 in the base', () => {
    assert.equal(
      buildRequest('anthropic', 'https://api.anthropic.com/v1', 'm', 'hi', 50, 'k').url,
      'https://api.anthropic.com/v1/messages',
    );
    const r = buildRequest('anthropic', 'http://127.0.0.1:9', 'm', 'hi', 50, 'k');
    assert.equal(r.url, 'http://127.0.0.1:9/v1/messages');
    assert.equal(r.headers['x-api-key'], 'k');
    assert.equal(JSON.parse(r.body).max_tokens, 50);
  });
  test('base-URL overrides: loopback only', () => {
    for (const ok of ['http://127.0.0.1:8080', 'http://localhost:1/v1', 'http://[::1]:9', 'https://127.1.2.3'])
      assert.equal(isLoopbackUrl(ok), true, ok);
    for (const bad of [
      'https://api.openai.com',
      'http://10.0.0.1',
      'http://127.0.0.1.evil.com',
      'file:///etc',
      'ftp://127.0.0.1',
      'nonsense',
    ])
      assert.equal(isLoopbackUrl(bad), false, bad);
  });
  test('the key never survives redact()', () => {
    assert.equal(
      redact('HTTP 401: bad key sk-abc123 (Bearer sk-abc123)', 'sk-abc123'),
      'HTTP 401: bad key [redacted] (Bearer [redacted])',
    );
    assert.equal(redact('no key here', undefined), 'no key here');
  });
  test('Retry-After in seconds or as a date, capped', () => {
    assert.equal(retryAfterMs('2', 0), 2000);
    assert.equal(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 10_000);
    assert.equal(retryAfterMs('3600', 0), 60_000);
    assert.equal(retryAfterMs(null, 0), undefined);
    assert.equal(retryAfterMs('soon', 0), undefined);
  });
});

const ok = (ttftMs: number, totalMs: number, outputTokens = 101): Measurement => ({
  ok: true,
  ttftMs,
  totalMs,
  outputTokens,
  tokensPerSecond: tokensPerSecond(outputTokens, ttftMs, totalMs),
  tokensCounted: 'usage',
});

describe('samples', () => {
  test('tokens per second after the first token', () => {
    assert.equal(tokensPerSecond(101, 200, 1200), 100);
    assert.equal(tokensPerSecond(1, 200, 1200), undefined);
    assert.equal(tokensPerSecond(10, 200, 200), undefined);
  });
  const opts = { region: 'eu-west', promptProfile: 'short', measuredAt: '2026-11-25', required: 3 };
  test('p50/p90 of the successful requests, a valid schema sample', () => {
    const out = buildSample([ok(100, 1100), ok(300, 2300), ok(200, 1200)], opts);
    assert.ok(out.ok);
    assert.deepEqual(out.sample, {
      region: 'eu-west',
      ttft_ms: { p50: 200, p90: 300 },
      output_tokens_per_second: { p50: 100, p90: 100 },
      total_latency_ms: { p50: 1200, p90: 2300 },
      n: 3,
      prompt_profile: 'short',
      measured_at: '2026-11-25',
      method: PROBE_METHOD,
    });
    assert.equal(PerformanceSampleSchema.safeParse(out.sample).success, true);
  });
  test('refused when fewer than N requests succeeded', () => {
    const out = buildSample([ok(100, 1100), { ok: false, fault: 'http', message: 'HTTP 500' }, ok(200, 1200)], opts);
    assert.deepEqual(out, { ok: false, message: 'Only 2 of 3 requests succeeded (short prompt); nothing written' });
  });
  test('refused when no request had a speed', () => {
    const out = buildSample([ok(100, 1100, 1), ok(100, 1100, 1), ok(100, 1100, 1)], opts);
    assert.equal(out.ok, false);
  });
});

const sample = (over: Partial<PerformanceSample> = {}): PerformanceSample => ({
  region: 'eu-west',
  ttft_ms: { p50: 210, p90: 400 },
  output_tokens_per_second: { p50: 88.5, p90: 120 },
  n: 5,
  prompt_profile: 'short',
  measured_at: '2026-11-25',
  method: 'probe v1',
  ...over,
});

describe('YAML edit', () => {
  const fixture = readFileSync(new URL('../../fixtures/base/offerings/acme/acme/atlas-2.yaml', import.meta.url), 'utf8');
  test('appends to an existing performance list, keeping the earlier sample and the rest of the file', () => {
    const plan = appendSamples(fixture, [sample()]);
    assert.ok(plan.ok);
    const before = parse(fixture);
    const after = parse(plan.text);
    assert.equal(after.performance.length, 2);
    assert.deepEqual(after.performance[0], before.performance[0]);
    assert.deepEqual(after.performance[1], sample());
    assert.deepEqual({ ...after, performance: undefined }, { ...before, performance: undefined });
    assert.ok(plan.text.startsWith(fixture.slice(0, fixture.indexOf('performance:'))), 'everything before the list is unchanged');
    assert.ok(plan.text.includes('ttft_ms: { p50: 420, p90: 900 }'), 'flow style kept');
    const added = plan.text.slice(fixture.indexOf('sources:') - 0).length - fixture.slice(fixture.indexOf('sources:')).length;
    const at = fixture.indexOf('sources:');
    assert.equal(
      plan.text.slice(0, at) + plan.text.slice(at + (plan.text.length - fixture.length)),
      fixture,
      'a pure insertion before `sources:`',
    );
    assert.ok(added > 0);
    assert.match(
      plan.text.slice(at, at + (plan.text.length - fixture.length)),
      /^ {2}- region: eu-west\n {4}ttft_ms:\n {6}p50: 210\n/,
    );
    assert.equal(OfferingSchema.safeParse(after).success, true);
  });
  test('creates the list when missing; comments survive', () => {
    const text = '# hand-written note\nprovider: acme\nmodel: acme/atlas-1 # canonical\npricing:\n  input: 1\n  output: 2\n';
    const plan = appendSamples(text, [sample(), sample({ prompt_profile: 'long' })]);
    assert.ok(plan.ok);
    assert.ok(plan.text.startsWith(text), plan.text);
    assert.match(plan.text.slice(text.length), /^performance:\n {2}- region: eu-west\n {4}ttft_ms:\n/);
    assert.equal(parse(plan.text).performance.length, 2);
    assert.equal(parse(plan.text).performance[0].measured_at, '2026-11-25', 'dates stay strings');
  });
  test('a flow-style list is re-rendered with the sample appended', () => {
    const plan = appendSamples('provider: acme\nperformance: []\n', [sample()]);
    assert.ok(plan.ok);
    assert.deepEqual(parse(plan.text).performance, [sample()]);
  });
  test('refuses a file whose performance is not a list, or not YAML', () => {
    assert.equal(appendSamples('performance: 3\n', [sample()]).ok, false);
    assert.equal(appendSamples('a: [\n', [sample()]).ok, false);
    assert.equal(appendSamples('- 1\n', [sample()]).ok, false);
  });
});

describe('region view', () => {
  const offerings = [
    { name: 'A', performance: [sample({ region: 'us-east', measured_at: '2026-01-01' }), sample({ measured_at: '2026-11-01' })] },
    { name: 'B', performance: [sample({ measured_at: '2026-11-20' })] },
    { name: 'C' },
  ];
  const rows = sampleRows(offerings, (o) => ({ name: o.name }), '2026-11-25');
  test('by region, newest first', () => {
    assert.deepEqual(
      rows.map((r) => [r.region, r.subject, r.measuredAt]),
      [
        ['eu-west', 'B', '2026-11-20'],
        ['eu-west', 'A', '2026-11-01'],
        ['us-east', 'A', '2026-01-01'],
      ],
    );
    assert.deepEqual(
      groupByRegion(rows).map((g) => [g.region, g.rows.length]),
      [
        ['eu-west', 2],
        ['us-east', 1],
      ],
    );
  });
  test('stale after 90 days before the data date, not at 90', () => {
    assert.deepEqual(
      rows.map((r) => r.stale),
      [false, false, true],
    );
    assert.equal(isSampleStale('2026-08-27', '2026-11-25'), false); // 90 days
    assert.equal(isSampleStale('2026-08-26', '2026-11-25'), true); // 91 days
    assert.equal(isSampleStale('2020-01-01', undefined), false);
    assert.equal(isSampleStale('2026-12-01', '2026-11-25'), false);
  });
});

describe('rtt and table text', async () => {
  const { apiOrigin, summarizeRtt, rttText } = await import('../../../src/core/rtt.ts');
  const { ttftText, tpsText, modelSampleRows, providerSampleRows } = await import('../../../src/views/provider/samples.ts');
  test('API origin: HTTPS only', () => {
    assert.equal(apiOrigin('https://api.groq.com/openai/v1'), 'https://api.groq.com');
    assert.equal(apiOrigin('http://api.example.com/v1'), undefined);
    assert.equal(apiOrigin(undefined), undefined);
    assert.equal(apiOrigin('not a url'), undefined);
  });
  test('round trips: the first is setup, the rest are summarized', () => {
    const s = summarizeRtt([250, 40, 30, 50, 35])!;
    assert.deepEqual(s, { firstMs: 250, medianMs: 35, minMs: 30, count: 5 });
    assert.equal(
      rttText(s),
      'Network round trip: 35 ms median (fastest 30 ms) over 4 requests; the first, with connection setup, took 250 ms.',
    );
    assert.equal(summarizeRtt([10]), undefined);
  });
  test('table text', () => {
    assert.equal(ttftText({ ttftP50: 210.4, ttftP90: 399.6 }), '210 ms (p90 400 ms)');
    assert.equal(ttftText({ ttftP50: 210 }), '210 ms');
    assert.equal(tpsText({ tpsP50: 88.54, tpsP90: 120 }), '88.5 tok/s (p90 120)');
  });
  test('provider rows name the model; model rows name the provider', () => {
    const o = {
      id: 'p/a/m',
      providerRecord: { id: 'p', name: 'P Cloud' },
      modelRecord: { id: 'a/m', name: 'M 1' },
      performance: [sample()],
    };
    assert.deepEqual(
      [providerSampleRows([o], undefined)[0]!.subject, providerSampleRows([o], undefined)[0]!.subjectHref],
      ['M 1', '/models/a/m/'],
    );
    assert.deepEqual(
      [modelSampleRows([o], undefined)[0]!.subject, modelSampleRows([o], undefined)[0]!.subjectHref],
      ['P Cloud', '/providers/p/'],
    );
  });
});
