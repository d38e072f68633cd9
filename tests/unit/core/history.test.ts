import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { main } from '../../../tools/import.ts';
import {
  changeList,
  feedChanges,
  historyChartGeometry,
  historyChartSpec,
  modelPriceHistory,
  pastChanges,
  priceChanges,
  priceSteps,
  recordPriceChange,
  upcomingRetirements,
} from '../../../src/core/history.ts';
import { formatDate, formatUsd } from '../../../src/core/format.ts';
import { OfferingSchema } from '../../../src/model/schema.ts';
import { withPrice } from '../../support/priced.ts';

const offering = (over = {}) => ({
  provider: 'acme',
  model: 'x/m',
  provider_model_id: 'm',
  pricing: { billing: 'usage', input: 2, output: 8 },
  ...over,
});

test('recordPriceChange: no change, no history', () => {
  assert.equal(recordPriceChange(offering(), offering(), '2026-03-01'), undefined);
  assert.equal(recordPriceChange(undefined, offering(), '2026-03-01'), undefined);
});

test('recordPriceChange: the previous price (dated by last_verified) and the new one', () => {
  const h = recordPriceChange(
    offering({ last_verified: '2026-01-10' }),
    offering({ pricing: { billing: 'usage', input: 1, output: 8 } }),
    '2026-03-01',
  );
  assert.deepEqual(h, [
    { effective_from: '2026-01-10', input: 2, output: 8 },
    { effective_from: '2026-03-01', input: 1, output: 8 },
  ]);
  assert.equal(OfferingSchema.safeParse(offering({ price_history: h })).success, true);
});

test('recordPriceChange: undated previous price; a second change the same day replaces the last entry', () => {
  const first = recordPriceChange(offering(), offering({ pricing: { input: 1, output: 8 } }), '2026-03-01')!;
  assert.deepEqual(first, [
    { input: 2, output: 8 },
    { effective_from: '2026-03-01', input: 1, output: 8 },
  ]);
  const again = recordPriceChange(
    offering({ pricing: { input: 1, output: 8 }, price_history: first }),
    offering({ pricing: { input: 1.5, output: 8 } }),
    '2026-03-01',
  )!;
  assert.deepEqual(again.at(-1), { effective_from: '2026-03-01', input: 1.5, output: 8 });
  assert.equal(again.length, 2);
});

test('the schema refuses a history out of order or with an undated entry after the first', () => {
  const bad = (price_history: unknown[]) => OfferingSchema.safeParse(offering({ price_history })).success;
  assert.equal(
    bad([
      { effective_from: '2026-03-01', input: 1 },
      { effective_from: '2026-02-01', input: 2 },
    ]),
    false,
  );
  assert.equal(bad([{ effective_from: '2026-03-01', input: 1 }, { input: 2 }]), false);
  assert.equal(bad([{ input: 1 }, { effective_from: '2026-02-01', input: 2 }]), true);
});

const rec = (over = {}) =>
  withPrice({
    id: 'acme/x/m',
    provider: 'acme',
    model: 'x/m',
    provider_model_id: 'm',
    providerRecord: { name: 'Acme' },
    modelRecord: { name: 'M' },
    pricing: { currency: 'EUR', usd_rate: { usd_per_unit: 2 } },
    price_history: [
      { effective_from: '2026-01-01', input: 1, output: 4 },
      { effective_from: '2026-03-01', input: 0.5, output: 4 },
    ],
    ...over,
  });

test('priceSteps: USD at the record rate, each step until the next', () => {
  assert.deepEqual(priceSteps(rec().price.history), [
    { from: '2026-01-01', until: '2026-03-01', input: 2, output: 8, announced: false },
    { from: '2026-03-01', until: undefined, input: 1, output: 8, announced: false },
  ]);
  assert.deepEqual(
    modelPriceHistory([rec(), rec({ id: 'b', price_history: undefined })]).map((h) => [h.id, h.offering]),
    [['acme/x/m', 'Acme']],
  );
  // Two offerings of one provider with a history: each named by its API model id too.
  assert.deepEqual(
    modelPriceHistory([rec(), rec({ id: 'acme/x/m--eu', provider_model_id: 'eu.m' })]).map((h) => h.offering),
    ['Acme (m)', 'Acme (eu.m)'],
  );
});

test('changeList/pastChanges: newest first, nothing after the data date', () => {
  const models = [{ id: 'x/m', name: 'M', release_date: '2026-02', retirement_date: '2027-01-01', successor: 'x/n' }];
  const all = changeList([rec()], models);
  assert.deepEqual(
    all.map((c) => `${c.date} ${c.kind}`),
    ['2027-01-01 retirement', '2026-03-01 price', '2026-02 release'],
  );
  assert.deepEqual(
    pastChanges(all, '2026-06-01').map((c) => c.kind),
    ['price', 'release'],
  );
});

