/**
 * `npm run bench -- --baseline [<rev>] [--runs 3]`: build time per page of this tree against a
 * baseline git revision (default 15b8849, the commit before the restructuring), in one run.
 *
 * The baseline is checked out into a temporary `git worktree` that reuses this tree's
 * node_modules (a hard-link copy). Baseline and current are then built alternately, `runs`
 * times each, each build with `npm run build`'s script of its revision, on its revision's data,
 * into a temporary folder with its own fresh Astro cache, so that a busy shared machine slows
 * both sides alike. Prints ms per page (wall clock of the whole build, and CPU time of the build
 * and its child processes where /proc tells it), the medians and the ratio current/baseline.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../src/core/stats.ts';

export const DEFAULT_BASELINE = '15b8849';

/** One build, timed. */
export interface BuildRun {
  side: 'baseline' | 'current';
  run: number;
  pages: number;
  wall_ms: number;
  /** User + system CPU of the build and every process it waited for; null off Linux. */
  cpu_ms: number | null;
  validate_ms: number;
  astro_ms: number;
  pagefind_ms: number;
  wall_ms_per_page: number;
  cpu_ms_per_page: number | null;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** CPU time (ms) used so far by the children this process has waited for, from /proc; null elsewhere. */
const childrenCpuMs = (() => {
  let tick = 100;
  try {
    tick = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    // getconf missing: Linux's usual USER_HZ.
  }
  return (): number | null => {
    try {
      // Fields after "(comm)": state is field 3, cutime and cstime are fields 16 and 17.
      const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
      return ((Number(f[13]) + Number(f[14])) * 1000) / tick;
    } catch {
      return null;
    }
  };
})();

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** Node's arguments for a checkout's build: its package.json `build` script after "node", flags included. */
export const buildScript = (dir: string): string[] => {
  const cmd: string = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts.build;
  const [bin, ...args] = cmd.split(/\s+/);
  if (bin !== 'node') throw new Error(`Cannot time the build script "${cmd}" of ${dir}`);
  return args;
};

const countPages = (dist: string) =>
  (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;

const buildOnce = (side: BuildRun['side'], run: number, dir: string, work: string): BuildRun => {
  const out = join(work, `${side}-${run}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: join(dir, 'data'),
    BUILD_DIR: join(out, 'dist'),
    ASTRO_CACHE_DIR: join(out, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  delete env.BUILD_LOG_LEVEL;
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, buildScript(dir), { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  if (r.status !== 0) throw new Error(`${side} build failed (${r.status}):\n${r.stderr.slice(-4000)}`);
  const stats = JSON.parse(/^BUILD_STATS (.*)$/m.exec(r.stdout)![1]!);
  const pages = countPages(join(out, 'dist'));
  rmSync(out, { recursive: true, force: true });
  const cpu = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
  return {
    side,
    run,
    pages,
    wall_ms: Math.round(wall),
    cpu_ms: cpu === null ? null : Math.round(cpu),
    validate_ms: stats.validate_ms,
    astro_ms: stats.astro_ms,
    pagefind_ms: stats.pagefind_ms,
    wall_ms_per_page: round(wall / pages),
    cpu_ms_per_page: cpu === null ? null : round(cpu / pages),
  };
};

/** Medians of one side's runs. */
const summary = (runs: BuildRun[]) => {
  const m = (k: 'wall_ms_per_page' | 'cpu_ms_per_page' | 'validate_ms' | 'astro_ms' | 'pagefind_ms' | 'pages') => {
    const v = runs.map((r) => r[k]).filter((x): x is number => x !== null);
    return v.length === runs.length ? (median(v) ?? null) : null;
  };
  return {
    pages: m('pages'),
    wall_ms_per_page: m('wall_ms_per_page'),
    cpu_ms_per_page: m('cpu_ms_per_page'),
    validate_ms: m('validate_ms'),
    astro_ms: m('astro_ms'),
    pagefind_ms: m('pagefind_ms'),
  };
};

/** Builds baseline and current alternately, `runs` times each; returns every run, the medians and the ratios. */
export const compareWithBaseline = (root: string, rev: string, runs: number) => {
  const commit = git(root, 'rev-parse', '--verify', `${rev}^{commit}`);
  const head = git(root, 'rev-parse', 'HEAD');
  const dirty = git(root, 'status', '--porcelain', '--untracked-files=no') !== '';
  const work = mkdtempSync(join(tmpdir(), 'atlas-bench-baseline-'));
  const tree = join(work, 'baseline');
  const all: BuildRun[] = [];
  try {
    git(root, 'worktree', 'add', '--detach', '--quiet', tree, commit);
    try {
      // Hard links: a second node_modules without copying a byte (a symlink when `cp -al` cannot).
      execFileSync('cp', ['-al', join(root, 'node_modules'), join(tree, 'node_modules')]);
    } catch {
      rmSync(join(tree, 'node_modules'), { recursive: true, force: true });
      symlinkSync(join(root, 'node_modules'), join(tree, 'node_modules'));
    }
    for (let i = 1; i <= runs; i++) {
      for (const [side, dir] of [
        ['baseline', tree],
        ['current', root],
      ] as const) {
        const r = buildOnce(side, i, dir, work);
        all.push(r);
        console.log(
          `${side.padEnd(8)} run ${i}: ${r.pages} pages, ${r.wall_ms} ms → ${r.wall_ms_per_page} ms/page (CPU ${r.cpu_ms_per_page ?? '?'} ms/page)`,
        );
      }
    }
  } finally {
    if (existsSync(tree)) {
      try {
        git(root, 'worktree', 'remove', '--force', tree);
      } catch {
        rmSync(tree, { recursive: true, force: true });
        git(root, 'worktree', 'prune');
      }
    }
    rmSync(work, { recursive: true, force: true });
  }
  const baseline = summary(all.filter((r) => r.side === 'baseline'));
  const current = summary(all.filter((r) => r.side === 'current'));
  const ratio = (k: 'wall_ms_per_page' | 'cpu_ms_per_page') => {
    const b = baseline[k];
    const c = current[k];
    return b && c !== null ? round(c / b) : null;
  };
  return {
    baseline: { rev, commit, ...baseline },
    current: { commit: head, uncommitted_changes: dirty, ...current },
    ratio: { wall_ms_per_page: ratio('wall_ms_per_page'), cpu_ms_per_page: ratio('cpu_ms_per_page') },
    runs: all,
  };
};
