/**
 * `node tools/sync.ts [--data <dir>] [--as-of YYYY-MM-DD] [--body <file.md>] [--sources a,b]
 *   [--models-dev <path>] [--litellm <path>] [--portkey <folder>] [--genai-prices <path>] [--download-dir <dir>]`
 *
 * The weekly refresh (.github/workflows/sync.yml): fetches the four upstream files, runs the
 * importers in a fixed order (models-dev, litellm, portkey, genai-prices) dated --as-of (default
 * today, UTC), validates the result (the code of `npm run validate`), lists the conflicts (the
 * code of `npm run data:conflicts`) and writes a pull-request description (--body) listing the
 * new, changed (old → new) and retired offerings and the conflicts.
 *
 * A local path (`--models-dev <file>` …) replaces the download, so the whole run works offline.
 * Without --sources every source is optional: one whose importer (tools/import/sources/<name>.ts)
 * is not in this tree is skipped with a message. A source named in --sources or given a path is
 * requested: when it cannot be read or imported, the run fails. Everything happens on a copy of
 * the data folder, copied back only when every step passed: on any failure data/ is left as it
 * was, no description is written and the exit code is 1.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { dataConflicts, formatConflicts, summaryLine } from '../src/model/data-conflicts.ts';
import { offeringDiff, syncBody, type SyncSource } from '../src/model/data-diff.ts';
import { dataDir, loadData, readDataFiles } from '../src/model/load.ts';
import { report } from '../src/model/validate.ts';
import { main as importMain } from './import.ts';
import { argReader } from './argv.ts';

/** The sources in the order they are imported, with where each is downloaded from. */
export const SOURCES = [
  { name: 'models-dev', url: 'https://models.dev/api.json?type=all', file: 'models-dev-api.json' },
  {
    name: 'litellm',
    url: 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json',
    file: 'litellm.json',
  },
  // The repository's archive: its pricing/ and general/ folders are what the importer reads.
  { name: 'portkey', url: 'https://codeload.github.com/Portkey-AI/models/tar.gz/refs/heads/main', file: 'portkey.tar.gz' },
  {
    name: 'genai-prices',
    url: 'https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json',
    file: 'genai-prices.json',
  },
] as const;
type SourceName = (typeof SOURCES)[number]['name'];

const USAGE =
  'Usage: node tools/sync.ts [--data <dir>] [--as-of YYYY-MM-DD] [--body <file.md>] [--sources models-dev,litellm,portkey,genai-prices]\n' +
  '       [--models-dev <path>] [--litellm <path>] [--portkey <folder>] [--genai-prices <path>] [--download-dir <dir>]';

/** The importer of a source is in this tree (models-dev always is). */
const hasImporter = (name: SourceName) =>
  name === 'models-dev' || existsSync(join(import.meta.dirname, 'import', 'sources', `${name}.ts`));

/** Downloads one source into `dir`; returns the path the importer reads (a file, or Portkey's folder). */
const download = async (s: (typeof SOURCES)[number], dir: string): Promise<string> => {
  const res = await fetch(s.url, { signal: AbortSignal.timeout(120_000) });
  if (!res.ok) throw new Error(`${s.url}: HTTP ${res.status}`);
  const path = join(dir, s.file);
  writeFileSync(path, new Uint8Array(await res.arrayBuffer()));
  if (s.name !== 'portkey') return path;
  const out = join(dir, 'portkey');
  mkdirSync(out, { recursive: true });
  execFileSync('tar', ['-xzf', path, '-C', out]);
  const root = readdirSync(out).find((d) => existsSync(join(out, d, 'pricing')));
  if (root === undefined) throw new Error(`${s.url}: the archive has no pricing/ folder`);
  return join(out, root);
};

