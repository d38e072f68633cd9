/**
 * `npm run bench [-- --factors 1,3,10]`: builds the site on the real data and on synthetic
 * data scaled from it, and prints, per scale: records, pages, validate / build / Pagefind
 * times, ms per page, peak memory and dist size.
 *
 * `npm run bench -- --baseline [<rev>] [--runs 3]`: instead, builds a baseline revision (default
 * 15b8849) and this tree alternately and prints ms per page of each, the medians and the ratio
 * current/baseline (tools/bench-baseline.ts).
 *
 * Figures go to tools/bench-results.json (`rows` and `growth` for the scales, `comparison` for
 * the baseline run; each run replaces only its own part).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { buildScript, compareWithBaseline, DEFAULT_BASELINE } from './bench-baseline.ts';
import { generateSynthetic } from './gen-synthetic.ts';

const root = resolve(import.meta.dirname, '..');
const resultsFile = join(root, 'tools/bench-results.json');
const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : (process.argv[i + 1] ?? '');
};
const machine = { cpus: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), node: process.version };
const save = (part: Record<string, unknown>) => {
  const old = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
  writeFileSync(resultsFile, `${JSON.stringify({ ...old, machine, ...part }, null, 2)}\n`);
  console.log('written to tools/bench-results.json');
};

if (process.argv.includes('--baseline')) {
  const given = option('--baseline');
  const rev = given && !given.startsWith('--') ? given : DEFAULT_BASELINE;
  const runs = Number(option('--runs') ?? 3);
  if (!(Number.isInteger(runs) && runs > 0)) throw new Error('--runs takes a whole number ≥ 1');
  const c = compareWithBaseline(root, rev, runs);
  console.table(c.runs);
  console.table({ baseline: c.baseline, current: c.current });
  console.log(
    `Median ms/page: baseline ${c.baseline.wall_ms_per_page}, current ${c.current.wall_ms_per_page} → ratio current/baseline ${c.ratio.wall_ms_per_page} (CPU time: ${c.ratio.cpu_ms_per_page ?? 'n/a'})`,
  );
  save({ comparison: { measured_at: new Date().toISOString(), ...c } });
  process.exit(0);
}

const factors = (option('--factors') ?? '1,3,10').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));

const walk = (dir: string) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

/** Runs node with `args` (a script and its arguments, after any node flags), timed. */
const run = (args: string[], env: Record<string, string>) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 28,
  });
  const ms = Math.round(performance.now() - t);
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-4000)}`);
  return { ms, stdout: r.stdout };
};

interface Row {
  factor: number;
  records: number;
  offerings: number;
  pages: number;
  validate_ms: number;
  build_ms: number;
  astro_ms: number;
  pagefind_ms: number;
  ms_per_page: number;
  peak_rss_mb: number;
  dist_mb: number;
}
const rows: Row[] = [];
try {
  for (const factor of factors) {
    const data = factor === 1 ? join(root, 'data') : join(work, `data-${factor}`);
    if (factor !== 1) generateSynthetic(join(root, 'data'), factor, data);
    const records = walk(data).filter((f) => f.endsWith('.yaml'));
    const offerings = records.filter((f) => f.includes('/offerings/')).length;
    const validate = run(['tools/validate.ts', data], {});
    const dist = join(work, `dist-${factor}`);
    // `npm run build`'s own command line, node flags included.
    const build = run(buildScript(root), { DATA_DIR: data, BUILD_DIR: dist, ASTRO_CACHE_DIR: join(work, `cache-${factor}`) });
    const stats = JSON.parse(/^BUILD_STATS (.*)$/m.exec(build.stdout)![1]!);
    const files = walk(dist);
    const pages = files.filter((f) => f.endsWith('.html')).length;
    const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
    rows.push({
      factor,
      records: records.length,
      offerings,
      pages,
      validate_ms: validate.ms,
      build_ms: build.ms,
      astro_ms: stats.astro_ms,
      pagefind_ms: stats.pagefind_ms,
      ms_per_page: Math.round((stats.astro_ms / pages) * 100) / 100,
      peak_rss_mb: stats.peak_rss_mb,
      dist_mb: Math.round((bytes / 1e6) * 10) / 10,
    });
    console.table(rows);
    rmSync(dist, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const base = rows.find((r) => r.factor === 1);
const growth = rows.map((r) => ({
  factor: r.factor,
  build_ms_per_record_vs_1x: base ? Math.round((r.build_ms / r.records / (base.build_ms / base.records)) * 100) / 100 : null,
}));
console.log('Build time per record relative to 1× (≤ 1 means no worse than linear):');
console.table(growth);
save({ rows, growth });
