/**
 * `npm run import -- models-dev <api.json> [--data <dir>] [--as-of YYYY-MM-DD] [--explain] [--dry-run]`
 *
 * Imports a models.dev api.json file into the data folder: providers, offerings, and the
 * models and organizations they need, merged with the records already there (see
 * src/lib/import/). The input is validated first and the resulting folder is validated
 * in-process; when either fails, nothing is written. Writes only files whose content changes.
 * A price that differs from the current one is appended to the offering's price_history, dated
 * --as-of (default: today, UTC).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dataDir, readDataFiles } from '../src/model/load.ts';
import { parseModelsDev } from './import/models-dev.ts';
import { planImport } from './import/plan.ts';
import { formatProblem } from '../src/model/validate.ts';

const USAGE = 'Usage: node tools/import.ts models-dev <api.json> [--data <dir>] [--as-of YYYY-MM-DD] [--explain] [--dry-run]';

/** Runs the CLI; returns the exit code. Exported for the tests. */
export const main = (argv: string[], log = console.log, error = console.error): number => {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i >= 0) args.splice(i, 1);
    return i >= 0;
  };
  const option = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const explain = flag('--explain');
  const dryRun = flag('--dry-run');
  const dir = resolve(option('--data') ?? dataDir());
  const asOf = option('--as-of') ?? new Date().toISOString().slice(0, 10);
  const [format, file] = args;
  if (format !== 'models-dev' || !file) {
    error(USAGE);
    return 2;
  }
  const started = performance.now();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    error(`Cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const parsed = parseModelsDev(text);
  if (!parsed.ok) {
    error(`${file} is not a models.dev api.json file; nothing was written:`);
    for (const e of parsed.errors) error(`  ${e}`);
    return 1;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    error(`--as-of: expected YYYY-MM-DD, got ${asOf}`);
    return 2;
  }
  const plan = planImport(parsed.data, readDataFiles(dir) ?? [], { asOf });

  if (explain) for (const l of plan.links) log(l);
  for (const i of plan.issues) log(`left out  ${i.where} ${i.field}: ${i.message}`);
  log('');
  log('kind           created  updated  unchanged  skipped');
  for (const [kind, c] of Object.entries(plan.counts))
    log(
      `${kind.padEnd(14)} ${String(c.created).padStart(7)}  ${String(c.updated).padStart(7)}  ${String(c.unchanged).padStart(9)}  ${String(c.skipped).padStart(7)}`,
    );
  const { offerings, linked } = plan.totals;
  log(
    `\n${linked} of ${offerings} offerings linked to a model (${((100 * linked) / Math.max(offerings, 1)).toFixed(1)}%); ${plan.issues.length} source values left out.`,
  );
  if (plan.unlinked.length) {
    log(`Unlinked offerings (${offerings - linked}), by linking key:`);
    for (const u of plan.unlinked) log(`  ${String(u.count).padStart(4)}  ${u.key || '(empty)'}  e.g. ${u.examples.join(', ')}`);
  }
  if (plan.problems.length) {
    error(`\nThe result would not validate; nothing was written:`);
    for (const p of plan.problems.slice(0, 50)) error(`  ${formatProblem(p)}`);
    if (plan.problems.length > 50) error(`  … and ${plan.problems.length - 50} more`);
    return 1;
  }
  if (!dryRun)
    for (const w of plan.writes) {
      const path = join(dir, w.rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, w.text);
    }
  log(
    `${dryRun ? 'Would write' : 'Wrote'} ${plan.writes.length} file${plan.writes.length === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms.`,
  );
  return 0;
};

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
