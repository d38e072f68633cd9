/**
 * The weekly sync end to end on local files (tests/fixtures/sync/): a tiny data folder and tiny
 * upstream files; the pull-request description must list exactly the changes the fixtures imply.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'yaml';
import { observed, type ObservationLike, type ReconciledField } from '../../../src/core/reconcile.ts';
import { CURRENT_STATUSES } from '../../../src/core/vocab.ts';
import { loadData } from '../../../src/model/load.ts';
import { MAX_BODY, syncBody } from '../../../src/model/data-diff.ts';
import { main } from '../../../tools/sync.ts';
import { runCli, snapshot } from '../../support/cli.ts';
import { markdownSection } from '../../support/markdown.ts';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'sync');
const MODELS_DEV = join(FIX, 'upstream', 'models-dev-api.json');
const AS_OF = '2026-12-02';
const temps: string[] = [];
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));
const workspace = () => {
  const d = mkdtempSync(join(tmpdir(), 'sync-test-'));
  temps.push(d);
  cpSync(join(FIX, 'data'), join(d, 'data'), { recursive: true });
  return { data: join(d, 'data'), body: join(d, 'pr-body.md') };
};
/** Runs the tool quietly; its exit code and output. */
const run = (...args: string[]) => runCli(main, args);

const section = markdownSection;

type Upstream = Record<
  string,
  {
    models: Record<
      string,
      { cost?: { input?: number; output?: number }; limit: { context?: number; output?: number }; status?: string }
    >;
  }
>;

/** What the fixtures imply: new offerings, changed values (a provider page's value is kept), retirements, conflicts. */
const expected = () => {
  const api = JSON.parse(readFileSync(MODELS_DEV, 'utf8')) as Upstream;
  const offerings = loadData(join(FIX, 'data')).records!.offerings;
  const added = new Set<string>();
  const changed = new Set<string>();
  const retired = new Set<string>();
  const conflicts = new Set<string>();
  for (const [provider, p] of Object.entries(api))
    for (const [id, m] of Object.entries(p.models)) {
      const cur = offerings.find((o) => o.provider === provider && o.provider_model_id === id);
      if (!cur) {
        added.add(`${provider}:${id}`);
        continue;
      }
      const page = (cur.observations ?? []).find((o) => o.source === 'provider') as ObservationLike | undefined;
      const fields: [ReconciledField, number | undefined, number | undefined][] = [
        ['pricing.input', m.cost?.input, cur.pricing?.input],
        ['pricing.output', m.cost?.output, cur.pricing?.output],
        ['limits.context_window', m.limit.context, cur.limits?.context_window],
        ['limits.max_output_tokens', m.limit.output, cur.limits?.max_output_tokens],
      ];
      for (const [field, upstream, now] of fields) {
        const fromPage = page && observed(page, field);
        const kept = fromPage ?? upstream;
        if (kept !== now) changed.add(`${cur.id} ${field} ${now ?? '—'} → ${kept}`);
        if (fromPage !== undefined && fromPage !== upstream) conflicts.add(`${cur.id} ${field}`);
      }
      if (m.status === 'deprecated' && (CURRENT_STATUSES as readonly string[]).includes(cur.status))
        retired.add(`${cur.id} ${cur.status} → deprecated`);
    }
  return { added, changed, retired, conflicts };
};