test('upcomingRetirements: on or after the data date, offering dates only when they differ from the model', () => {
  const models = [
    { id: 'x/old', name: 'Old', retirement_date: '2026-01-01' },
    { id: 'x/m', name: 'M', deprecation_date: '2026-07-01', retirement_date: '2026-09', successor: 'x/n' },
    { id: 'x/n', name: 'N' },
  ];
  const offerings = [
    rec({ retirement_date: '2026-09' }),
    rec({ id: 'p2', providerRecord: { name: 'P2' }, retirement_date: '2026-08-01' }),
  ];
  const list = upcomingRetirements(models, offerings, '2026-06-15');
  assert.deepEqual(
    list.map((r) => `${r.date} ${r.kind} ${r.id} ${r.provider ?? '-'} ${r.successor?.name ?? '-'}`),
    ['2026-07-01 deprecation x/m - N', '2026-08-01 retirement p2 P2 N', '2026-09 retirement x/m - N'],
  );
});

const temps: string[] = [];
after(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('two imports where a price changed: the importer appends the change to price_history (previous price dated by the first import, its last_verified)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'history-import-'));
  temps.push(dir);
  const api = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'small-api.json'), 'utf8'));
  const file = join(dir, 'api.json');
  const data = join(dir, 'data');
  const quiet = () => {};
  writeFileSync(file, JSON.stringify(api));
  assert.equal(await main(['models-dev', file, '--data', data, '--as-of', '2026-01-05'], quiet, quiet), 0);
  const groq = readdirSync(join(data, 'offerings', 'groq'), { recursive: true })
    .map(String)
    .find((f) => f.endsWith('.yaml') && f.includes('llama-3.3-70b'))!;
  const path = join(data, 'offerings', 'groq', groq);
  assert.equal(parse(readFileSync(path, 'utf8')).price_history, undefined);

  api.groq.models['llama-3.3-70b-versatile'].cost.input = 0.49;
  writeFileSync(file, JSON.stringify(api));
  assert.equal(await main(['models-dev', file, '--data', data, '--as-of', '2026-02-10'], quiet, quiet), 0);
  const after1 = parse(readFileSync(path, 'utf8'));
  assert.equal(after1.pricing.input, 0.49);
  assert.deepEqual(after1.price_history, [
    { effective_from: '2026-01-05', input: 0.59, output: 0.79 },
    { effective_from: '2026-02-10', input: 0.49, output: 0.79 },
  ]);

  // The same file again changes nothing; the next change is appended.
  assert.equal(await main(['models-dev', file, '--data', data, '--as-of', '2026-02-11'], quiet, quiet), 0);
  assert.equal(parse(readFileSync(path, 'utf8')).price_history.length, 2);
  api.groq.models['llama-3.3-70b-versatile'].cost.output = 0.69;
  writeFileSync(file, JSON.stringify(api));
  assert.equal(await main(['models-dev', file, '--data', data, '--as-of', '2026-03-01'], quiet, quiet), 0);
  assert.deepEqual(parse(readFileSync(path, 'utf8')).price_history.at(-1), {
    effective_from: '2026-03-01',
    input: 0.49,
    output: 0.69,
  });
});

test('historyChartSpec: one dated axis, the price in force at each change, null before the first price', () => {
  const spec = historyChartSpec('GX Mini', [
    {
      provider: 'Acme',
      steps: [
        { from: '2025-01-01', until: '2025-06-01', input: 2, output: 8, announced: false },
        { from: '2025-06-01', until: undefined, input: 1, output: 4, announced: false },
      ],
    },
    { provider: 'Relay', steps: [{ from: '2025-03-15', until: undefined, input: 1.5, output: 6, announced: false }] },
  ]);
  assert.deepEqual(spec.labels, ['2025-01-01', '2025-03-15', '2025-06-01']);
  assert.deepEqual(
    spec.series.map((s) => [s.label, s.values]),
    [
      ['Acme input', [2, 2, 1]],
      ['Acme output', [8, 8, 4]],
      ['Relay input', [null, 1.5, 1.5]],
      ['Relay output', [null, 6, 6]],
    ],
  );
  // Its SVG steps: a line per provider and meter, labelled with the last price, dates as ticks.
  const g = historyChartGeometry(spec);
  assert.deepEqual(
    g.lines.map((l) => l.label.lines.join(' ')).sort(),
    spec.series.map((s) => `${s.provider} ${s.meter} ${formatUsd(s.values.at(-1)!)}`).sort(),
  );
  assert.deepEqual(
    g.xTicks.map((t) => t.text),
    spec.labels.map((l) => formatDate(l)),
  );
});

test('historyChartSpec: an undated oldest price becomes the "Earlier" point', () => {
  const spec = historyChartSpec('M', [
    {
      provider: 'P',
      steps: [
        { from: undefined, until: '2025-02-01', input: 3, output: 9, announced: false },
        { from: '2025-02-01', until: undefined, input: 2, output: 6, announced: false },
      ],
    },
  ]);
  assert.deepEqual(spec.labels, ['Earlier', '2025-02-01']);
  assert.deepEqual(spec.series[0]!.values, [3, 2]);
});

