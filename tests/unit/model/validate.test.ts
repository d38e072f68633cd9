/**
 * End-to-end tests of the data validator: every fixture under tests/fixtures/invalid/<case>/ is
 * laid over a temporary copy of tests/fixtures/base/ and validated.
 *
 * Every case runs in-process through loadData() + report() (the very functions the CLI calls,
 * with the same cwd, so the printed lines are identical), and a sample of them, plus the
 * multi-problem and folder-level cases, also through the CLI in a child process.
 *
 * A case folder holds overlay files (paths relative to a data folder) and an expect.json:
 *   { "file": "providers/acme.yaml", "line": 7, "column": 3, "field": "kind", "message": "substring" }
 * or, for several problems and/or deleted base files:
 *   { "delete": ["organizations/globex.yaml"], "problems": [ { ... }, { ... } ] }
 * With "exact": true (on the case or on one problem), the message must be the whole message, and
 * the column must be given: the line `file:line:col field: message` is asserted exactly.
 * The CLI must exit 1 and print exactly the expected problems (no more, no fewer).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { loadData } from '../../../src/model/load.ts';
import { report } from '../../../src/model/validate.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CLI = join(ROOT, 'tools', 'validate.ts');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const BASE = join(FIXTURES, 'base');
const INVALID = join(FIXTURES, 'invalid');

interface Expected {
  file: string;
  line: number;
  column?: number;
  field: string;
  message: string;
  exact?: boolean;
}
interface CaseSpec {
  name: string;
  delete: string[];
  problems: Expected[];
  /** Overlay files, relative to the data folder. */
  overlay: string[];
}
interface Printed {
  file: string;
  line: number;
  column: number;
  field: string;
  message: string;
  raw: string;
}

/** Every file under `dir`, relative, with "/" separators. */
const listFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();

const loadCase = (name: string): CaseSpec => {
  const dir = join(INVALID, name);
  const raw = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as
    Expected[] | (Partial<Expected> & { delete?: string[]; problems?: Expected[] });
  const exact = !Array.isArray(raw) && raw.exact === true;
  const problems: Expected[] = (Array.isArray(raw) ? raw : (raw.problems ?? [raw as Expected])).map((e) =>
    exact ? { ...e, exact: true } : e,
  );
  const del = Array.isArray(raw) ? [] : (raw.delete ?? []);
  return { name, delete: del, problems, overlay: listFiles(dir).filter((f) => f !== 'expect.json') };
};

const CASES = readdirSync(INVALID, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => loadCase(e.name))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

let TMP = '';
before(() => {
  TMP = mkdtempSync(join(tmpdir(), 'atlas-validate-'));
});
after(() => {
  if (TMP) rmSync(TMP, { recursive: true, force: true });
});

/** Builds <tmp>/<label>/data from base/ plus the overlays of `cases`; returns the data folder. */
const buildData = (label: string, cases: CaseSpec[]): string => {
  const data = join(TMP, label, 'data');
  cpSync(BASE, data, { recursive: true });
  for (const c of cases) {
    for (const rel of c.delete) {
      const target = join(data, rel);
      assert.ok(existsSync(target), `${c.name}: "delete" names ${rel}, which base/ does not have`);
      rmSync(target);
    }
    for (const rel of c.overlay) {
      const target = join(data, rel);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(join(INVALID, c.name, rel), target);
    }
  }
  return data;
};

const runCli = (args: string[], env: Record<string, string | undefined> = {}) =>
  new Promise<Run>((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
    if (!('DATA_DIR' in env)) delete childEnv.DATA_DIR;
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv, timeout: 30_000 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') return reject(err);
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });

type Run = { code: number; stdout: string; stderr: string };

/** What the CLI would print, computed in this process (cwd = repository root, like the CLI runs). */
const runInProcess = (dir: string): Run => {
  const { problems } = loadData(dir, ROOT);
  return problems.length
    ? { code: 1, stdout: '', stderr: report(problems).join('\n') + '\n' }
    : { code: 0, stdout: '✓', stderr: '' };
};

