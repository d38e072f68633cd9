/**
 * The probe against a real local server (tests/support/sse-server.ts on 127.0.0.1): measured
 * TTFT and throughput within tolerance of the configured delays, each fault reported, and the
 * CLI writing a valid sample into a temp copy of tests/fixtures/base. No test reaches the internet.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { measureOnce, runRequests, type ProbeDeps } from '../../../tools/probe/measure.ts';
import { buildRequest } from '../../../tools/probe/request.ts';
import { loadData } from '../../../src/model/load.ts';
import { startSseServer, type Scenario } from '../../support/sse-server.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const KEY = 'sk-test-very-secret-123';
const slept: number[] = [];
const deps: ProbeDeps = {
  fetch: globalThis.fetch,
  now: () => performance.now(),
  wallNow: () => Date.now(),
  sleep: async (ms) => void slept.push(ms),
};
const base: Scenario = { ttftMs: 150, gapMs: 40, tokens: 11, usage: true };

describe('measuring a stream', () => {
  let scenarios: Scenario[] = [];
  let server: Awaited<ReturnType<typeof startSseServer>>;
  const at = (...s: Scenario[]) => {
    scenarios = s;
    server.received.length = 0;
  };
  before(async () => {
    server = await startSseServer((i) => scenarios[Math.min(i, scenarios.length - 1)]!);
  });
  after(() => server.close());
  const openai = () => buildRequest('openai', `${server.url}/v1`, 'atlas', 'hi', 50, KEY);

  for (const style of ['openai', 'anthropic'] as const) {
    test(`${style}: TTFT and tokens per second match the server's delays`, async () => {
      at(base);
      const m = await measureOnce(deps, style, buildRequest(style, `${server.url}/v1`, 'atlas', 'hi', 50, KEY), 5000, KEY);
      assert.ok(m.ok, JSON.stringify(m));
      // 150 ms to the first token; 10 gaps of 40 ms → 10 tokens / 0.4 s = 25 tok/s (timers only run late).
      assert.ok(m.ttftMs >= 145 && m.ttftMs < 150 + 120, `ttft ${m.ttftMs}`);
      assert.ok(m.tokensPerSecond! > 25 * 0.7 && m.tokensPerSecond! <= 25 * 1.1, `tps ${m.tokensPerSecond}`);
      assert.ok(m.totalMs >= 545 && m.totalMs < 550 + 250, `total ${m.totalMs}`);
      assert.equal(m.outputTokens, 11);
      assert.equal(m.tokensCounted, 'usage');
      const sent = server.received[0]!;
      assert.equal(sent.path, style === 'openai' ? '/v1/chat/completions' : '/v1/messages');
      if (style === 'openai') assert.equal(sent.headers.authorization, `Bearer ${KEY}`);
      else assert.equal(sent.headers['x-api-key'], KEY);
    });
  }

  test('without usage in the stream, tokens are counted as chunks', async () => {
    at({ ...base, usage: false });
    const m = await measureOnce(deps, 'openai', openai(), 5000, KEY);
    assert.ok(m.ok);
    assert.equal(m.tokensCounted, 'chunks');
    assert.equal(m.outputTokens, 11);
  });

  test('429 with Retry-After: waits as told, then retries', async () => {
    slept.length = 0;
    at({ ...base, fault: { kind: 'status', status: 429, retryAfter: '2' } }, base);
    const run = await runRequests(deps, 'openai', openai(), { n: 1, timeoutMs: 5000, key: KEY });
    assert.equal(run.measurements.filter((m) => m.ok).length, 1);
    assert.deepEqual(slept, [2000]);
    assert.equal(run.faults[0]!.fault, 'rate-limited');
    assert.match(run.faults[0]!.message, /HTTP 429 rate limited, Retry-After 2 s/);
  });

  test('429 that persists: gives up after the retries, reported', async () => {
    slept.length = 0;
    at({ ...base, fault: { kind: 'status', status: 429 } });
    const run = await runRequests(deps, 'openai', openai(), { n: 1, timeoutMs: 5000, key: KEY, maxRetries: 2, backoffMs: 10 });
    assert.equal(run.measurements[0]!.ok, false);
    assert.deepEqual(slept, [10, 10]);
    assert.equal(run.faults.length, 3);
  });

  test('5xx: reported with its status, the run goes on; the key is redacted from the body', async () => {
    at({ ...base, fault: { kind: 'status', status: 503 } }, base);
    const run = await runRequests(deps, 'openai', openai(), { n: 3, timeoutMs: 5000, key: KEY });
    assert.deepEqual(
      run.measurements.map((m) => m.ok),
      [false, true, true],
    );
    const f = run.faults[0]!;
    assert.equal(f.fault, 'http');
    assert.equal(f.status, 503);
    assert.match(f.message, /^HTTP 503 server error/);
    assert.ok(!f.message.includes(KEY), f.message);
    assert.match(f.message, /\[redacted\]/);
  });

  test('a stream that stops mid-way (clean end, no end event)', async () => {
    at({ ...base, fault: { kind: 'truncate', after: 4 } });
    const m = await measureOnce(deps, 'openai', openai(), 5000, KEY);
    assert.deepEqual([m.ok, !m.ok && m.fault], [false, 'truncated']);
    assert.match(!m.ok ? m.message : '', /Stream ended before completion after 4 text chunks/);
  });

  test('a connection dropped mid-stream', async () => {
    at({ ...base, fault: { kind: 'drop', after: 3 } });
    const m = await measureOnce(deps, 'anthropic', buildRequest('anthropic', server.url, 'atlas', 'hi', 50, KEY), 5000, KEY);
    assert.deepEqual([m.ok, !m.ok && m.fault], [false, 'truncated']);
  });

  test('malformed SSE', async () => {
    at({ ...base, fault: { kind: 'malformed', after: 2 } });
    const m = await measureOnce(deps, 'openai', openai(), 5000, KEY);
    assert.deepEqual([m.ok, !m.ok && m.fault], [false, 'malformed']);
    assert.match(!m.ok ? m.message : '', /Malformed SSE event/);
  });

  test('timeout: a server that sends headers and then nothing', async () => {
    at({ ...base, fault: { kind: 'hang' } });
    const t0 = performance.now();
    const m = await measureOnce(deps, 'openai', openai(), 300, KEY);
    assert.deepEqual([m.ok, !m.ok && m.message], [false, 'Timed out after 300 ms before the first token']);
    assert.ok(performance.now() - t0 < 2000);
  });

  test('nothing listening: a network fault, not a crash', async () => {
    const m = await measureOnce(deps, 'openai', buildRequest('openai', 'http://127.0.0.1:9', 'm', 'hi', 5, KEY), 2000, KEY);
    assert.deepEqual([m.ok, !m.ok && m.fault], [false, 'network']);
  });
});

const runCli = (args: string[], env: Record<string, string> = {}) =>
  new Promise<{ code: number | null; out: string }>((done) => {
    const child = spawn(process.execPath, ['tools/probe.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => done({ code, out }));
  });

describe('npm run probe', () => {
  let dir = '';
  let scenarios: Scenario[] = [base];
  let server: Awaited<ReturnType<typeof startSseServer>>;
  const file = () => join(dir, 'offerings/acme/acme/atlas-2.yaml');
  before(async () => {
    server = await startSseServer((i) => scenarios[i % scenarios.length]!);
    dir = mkdtempSync(join(tmpdir(), 'atlas-probe-'));
    cpSync(join(ROOT, 'tests/fixtures/base'), dir, { recursive: true });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('measures the local server and appends a valid sample, keeping the earlier one', async () => {
    const before = readFileSync(file(), 'utf8');
    scenarios = [{ ...base, ttftMs: 80, gapMs: 10 }];
    const r = await runCli(
      ['acme/acme/atlas-2', '--region', 'test-lab', '--n', '3', '--profile', 'both', '--base-url', server.url, '--data', dir],
      { ACME_API_KEY: KEY },
    );
    assert.equal(r.code, 0, r.out);
    assert.ok(!r.out.includes(KEY), 'the key is never printed');
    assert.match(r.out, /key from \$ACME_API_KEY/);
    const text = readFileSync(file(), 'utf8');
    assert.ok(text.startsWith(before.slice(0, before.indexOf('sources:'))));
    const perf = parse(text).performance;
    assert.equal(perf.length, 3);
    assert.equal(perf[0].region, 'us-east');
    assert.deepEqual(
      perf
        .slice(1)
        .map((s: { region: string; prompt_profile: string; n: number; method: string }) => [
          s.region,
          s.prompt_profile,
          s.n,
          s.method,
        ]),
      [
        ['test-lab', 'short', 3, 'probe v1'],
        ['test-lab', 'long', 3, 'probe v1'],
      ],
    );
    assert.ok(perf[1].ttft_ms.p50 >= 75 && perf[1].ttft_ms.p50 < 300, `ttft ${perf[1].ttft_ms.p50}`);
    assert.match(perf[1].measured_at, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(loadData(dir).problems, []);
    assert.equal(server.received.length, 6);
  });

  test('refuses to write when fewer than N requests succeeded', async () => {
    const before = readFileSync(file(), 'utf8');
    scenarios = [base, { ...base, fault: { kind: 'status', status: 500 } }];
    const r = await runCli(
      [
        'acme/acme/atlas-2',
        '--region',
        'test-lab',
        '--n',
        '2',
        '--profile',
        'short',
        '--timeout',
        '5000',
        '--base-url',
        server.url,
        '--data',
        dir,
      ],
      {
        ACME_API_KEY: KEY,
      },
    );
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /FAIL http: HTTP 500 server error/);
    assert.match(r.out, /Only 1 of 2 requests succeeded \(short prompt\); nothing written/);
    assert.ok(!r.out.includes(KEY));
    assert.equal(readFileSync(file(), 'utf8'), before);
  });

  test('setup errors: non-loopback override, missing key, unknown offering', async () => {
    const common = ['--region', 'x', '--data', dir];
    const remote = await runCli(['acme/acme/atlas-2', ...common, '--base-url', 'https://example.com'], { ACME_API_KEY: KEY });
    assert.equal(remote.code, 2);
    assert.match(remote.out, /allowed only for loopback hosts/);
    const noKey = await runCli(['acme/acme/atlas-2', ...common, '--base-url', server.url], { ACME_API_KEY: '' });
    assert.equal(noKey.code, 2);
    assert.match(noKey.out, /Set ACME_API_KEY to the API key/);
    const unknown = await runCli(['acme/acme/nope', ...common], { ACME_API_KEY: KEY });
    assert.equal(unknown.code, 2);
    assert.match(unknown.out, /No offering "acme\/acme\/nope"/);
  });
});
