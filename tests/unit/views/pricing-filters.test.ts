import { test } from 'node:test';
import assert from 'node:assert/strict';
import { packIndex, unpackIndex, type IndexableOffering } from '../../../src/views/pricing/index-data.ts';
import { featuresText, narrowRows, notices } from '../../../src/views/pricing/filters.ts';
import { decodeState, encodeState } from '../../../src/views/pricing/state.ts';
import type { Workload } from '../../../src/core/cost.ts';
import { withPrice } from '../../support/priced.ts';

const org = { id: 'acme', name: 'Acme' };
const prov = (id: string, kind: string) => ({ id, name: id, kind, website: 'https://x.test' });
const mdl = (id: string, type: string, over: object = {}) => ({
  id: `acme/${id}`,
  name: id,
  organization: 'acme',
  type,
  status: 'active',
  organizationRecord: org,
  ...over,
});
const chat = mdl('chat', 'text-generation', {
  context_window: 8000,
  max_output_tokens: 4000,
  capabilities: { tool_calling: true, structured_output: false },
});
const long = mdl('long', 'text-generation', { context_window: 200_000 });
const embed = mdl('embed', 'embedding', { context_window: 8000 });
const off = (p: ReturnType<typeof prov>, m: ReturnType<typeof mdl>, over: object = {}) =>
  withPrice({
    id: `${p.id}/${m.id}`,
    provider: p.id,
    model: m.id,
    provider_model_id: m.id,
    status: 'active',
    pricing: { billing: 'usage', currency: 'USD', input: 1, output: 2 },
    providerRecord: p,
    modelRecord: m,
    ...over,
  }) as unknown as IndexableOffering;
const lab = prov('lab', 'first-party');
const gate = prov('gate', 'gateway');
const ix = packIndex([
  off(lab, chat, { features: { structured_output: true } }),
  off(gate, chat),
  off(lab, long),
  off(gate, long, { features: { tool_calling: true, structured_output: true } }),
  off(lab, embed),
  off(gate, chat, { id: 'gate/acme/chat--short', limits: { context_window: 4000, max_output_tokens: 1000 } }),
]);
const rows = unpackIndex(ix);
const w: Workload = { requestsPerMonth: 1, inputTokens: 3000, outputTokens: 2000, cachedInputShare: 0, batchShare: 0 };
const ids = (f: Parameters<typeof narrowRows>[2], wl = w) => narrowRows(ix, rows, f, wl).rows.map((r) => r.id);

test('text generation by default; a workload of another type lists only its models', () => {
  assert.deepEqual(ids({}).sort(), ['gate/acme/chat', 'gate/acme/long', 'lab/acme/chat', 'lab/acme/long']);
  assert.deepEqual(ids({ type: 'embedding' }), ['lab/acme/embed']);
});

test('offerings whose context or max output cannot hold the request are hidden and counted, or shown on request', () => {
  assert.equal(narrowRows(ix, rows, {}, w).hidden.unfit, 1);
  assert.equal(ids({ showUnfit: true }).length, 5);
  // 7,000 tokens of output do not fit chat's 4,000-token max output; long has no known max output.
  const big = { ...w, inputTokens: 500, outputTokens: 7000 };
  assert.deepEqual(ids({}, big).sort(), ['gate/acme/long', 'lab/acme/long']);
  assert.equal(notices(2, narrowRows(ix, rows, {}, big).hidden, {}, big)[0]!.action, 'show-unfit');
});

test('features: AND, the offering first, the model where it is silent, unknown hidden unless included', () => {
  // structured output: lab/chat yes (offering), gate/chat no (model), lab/long unknown, gate/long yes.
  assert.deepEqual(ids({ features: ['structured_output'] }).sort(), ['gate/acme/long', 'lab/acme/chat']);
  const both = narrowRows(ix, rows, { features: ['structured_output', 'tool_calling'] }, w);
  assert.deepEqual(
    both.rows.map((r) => r.id),
    ['gate/acme/long', 'lab/acme/chat'].sort(),
  );
  assert.deepEqual(both.hidden, { unfit: 1, unknown: 1, unknownBy: { structured_output: 1, tool_calling: 1 } });
  const lab0 = both.rows.find((r) => r.id === 'lab/acme/chat')!;
  assert.equal(featuresText(lab0, ['structured_output', 'tool_calling']), 'Structured output: Yes · Tool calling: Yes (model)');
  const inc = ids({ features: ['structured_output', 'tool_calling'], unknown: ['structured_output', 'tool_calling'] });
  assert.equal(inc.length, 3);
});

test('official hosts only leaves out gateways; every empty state has a way back', () => {
  assert.deepEqual(ids({ official: true }).sort(), ['lab/acme/chat', 'lab/acme/long']);
  const none = narrowRows(ix, rows, { type: 'image-generation' }, w);
  assert.deepEqual(notices(0, none.hidden, { type: 'image-generation' }, w).at(-1)?.action, 'clear-filters');
  const f = { features: ['pdf_input'] };
  const unknown = notices(0, narrowRows(ix, rows, f, w).hidden, f, w);
  assert.deepEqual(
    unknown.map((x) => x.action),
    ['show-unfit', 'include-unknown', 'clear-filters'],
  );
});

test('the narrowing filters round-trip through the URL; a preset brings its type', () => {
  const q = 'type=embedding&feat=tool_calling,vision&unk=vision&unfit=1&official=1';
  assert.equal(encodeState(decodeState(q)), q);
  assert.equal(decodeState('preset=embeddings').filters.type, 'embedding');
  assert.equal(encodeState(decodeState('preset=embeddings')), 'preset=embeddings&type=embedding');
  assert.equal(decodeState('feat=nonsense').filters.features, undefined);
  assert.equal(encodeState({ ...decodeState('official=1'), filters: { type: undefined, official: undefined } }), '');
});
