/**
 * The scheduled speed probe end to end (tools/probe-run.ts): in a temp copy of tests/fixtures/base,
 * with a temp configuration, against the local SSE server (tests/support/sse-server.ts; never the
 * internet). Samples are appended to the probed offerings, the data validates, an offering without
 * its key is skipped, one whose server errors fails without writing, the proposal lists what
 * changed; a bad configuration fails with file:line:col and nothing is written when the result
 * does not validate. Also: the real probe.config.yaml and .github/workflows/probe.yml agree with data/.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { loadData } from '../../../src/model/load.ts';
import type { PerformanceSample } from '../../../src/model/schema.ts';
import { SAMPLE_STALE_DAYS } from '../../../src/views/provider/samples.ts';
import { faultCounts, main } from '../../../tools/probe-run.ts';
import { readConfig } from '../../../tools/probe/config.ts';
import { cell } from '../../../tools/probe/proposal.ts';
import { PROBE_METHOD } from '../../../tools/probe/request.ts';
import { runCli, snapshot, tempFolders } from '../../support/cli.ts';
import { markdownSection } from '../../support/markdown.ts';
import { startSseServer } from '../../support/sse-server.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const KEY = 'sk-unit-probe-run-secret-77';
const REGION = 'lab-unit';
const temp = tempFolders('probe-run-test-');
const FAILING_MODEL = 'atlas-1-2024-05'; // acme/acme/atlas-1's provider_model_id: the server answers 500

let server: Awaited<ReturnType<typeof startSseServer>>;
const savedEnv = { ACME_API_KEY: process.env.ACME_API_KEY, RELAY_API_KEY: process.env.RELAY_API_KEY };
before(async () => {
  server = await startSseServer((i) =>
    (server.received[i]?.body as { model?: string } | undefined)?.model === FAILING_MODEL
      ? { ttftMs: 0, gapMs: 0, tokens: 0, fault: { kind: 'status', status: 500 } }
      : { ttftMs: 15, gapMs: 3, tokens: 8, usage: true },
  );
  process.env.ACME_API_KEY = KEY;
  delete process.env.RELAY_API_KEY;
});
after(async () => {
  await server.close();
  for (const [k, v] of Object.entries(savedEnv))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

const CONFIG = `# test configuration
regions: [${REGION}, us-east]
defaults:
  n: 2
  profile: short
  timeout_ms: 5000
offerings:
  - id: acme/acme/atlas-2
  - id: acme/acme/atlas-1
  - id: relay/acme/atlas-2
  - id: relay/globex/gx-mini
    regions: [us-east]
`;

/** A temp copy of the base fixture whose gateway has an API record (key $RELAY_API_KEY, left unset), and a config. */
const workspace = (config = CONFIG) => {
  const root = temp();
  const data = temp(join(ROOT, 'tests/fixtures/base'));
  const relay = join(data, 'providers/relay.yaml');
  writeFileSync(
    relay,
    `${readFileSync(relay, 'utf8')}api:\n  base_url: https://api.relay.example.net/v1\n  openai_compatible: true\n  env: [RELAY_API_KEY]\n`,
  );
  const cfg = join(root, 'probe.config.yaml');
  writeFileSync(cfg, config);
  return { data, cfg, proposal: join(root, 'out', 'pr-body.md') };
};
const run = (w: ReturnType<typeof workspace>, ...extra: string[]) =>
  runCli(main, ['--config', w.cfg, '--data', w.data, '--base-url', server.url, ...extra]);
const samples = (data: string, id: string): PerformanceSample[] =>
  (parse(readFileSync(join(data, `offerings/${id}.yaml`), 'utf8')) as { performance?: PerformanceSample[] }).performance ?? [];

const section = markdownSection;

