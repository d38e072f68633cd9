/** `npm run data:report` identity lines: types, families, fine-tunes, variants, duplicate names. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MODEL_TYPES } from '../../../src/core/vocab.ts';
import { duplicateNames, identityReport, normalizedName } from '../../../src/model/identity-report.ts';
import type { Records } from '../../../src/model/validate.ts';

const records = (): Records => ({
  organizations: [{ id: 'acme', name: 'Acme' }],
  families: [
    { id: 'atlas', name: 'Atlas' },
    { id: 'atlas-2', name: 'Atlas 2', parent: 'atlas' },
    { id: 'atlas-3', name: 'Atlas 3', parent: 'atlas' },
  ],
  models: [
    { id: 'acme/a', name: 'Atlas 2', organization: 'acme', type: 'text-generation', family: 'atlas-2', status: 'active' },
    { id: 'acme/b', name: 'Atlas Embed', organization: 'acme', type: 'embedding', family: 'atlas', status: 'active' },
    { id: 'acme/c', name: 'Atlas 2 RP', organization: 'acme', type: 'text-generation', base_model: 'acme/a', status: 'active' },
  ],
  providers: [],
  offerings: [
    { id: 'p/acme/a', provider: 'p', model: 'acme/a', provider_model_id: 'a-fast', variant: 'fast', status: 'active' },
    { id: 'p/acme/a--q', provider: 'p', model: 'acme/a', provider_model_id: 'a-int4', quantization: 'int4', status: 'active' },
  ],
});
const value = (lines: string[], label: string) =>
  Number(
    lines
      .find((l) => l.trim().startsWith(label))!
      .trim()
      .split(/\s+/)
      .at(-1),
  );

test('models by type, families, fine-tunes and variants are counted from the records', () => {
  const r = records();
  const lines = identityReport(r);
  for (const t of MODEL_TYPES) assert.equal(value(lines, `${t} (`), r.models.filter((m) => m.type === t).length, t);
  assert.equal(value(lines, 'models without a type'), 0);
  assert.equal(value(lines, 'families (top level)'), r.families.filter((f) => !f.parent).length);
  assert.equal(value(lines, 'generations'), r.families.filter((f) => f.parent).length);
  assert.equal(value(lines, 'families/generations with models'), 2);
  assert.equal(value(lines, 'fine-tunes and merges'), 1);
  assert.equal(value(lines, 'offerings with a variant'), 1);
  assert.equal(value(lines, 'offerings with a quantization'), 1);
  assert.equal(value(lines, 'duplicate normalized model names'), 0);
});

test('duplicate names: case, spaces and punctuation do not matter, "+" is "plus"', () => {
  assert.equal(normalizedName('Command R+'), normalizedName('command-r plus'));
  assert.notEqual(normalizedName('Command R+'), normalizedName('Command R'));
  const dups = duplicateNames([
    { id: 'x/a', name: 'GPT-5 Chat' },
    { id: 'x/b', name: 'gpt 5 chat' },
    { id: 'x/c', name: 'GPT-5' },
  ]);
  assert.deepEqual(dups, [['x/a', 'x/b']]);
  const r = records();
  r.models.push({ id: 'acme/d', name: 'ATLAS-2', organization: 'acme', type: 'text-generation', status: 'active' });
  const lines = identityReport(r);
  assert.equal(value(lines, 'duplicate normalized model names'), 1);
  assert.ok(lines.includes('    acme/a, acme/d'));
});
