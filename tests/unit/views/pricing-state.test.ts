import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  captionText,
  DEFAULT_STATE,
  decodeState,
  encodeState,
  filterTexts,
  FILTER_PARAMS,
  presetOf,
  withInput,
  type ExplorerState,
} from '../../../src/views/pricing/state.ts';
import { WORKLOAD_PRESETS } from '../../../src/core/workload.ts';

const state = (over: Partial<ExplorerState> = {}): ExplorerState => ({ ...DEFAULT_STATE, ...over });

test('the default view is the bare page, and decodes back', () => {
  assert.equal(encodeState(DEFAULT_STATE), '');
  assert.deepEqual(decodeState(''), DEFAULT_STATE);
});

test('a model page link prefills the model', () => {
  assert.deepEqual(decodeState('?model=anthropic/claude-sonnet-4.5').filters, { model: 'anthropic/claude-sonnet-4.5' });
});

test('a preset is written by name, custom numbers field by field', () => {
  assert.equal(encodeState(state({ workload: WORKLOAD_PRESETS['rag-long-prompts'].workload })), 'preset=rag-long-prompts');
  const custom = { ...WORKLOAD_PRESETS.chatbot.workload, requestsPerMonth: 1000 };
  assert.equal(presetOf(custom), undefined);
  assert.equal(encodeState(state({ workload: custom })), 'req=1000&in=1500&out=300&cached=0&batch=0');
});

test('every field survives the URL', () => {
  const s: ExplorerState = {
    workload: { ...WORKLOAD_PRESETS['agent-heavy-caching'].workload, reasoningTokens: 250, batchShare: 0.25 },
    filters: {
      model: 'claude',
      family: 'claude-sonnet',
      org: 'anthropic',
      provider: 'amazon-bedrock',
      kind: 'cloud',
      modality: 'in:image',
      type: 'embedding',
      features: ['structured_output', 'tool_calling'],
      unknown: ['tool_calling'],
      showUnfit: true,
      official: true,
      continent: 'EU',
      country: 'DE',
      eu: true,
      unknownPlace: true,
      minContext: 128_000,
      includeOld: true,
    },
    sort: 'blended',
    dir: 'desc',
  };
  assert.deepEqual(decodeState(encodeState(s)), s);
  assert.deepEqual(decodeState(`?${encodeState(s)}`), s);
});

test('bad values are ignored, never thrown', () => {
  const s = decodeState('sort=evil&dir=up&ctx=-5&old=yes&model=%20&req=abc&preset=__proto__');
  assert.deepEqual(s, DEFAULT_STATE);
  assert.equal(decodeState('sort=input').sort, 'input');
  assert.equal(encodeState(state({ sort: 'cost', dir: 'desc' })), 'sort=cost&dir=desc');
});

test('form edits change the state by control name; the form is never read back', () => {
  let s = withInput(DEFAULT_STATE, 'req', '1000');
  assert.equal(s.workload.requestsPerMonth, 1000);
  assert.equal(presetOf(s.workload), undefined);
  s = withInput(s, 'cached', '25');
  assert.equal(s.workload.cachedInputShare, 0.25);
  s = withInput(s, 'mod', 'in:image');
  s = withInput(s, 'ctx', '128000');
  s = withInput(s, 'old', '1', true);
  assert.deepEqual(s.filters, { modality: 'in:image', minContext: 128_000, includeOld: true });
  assert.equal(encodeState(s), 'req=1000&in=1500&out=300&cached=0.25&batch=0&mod=in:image&ctx=128000&old=1');
  s = withInput(s, 'old', '1', false);
  s = withInput(s, 'mod', '');
  assert.deepEqual(s.filters, { minContext: 128_000 });
  assert.equal(withInput(s, 'nope', 'x'), s);
});

test('the form shows each filter under its URL name', () => {
  assert.deepEqual(filterTexts({ model: 'claude', features: ['batch', 'vision'], minContext: 8000, includeOld: true }), {
    model: 'claude',
    part: '',
    family: '',
    org: '',
    provider: '',
    kind: '',
    mod: '',
    type: '',
    feat: 'batch,vision',
    unk: '',
    unfit: '',
    official: '',
    continent: '',
    country: '',
    eu: '',
    unkreg: '',
    ctx: '8000',
    old: '1',
    free: '',
  });
  for (const [key, param] of Object.entries(FILTER_PARAMS)) assert.ok(key in filterTexts({}) || param in filterTexts({}));
});

test('the caption names the sort and the preset', () => {
  assert.equal(
    captionText(DEFAULT_STATE),
    `Offerings sorted by monthly cost, with the monthly cost of the “${WORKLOAD_PRESETS.chatbot.label}” workload (USD; prices per 1M tokens)`,
  );
  assert.match(
    captionText(state({ sort: 'input', dir: 'desc', workload: { ...DEFAULT_STATE.workload, requestsPerMonth: 1 } })),
    /^Offerings sorted by input price, highest first, with the monthly cost of your workload/,
  );
});

test('volume per month: switched on by the form, kept in the URL, and the requests re-spread it', () => {
  let s = withInput(state(), 'vol', 'month');
  assert.deepEqual(s.monthly, { inputTokensPerMonth: 150_000_000, outputTokensPerMonth: 30_000_000 }); // chatbot × 100,000
  s = withInput(s, 'tin', '50000000');
  s = withInput(s, 'tout', '10000000');
  s = withInput(s, 'cached', '30');
  assert.equal(s.workload.inputTokens, 500);
  const q = encodeState(s);
  assert.equal(q, 'req=100000&tin=50000000&tout=10000000&cached=0.3&batch=0');
  assert.deepEqual(decodeState(q), s);
  s = withInput(s, 'req', '1000');
  assert.equal(s.workload.inputTokens, 50_000); // the same 50M a month over 1,000 requests
  assert.equal(withInput(s, 'vol', 'request').monthly, undefined);
  assert.equal(encodeState(withInput(s, 'vol', 'request')), 'req=1000&in=50000&out=10000&cached=0.3&batch=0');
});

test('the model filter: exact unless "match part of the name" is ticked, both kept in the URL', () => {
  const s = withInput(withInput(state(), 'model', 'gpt-4o'), 'part', '1', true);
  assert.deepEqual(s.filters, { model: 'gpt-4o', modelPart: true });
  assert.equal(encodeState(s), 'model=gpt-4o&part=1');
  assert.deepEqual(decodeState('model=gpt-4o&part=1'), s);
});

test('a preset with another model type than its own round-trips: the type is written when the preset would imply another', () => {
  for (const [id, preset] of Object.entries(WORKLOAD_PRESETS)) {
    const implied = (preset as { type?: string }).type ?? 'text-generation';
    for (const type of [undefined, 'embedding', 'speech-to-text'] as const) {
      const s = state({ workload: { ...preset.workload }, filters: type === undefined ? {} : { type } });
      const back = decodeState(encodeState(s));
      assert.equal(
        back.filters.type ?? 'text-generation',
        type ?? 'text-generation',
        `${id}, type ${type ?? 'default'} (preset implies ${implied})`,
      );
    }
  }
});