describe('probe:run against the local SSE server', () => {
  test('appends samples, skips a missing key, fails an erroring server without writing, proposes the change', async () => {
    const w = workspace();
    const old = snapshot(w.data);
    const oldSamples = samples(w.data, 'acme/acme/atlas-2');
    server.received.length = 0;
    const r = await run(w, '--region', REGION, '--proposal', w.proposal);
    assert.equal(r.code, 0, r.out);
    assert.ok(!r.out.includes(KEY), 'the key is never printed');

    // Written: exactly one file changed, its earlier samples kept and one new short-prompt sample appended.
    const now = snapshot(w.data);
    const changed = Object.keys(now).filter((f) => now[f] !== old[f]);
    assert.deepEqual(changed, ['/offerings/acme/acme/atlas-2.yaml']);
    const after = samples(w.data, 'acme/acme/atlas-2');
    assert.deepEqual(after.slice(0, oldSamples.length), oldSamples);
    const added = after.slice(oldSamples.length);
    assert.equal(added.length, 1);
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(
      added.map((s) => [s.region, s.prompt_profile, s.n, s.method, s.measured_at]),
      [[REGION, 'short', 2, PROBE_METHOD, today]],
    );
    assert.ok(
      now['/offerings/acme/acme/atlas-2.yaml']!.startsWith(old['/offerings/acme/acme/atlas-2.yaml']!.split('\nsources:')[0]!),
    );
    assert.deepEqual(loadData(w.data).problems, []);

    // The server saw the two Acme offerings only (the skipped ones were never called), with the key.
    const models = new Set(server.received.map((q) => (q.body as { model: string }).model));
    assert.deepEqual([...models].sort(), ['2.0', FAILING_MODEL]);
    assert.ok(server.received.every((q) => q.headers.authorization === `Bearer ${KEY}`));

    // The summary: written, skipped (with reasons), failed (with the probe's reason).
    assert.match(r.out, /Probe run from "lab-unit" \(\d{4}-\d{2}-\d{2}\): 1 written, 2 skipped, 1 failed\./);
    assert.match(r.out, /written {2}acme\/acme\/atlas-2: 1 sample \(short: TTFT p50 \d+ ms/);
    assert.match(r.out, /skipped {2}relay\/acme\/atlas-2: no key: \$RELAY_API_KEY is not set/);
    assert.match(r.out, /skipped {2}relay\/globex\/gx-mini: listed for us-east only/);
    assert.match(r.out, /failed {3}acme\/acme\/atlas-1: .*Only 0 of 2 requests succeeded/);
    assert.match(r.out, /failed requests: 2 × HTTP 500 server error/);

    // The proposal lists exactly what changed, with the figures from the YAML.
    const body = readFileSync(w.proposal, 'utf8');
    assert.ok(!body.includes(KEY));
    assert.match(body, /^# Speed samples from lab-unit, \d{4}-\d{2}-\d{2}\n/);
    const s = added[0]!;
    assert.deepEqual(section(body, 'Written'), [
      [
        '`acme/acme/atlas-2`',
        'short',
        `${s.ttft_ms.p50} / ${s.ttft_ms.p90} ms`,
        `${s.output_tokens_per_second.p50} / ${s.output_tokens_per_second.p90} tok/s`,
        `${s.total_latency_ms!.p50} / ${s.total_latency_ms!.p90} ms`,
        '2',
        PROBE_METHOD,
      ],
    ]);
    assert.deepEqual(
      section(body, 'Skipped').map((row) => row[0]),
      ['`relay/acme/atlas-2`', '`relay/globex/gx-mini`'],
    );
    const failed = section(body, 'Failed');
    assert.deepEqual(
      failed.map((row) => row[0]),
      ['`acme/acme/atlas-1`'],
    );
    assert.match(failed[0]![1]!, /Only 0 of 2 requests succeeded.*; failed requests: 2 × HTTP 500 server error$/);
    assert.ok(body.includes(`more than ${SAMPLE_STALE_DAYS} days`));
  });

  test('the region comes from $PROBE_REGION when --region is absent; every probe failing exits 1 with nothing written', async () => {
    const w = workspace(`regions: [${REGION}]\ndefaults: { n: 1, profile: short }\nofferings:\n  - id: acme/acme/atlas-1\n`);
    const old = snapshot(w.data);
    process.env.PROBE_REGION = REGION;
    try {
      const r = await run(w, '--proposal', w.proposal);
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, /Probe run from "lab-unit".*0 written, 0 skipped, 1 failed/);
    } finally {
      delete process.env.PROBE_REGION;
    }
    assert.deepEqual(snapshot(w.data), old);
  });

  test('when the probed data does not validate, nothing is written and no proposal is made', async () => {
    const w = workspace();
    const old = snapshot(w.data);
    const r = await runCli(
      (argv, log, error) =>
        main(argv, log, error, {
          // Something else breaks the working copy (here: a model's required field).
          beforeValidate: (work) => writeFileSync(join(work, 'models/globex/gx-mini.yaml'), 'name: 42\n'),
        }),
      ['--config', w.cfg, '--data', w.data, '--base-url', server.url, '--region', REGION, '--proposal', w.proposal],
    );
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /models\/globex\/gx-mini\.yaml:\d+:\d+ /);
    assert.match(r.out, /nothing was written/);
    assert.deepEqual(snapshot(w.data), old);
    assert.equal(existsSync(w.proposal), false);
  });
});