/** Runs the sync; returns the exit code. Exported for the tests. */
export const main = async (argv: string[], log = console.log, error = console.error): Promise<number> => {
  const { option, rest } = argReader(argv);
  const dir = resolve(option('--data') ?? dataDir());
  const asOf = option('--as-of') ?? new Date().toISOString().slice(0, 10);
  const bodyPath = option('--body');
  const only = option('--sources')?.split(',').filter(Boolean);
  const downloadDir = option('--download-dir');
  const paths = new Map<SourceName, string>();
  for (const s of SOURCES) {
    const p = option(`--${s.name}`);
    if (p !== undefined) paths.set(s.name, resolve(p));
  }
  const args = rest();
  if (args.length) {
    error(`Unknown argument ${args[0]}\n${USAGE}`);
    return 2;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    error(`--as-of: expected YYYY-MM-DD, got ${asOf}`);
    return 2;
  }
  const unknown = (only ?? []).filter((n) => !SOURCES.some((s) => s.name === n));
  if (unknown.length) {
    error(`--sources: unknown source ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }
  const fail = (message: string) => {
    error(`${message}\nSync failed: nothing is proposed and ${dir} is unchanged.`);
    return 1;
  };

  const before = loadData(dir);
  if (before.problems.length || !before.records) {
    for (const line of report(before.problems)) error(line);
    return fail(`${dir} does not validate before the sync.`);
  }

  // Inputs: a local path, else a download; sources not requested and without an importer are skipped.
  const sources: SyncSource[] = [];
  const inputs: { name: SourceName; path: string }[] = [];
  const fetchDir = downloadDir ?? mkdtempSync(join(tmpdir(), 'sync-download-'));
  mkdirSync(fetchDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'sync-data-'));
  // Messages about the working copy name the data folder's files instead.
  const shown = (l: string) =>
    l.replaceAll(relative(process.cwd(), work), relative(process.cwd(), dir) || dir).replaceAll(work, dir);
  try {
    for (const s of SOURCES) {
      const requested = only ? only.includes(s.name) : paths.has(s.name);
      if (only && !requested) {
        sources.push({ name: s.name, detail: 'not selected (--sources)', imported: false });
        continue;
      }
      if (!hasImporter(s.name)) {
        const why = `its importer tools/import/sources/${s.name}.ts is not in this tree`;
        if (requested) return fail(`${s.name}: ${why}.`);
        log(`skipped ${s.name}: ${why}.`);
        sources.push({ name: s.name, detail: why, imported: false });
        continue;
      }
      let path = paths.get(s.name);
      if (path === undefined) {
        log(`downloading ${s.name} from ${s.url}`);
        try {
          path = await download(s, fetchDir);
        } catch (e) {
          return fail(`${s.name}: download failed: ${(e as Error).message}`);
        }
      } else if (!existsSync(path)) return fail(`${s.name}: ${path} does not exist.`);
      inputs.push({ name: s.name, path });
      sources.push({
        name: s.name,
        detail: paths.has(s.name) ? `\`${path.split('/').pop()}\` (local file)` : s.url,
        imported: true,
      });
    }

    // Import on a copy of the data folder, in the fixed order.
    cpSync(dir, work, { recursive: true });
    for (const { name, path } of inputs) {
      log(`\n== import ${name} (${path}), as of ${asOf}`);
      const code = await importMain(
        [name, path, '--data', work, '--as-of', asOf],
        (l) => log(shown(l)),
        (l) => error(shown(l)),
      );
      if (code !== 0) return fail(`${name}: the importer exited with ${code}.`);
    }

    // npm run validate, npm run data:conflicts (the same code, in this process).
    const after = loadData(work);
    if (after.problems.length || !after.records) {
      for (const line of report(after.problems)) error(shown(line));
      return fail('The imported data does not validate.');
    }
    log(`\n== validate: ${after.records.offerings.length} offerings valid`);
    const conflicts = dataConflicts(after.records);
    log('== conflicts');
    for (const line of formatConflicts(conflicts).slice(-1)) log(line);

    const diff = offeringDiff(before.records.offerings, after.records.offerings);
    const body = syncBody({ date: asOf, sources, diff, conflicts });

    // Every step passed: copy the changed and new files back, then write the description.
    const old = new Map((readDataFiles(dir) ?? []).map((f) => [f.rel, f.bytes]));
    let written = 0;
    for (const f of readDataFiles(work) ?? []) {
      const prev = old.get(f.rel);
      if (prev && Buffer.from(prev).equals(Buffer.from(f.bytes))) continue;
      const to = join(dir, f.rel);
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, f.bytes);
      written++;
    }
    if (bodyPath) {
      mkdirSync(dirname(resolve(bodyPath)), { recursive: true });
      writeFileSync(bodyPath, body);
    }
    log(
      `\n${diff.added.length} new, ${diff.changed.length} changed, ${diff.retired.length} retired or deprecated offerings; ${summaryLine(conflicts.summary)}; ${written} files written${bodyPath ? `; description in ${bodyPath}` : ''}.`,
    );
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (downloadDir === undefined) rmSync(fetchDir, { recursive: true, force: true });
  }
};

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
