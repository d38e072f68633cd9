/**
 * The models.dev importer stores what models.dev states as a `models-dev` observation on each
 * offering, dated --source-date, and the reconciliation rule keeps a provider page's value over a
 * re-import (tests/fixtures/import/small-api.json).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { main } from '../../../tools/import.ts';
import { loadData } from '../../../src/model/load.ts';
import { runCli } from '../../support/cli.ts';

const API = join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'small-api.json');
const api = JSON.parse(readFileSync(API, 'utf8')) as Record<
  string,
  { models: Record<string, { cost?: Record<string, number>; limit: Record<string, number> }> }
>;
const temps: string[] = [];
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the tool quietly; its exit code and output. */
const run = (...args: string[]) => runCli(main, args);
const GROQ = 'offerings/groq/meta/llama-3.3-70b.yaml';
const source = api.groq!.models['llama-3.3-70b-versatile']!;

describe('models.dev observations', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-obs-'));
  temps.push(dir);
  const first = await run('models-dev', API, '--data', dir, '--as-of', '2026-12-02', '--source-date', '2026-07-02');
  const path = join(dir, GROQ);

  test('each imported offering carries what models.dev states, dated --source-date', () => {
    assert.equal(first.code, 0, first.out);
    assert.deepEqual(parse(readFileSync(path, 'utf8')).observations, [
      {
        source: 'models-dev',
        as_of: '2026-07-02',
        pricing: { input: source.cost!.input, output: source.cost!.output },
        limits: { context_window: source.limit.context, max_output_tokens: source.limit.output },
      },
    ]);
  });

  test("a provider page's price keeps winning over a models.dev re-import, and a re-run changes nothing", async () => {
    const rec = parse(readFileSync(path, 'utf8'));
    const page = source.cost!.input! + 0.1;
    rec.observations.push({
      source: 'provider',
      as_of: '2026-12-02',
      url: 'https://groq.com/pricing',
      pricing: { input: page },
    });
    rec.pricing.input = page;
    writeFileSync(path, stringify(rec));
    const again = await run('models-dev', API, '--data', dir, '--as-of', '2026-12-03', '--source-date', '2026-12-03');
    assert.equal(again.code, 0, again.out);
    const after1 = parse(readFileSync(path, 'utf8'));
    assert.equal(after1.pricing.input, page, 'the provider page wins');
    assert.equal(after1.pricing.output, source.cost!.output, 'models.dev still sets what no one else states');
    const md = after1.observations.find((o: { source: string }) => o.source === 'models-dev');
    assert.equal(md.as_of, '2026-12-03');
    assert.equal(md.pricing.input, source.cost!.input, 'the observation keeps what models.dev says');
    assert.deepEqual(loadData(dir).problems, []);
    const text = readFileSync(path, 'utf8');
    const third = await run('models-dev', API, '--data', dir, '--as-of', '2026-12-03', '--source-date', '2026-12-03');
    assert.match(third.out, /Wrote 0 files/);
    assert.equal(readFileSync(path, 'utf8'), text);
  });

  test('when another source states the status, a newer models.dev "beta" does not move it back', async () => {
    const rec = parse(readFileSync(path, 'utf8'));
    rec.status = 'retired';
    rec.observations.push({ source: 'litellm', as_of: '2026-07-24', status: 'retired' });
    writeFileSync(path, stringify(rec));
    const beta = structuredClone(api) as Record<string, { models: Record<string, Record<string, unknown>> }>;
    beta.groq!.models['llama-3.3-70b-versatile']!.status = 'beta';
    const file = join(dir, '..', `${dir.split('/').pop()}-beta.json`);
    temps.push(file);
    writeFileSync(file, JSON.stringify(beta));
    const r = await run('models-dev', file, '--data', dir, '--as-of', '2026-12-04');
    assert.equal(r.code, 0, r.out);
    const after1 = parse(readFileSync(path, 'utf8'));
    assert.equal(after1.status, 'retired');
    assert.equal(after1.observations.find((o: { source: string }) => o.source === 'models-dev').status, 'preview');
  });

  test('a curated "retired" with no source behind it is not moved back by models.dev\'s "deprecated"', async () => {
    const rel = 'offerings/groq/meta/llama-3.3-70b.yaml';
    const rec = parse(readFileSync(join(dir, rel), 'utf8'));
    rec.status = 'retired';
    rec.observations = rec.observations.filter((o: { source: string }) => o.source === 'models-dev');
    writeFileSync(join(dir, rel), stringify(rec));
    const dep = structuredClone(api) as Record<string, { models: Record<string, Record<string, unknown>> }>;
    dep.groq!.models['llama-3.3-70b-versatile']!.status = 'deprecated';
    const file = join(dir, '..', `${dir.split('/').pop()}-dep.json`);
    temps.push(file);
    writeFileSync(file, JSON.stringify(dep));
    assert.equal((await run('models-dev', file, '--data', dir, '--as-of', '2026-12-05')).code, 0);
    assert.equal(parse(readFileSync(join(dir, rel), 'utf8')).status, 'retired');
    const fresh = mkdtempSync(join(tmpdir(), 'import-obs-'));
    temps.push(fresh);
    assert.equal((await run('models-dev', file, '--data', fresh, '--as-of', '2026-12-05')).code, 0);
    assert.equal(
      parse(readFileSync(join(fresh, rel), 'utf8')).status,
      'deprecated',
      'a new offering takes the status models.dev states',
    );
  });

  test("on an offering read from its provider's page, models.dev keeps the curated billing and tiers", async () => {
    const rel = 'offerings/groq/meta/llama-3.3-70b.yaml';
    const rec = parse(readFileSync(join(dir, rel), 'utf8'));
    const page = { source: 'provider', as_of: '2026-12-02', url: 'https://groq.com/pricing' };
    rec.observations = [page, ...rec.observations.filter((o: { source: string }) => o.source === 'models-dev')];
    rec.pricing = { billing: 'unpublished' };
    writeFileSync(join(dir, rel), stringify(rec));
    assert.equal((await run('models-dev', API, '--data', dir, '--as-of', '2026-12-06')).code, 0);
    assert.deepEqual(parse(readFileSync(join(dir, rel), 'utf8')).pricing, { billing: 'unpublished' });
    rec.pricing = { input: 1, output: 2, tiers: [{ above_tokens: 100000, input: 2, output: 4 }] };
    writeFileSync(join(dir, rel), stringify(rec));
    assert.equal((await run('models-dev', API, '--data', dir, '--as-of', '2026-12-06')).code, 0);
    const after1 = parse(readFileSync(join(dir, rel), 'utf8'));
    assert.deepEqual(after1.pricing.tiers, rec.pricing.tiers, 'tiers kept');
    assert.equal(
      after1.pricing.input,
      source.cost!.input,
      'the meters follow the rule (models.dev is the only source stating them)',
    );
  });

  test("a re-import never lowers a model's limit below an offering's curated one", async () => {
    const rel = 'offerings/groq/meta/llama-3.3-70b.yaml';
    const rec = parse(readFileSync(join(dir, rel), 'utf8'));
    const window = source.limit.context! * 4;
    rec.observations = [
      { source: 'provider', as_of: '2026-12-02', url: 'https://groq.com/models', limits: { context_window: window } },
      ...rec.observations.filter((o: { source: string }) => o.source !== 'provider'),
    ];
    rec.limits.context_window = window;
    writeFileSync(join(dir, rel), stringify(rec));
    const modelPath = join(dir, 'models', `${rec.model}.yaml`);
    writeFileSync(modelPath, stringify({ ...parse(readFileSync(modelPath, 'utf8')), context_window: window }));
    const r = await run('models-dev', API, '--data', dir, '--as-of', '2026-12-07');
    assert.equal(r.code, 0, r.out);
    assert.equal(parse(readFileSync(join(dir, rel), 'utf8')).limits.context_window, window);
    assert.equal(parse(readFileSync(modelPath, 'utf8')).context_window, window);
    assert.deepEqual(loadData(dir).problems, []);
  });

  test("a re-import keeps a model's curated name", async () => {
    const rel = 'offerings/groq/meta/llama-3.3-70b.yaml';
    const modelPath = join(dir, 'models', `${parse(readFileSync(join(dir, rel), 'utf8')).model}.yaml`);
    writeFileSync(modelPath, stringify({ ...parse(readFileSync(modelPath, 'utf8')), name: 'Llama 3.3 70B Instruct (curated)' }));
    assert.equal((await run('models-dev', API, '--data', dir, '--as-of', '2026-12-08')).code, 0);
    assert.equal(parse(readFileSync(modelPath, 'utf8')).name, 'Llama 3.3 70B Instruct (curated)');
  });

  test('a bad --source-date is refused', async () => {
    const r = await run('models-dev', API, '--data', dir, '--source-date', '2026-7-2');
    assert.equal(r.code, 2);
    assert.match(r.out, /--source-date: expected YYYY-MM-DD/);
  });
});

