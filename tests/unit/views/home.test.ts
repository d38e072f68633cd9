/** Home page figures: cheapest options for popular models, newest models. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cheapestForPopular, newestModels } from '../../../src/views/home.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

const cat = () =>
  catalogOf({
    providers: [
      provider({ id: 'a', name: 'Alpha' }),
      provider({ id: 'b', name: 'Beta', kind: 'gateway' }),
      provider({ id: 'c' }),
    ],
    orgs: [org({ id: 'o', name: 'Org' })],
    models: [
      model({ id: 'o/wide', name: 'Wide', release_date: '2025-01-10' }),
      model({ id: 'o/new', name: 'New', release_date: '2026-03-01' }),
      model({ id: 'o/month', name: 'Month', release_date: '2026-04' }),
      model({ id: 'o/unpriced', name: 'Unpriced', release_date: '2024-01-01' }),
      model({ id: 'o/gone', name: 'Gone', status: 'retired', release_date: '2027-01-01' }),
    ],
    offerings: [
      offering('a', 'o/wide', { pricing: { billing: 'usage', currency: 'USD', input: 2, output: 4 } }),
      offering('b', 'o/wide', { pricing: { billing: 'usage', currency: 'USD', input: 1, output: 4 } }),
      offering('c', 'o/wide', { status: 'retired', pricing: { billing: 'usage', currency: 'USD', input: 0.1, output: 0.1 } }),
      offering('a', 'o/new'),
      offering('a', 'o/unpriced', { pricing: { billing: 'free', currency: 'USD' } }),
      offering('b', 'o/unpriced', { pricing: { billing: 'unpublished', currency: 'USD' } }),
    ],
  });

test('most-served models first, each at its cheapest live offering; unpriced models skipped', () => {
  const rows = cheapestForPopular(cat().models, 5);
  assert.deepEqual(
    rows.map((r) => [r.modelId, r.providers, r.providerName, r.blended]),
    [
      ['o/wide', 3, 'Beta', 1.75],
      ['o/new', 1, 'Alpha', 1.75],
    ],
  );
});

test('each row also names the cheapest official host: gateways and resellers left out', () => {
  const rows = cheapestForPopular(cat().models, 5);
  assert.deepEqual(
    rows.map((r) => [r.providerName, r.official?.providerName, r.official?.blended]),
    [
      ['Beta', 'Alpha', 2.5],
      ['Alpha', 'Alpha', 1.75],
    ],
  );
});

test('newest models by release date, retired ones left out', () => {
  assert.deepEqual(
    newestModels(cat().models, 3).map((m) => m.id),
    ['o/month', 'o/new', 'o/wide'],
  );
});

test('recent price changes: price entries only, in the given order, at most `count`', async () => {
  const { recentPriceChanges } = await import('../../../src/views/home.ts');
  const list = [{ kind: 'release' }, { kind: 'price', key: 'a' }, { kind: 'price', key: 'b' }, { kind: 'price', key: 'c' }];
  assert.deepEqual(recentPriceChanges(list, 2), [list[1], list[2]]);
  assert.deepEqual(recentPriceChanges([{ kind: 'release' }]), []);
});