describe('probe:run configuration errors (exit 2, nothing probed)', () => {
  const lineCol = (text: string, needle: string) => {
    const i = text.indexOf(needle);
    const line = text.slice(0, i).split('\n').length;
    return `${line}:${i - text.lastIndexOf('\n', i - 1)}`;
  };
  test('an unknown offering, an unknown region on an entry and a bad setting, each at file:line:col', async () => {
    const text = CONFIG.replace('acme/acme/atlas-1', 'acme/acme/atlas-9')
      .replace('regions: [us-east]', 'regions: [eu-north]')
      .replace('n: 2', 'n: 0');
    const w = workspace(text);
    const old = snapshot(w.data);
    server.received.length = 0;
    const r = await run(w, '--region', REGION);
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, new RegExp(`probe\\.config\\.yaml:${lineCol(text, 'n: 0').replace(/:\d+$/, '')}:\\d+ defaults\\.n: `));
    const fixed = text.replace('n: 0', 'n: 2');
    writeFileSync(w.cfg, fixed);
    const r2 = await run(w, '--region', REGION);
    assert.equal(r2.code, 2, r2.out);
    assert.ok(
      r2.out.includes(
        `probe.config.yaml:${lineCol(fixed, 'acme/acme/atlas-9')} offerings[1].id: No offering "acme/acme/atlas-9"`,
      ),
      r2.out,
    );
    assert.ok(
      r2.out.includes(`probe.config.yaml:${lineCol(fixed, 'eu-north')} offerings[3].regions[0]: Region "eu-north" is not in`),
      r2.out,
    );
    assert.equal(server.received.length, 0);
    assert.deepEqual(snapshot(w.data), old);
  });
  test('a region that is not in the file, and no region at all', async () => {
    const w = workspace();
    const r = await run(w, '--region', 'mars');
    assert.equal(r.code, 2);
    assert.ok(r.out.includes(`probe.config.yaml:${lineCol(CONFIG, '[lab-unit')} regions: "mars" is not listed`), r.out);
    const none = await run(w);
    assert.equal(none.code, 2);
    assert.match(none.out, /--region <label> or \$PROBE_REGION/);
  });
});