describe('a curated model (last_verified)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-curated-'));
  temps.push(dir);
  assert.equal((await run('models-dev', API, '--data', dir, '--as-of', '2026-12-02', '--source-date', '2026-07-02')).code, 0);
  const model = parse(readFileSync(join(dir, 'models/meta/llama-3.3-70b.yaml'), 'utf8'));
  const cap = source.limit.output! - 1;
  const curated = { ...model, name: 'Llama 3.3 70B (curated)', max_output_tokens: cap, last_verified: '2026-12-02' };
  writeFileSync(join(dir, 'models/meta/llama-3.3-70b.yaml'), stringify(curated));
  const res = await run('models-dev', API, '--data', dir, '--as-of', '2026-12-03', '--source-date', '2026-12-03');

  test('keeps every fact it has: the import does not overwrite them', () => {
    assert.equal(res.code, 0, res.out);
    const after1 = parse(readFileSync(join(dir, 'models/meta/llama-3.3-70b.yaml'), 'utf8'));
    assert.equal(after1.name, curated.name);
    assert.equal(after1.max_output_tokens, cap);
  });
  test('an offering limit its caps cannot hold is left out and reported, not written', () => {
    const rec = parse(readFileSync(join(dir, GROQ), 'utf8'));
    assert.equal(rec.limits.max_output_tokens, undefined);
    const md = rec.observations.find((o: { source: string }) => o.source === 'models-dev');
    assert.equal(md.limits.max_output_tokens, undefined);
    assert.match(res.out, /max_output_tokens/);
    assert.deepEqual(loadData(dir).problems, []);
  });
});