/** Cases that also go through the real CLI (besides the dedicated CLI tests above). */
const CLI_SAMPLE = new Set([
  'alias-bomb',
  'invalid-utf8',
  'dangling-organization',
  'deleted-model',
  'unknown-field-typo',
  'yaml-version-number',
  'stray-top-level-file',
  'url-javascript',
  'bad-id-uppercase',
  'tiers-overlapping',
  'offering-context-above-model',
  'text-bidi-override',
  'yaml-tags-same-run',
]);

const PROBLEM_LINE = /^(.+?):(\d+):(\d+) (.+?): (.*)$/;
const SUMMARY_LINE = /^(\d+) problems? in (\d+) files?$/;

/** The problem lines of the CLI's stderr. */
const problemLines = (stderr: string): Printed[] =>
  stderr
    .split('\n')
    .map((raw) => ({ raw, m: PROBLEM_LINE.exec(raw) }))
    .filter((x) => x.m !== null)
    .map(({ raw, m }) => ({ file: m![1]!, line: +m![2]!, column: +m![3]!, field: m![4]!, message: m![5]!, raw }));

const matches = (p: Printed, e: Expected, dataSuffix: string) =>
  p.file.endsWith(`${dataSuffix}/${e.file}`) &&
  p.line === e.line &&
  (e.column === undefined || p.column === e.column) &&
  p.field === e.field &&
  (e.exact ? p.message === e.message : p.message.includes(e.message));

/** Asserts that the CLI printed exactly `expected` (in any order), each once, plus a true summary. */
const assertProblems = (out: Run, expected: Expected[], dataSuffix: string) => {
  const context = `\n--- stderr ---\n${out.stderr}`;
  assert.equal(out.code, 1, `expected exit status 1${context}`);
  assert.doesNotMatch(out.stdout, /✓/, 'no success line on failure');
  const printed = problemLines(out.stderr);
  const unmatched = [...printed];
  for (const e of expected) {
    const i = unmatched.findIndex((p) => matches(p, e, dataSuffix));
    assert.ok(i >= 0, `missing problem ${e.file}:${e.line}:${e.column ?? '*'} ${e.field}: …${e.message}…${context}`);
    unmatched.splice(i, 1);
  }
  assert.deepEqual(
    unmatched.map((p) => p.raw),
    [],
    `unexpected extra problems${context}`,
  );
  assert.equal(new Set(printed.map((p) => p.raw)).size, printed.length, `a problem was printed twice${context}`);
  const summary = out.stderr
    .split('\n')
    .map((l) => SUMMARY_LINE.exec(l))
    .find((m) => m !== null);
  assert.ok(summary, `summary line missing${context}`);
  assert.equal(+summary[1]!, expected.length, 'summary problem count');
  assert.equal(+summary[2]!, new Set(expected.map((e) => e.file)).size, 'summary file count');
};

describe('fixtures', () => {
  test('there are at least 35 invalid cases, each with an expectation', () => {
    assert.ok(CASES.length >= 35, `only ${CASES.length} cases`);
    for (const c of CASES) {
      assert.ok(c.problems.length > 0, `${c.name}: expect.json lists no problem`);
      assert.ok(c.overlay.length + c.delete.length > 0, `${c.name}: neither overlay files nor deletions`);
      for (const e of c.problems) {
        assert.equal(typeof e.file, 'string', `${c.name}: file`);
        assert.ok(Number.isInteger(e.line) && e.line >= 1, `${c.name}: line`);
        assert.ok(e.column === undefined || (Number.isInteger(e.column) && e.column >= 1), `${c.name}: column`);
        assert.ok(e.field && e.message, `${c.name}: field and message`);
        if (e.exact) assert.ok(e.column !== undefined, `${c.name}: an exact expectation gives the column`);
      }
    }
  });

  test('every overlay that replaces a base file actually changes it', () => {
    for (const c of CASES)
      for (const rel of c.overlay) {
        const base = join(BASE, rel);
        if (existsSync(base))
          assert.notDeepEqual(
            readFileSync(join(INVALID, c.name, rel)),
            readFileSync(base),
            `${c.name}/${rel} is identical to base/${rel}`,
          );
      }
  });
});