describe('the repository configuration and workflow', () => {
  const records = loadData(join(ROOT, 'data')).records!;
  const file = join(ROOT, 'probe.config.yaml');
  type Step = { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> };
  const workflow = parse(readFileSync(join(ROOT, '.github/workflows/probe.yml'), 'utf8')) as {
    on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown; pull_request?: unknown; pull_request_target?: unknown };
    jobs: {
      probe: { 'runs-on': string[]; strategy: { 'fail-fast': boolean; matrix: { region: string[] } }; steps: Step[] };
    };
  };
  const steps = workflow.jobs.probe.steps;
  test('runs weekly and by hand, never for pull requests', () => {
    assert.equal(workflow.on.schedule?.length, 1);
    assert.match(workflow.on.schedule![0]!.cron, /^\S+ \S+ \* \* [0-6]$/);
    assert.ok('workflow_dispatch' in workflow.on);
    assert.deepEqual(Object.keys(workflow.on).sort(), ['schedule', 'workflow_dispatch']);
  });
  test('each matrix entry runs on a self-hosted runner labelled with its region, independently', () => {
    assert.deepEqual(workflow.jobs.probe['runs-on'], ['self-hosted', '${{ matrix.region }}']);
    assert.equal(workflow.jobs.probe.strategy['fail-fast'], false);
  });
  test('installs with npm ci, runs probe:run with the region, validates, then proposes a pull request; actions pinned', () => {
    const runs = steps.map((s) => s.run ?? '');
    const at = (re: RegExp) => runs.findIndex((r) => re.test(r));
    assert.ok(at(/^npm ci\b/) >= 0);
    assert.ok(at(/^npm ci\b/) < at(/npm run probe:run -- --region "\$PROBE_REGION"/));
    assert.ok(at(/npm run probe:run\b/) < at(/npm run validate\b/));
    const probe = steps[at(/npm run probe:run\b/)]!;
    assert.equal(probe.env?.PROBE_REGION, '${{ matrix.region }}');
    for (const s of steps.filter((x) => x.uses)) assert.match(s.uses!, /^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/, s.uses);
    const pr = steps.findIndex((s) => s.uses?.startsWith('peter-evans/create-pull-request@'));
    assert.ok(pr > at(/npm run validate\b/), 'a create-pull-request step after validation');
    assert.match(steps[pr]!.with!.branch!, /^speed-probe\/\$\{\{ matrix\.region \}\}$/);
    assert.equal(steps[pr]!.with!['body-path'], '${{ runner.temp }}/probe-body.md');
    assert.match(probe.run!, /--proposal "\$RUNNER_TEMP\/probe-body\.md"/);
    for (const s of steps) {
      assert.doesNotMatch(s.run ?? '', /git push|secrets\./, 'keys reach the script as environment only');
    }
  });
  test('probe.config.yaml is valid against data/', () => {
    const r = readConfig('probe.config.yaml', readFileSync(file), records);
    assert.deepEqual(r.ok ? [] : r.problems, []);
  });
  test('the workflow matrix is the configuration’s regions, and it passes a key secret for every listed offering', () => {
    const r = readConfig('probe.config.yaml', readFileSync(file), records);
    assert.ok(r.ok);
    const job = workflow.jobs.probe;
    assert.deepEqual(job.strategy.matrix.region, r.config.regions);
    const step = job.steps.find((s) => s.run?.includes('npm run probe:run'))!;
    const env = step.env ?? {};
    for (const [k, v] of Object.entries(env)) if (k !== 'PROBE_REGION') assert.equal(v, `\${{ secrets.${k} }}`);
    for (const entry of r.config.offerings) {
      const o = records.offerings.find((x) => x.id === entry.id)!;
      const vars = records.providers.find((p) => p.id === o.provider)!.api!.env!;
      assert.ok(
        vars.some((v) => v in env),
        `${entry.id}: the workflow passes none of ${vars.join(', ')}`,
      );
    }
  });
});

describe('proposal helpers', () => {
  test('a reason stays one table cell: one line, pipes and backslashes escaped, no tags, at most 300 characters', () => {
    assert.equal(cell('HTTP 502: a | b\n<script>x</script> c\\d'), 'HTTP 502: a \\| b &lt;script>x&lt;/script> c\\\\d');
    assert.equal(cell('x'.repeat(400)).length, 300);
  });
  test('failed requests are counted by cause, without the response body', () => {
    const lines = [
      '  short #1 FAIL http: HTTP 503 server error: {"error":"busy"}',
      '  short #2 FAIL http: HTTP 503 server error: {"error":"busy"}',
      '  long #1 FAIL timeout: Timed out after 100 ms before the first token',
      '  long #2 ok   TTFT 20 ms, 100 tok/s, total 50 ms, 8 tokens (usage)',
    ];
    assert.equal(
      faultCounts(lines),
      'failed requests: 2 × HTTP 503 server error, 1 × Timed out after 100 ms before the first token',
    );
    assert.equal(faultCounts(['ok']), '');
  });
});
