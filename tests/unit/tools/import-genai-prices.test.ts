/**
 * The genai-prices v2 importer (tools/import/sources/genai-prices.ts) on small hand-made fixtures
 * (tests/fixtures/import/genai-prices/): match rules, unit conversion, dated and time-of-day
 * prices, provider mapping, bad input, idempotency, a provider page winning, and the scheduled
 * prices planObservations appends to price_history.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse } from 'yaml';
import { main, type KnownOffering } from '../../../tools/import.ts';
import { planObservations } from '../../../tools/import/observe.ts';
import {
  convertPrices,
  ERRATA,
  HUGGINGFACE,
  mapGenaiPrices,
  matchRule,
  parseGenaiPrices,
  pickEntry,
  PRICE_KEYS,
  PROVIDERS,
  resolvePrices,
  type GenaiPricesFile,
} from '../../../tools/import/sources/genai-prices.ts';
import { ObservationSchema } from '../../../src/model/schema.ts';
import { readDataFiles } from '../../../src/model/load.ts';
import type { DataFile } from '../../../src/model/validate.ts';
import { runCli, snapshot } from '../../support/cli.ts';

const FIX = join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'genai-prices');
const FILE = join(FIX, 'data-v2.json');
const DATA = join(FIX, 'data');
const AS_OF = '2026-08-21';
const REPO_DATA = join(import.meta.dirname, '..', '..', '..', 'data');

type Json = Record<string, unknown>;
const upstream = JSON.parse(readFileSync(FILE, 'utf8')) as {
  id: string;
  models: { id: string; prices: Json | { constraint?: Json; prices: Json }[] }[];
}[];
/** An entry of the fixture file, by provider and entry id. */
const entryOf = (provider: string, id: string) => upstream.find((p) => p.id === provider)!.models.find((m) => m.id === id)!;
const flat = (provider: string, id: string) => entryOf(provider, id).prices as Record<string, number>;
const listed = (provider: string, id: string) => entryOf(provider, id).prices as { constraint?: Json; prices: Json }[];

const temps: string[] = [];
const tempData = () => {
  const d = mkdtempSync(join(tmpdir(), 'import-genai-'));
  temps.push(d);
  cpSync(DATA, d, { recursive: true });
  return d;
};
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs the tool quietly; its exit code and output. */
const run = (...args: string[]) => runCli(main, args);
const offering = (dir: string, provider: string, file: string) =>
  parse(readFileSync(join(dir, 'offerings', provider, 'x', `${file}.yaml`), 'utf8')) as Json & {
    pricing: Record<string, number>;
    observations?: (Json & { source: string; pricing: Record<string, number>; scheduled?: Json[] })[];
    price_history?: Json[];
  };
const genai = (rec: ReturnType<typeof offering>) => rec.observations!.find((o) => o.source === 'genai-prices')!;
const parsed = () => {
  const p = parseGenaiPrices(readFileSync(FILE, 'utf8'));
  assert.ok(p.ok);
  return p.data;
};