describe('validator CLI', () => {
  test('base/ alone is valid: exit 0 and a summary of the records', async () => {
    const data = buildData('base-only', []);
    const out = await runCli([data]);
    assert.equal(out.code, 0, out.stderr);
    assert.deepEqual(problemLines(out.stderr), []);
    assert.match(out.stdout, /✓ 2 providers, 2 organizations, 3 models, 4 offerings valid/);
  });

  test('DATA_DIR is honoured when no folder is given, and an argument overrides it', async () => {
    const good = buildData('env-good', []);
    const bad = buildData('env-bad', [CASES.find((c) => c.name === 'price-negative')!]);
    assert.equal((await runCli([], { DATA_DIR: good })).code, 0);
    const out = await runCli([], { DATA_DIR: bad });
    assertProblems(out, CASES.find((c) => c.name === 'price-negative')!.problems, 'env-bad/data');
    assert.equal((await runCli([good], { DATA_DIR: bad })).code, 0);
  });

  test('an empty data folder exits 1', async () => {
    const empty = join(TMP, 'empty', 'data');
    mkdirSync(empty, { recursive: true });
    const out = await runCli([empty]);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /:1:1 \(file\): No records found/);
  });

  test('a data folder with only subfolders and a README still has no records', async () => {
    const data = join(TMP, 'readme-only', 'data');
    mkdirSync(join(data, 'providers'), { recursive: true });
    cpSync(join(BASE, 'organizations', 'acme.yaml'), join(data, 'README.md'));
    const out = await runCli([data]);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /No records found/);
    assert.equal(problemLines(out.stderr).length, 1);
  });

  test('a missing data folder exits 1 and names the folder', async () => {
    const missing = join(TMP, 'missing', 'data');
    const out = await runCli([missing]);
    assert.equal(out.code, 1);
    const [p, ...rest] = problemLines(out.stderr);
    assert.deepEqual(rest, []);
    assert.ok(p!.file.endsWith('missing/data/'), p!.raw);
    assert.equal(p!.message, 'The data folder does not exist');
  });

  test('a multi-problem folder reports every problem in one run (3 broken files → 3 lines)', async () => {
    const c = CASES.find((x) => x.name === 'multi-three-files')!;
    const out = await runCli([buildData('multi', [c])]);
    assertProblems(out, c.problems, 'multi/data');
    assert.equal(problemLines(out.stderr).length, 3);
    assert.match(out.stderr, /^3 problems in 3 files$/m);
  });

  test('many unrelated broken files at once: the union of their problems, nothing more', async () => {
    const names = [
      'unknown-field-typo',
      'duplicate-key',
      'url-http',
      'price-negative',
      'invalid-utf8',
      'tiers-not-ascending',
      'yml-extension',
      'unknown-folder',
    ];
    const picked = names.map((n) => CASES.find((c) => c.name === n)!);
    const files = picked.flatMap((c) => c.overlay);
    assert.equal(new Set(files).size, files.length, 'the picked cases must touch different files');
    const out = await runCli([buildData('union', picked)]);
    assertProblems(
      out,
      picked.flatMap((c) => c.problems),
      'union/data',
    );
  });
});

describe('invalid fixtures (in-process, same output as the CLI)', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const data = buildData(`inproc-${c.name}`, [c]);
      try {
        assertProblems(runInProcess(data), c.problems, `inproc-${c.name}/data`);
      } finally {
        rmSync(dirname(data), { recursive: true, force: true });
      }
    });
  }
});

describe('invalid fixtures through the CLI (sample)', { concurrency: Math.max(2, Math.min(6, availableParallelism())) }, () => {
  test('the sample names existing cases', () => {
    for (const n of CLI_SAMPLE)
      assert.ok(
        CASES.some((c) => c.name === n),
        n,
      );
  });
  for (const c of CASES.filter((x) => CLI_SAMPLE.has(x.name))) {
    test(c.name, async () => {
      const data = buildData(`cli-${c.name}`, [c]);
      try {
        assertProblems(await runCli([data]), c.problems, `cli-${c.name}/data`);
      } finally {
        rmSync(dirname(data), { recursive: true, force: true });
      }
    });
  }
});
