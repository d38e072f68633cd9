/**
 * `npm run import -- models-dev <api.json> [--data <dir>] [--as-of YYYY-MM-DD] [--source-date YYYY-MM-DD] [--explain] [--dry-run]`
 * `npm run import -- <genai-prices|portkey|litellm> <file or folder> [--data <dir>] [--as-of YYYY-MM-DD] [--dry-run]`
 *
 * The open price datasets (tools/import/sources/) add their observations to the offerings they
 * match and the reconciliation rule sets the kept values (tools/import/observe.ts); `--as-of` is
 * the date of the source's snapshot (default: today, UTC).
 *
 * Imports a models.dev api.json file into the data folder: providers, offerings, and the
 * models and organizations they need, merged with the records already there (see
 * src/lib/import/). The input is validated first and the resulting folder is validated
 * in-process; when either fails, nothing is written. Writes only files whose content changes.
 * A price that differs from the current one is appended to the offering's price_history, dated
 * --as-of (default: today, UTC). Each imported offering keeps models.dev's statement as a
 * `models-dev` observation dated --source-date (the snapshot's date; default: --as-of), so that a
 * provider page or a newer dataset keeps its value over a re-import.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { dataDir, readDataFiles } from '../src/model/load.ts';
import { parseModelsDev } from './import/models-dev.ts';
import { planImport } from './import/plan.ts';
import { formatProblem, type DataFile } from '../src/model/validate.ts';
import { parseYaml } from '../src/model/yaml-source.ts';
import { argReader } from './argv.ts';
import { planObservations, type SourceEntry } from './import/observe.ts';

const USAGE = [
  'Usage: node tools/import.ts models-dev <api.json> [--data <dir>] [--as-of YYYY-MM-DD] [--source-date YYYY-MM-DD] [--explain] [--dry-run]',
  '       node tools/import.ts <genai-prices|portkey|litellm> <file or folder> [--data <dir>] [--as-of YYYY-MM-DD] [--dry-run]',
].join('\n');

/** What a dataset importer module (tools/import/sources/<name>.ts) returns for its input. */
export type SourceLoad =
  { ok: true; entries: SourceEntry[]; skipped: { key: string; reason: string }[] } | { ok: false; errors: string[] };
/** An offering already in data/, as a dataset importer may match it. */
export interface KnownOffering {
  provider: string;
  provider_model_id: string;
  /** The canonical model, when linked ("meta/llama-3.3-70b"). */
  model?: string | undefined;
}
export interface SourceModule {
  /**
   * Reads and checks the upstream file (or folder) and maps its entries to our providers and API
   * ids (`known` lists every offering in data/, for sources that match by rules); never throws.
   * `asOf` is the snapshot date (--as-of), for sources with dated prices.
   */
  load: (path: string, known: readonly KnownOffering[], asOf: string) => SourceLoad;
}
/** The dataset importers, by CLI name: each is tools/import/sources/<name>.ts. */
export const DATASETS = ['genai-prices', 'portkey', 'litellm'] as const;
type Dataset = (typeof DATASETS)[number];
const isDataset = (s: string | undefined): s is Dataset => (DATASETS as readonly (string | undefined)[]).includes(s);
const loadModule = (name: Dataset) => import(`./import/sources/${name}.ts`) as Promise<SourceModule>;

/** Every offering of a data folder: provider, API id and model. */
const knownOfferings = (files: readonly DataFile[]): KnownOffering[] =>
  files.flatMap((f) => {
    if (!f.rel.startsWith('offerings/') || !f.rel.endsWith('.yaml')) return [];
    const parsed = parseYaml(f.display, f.bytes);
    if (!parsed.ok || typeof parsed.value.data !== 'object' || parsed.value.data === null) return [];
    const o = parsed.value.data as Record<string, unknown>;
    return typeof o.provider === 'string' && typeof o.provider_model_id === 'string'
      ? [
          {
            provider: o.provider,
            provider_model_id: o.provider_model_id,
            model: typeof o.model === 'string' ? o.model : undefined,
          },
        ]
      : [];
  });

/** Imports one dataset's observations; returns the exit code. */
const importDataset = async (
  name: Dataset,
  file: string,
  dir: string,
  asOf: string,
  dryRun: boolean,
  log: (s: string) => void,
  error: (s: string) => void,
): Promise<number> => {
  const started = performance.now();
  const mod = await loadModule(name);
  const files = readDataFiles(dir) ?? [];
  const loaded = mod.load(file, knownOfferings(files), asOf);
  if (!loaded.ok) {
    error(`${file} is not a ${name} file; nothing was written:`);
    for (const e of loaded.errors.slice(0, 50)) error(`  ${e}`);
    if (loaded.errors.length > 50) error(`  … and ${loaded.errors.length - 50} more`);
    return 1;
  }
  const plan = planObservations(name, asOf, loaded.entries, files);
  for (const s of loaded.skipped) log(`skipped    ${s.key}: ${s.reason}`);
  log(
    `${loaded.entries.length} ${name} entries: ${plan.matched} matched an offering, ${loaded.entries.length - plan.matched - plan.duplicates.length} did not, ${plan.duplicates.length} duplicates.`,
  );
  for (const u of plan.unmatched)
    log(`  unmatched ${String(u.ids.length).padStart(4)}  ${u.provider}  e.g. ${u.ids.slice(0, 3).join(', ')}`);
  log(
    `${plan.changed.length} offerings changed their kept values; ${plan.dropped.length} lost a ${name} observation the source no longer states.`,
  );
  for (const r of plan.refused) log(`refused    ${r.id}: ${r.reason} (offering left unchanged)`);
  for (const l of plan.limitsSkipped) log(`limit left out  ${l}`);
  if (plan.problems.length) {
    error(`\nThe result would not validate; nothing was written:`);
    for (const p of plan.problems.slice(0, 50)) error(`  ${formatProblem(p)}`);
    if (plan.problems.length > 50) error(`  … and ${plan.problems.length - 50} more`);
    return 1;
  }
  if (!dryRun) for (const w of plan.writes) writeFileSync(join(dir, w.rel), w.text);
  log(
    `${dryRun ? 'Would write' : 'Wrote'} ${plan.writes.length} file${plan.writes.length === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms.`,
  );
  return 0;
};

/** Runs the CLI; returns the exit code. Exported for the tests. */
export const main = async (argv: string[], log = console.log, error = console.error): Promise<number> => {
  const { flag, option, rest } = argReader(argv);
  const explain = flag('--explain');
  const dryRun = flag('--dry-run');
  const dir = resolve(option('--data') ?? dataDir());
  const asOf = option('--as-of') ?? new Date().toISOString().slice(0, 10);
  const sourceDate = option('--source-date') ?? asOf;
  const [format, file] = rest();
  if ((format !== 'models-dev' && !isDataset(format)) || !file) {
    error(USAGE);
    return 2;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    error(`--as-of: expected YYYY-MM-DD, got ${asOf}`);
    return 2;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(sourceDate)) {
    error(`--source-date: expected YYYY-MM-DD, got ${sourceDate}`);
    return 2;
  }
  if (isDataset(format)) return importDataset(format, file, dir, asOf, dryRun, log, error);
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
  const plan = planImport(parsed.data, readDataFiles(dir) ?? [], { asOf, sourceDate });

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

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
