/**
 * `npm run probe:run -- --region <label> [--config probe.config.yaml] [--data <dir>] [--proposal <file.md>]
 *   [--base-url <loopback url>] [--dry-run]`
 *
 * The scheduled speed-data run (.github/workflows/probe.yml): reads the configuration (see
 * tools/probe/config.ts; problems printed as file:line:col), then runs `npm run probe`
 * (tools/probe.ts, one child process per offering) for every listed offering, from the region
 * given by --region or $PROBE_REGION, which must be one of the file's regions.
 *
 * - An offering whose provider's key variable (api.env) is not set is skipped and reported; so is
 *   one limited to other regions. Only variable names are printed, never values.
 * - An offering whose probe fails (server errors, timeouts, too few successes) is reported as
 *   failed with the probe's reason, and nothing is written for it.
 * - Everything is measured into a copy of the data folder; the copy is validated as a whole, and
 *   only then are the changed offering files copied back, and the data folder validated again
 *   (restored when it does not validate). On any validation failure the data folder is left as it
 *   was and the exit code is 1.
 * - A summary (written / skipped / failed with reasons) is printed; --proposal writes it as a
 *   markdown pull-request description.
 *
 * Exit codes: 0 when the data validates and something was written or nothing failed; 1 when the
 * data does not validate (before or after) or every probed offering failed; 2 for usage or
 * configuration errors. `--base-url` (loopback only) points every probe at a local server (tests).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { dataDir, loadData } from '../src/model/load.ts';
import { report, type Records } from '../src/model/validate.ts';
import type { PerformanceSample } from '../src/model/schema.ts';
import { argReader } from './argv.ts';
import { planRun, readConfig, regionsAt, type PlannedProbe } from './probe/config.ts';
import { proposalBody, summaryLines, type Outcome } from './probe/proposal.ts';
import { isLoopbackUrl, redact } from './probe/request.ts';

const USAGE =
  'Usage: npm run probe:run -- --region <label> [--config probe.config.yaml] [--data <dir>] [--proposal <file.md>] [--base-url <loopback url>] [--dry-run]';

/** Test seam: runs on the working copy after probing, before it is validated. */
export interface Hooks {
  beforeValidate?: (work: string) => void;
}