describe('match rules', () => {
  test('an equals clause anywhere in the rule makes the hit exact; other clauses are loose; case-insensitive', () => {
    assert.equal(matchRule({ or: [{ starts_with: 'x' }, { equals: 'GPT-4O' }] }, 'gpt-4o'), 'equals');
    assert.equal(matchRule({ starts_with: 'Mistral-Medium' }, 'mistral-medium-2604'), 'loose');
    assert.equal(matchRule({ regex: '^grok-4\\.3-\\d{8}$' }, 'grok-4.3-20260101'), 'loose');
    assert.equal(matchRule({ and: [{ contains: 'sonnet' }, { ends_with: '-v1:0' }] }, 'us.claude-sonnet-v1:0'), 'loose');
    assert.equal(matchRule({ and: [{ contains: 'sonnet' }, { ends_with: '-v2:0' }] }, 'us.claude-sonnet-v1:0'), undefined);
  });
  const file = parsed();
  const models = (id: string) => file.find((p) => p.id === id)!;
  test('a prefix rule that catches another model is ambiguous, never a match', () => {
    const pick = pickEntry({ provider: 'mistral', provider_model_id: 'mistral-medium-2604' }, [models('mistral')]);
    assert.deepEqual(pick && !pick.ok && pick.ambiguous.map((c) => c.model.id), ['mistral-medium-3']);
  });
  test('a prefix rule whose entry names the model (id or linked model) matches', () => {
    const pick = pickEntry({ provider: 'anthropic', provider_model_id: 'claude-sonnet-5-20260724' }, [models('anthropic')]);
    assert.equal(pick?.ok && pick.hit.model.id, 'claude-sonnet-5');
    const viaModel = pickEntry(
      { provider: 'mistral', provider_model_id: 'mistral-medium-2505', model: 'mistral/mistral-medium-3' },
      [models('mistral')],
    );
    assert.equal(viaModel?.ok && viaModel.hit.model.id, 'mistral-medium-3');
  });
  test('an equals hit beats an earlier loose one; a fallback provider is searched after the own entries', () => {
    const own = { id: 'own', models: [{ id: 'catch-all', match: { starts_with: 'mistral-large' }, prices: {} }] };
    const pick = pickEntry({ provider: 'azure', provider_model_id: 'mistral-large-2512' }, [own, models('mistral')]);
    assert.ok(pick?.ok);
    assert.equal(pick.hit.provider, 'mistral');
    assert.equal(pick.fallback, true);
  });
  test('Bedrock geo profiles take the regional entry, global profiles the global one', () => {
    const aws = [models('aws')];
    const us = pickEntry({ provider: 'amazon-bedrock', provider_model_id: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' }, aws);
    const global = pickEntry(
      { provider: 'amazon-bedrock', provider_model_id: 'global.anthropic.claude-sonnet-4-5-20250929-v1:0' },
      aws,
    );
    assert.equal(us?.ok && us.hit.model.id, 'regional.anthropic.claude-sonnet-4-5-20250929-v1:0');
    assert.equal(global?.ok && global.hit.model.id, 'global.anthropic.claude-sonnet-4-5-20250929-v1:0');
  });
});

describe('prices', () => {
  test('per-1M keys are kept, per-1,000 counts become per-unit prices, float noise is rounded away', () => {
    const c = convertPrices({ input_mtok: 0.18000000000000002, web_searches_kcount: 10, requests_kcount: 5 });
    assert.deepEqual(c.pricing, { input: 0.18, per_search: 10 / 1000, per_request: 5 / 1000 });
    for (const [k, v] of Object.entries(PRICE_KEYS)) assert.ok(v.factor === 1 || k.endsWith('_kcount'), k);
  });
  test('context tiers keep their base price and are reported; keys without a meter of ours are reported', () => {
    const p = flat('mistral', 'mistral-large-2512');
    const c = convertPrices(p as never);
    assert.equal(c.pricing.input, (p.input_mtok as unknown as { base: number }).base);
    assert.deepEqual(c.tiered, ['input_mtok']);
    assert.deepEqual(c.unmapped, ['cache_audio_read_mtok']);
    assert.equal(c.pricing.input_audio, p.input_audio_mtok);
  });
  test('a price list is resolved on the as-of date: the last started item, later ones scheduled', () => {
    const list = listed('anthropic', 'claude-sonnet-5');
    const start = list[1]!.constraint!.start_date as string;
    const before = resolvePrices(list as never, AS_OF);
    assert.ok(AS_OF < start);
    assert.deepEqual(before.current, list[0]!.prices);
    assert.deepEqual(before.scheduled, [{ effective_from: start, prices: list[1]!.prices }]);
    const afterStart = resolvePrices(list as never, start);
    assert.deepEqual(afterStart.current, list[1]!.prices);
    assert.deepEqual(afterStart.scheduled, []);
  });
  test('time-of-day prices keep the price that applies most of the day', () => {
    const list = listed('deepseek', 'deepseek-chat');
    const r = resolvePrices(list as never, AS_OF);
    assert.deepEqual(r.current, list[1]!.prices); // 00:30–16:30 is 16 hours: the standard price
    assert.deepEqual(r.offPeak?.prices, list[0]!.prices);
  });
});

describe('mapping', () => {
  const known: KnownOffering[] = [
    { provider: 'mistral', provider_model_id: 'mistral-large-2512' },
    { provider: 'zhipuai', provider_model_id: 'glm-4.7' },
    { provider: 'openai', provider_model_id: 'gpt-4o-2024-05-13' },
  ];
  const file: GenaiPricesFile = [
    ...parsed(),
    { id: 'openai', models: [{ id: 'gpt-4o', match: { equals: 'gpt-4o-2024-05-13' }, prices: { input_mtok: 2.5 } }] },
    ...['huggingface_a', 'huggingface_b'].map((id, i) => ({
      id,
      models: [
        { id: 'Org/Same', match: { equals: 'org/same' }, prices: { input_mtok: 1 } },
        { id: 'Org/Differs', match: { equals: 'org/differs' }, prices: { input_mtok: 1 + i } },
      ],
    })),
  ];
  const hf = ['Org/Same', 'Org/Differs'].map((id) => ({ provider: HUGGINGFACE.ours, provider_model_id: id }));
  const m = mapGenaiPrices(file, [...known, ...hf], AS_OF);
  test('each provider is mapped to ours; left-out providers and errata are reported, not imported', () => {
    assert.deepEqual(
      m.entries.map((e) => `${e.provider}:${e.provider_model_id}`),
      ['mistral:mistral-large-2512', 'huggingface:Org/Same'],
    );
    assert.ok(m.skipped.some((s) => s.key === 'zhipuai' && /provider left out/.test(s.reason)));
    assert.ok(
      m.skipped.some((s) => s.key === 'openai:gpt-4o-2024-05-13' && s.reason.includes(ERRATA['openai:gpt-4o-2024-05-13']!)),
    );
  });
  test('a Hugging Face router offering gets a price only when every serving provider states the same', () => {
    assert.deepEqual(m.entries.find((e) => e.provider === HUGGINGFACE.ours)?.observation.pricing, { input: 1 });
    assert.ok(m.skipped.some((s) => s.key === 'huggingface:Org/Differs'));
  });
  test('every mapped provider id is a provider of data/providers', () => {
    for (const id of [...Object.values(PROVIDERS).flat(), HUGGINGFACE.ours])
      assert.ok(existsSync(join(REPO_DATA, 'providers', `${id}.yaml`)), id);
  });
});

describe('npm run import -- genai-prices (fixtures)', async () => {
  const dir = tempData();
  const first = await run('genai-prices', FILE, '--data', dir, '--as-of', AS_OF);

  test('imports without problems and reports what it left out', () => {
    assert.equal(first.code, 0, first.out);
    assert.match(first.out, /mistral:mistral-medium-2604: ambiguous/);
    assert.match(first.out, /time-of-day price .* left out/);
    assert.match(first.out, /context tiers: 1 offerings'/);
  });
  test('prices are converted to our meters; Bedrock geo and global profiles get their own entries', () => {
    const opus = genai(offering(dir, 'anthropic', 'claude-opus-4-6'));
    const now = listed('anthropic', 'claude-opus-4-6')[1]!.prices as Record<string, number>;
    assert.deepEqual(opus.pricing, {
      input: now.input_mtok,
      output: now.output_mtok,
      cache_write_1h: now.cache_write_1h_mtok,
      per_search: now.web_searches_kcount! / 1000,
    });
    const regional = flat('aws', 'regional.anthropic.claude-sonnet-4-5-20250929-v1:0');
    const us = offering(dir, 'amazon-bedrock', 'us-sonnet-4-5');
    assert.equal(us.pricing.input, regional.input_mtok);
    assert.equal(us.pricing.per_request, regional.requests_kcount! / 1000);
    assert.equal(genai(us).key, 'aws/regional.anthropic.claude-sonnet-4-5-20250929-v1:0');
    assert.equal(
      offering(dir, 'amazon-bedrock', 'global-sonnet-4-5').pricing.input,
      flat('aws', 'global.anthropic.claude-sonnet-4-5-20250929-v1:0').input_mtok,
    );
  });
  test('deprecated entries mark the offering deprecated; the standard DeepSeek price is kept', () => {
    assert.equal(offering(dir, 'anthropic', 'claude-2').status, 'deprecated');
    const ds = offering(dir, 'deepseek', 'deepseek-chat');
    assert.equal(ds.pricing.input, (listed('deepseek', 'deepseek-chat')[1]!.prices as Record<string, number>).input_mtok);
  });
  test('an ambiguous offering is left untouched', () => {
    assert.equal(
      readFileSync(join(dir, 'offerings/mistral/x/mistral-medium-2604.yaml'), 'utf8'),
      readFileSync(join(DATA, 'offerings/mistral/x/mistral-medium-2604.yaml'), 'utf8'),
    );
  });
  test('a scheduled price is stored on the observation and appended to price_history after the current one', () => {
    const rec = offering(dir, 'anthropic', 'claude-sonnet-5');
    const [current, next] = listed('anthropic', 'claude-sonnet-5');
    const from = next!.constraint!.start_date as string;
    const nextPrices = next!.prices as Record<string, number>;
    assert.deepEqual(genai(rec).scheduled, [
      {
        effective_from: from,
        input: nextPrices.input_mtok,
        output: nextPrices.output_mtok,
        cache_read: nextPrices.cache_read_mtok,
      },
    ]);
    assert.equal(rec.pricing.input, (current!.prices as Record<string, number>).input_mtok);
    assert.deepEqual(rec.price_history, [
      { ...rec.pricing },
      {
        effective_from: from,
        input: nextPrices.input_mtok,
        output: nextPrices.output_mtok,
        cache_read: nextPrices.cache_read_mtok,
      },
    ]);
  });
  test("the provider's own page keeps its price against genai-prices'", () => {
    const rec = offering(dir, 'anthropic', 'claude-haiku-4-5');
    const page = rec.observations!.find((o) => o.source === 'provider')!;
    assert.equal(genai(rec).pricing.input, flat('anthropic', 'claude-haiku-4-5').input_mtok);
    assert.notEqual(genai(rec).pricing.input, page.pricing.input);
    assert.equal(rec.pricing.input, page.pricing.input);
  });
  test('a second run with the same file writes nothing', async () => {
    const before = snapshot(dir);
    const again = await run('genai-prices', FILE, '--data', dir, '--as-of', AS_OF);
    assert.equal(again.code, 0);
    assert.match(again.out, /Wrote 0 files/);
    assert.deepEqual(snapshot(dir), before);
  });
  for (const [file, message] of [
    ['not-json.json', /Not JSON/],
    ['bad-rule.json', /\[0\]\.models\[0\]\.match \(provider mistral\): Expected a match rule/],
    ['bad-price.json', /\[0\]\.models\[0\]\.prices\.input_mtok \(provider mistral\)/],
    ['bad-date.json', /\[0\]\.models\[0\]\.prices\[0\]\.constraint\.start_date \(provider mistral\): 2026-02-30 is not a real/],
  ] as const)
    test(`bad input (${file}) is rejected with its path and nothing is written`, async () => {
      const d = tempData();
      const before = snapshot(d);
      const r = await run('genai-prices', join(FIX, file), '--data', d, '--as-of', AS_OF);
      assert.equal(r.code, 1);
      assert.match(r.out, /nothing was written/);
      assert.match(r.out, message);
      assert.deepEqual(snapshot(d), before);
    });
});

describe('scheduled prices in planObservations', () => {
  const files = () => readDataFiles(DATA)!;
  const REL = 'offerings/anthropic/x/claude-sonnet-5.yaml';
  const rec = (fs: readonly DataFile[]) => parse(new TextDecoder().decode(fs.find((f) => f.rel === REL)!.bytes)) as Json;
  const base = rec(files()) as { pricing: Record<string, number> };
  const sched = { effective_from: '2026-09-01', input: base.pricing.input! * 1.5, output: base.pricing.output! * 1.5 };
  const entry = (scheduled = [sched]) => ({
    provider: 'anthropic',
    provider_model_id: 'claude-sonnet-5',
    observation: { pricing: { ...base.pricing }, scheduled },
  });
  const withText = (extra: string): DataFile[] =>
    files().map((f) =>
      f.rel === REL ? { ...f, bytes: new TextEncoder().encode(new TextDecoder().decode(f.bytes) + extra) } : f,
    );
  const historyOf = (p: ReturnType<typeof planObservations>) =>
    (parse(p.writes.find((w) => w.rel === REL)!.text) as { price_history: Json[] }).price_history;

  test('is appended after the current price when the history is empty', () => {
    const p = planObservations('genai-prices', AS_OF, [entry()], files());
    assert.deepEqual(p.problems, []);
    assert.deepEqual(historyOf(p), [{ ...base.pricing }, sched]);
  });
  test('is not appended again when an entry with that date is there', () => {
    const history = `price_history:\n  - input: ${base.pricing.input}\n  - effective_from: ${sched.effective_from}\n    input: 99\n`;
    const p = planObservations('genai-prices', AS_OF, [entry()], withText(history));
    assert.deepEqual(
      historyOf(p).map((h) => h.input),
      [base.pricing.input, 99],
    );
  });
  test('once in force, is not recorded a second time', () => {
    const history = `price_history:\n  - input: ${base.pricing.input}\n    output: ${base.pricing.output}\n    cache_read: ${base.pricing.cache_read}\n  - effective_from: ${sched.effective_from}\n    input: ${sched.input}\n    output: ${sched.output}\n`;
    const later = '2026-10-01';
    const p = planObservations(
      'genai-prices',
      later,
      [{ ...entry([]), observation: { pricing: { input: sched.input, output: sched.output } } }],
      withText(history),
    );
    assert.deepEqual(p.problems, []);
    const rec = parse(p.writes.find((w) => w.rel === REL)!.text) as { pricing: Json; price_history: Json[] };
    assert.equal(rec.pricing.input, sched.input);
    assert.deepEqual(
      rec.price_history.map((h) => h.effective_from),
      [undefined, sched.effective_from],
    );
  });
  test('comes only from the source whose price is kept', () => {
    const page = `observations:\n  - source: provider\n    as_of: 2026-12-02\n    url: https://anthropic.example.com/pricing\n    pricing:\n      input: ${base.pricing.input}\n      output: ${base.pricing.output}\n`;
    const p = planObservations('genai-prices', AS_OF, [entry()], withText(page));
    assert.deepEqual(p.problems, []);
    assert.equal(parse(p.writes.find((w) => w.rel === REL)!.text).price_history, undefined);
  });
  test('must be after as_of and ascending (schema)', () => {
    const obs = (scheduled: Json[]) => ({ source: 'genai-prices', as_of: AS_OF, pricing: { input: 1 }, scheduled });
    assert.ok(ObservationSchema.safeParse(obs([sched])).success);
    assert.ok(!ObservationSchema.safeParse(obs([{ ...sched, effective_from: AS_OF }])).success);
    assert.ok(!ObservationSchema.safeParse(obs([sched, { ...sched, effective_from: '2026-08-31' }])).success);
    assert.ok(!ObservationSchema.safeParse(obs([{ effective_from: '2026-09-01' }])).success);
  });
  test('an offering the reconciled price would make invalid is refused and left unchanged', () => {
    const p = planObservations(
      'genai-prices',
      AS_OF,
      [{ ...entry([]), observation: { pricing: { input: base.pricing.cache_read! / 2 } } }],
      files(),
    );
    assert.deepEqual(p.problems, []);
    assert.equal(
      p.writes.find((w) => w.rel === REL),
      undefined,
    );
    assert.deepEqual(
      p.refused.map((r) => r.id),
      ['anthropic/x/claude-sonnet-5'],
    );
  });
});