test('a meter a source newly states (a search fee) is not a price change; a withdrawn or changed one is', () => {
  const before = { release_date: '2026-01-01', pricing: { input: 2, output: 8 } };
  assert.equal(recordPriceChange(before, { pricing: { input: 2, output: 8, per_search: 0.01 } }, '2026-08-21'), undefined);
  assert.equal(recordPriceChange(before, { pricing: { input: 2 } }, '2026-08-21')?.length, 2);
  assert.deepEqual(recordPriceChange(before, { pricing: { input: 1, output: 8 } }, '2026-08-21')?.at(-1), {
    effective_from: '2026-08-21',
    input: 1,
    output: 8,
  });
});

test('an announced price (dated after the data date) is a step marked announced, and /changes/ does not list it as past', () => {
  const today = '2026-02-01';
  const o = withPrice(rec(), today);
  const steps = priceSteps(o.price.history);
  assert.deepEqual(
    steps.map((s) => [s.from, s.announced]),
    o.price_history.map((h) => [h.effective_from, h.effective_from > today]),
  );
  const all = changeList([o], []);
  assert.equal(all.length, 1);
  assert.match(all[0]!.title, /price change announced for \d+ \w+ \d{4}$/);
  assert.equal(all[0]!.announced, true);
  assert.deepEqual(pastChanges(all, today), []);
  // The feeds carry it, as news of the data date, its effective date in the title and summary.
  assert.deepEqual(
    feedChanges(all, today).map((c) => [c.key, c.entryDate]),
    [[all[0]!.key, today]],
  );
  assert.equal(modelPriceHistory([o])[0]!.steps.at(-1)!.announced, true);
});

test('priceChanges: each step after the first, old → new in USD per 1M tokens, announced ones marked, newest first', () => {
  const today = '2026-06-01';
  const a = withPrice(
    rec({
      pricing: { currency: 'USD' },
      price_history: [
        { input: 3, output: 12 },
        { effective_from: '2026-01-01', input: 2, output: 8 },
        { effective_from: '2026-09-01', input: 1, output: 4 },
      ],
    }),
    today,
  );
  const b = withPrice(
    rec({
      pricing: { currency: 'USD' },
      id: 'acme/x/m-eu',
      provider_model_id: 'm-eu',
      price_history: [{ effective_from: '2026-01-01', input: 2.2, output: 8.8 }],
    }),
    today,
  );
  const c = withPrice(
    rec({
      pricing: { currency: 'USD' },
      id: 'acme/x/m-us',
      provider_model_id: 'm-us',
      price_history: [
        { effective_from: '2025-12-01', input: 2 },
        { effective_from: '2026-01-01', input: 1 },
      ],
    }),
    today,
  );
  const list = priceChanges([a, b, c]);
  assert.deepEqual(
    list.map((p) => [p.date, p.apiId, p.announced, p.before, p.after]),
    [
      ['2026-09-01', 'm', true, { input: 2, output: 8 }, { input: 1, output: 4 }],
      ['2026-01-01', 'm', false, { input: 3, output: 12 }, { input: 2, output: 8 }],
      ['2026-01-01', 'm-us', false, { input: 2, output: undefined }, { input: 1, output: undefined }],
    ],
  );
  assert.deepEqual([list[0]!.name, list[0]!.providerName, list[0]!.path], ['M', 'Acme', '/models/x/m/']);
  const changes = changeList([a, b, c], []);
  assert.equal(changes.find((x) => x.key === list[1]!.key)!.summary, 'm: $3 in / $12 out → $2 in / $8 out, USD per 1M tokens.');
  assert.match(changes.find((x) => x.key === list[0]!.key)!.title, /^M at Acme: price change announced for 1 Sep 2026$/);
  assert.equal(changes.find((x) => x.key === list[2]!.key)!.summary, 'm-us: $2 in / – out → $1 in / – out, USD per 1M tokens.');
});

test('feedChanges: price changes are not crowded out by releases; past only, except announced prices dated today', () => {
  const o = withPrice(
    rec({
      pricing: { currency: 'USD' },
      price_history: [
        { effective_from: '2025-01-01', input: 2 },
        { effective_from: '2025-02-01', input: 1 },
        { effective_from: '2027-01-01', input: 0.5 },
      ],
    }),
    '2026-06-01',
  );
  const models = Array.from({ length: 5 }, (_, i) => ({ id: `x/r${i}`, name: `R${i}`, release_date: `2026-0${i + 1}-01` }));
  const feed = feedChanges(changeList([o], [...models, { id: 'x/f', name: 'F', release_date: '2026-12-01' }]), '2026-06-01', 3);
  assert.deepEqual(
    feed.map((c) => `${c.entryDate} ${c.kind}${c.announced ? ' announced' : ''}`),
    ['2026-06-01 price announced', '2026-05-01 release', '2026-04-01 release', '2026-03-01 release', '2025-02-01 price'],
  );
});