/** Runs tools/probe.ts for one offering; exit code and output (stdout and stderr, in order). */
const runProbe = (p: PlannedProbe, region: string, data: string, baseUrl: string | undefined) =>
  new Promise<{ code: number | null; lines: string[] }>((done) => {
    const args = [
      join(import.meta.dirname, 'probe.ts'),
      p.id,
      '--region',
      region,
      '--data',
      data,
      '--n',
      String(p.n),
      '--profile',
      p.profile,
      '--max-tokens',
      String(p.maxTokens),
      '--timeout',
      String(p.timeoutMs),
      ...(baseUrl === undefined ? [] : ['--base-url', baseUrl]),
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', (e) => done({ code: null, lines: [`✗ ${e.message}`] }));
    child.on('close', (code) => done({ code, lines: text.split('\n').filter((l) => l.trim() !== '') }));
  });

/**
 * The failed requests of a probe's output by cause, e.g. "failed requests: 4 × HTTP 500 server error": the
 * probe prints `<profile> #<i> FAIL <kind>: <message>`; only the message's head (before any response body) is kept.
 */
export const faultCounts = (lines: readonly string[]): string => {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const m = /^\s*\w+ #\d+ FAIL [\w-]+: (.*)$/.exec(l);
    const what = m?.[1]?.split(': ')[0];
    if (what) counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  return counts.size ? `failed requests: ${[...counts].map(([what, n]) => `${n} × ${what}`).join(', ')}` : '';
};

const samplesOf = (file: string): PerformanceSample[] => {
  if (!existsSync(file)) return [];
  const doc = parse(readFileSync(file, 'utf8'), { version: '1.2', schema: 'core' }) as { performance?: PerformanceSample[] };
  return doc?.performance ?? [];
};

export const main = async (argv: string[], log = console.log, error = console.error, hooks: Hooks = {}): Promise<number> => {
  const { option, flag, rest } = argReader(argv);
  const configPath = resolve(option('--config') ?? 'probe.config.yaml');
  const dir = resolve(option('--data') ?? dataDir());
  const proposalPath = option('--proposal');
  const baseUrl = option('--base-url');
  const region = (option('--region') ?? process.env.PROBE_REGION ?? '').trim();
  const dryRun = flag('--dry-run');
  const extra = rest();
  if (extra.length) {
    error(`Unknown argument ${extra[0]}\n${USAGE}`);
    return 2;
  }
  if (baseUrl !== undefined && !isLoopbackUrl(baseUrl)) {
    error('--base-url is allowed only for loopback hosts (127.0.0.1, ::1, localhost)');
    return 2;
  }
  if (region === '') {
    error(`Give the region this machine runs in: --region <label> or $PROBE_REGION\n${USAGE}`);
    return 2;
  }
  const shownConfig = relative(process.cwd(), configPath) || configPath;
  if (!existsSync(configPath)) {
    error(`${shownConfig}: no such configuration file\n${USAGE}`);
    return 2;
  }

  const before = loadData(dir);
  if (before.problems.length || !before.records) {
    for (const line of report(before.problems)) error(line);
    error(`The data in ${dir} does not validate; fix it before probing. Nothing was probed.`);
    return 1;
  }
  const records: Records = before.records;
  const read = readConfig(shownConfig, readFileSync(configPath), records);
  if (!read.ok) {
    for (const line of report(read.problems)) error(line);
    error(`${shownConfig} is invalid; nothing was probed.`);
    return 2;
  }
  const { config, src } = read;
  if (!config.regions.includes(region)) {
    const { line, column } = regionsAt(src);
    error(`${shownConfig}:${line}:${column} regions: "${region}" is not listed (${config.regions.join(', ')})`);
    return 2;
  }

  const plan = planRun(config, records, region, process.env);
  const outcomes = new Map<string, Outcome>();
  for (const s of plan.skipped) outcomes.set(s.id, { id: s.id, status: 'skipped', reason: s.reason });
  if (dryRun) {
    for (const p of plan.probe) log(`would probe ${p.id}: ${p.n} × ${p.profile}, key from $${p.keyVar}`);
    for (const s of plan.skipped) log(`would skip  ${s.id}: ${s.reason}`);
    log('Dry run: nothing probed or written.');
    return 0;
  }
  // Every key the providers name is redacted from what the probes print, whichever was used.
  const secrets = records.providers.flatMap((p) => p.api?.env ?? []).flatMap((v) => (process.env[v] ? [process.env[v]!] : []));
  const clean = (l: string) => secrets.reduce((t, k) => redact(t, k), l);

  const work = mkdtempSync(join(tmpdir(), 'probe-run-'));
  const shown = (l: string) =>
    clean(l)
      .replaceAll(relative(process.cwd(), work), relative(process.cwd(), dir) || dir)
      .replaceAll(work, dir);
  const date = new Date().toISOString().slice(0, 10);
  try {
    if (plan.probe.length) cpSync(dir, work, { recursive: true });
    const changed: string[] = [];
    for (const p of plan.probe) {
      const rel = `offerings/${p.id}.yaml`;
      const old = samplesOf(join(work, rel)).length;
      log(`\n== ${p.id} from "${region}" (${p.n} × ${p.profile}, key from $${p.keyVar})`);
      const r = await runProbe(p, region, work, baseUrl);
      for (const l of r.lines) log(`  ${shown(l)}`);
      const added = samplesOf(join(work, rel)).slice(old);
      if (r.code === 0 && added.length) {
        outcomes.set(p.id, { id: p.id, status: 'written', samples: added });
        changed.push(rel);
      } else {
        const reasons = r.lines.filter((l) => l.startsWith('✗')).map((l) => shown(l.replace(/^✗\s*/, '')));
        const faults = faultCounts(r.lines.map(shown));
        outcomes.set(p.id, {
          id: p.id,
          status: 'failed',
          reason: [reasons.join('; ') || `the probe exited with ${r.code ?? 'a signal'}`, faults].filter(Boolean).join('; '),
        });
        // A failed probe writes nothing; make sure of it.
        if (added.length) cpSync(join(dir, rel), join(work, rel));
      }
    }

    hooks.beforeValidate?.(work);
    // Unchanged data validated above; changed data is validated as a whole, in the copy and then in place.
    const checked = changed.length ? loadData(work) : before;
    if (checked.problems.length) {
      for (const line of report(checked.problems)) error(shown(line));
      error(`The probed data does not validate: nothing was written and ${dir} is unchanged.`);
      return 1;
    }
    // Copy the changed offering files back, then validate the data folder itself; restore on failure.
    const originals = new Map(changed.map((rel) => [rel, readFileSync(join(dir, rel))]));
    for (const rel of changed) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), readFileSync(join(work, rel)));
    }
    const after = changed.length ? loadData(dir) : before;
    if (after.problems.length) {
      for (const [rel, bytes] of originals) writeFileSync(join(dir, rel), bytes);
      for (const line of report(after.problems)) error(clean(line));
      error(`${dir} did not validate after writing; the ${changed.length} changed files were restored.`);
      return 1;
    }

    const ordered = config.offerings.map((o) => outcomes.get(o.id)!);
    const summary = { region, date, config: shownConfig, outcomes: ordered };
    log('');
    for (const l of summaryLines(summary)) log(l);
    log(`✓ ${dir} validates (${after.records!.offerings.length} offerings).`);
    if (proposalPath) {
      mkdirSync(dirname(resolve(proposalPath)), { recursive: true });
      writeFileSync(proposalPath, proposalBody(summary));
      log(`Proposal written to ${proposalPath}.`);
    }
    const written = ordered.filter((o) => o.status === 'written').length;
    const failed = ordered.filter((o) => o.status === 'failed').length;
    return written === 0 && failed > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
