import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelRtt, rttConnect, rttModels, rttPlan } from '../../../src/views/model/rtt.ts';
import { speedCoverage } from '../../../src/views/compare/coverage.ts';

const prov = (id: string, base?: string) => ({ id, name: id.toUpperCase(), api: base ? { base_url: base } : undefined });
const sample = (region: string, p50: number, measured_at: string) => ({
  region,
  ttft_ms: { p50 },
  output_tokens_per_second: { p50: 50 },
  measured_at,
  method: 'probe v1',
});
const model = {
  id: 'acme/atlas',
  name: 'Atlas',
  offerings: [
    {
      status: 'active',
      providerRecord: prov('a', 'https://api.a.example/v1'),
      performance: [sample('eu-west', 210, '2026-11-01')],
    },
    { status: 'active', providerRecord: prov('a2', 'https://api.a.example/other') },
    { status: 'preview', providerRecord: prov('b', 'https://b.example') },
    { status: 'active', providerRecord: prov('c') },
    { status: 'active', providerRecord: prov('d', 'http://insecure.example') },
    { status: 'retired', providerRecord: prov('e', 'https://gone.example') },
    { status: 'active', providerRecord: prov('b', 'https://b.example') }, // a second offering on one provider
  ],
};

test('rttPlan: one row per https origin (several providers or offerings measured once), retired offerings left out', () => {
  const plan = rttPlan(model);
  assert.deepEqual(
    plan.hosts.map((h) => [h.origin, h.providers.map((p) => p.name)]),
    [
      ['https://api.a.example', ['A', 'A2']],
      ['https://b.example', ['B']],
    ],
  );
  assert.deepEqual(
    plan.noHost.map((p) => p.name),
    ['C', 'D'],
  );
  assert.equal(plan.hosts[0]!.providers[0]!.ttft, '210 ms from eu-west, 1 Nov 2026');
  assert.equal(plan.hosts[0]!.providers[0]!.href, '/providers/a/');
  assert.equal(plan.hosts[1]!.providers[0]!.ttft, '');
  assert.deepEqual(rttConnect([plan]), ['https://api.a.example', 'https://b.example']);
});

test('modelRtt: the JSON path, the CSP origins and the sentence', () => {
  const r = modelRtt(model);
  assert.equal(r.src, '/performance/rtt/acme/atlas.json');
  assert.deepEqual(r.connect, ['https://api.a.example', 'https://b.example']);
  assert.match(
    r.text,
    /each of the 2 API hosts of the 5 providers serving Atlas, 4 hosts at a time; 2 providers without a public API host/,
  );
  const none = modelRtt({ id: 'x/y', name: 'Y', offerings: [{ status: 'active', providerRecord: prov('c') }] });
  assert.equal(none.src, undefined);
  assert.deepEqual(none.connect, []);
  assert.equal(none.shown, true);
  assert.equal(modelRtt({ id: 'x/z', name: 'Z', offerings: [] }).shown, false);
});

test('rttModels: only models with two or more hosts', () => {
  const one = { id: 'x/one', name: 'One', offerings: [model.offerings[0]!] };
  assert.deepEqual(
    rttModels([one, model]).map((m) => [m.id, m.hosts]),
    [['acme/atlas', 2]],
  );
  const three = {
    ...model,
    id: 'acme/more',
    name: 'More',
    offerings: [...model.offerings, { status: 'active', providerRecord: prov('z', 'https://z.example') }],
  };
  assert.deepEqual(
    rttModels([model, three]).map((m) => [m.id, m.hosts, m.mostHosts]),
    [
      ['acme/atlas', 2, false],
      ['acme/more', 3, true],
    ],
  );
});

test('speedCoverage counts samples, measurable models and providers with regions, EU processing and residency', () => {
  const c = speedCoverage({
    providers: [
      { id: 'a', name: 'A', regions: [{ id: 'fra', name: 'Frankfurt', country: 'DE' }], residency: { routing: 'fixed' } },
      { id: 'b', name: 'B', regions: [{ id: 'us', name: 'US', country: 'US' }] },
      { id: 'c', name: 'C' },
    ],
    models: [model],
    offerings: [
      { model: 'acme/atlas', performance: [sample('eu-west', 210, '2026-11-01'), sample('us-east', 300, '2026-11-02')] },
      {},
    ],
  });
  assert.equal(c.samples, 2);
  assert.equal(c.samplesText, '2 measured speed samples (time to first token and output speed) on 1 offering of 1 model');
  assert.equal(c.measurable, 1);
  assert.equal(c.withRegions, 2);
  assert.equal(c.eu, 1);
  assert.equal(
    c.regionsText,
    'Where inference runs is published by 2 of 3 providers (regions or countries); EU processing is available at 1 and data-residency options at 0',
  );
  const empty = speedCoverage({ providers: [], models: [], offerings: [] });
  assert.equal(empty.samplesText, 'No measured speed samples yet');
});