describe('node tools/sync.ts on local files', async () => {
  const ws = workspace();
  const res = await run(
    '--data',
    ws.data,
    '--as-of',
    AS_OF,
    '--body',
    ws.body,
    '--sources',
    'models-dev',
    '--models-dev',
    MODELS_DEV,
  );
  const body = readFileSync(ws.body, 'utf8');
  const want = expected();

  test('succeeds, and the data folder validates', () => {
    assert.equal(res.code, 0, res.out);
    assert.deepEqual(loadData(ws.data).problems, []);
  });
  test('the fixtures imply at least one change of each kind', () => {
    for (const [k, v] of Object.entries(want)) assert.ok(v.size > 0, k);
  });
  test('the description lists exactly the new offerings', () => {
    const offerings = loadData(ws.data).records!.offerings;
    const rows = section(body, 'New offerings');
    assert.deepEqual(
      new Set(
        rows.map((r) => {
          const o = offerings.find((x) => x.id === r[0])!;
          return `${o.provider}:${o.provider_model_id}`;
        }),
      ),
      want.added,
    );
    assert.equal(rows.length, want.added.size);
  });
  test('the description lists exactly the changed values, old → new', () => {
    const rows = section(body, 'Changed offerings');
    assert.deepEqual(new Set(rows.map((r) => `${r[0]} ${r[1]} ${r[2]}`)), want.changed);
    assert.equal(rows.length, want.changed.size);
  });
  test('the description lists exactly the retired or deprecated offerings', () => {
    assert.deepEqual(new Set(section(body, 'Retired or deprecated offerings').map((r) => `${r[0]} ${r[1]}`)), want.retired);
  });
  test("the description lists the conflicts, and a provider page's value is kept", () => {
    const rows = section(body, 'Conflicts');
    assert.deepEqual(new Set(rows.map((r) => `${r[0]} ${r[1]}`)), want.conflicts);
    for (const r of rows) assert.match(r[3]!, /from provider \(provider's page\)/);
  });
  test('the sources are named, the ones not selected too', () => {
    assert.match(body, /- models-dev: imported from `models-dev-api\.json` \(local file\)/);
    assert.match(body, /- litellm: skipped, not selected \(--sources\)/);
  });
  test('a second run on its own result proposes nothing new', async () => {
    const again = await run(
      '--data',
      ws.data,
      '--as-of',
      AS_OF,
      '--body',
      ws.body,
      '--sources',
      'models-dev',
      '--models-dev',
      MODELS_DEV,
    );
    assert.equal(again.code, 0, again.out);
    const b = readFileSync(ws.body, 'utf8');
    for (const s of ['New offerings', 'Changed offerings', 'Retired or deprecated offerings'])
      assert.deepEqual(section(b, s), [], s);
    assert.match(again.out, / 0 files written/);
  });
});

const DATASETS = ['litellm', 'portkey', 'genai-prices'] as const;
const haveAll = DATASETS.every((n) =>
  existsSync(join(import.meta.dirname, '..', '..', '..', 'tools', 'import', 'sources', `${n}.ts`)),
);
const UPSTREAM = {
  litellm: join(FIX, 'upstream', 'litellm.json'),
  portkey: join(FIX, 'upstream', 'portkey'),
  'genai-prices': join(FIX, 'upstream', 'genai-prices.json'),
};

describe('all four sources, in order', { skip: haveAll ? false : 'a dataset importer is not in this tree yet' }, async () => {
  const ws = workspace();
  const res = await run(
    '--data',
    ws.data,
    '--as-of',
    AS_OF,
    '--body',
    ws.body,
    '--models-dev',
    MODELS_DEV,
    ...DATASETS.flatMap((n) => [`--${n}`, UPSTREAM[n]]),
  );
  const body = readFileSync(ws.body, 'utf8');
  const offerings = loadData(ws.data).records?.offerings ?? [];

  test('succeeds; each dataset imported after models.dev, in the fixed order', () => {
    assert.equal(res.code, 0, res.out);
    const order = [...res.out.matchAll(/^== import (\S+)/gm)].map((m) => m[1]);
    assert.deepEqual(order, ['models-dev', 'litellm', 'portkey', 'genai-prices']);
    for (const n of ['models-dev', ...DATASETS]) assert.match(body, new RegExp(`- ${n}: imported from`));
  });
  test('each dataset stored its observation; where it agrees with models.dev the description is the same as with models.dev alone', () => {
    const seen = new Set(offerings.flatMap((o) => (o.observations ?? []).map((x) => x.source)));
    for (const n of DATASETS) assert.ok(seen.has(n), n);
    for (const o of offerings) {
      const md = o.observations?.find((x) => x.source === 'models-dev');
      for (const x of o.observations ?? [])
        if ((DATASETS as readonly string[]).includes(x.source))
          for (const f of ['pricing.input', 'pricing.output'] as const)
            if (observed(x, f) !== undefined) assert.equal(observed(x, f), md && observed(md, f), `${o.id} ${x.source} ${f}`);
    }
    const want = expected();
    assert.deepEqual(new Set(section(body, 'Changed offerings').map((r) => `${r[0]} ${r[1]} ${r[2]}`)), want.changed);
    assert.equal(section(body, 'New offerings').length, want.added.size);
    assert.deepEqual(new Set(section(body, 'Conflicts').map((r) => `${r[0]} ${r[1]}`)), want.conflicts);
  });
});

describe('on failure nothing is proposed', () => {
  test('a malformed upstream file: exit 1, data unchanged, no description', async () => {
    const ws = workspace();
    const bad = join(ws.data, '..', 'bad.json');
    writeFileSync(bad, '{"not": "models.dev"');
    const before = snapshot(ws.data);
    const r = await run('--data', ws.data, '--as-of', AS_OF, '--body', ws.body, '--sources', 'models-dev', '--models-dev', bad);
    assert.equal(r.code, 1);
    assert.match(r.out, /Sync failed: nothing is proposed/);
    assert.doesNotMatch(r.out, /sync-data-/, 'no path of the working copy');
    assert.deepEqual(snapshot(ws.data), before);
    assert.equal(existsSync(ws.body), false);
  });
  test('a requested source without a readable file fails', async () => {
    const ws = workspace();
    const r = await run('--data', ws.data, '--as-of', AS_OF, '--models-dev', join(ws.data, 'missing.json'));
    assert.equal(r.code, 1);
    assert.match(r.out, /models-dev: .*missing\.json does not exist/);
  });
  test('a requested dataset whose importer is not in the tree fails with a clear message; unrequested ones are skipped', async () => {
    const missing = ['litellm', 'portkey', 'genai-prices'].filter(
      (n) => !existsSync(join(import.meta.dirname, '..', '..', '..', 'tools', 'import', 'sources', `${n}.ts`)),
    );
    if (!missing.length) return;
    const ws = workspace();
    const r = await run('--data', ws.data, '--as-of', AS_OF, '--sources', `models-dev,${missing[0]}`, '--models-dev', MODELS_DEV);
    assert.equal(r.code, 1);
    assert.match(r.out, new RegExp(`${missing[0]}: its importer tools/import/sources/${missing[0]}\\.ts is not in this tree`));
    if (missing.length < 3) return; // with an importer present, an unrequested source would be downloaded
    const ok = await run('--data', ws.data, '--as-of', AS_OF, '--models-dev', MODELS_DEV);
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, new RegExp(`skipped ${missing[0]}: its importer`));
  });
  test('bad arguments', async () => {
    assert.equal((await run('--as-of', '2026-12')).code, 2);
    assert.equal((await run('--sources', 'nope')).code, 2);
    assert.equal((await run('--bogus')).code, 2);
  });
});

describe('syncBody', () => {
  const row = (i: number) => ({ id: `p/m-${String(i).padStart(5, '0')}`, model: 'o/m', name: undefined, status: 'active' });
  test('caps each table and the whole description to what GitHub accepts', () => {
    const added = Array.from({ length: 5000 }, (_, i) => row(i));
    const conflicts = { byProvider: [], summary: { conflicts: 0, offerings: 0, providers: 0, byField: [] } };
    const small = syncBody({ date: AS_OF, sources: [], diff: { added, changed: [], retired: [] }, conflicts, max: 10 });
    assert.equal(section(small, 'New offerings').length, 10);
    assert.match(small, /… and 4990 more/);
    const big = syncBody({ date: AS_OF, sources: [], diff: { added, changed: [], retired: [] }, conflicts, max: 5000 });
    assert.ok(big.length <= MAX_BODY, String(big.length));
    assert.match(big, /cut here/);
  });
});

describe('.github/workflows/sync.yml', () => {
  const wf = parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '.github', 'workflows', 'sync.yml'), 'utf8')) as {
    on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
    jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, string> }[] }>;
  };
  const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
  test('runs weekly and by hand', () => {
    assert.equal(wf.on.schedule?.length, 1);
    assert.match(wf.on.schedule![0]!.cron, /^\S+ \S+ \* \* [0-6]$/);
    assert.ok('workflow_dispatch' in wf.on);
  });
  test('installs with npm ci, runs the sync, validate and conflicts, in that order', () => {
    const runs = steps.map((s) => s.run ?? '');
    const at = (re: RegExp) => runs.findIndex((r) => re.test(r));
    assert.ok(at(/^npm ci\b/) >= 0);
    assert.ok(at(/^npm ci\b/) < at(/npm run sync\b/));
    assert.ok(at(/npm run sync\b/) < at(/npm run validate\b/));
    assert.ok(at(/npm run validate\b/) < at(/npm run data:conflicts\b/));
  });
  test('every action is pinned by commit SHA; the change is proposed as a pull request, never pushed', () => {
    for (const s of steps.filter((x) => x.uses)) assert.match(s.uses!, /^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/, s.uses);
    const pr = steps.find((s) => s.uses?.startsWith('peter-evans/create-pull-request@'))!;
    assert.ok(pr, 'a create-pull-request step');
    assert.notEqual(pr.with?.branch, 'main');
    assert.match(pr.with!['body-path']!, /pr-body\.md$/);
    for (const s of steps) assert.doesNotMatch(s.run ?? '', /git push/);
  });
});
