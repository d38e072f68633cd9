/**
 * `npm run probe -- <offering id> --region <label>`: measures an offering through its provider's
 * API (streamed chat requests with a fixed prompt set) and appends the p50/p90 figures as a
 * performance sample to the offering's YAML, keeping earlier samples and everything else in
 * the file. See README.md, "Recording performance samples".
 *
 *   --region <label>      where this machine runs, e.g. "eu-west" (required)
 *   --n <count>           requests per prompt profile, all must succeed (default 5)
 *   --profile <p>         short | long | both (default both: one sample each)
 *   --max-tokens <n>      output cap per request (default 200)
 *   --timeout <ms>        per request (default 60000)
 *   --api <style>         openai | anthropic (default: from the provider's api record)
 *   --base-url <url>      loopback only (tests, local mocks); else the provider's api.base_url
 *   --data <dir>          data folder (default $DATA_DIR or ./data)
 *   --dry-run             measure and print the sample, write nothing
 *
 * The key is read from the environment variable the provider names in api.env and is never
 * printed. Exit codes: 0 written, 1 measured but refused (too few successes, invalid result),
 * 2 usage or setup error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, loadData, readDataFiles } from '../src/model/load.ts';
import { report, validateFiles } from '../src/model/validate.ts';
import { runRequests, type Measurement, type ProbeDeps } from './probe/measure.ts';
import {
  buildRequest,
  isLoopbackUrl,
  isPromptProfile,
  PROBE_METHOD,
  PROMPTS,
  redact,
  type PromptProfile,
} from './probe/request.ts';
import { buildSample } from './probe/sample.ts';
import { appendSamples } from './probe/yaml-update.ts';
import type { ApiStyle } from './probe/sse.ts';
import type { PerformanceSample } from '../src/model/schema.ts';

const die = (message: string, code = 2): never => {
  console.error(`✗ ${message}`);
  process.exit(code);
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    region: { type: 'string' },
    n: { type: 'string', default: '5' },
    profile: { type: 'string', default: 'both' },
    'max-tokens': { type: 'string', default: '200' },
    timeout: { type: 'string', default: '60000' },
    api: { type: 'string' },
    'base-url': { type: 'string' },
    data: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const offeringId =
  positionals[0] ?? die('Usage: npm run probe -- <offering id> --region <label> [--n 5] [--profile short|long|both]');
const region = values.region?.trim() || die('--region is required (where this machine runs, e.g. "eu-west")');
const int = (name: string, raw: string, min: number) => {
  const v = Number(raw);
  return Number.isInteger(v) && v >= min ? v : die(`--${name} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
};
const n = int('n', values.n, 1);
const maxTokens = int('max-tokens', values['max-tokens'], 2);
const timeoutMs = int('timeout', values.timeout, 1);
const profiles: PromptProfile[] =
  values.profile === 'both'
    ? ['short', 'long']
    : isPromptProfile(values.profile)
      ? [values.profile]
      : die('--profile must be short, long or both');

const dir = resolve(values.data ?? dataDir());
const loaded = loadData(dir);
if (loaded.problems.length || !loaded.records) {
  for (const line of report(loaded.problems)) console.error(line);
  die(`The data in ${dir} is invalid; fix it before probing`);
}
const records = loaded.records!;
const offering = records.offerings.find((o) => o.id === offeringId) ?? die(`No offering "${offeringId}" in ${dir}/offerings`);
const provider =
  records.providers.find((p) => p.id === offering.provider) ?? die(`Offering "${offeringId}" names an unknown provider`);
const api = provider.api ?? die(`Provider "${provider.id}" has no api record`);

const style: ApiStyle =
  values.api === 'openai' || values.api === 'anthropic'
    ? values.api
    : values.api !== undefined
      ? die('--api must be openai or anthropic')
      : api.openai_compatible
        ? 'openai'
        : api.anthropic_compatible
          ? 'anthropic'
          : die(`Provider "${provider.id}" is neither OpenAI- nor Anthropic-compatible; pass --api`);
const override = values['base-url'];
if (override !== undefined && !isLoopbackUrl(override))
  die('--base-url is allowed only for loopback hosts (127.0.0.1, ::1, localhost)');
const baseUrl = override ?? api.base_url ?? die(`Provider "${provider.id}" has no api.base_url`);
const envNames = api.env ?? [];
const keyVar =
  envNames.find((v) => process.env[v]) ??
  die(envNames.length ? `Set ${envNames.join(' or ')} to the API key` : `Provider "${provider.id}" names no api.env variable`);
const key = process.env[keyVar]!;
const model = offering.provider_model_id ?? offering.model ?? offering.id;

const deps: ProbeDeps = {
  fetch: globalThis.fetch,
  now: () => performance.now(),
  wallNow: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};
const show = (m: Measurement) =>
  m.ok
    ? `ok   TTFT ${Math.round(m.ttftMs)} ms, ${m.tokensPerSecond === undefined ? '—' : m.tokensPerSecond.toFixed(1)} tok/s, total ${Math.round(m.totalMs)} ms, ${m.outputTokens} tokens (${m.tokensCounted})`
    : `FAIL ${m.fault}: ${redact(m.message, key)}`;

console.log(
  `Probing ${offeringId} (${model}) at ${redact(baseUrl, key)} as ${style}, ${n} × ${profiles.join(' + ')}, key from $${keyVar}, region "${region}"`,
);
// The probe is a maintainer tool: its run date is the sample's measured_at (UTC).
const measuredAt = new Date().toISOString().slice(0, 10);
const samples: PerformanceSample[] = [];
const refusals: string[] = [];
for (const profile of profiles) {
  const req = buildRequest(style, baseUrl, model, PROMPTS[profile], maxTokens, key);
  const run = await runRequests(deps, style, req, {
    n,
    timeoutMs,
    key,
    onResult: (m, i) => console.log(`  ${profile} #${i + 1} ${show(m)}`),
  });
  const out = buildSample(run.measurements, { region, promptProfile: profile, measuredAt, required: n });
  if (out.ok) samples.push(out.sample);
  else refusals.push(out.message);
}
if (refusals.length) {
  for (const r of refusals) console.error(`✗ ${r}`);
  process.exit(1);
}
console.log(JSON.stringify(samples, null, 2));
if (values['dry-run']) {
  console.log('Dry run: nothing written.');
  process.exit(0);
}

const rel = `offerings/${offering.id}.yaml`;
const file = join(dir, rel);
const before = readFileSync(file, 'utf8');
const plan = appendSamples(before, samples);
if (!plan.ok) die(`${rel}: ${plan.message}`, 1);
const text = (plan as { text: string }).text;
// Validate the whole folder with the edited file in memory first, then again on disk.
const files = (readDataFiles(dir) ?? []).map((f) => (f.rel === rel ? { ...f, bytes: new TextEncoder().encode(text) } : f));
const checked = validateFiles(files);
if (checked.problems.length) {
  for (const line of report(checked.problems)) console.error(line);
  die(`The edited ${rel} would not validate; nothing written`, 1);
}
writeFileSync(file, text);
const after = loadData(dir);
if (after.problems.length) {
  writeFileSync(file, before);
  for (const line of report(after.problems)) console.error(line);
  die(`${rel} did not validate after writing; restored the original`, 1);
}
console.log(`✓ ${samples.length} ${PROBE_METHOD} ${samples.length === 1 ? 'sample' : 'samples'} appended to ${file}`);
