/** Family pages and the /families/ hierarchy: generations, who serves them at what lowest price, models, fine-tunes. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MODEL_TYPE_LABEL } from '../../../src/core/vocab.ts';
import {
  FAMILY_MODEL_COLUMNS,
  familyModelAnchor,
  familyPages,
  familyProviders,
  familyTree,
  modelProviderRows,
  type FamilyRecord,
} from '../../../src/views/model/family.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

const families: FamilyRecord[] = [
  { id: 'atlas', name: 'Atlas', organization: 'acme' },
  { id: 'atlas-2', name: 'Atlas 2', parent: 'atlas', organization: 'acme' },
  { id: 'atlas-10', name: 'Atlas 10', parent: 'atlas', organization: 'acme' },
  { id: 'atlas-3', name: 'Atlas 3', parent: 'atlas', organization: 'acme' },
  { id: 'orbit', name: 'Orbit', organization: 'globex' },
];
const usage = (input: number, output: number) => ({ pricing: { billing: 'usage' as const, currency: 'USD', input, output } });
const cat = () =>
  catalogOf({
    providers: [provider({ id: 'p1', name: 'Zeta' }), provider({ id: 'p2', name: 'Alpha' }), provider({ id: 'p3', name: 'Mid' })],
    orgs: [org({ id: 'acme', name: 'Acme' }), org({ id: 'globex', name: 'Globex' }), org({ id: 'tuner', name: 'Tuner' })],
    models: [
      model({ id: 'acme/atlas-2-big', name: 'Atlas 2 Big', family: 'atlas-2', release_date: '2025-03-01' }),
      model({ id: 'acme/atlas-2-small', name: 'Atlas 2 Small', family: 'atlas-2', release_date: '2025-01-01' }),
      model({ id: 'acme/atlas-10', name: 'Atlas 10', family: 'atlas-10', release_date: '2026-01-01', type: 'embedding' }),
      model({ id: 'acme/atlas-latest', name: 'Atlas Latest', family: 'atlas' }),
      model({ id: 'globex/orbit-1', name: 'Orbit 1', family: 'orbit', release_date: '2024-05' }),
      model({ id: 'tuner/atlas-2-rp', name: 'Atlas 2 RP', base_model: 'acme/atlas-2-small' }),
      model({ id: 'tuner/atlas-2-rp-merge', name: 'Atlas 2 RP Merge', base_model: 'tuner/atlas-2-rp' }),
    ],
    offerings: [
      offering('p1', 'acme/atlas-2-big', usage(3, 15)),
      offering('p2', 'acme/atlas-2-big', usage(2.5, 16)),
      offering('p2', 'acme/atlas-2-small', usage(0.5, 2)),
      offering('p2', 'acme/atlas-2-small', { ...usage(0.1, 0.4), provider_model_id: 'old', status: 'retired' }),
      offering('p3', 'acme/atlas-2-small', { pricing: { billing: 'subscription', currency: 'USD' } }),
      offering('p1', 'acme/atlas-10', usage(0.02, 0.02)),
      offering('p3', 'tuner/atlas-2-rp', usage(0.01, 0.01)),
      offering('p1', 'globex/orbit-1', usage(1, 1)),
    ],
  });
const page = (id: string) => familyPages(families, cat().models).find((p) => p.id === id)!;

describe('family pages', () => {
  test('providers sorted by their cheapest blended price, unpriced last with their billing; a price per model', () => {
    const rows = page('atlas-2').providers;
    const blended = (i: number, o: number) => (3 * i + o) / 4;
    assert.deepEqual(
      rows.map((r) => [r.id, r.cheapest?.usd, r.cheapest?.model, r.billing]),
      [
        ['p2', blended(0.5, 2), 'Atlas 2 Small', []],
        ['p1', blended(3, 15), 'Atlas 2 Big', []],
        ['p3', undefined, undefined, ['subscription']],
      ],
    );
    assert.deepEqual(rows[0]!.byModel['acme/atlas-2-big'], { input: 2.5, output: 16, blended: blended(2.5, 16), billing: [] });
    assert.deepEqual(rows[2]!.byModel['acme/atlas-2-small'], {
      input: undefined,
      output: undefined,
      blended: undefined,
      billing: ['subscription'],
    });
  });

  test('few models are columns of the providers table; more get a chooser, each model with its providers cheapest first', () => {
    const p = page('atlas-2');
    assert.deepEqual(
      p.columns.map((c) => c.id),
      ['acme/atlas-2-big', 'acme/atlas-2-small'],
    );
    assert.deepEqual(p.choices, []);
    const rows = familyProviders(cat().models.filter((m) => m.family === 'atlas-2'));
    const small = modelProviderRows(rows, 'acme/atlas-2-small', 'Atlas 2 Small');
    assert.deepEqual(
      small.map((r) => [r.id, r.cheapest?.usd, r.models]),
      [
        ['p2', (3 * 0.5 + 2) / 4, 1],
        ['p3', undefined, 1],
      ],
    );
    assert.equal(FAMILY_MODEL_COLUMNS, 4);
    assert.equal(familyModelAnchor('acme/atlas-2'), 'm-acme--atlas-2');
  });

  test('a page for every family or generation holding a model; empty generations get none', () => {
    assert.deepEqual(
      familyPages(families, cat().models).map((p) => p.id),
      ['atlas', 'atlas-10', 'atlas-2', 'orbit'],
    );
    assert.deepEqual(page('atlas-2').ancestors, [{ id: 'atlas', name: 'Atlas' }]);
  });

  test('a family lists its generations in readable order and every model below it, newest first', () => {
    const atlas = page('atlas');
    assert.deepEqual(
      atlas.generations.map((g) => [g.name, g.models]),
      [
        ['Atlas 2', 2],
        ['Atlas 10', 1],
      ],
    );
    const inSubtree = cat().models.filter((m) => m.family?.startsWith('atlas'));
    assert.deepEqual(atlas.models.map((m) => m.id).sort(), inSubtree.map((m) => m.id).sort());
    assert.deepEqual(
      atlas.models.map((m) => m.name),
      ['Atlas 10', 'Atlas 2 Big', 'Atlas 2 Small', 'Atlas Latest'],
    );
    const ten = atlas.models[0]!;
    assert.deepEqual(
      [ten.type, ten.typeLabel, ten.generation],
      ['embedding', MODEL_TYPE_LABEL.embedding, { id: 'atlas-10', name: 'Atlas 10' }],
    );
    assert.equal(atlas.models.find((m) => m.id === 'acme/atlas-latest')!.generation, undefined, 'sits in the family itself');
  });

  test('who serves it: models per provider and the cheapest usage prices; retired offerings do not count', () => {
    const rows = page('atlas-2').providers;
    const c = cat();
    // Expected from the records: non-retired offerings of the generation's models, per provider.
    const members = c.models.filter((m) => m.family === 'atlas-2');
    for (const r of rows) {
      const offs = members.flatMap((m) =>
        m.offerings.filter((o) => o.provider === r.id && o.status !== 'retired').map((o) => ({ m, o })),
      );
      assert.equal(r.models, new Set(offs.map((x) => x.m.id)).size, r.id);
      const inputs = offs.filter((x) => x.o.price.billing === 'usage').map((x) => x.o.price.usd.input!);
      assert.equal(r.input?.usd, inputs.length ? Math.min(...inputs) : undefined, r.id);
    }
    assert.deepEqual(
      rows.map((r) => [r.name, r.models, r.input?.usd, r.output?.usd, r.input?.model]),
      [
        ['Alpha', 2, 0.5, 2, 'Atlas 2 Small'],
        ['Zeta', 1, 3, 15, 'Atlas 2 Big'],
        ['Mid', 1, undefined, undefined, undefined],
      ],
    );
    assert.equal(page('atlas-2').models.find((m) => m.id === 'acme/atlas-2-small')!.providers, 2);
  });

  test('fine-tunes and merges are listed apart, under every family their base belongs to, never counted as members', () => {
    for (const id of ['atlas', 'atlas-2']) {
      const p = page(id);
      assert.deepEqual(
        p.fineTunes.map((m) => [m.name, m.maker.name, m.base?.name]),
        [
          ['Atlas 2 RP', 'Tuner', 'Atlas 2 Small'],
          ['Atlas 2 RP Merge', 'Tuner', 'Atlas 2 RP'],
        ],
        id,
      );
      assert.ok(!p.providers.some((r) => r.id === 'p3' && r.input !== undefined), 'a fine-tune price is not the family price');
    }
    assert.deepEqual(page('atlas-10').fineTunes, []);
  });
});

describe('/families/ hierarchy', () => {
  test('families by name, each followed by its non-empty generations, with counts', () => {
    const tree = familyTree(families, cat().models);
    assert.deepEqual(
      tree.map((n) => [n.depth, n.name, n.models]),
      [
        [0, 'Atlas', 4],
        [1, 'Atlas 2', 2],
        [1, 'Atlas 10', 1],
        [0, 'Orbit', 1],
      ],
    );
    assert.equal(
      tree[0]!.providers,
      new Set(
        cat()
          .models.filter((m) => m.family?.startsWith('atlas'))
          .flatMap((m) => m.offerings.filter((o) => o.status !== 'retired').map((o) => o.provider)),
      ).size,
    );
    assert.equal(tree[0]!.latestRelease, '2026-01-01');
  });

  test('a parent loop never hangs the tree or the pages', () => {
    const loop: FamilyRecord[] = [
      { id: 'a', name: 'A', parent: 'b' },
      { id: 'b', name: 'B', parent: 'a' },
    ];
    const models = cat().models.map((m) => ({ ...m, family: 'a' }));
    assert.deepEqual(familyTree(loop, models), []);
    assert.equal(familyPages(loop, models).length, 2);
  });
});
