/** A model page's data (src/views/model/page.ts), from the records. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelPage } from '../../../src/views/model/page.ts';
import { modelProviders, whereToRun } from '../../../src/views/model/offerings.ts';
import { calculatorHref, modelCardPath, organizationPath } from '../../../src/core/urls.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

const cat = () =>
  catalogOf({
    providers: [provider({ id: 'a' }), provider({ id: 'b' })],
    orgs: [org({ id: 'o', name: 'Org' })],
    models: [
      model({ id: 'o/two', name: 'Two', links: [{ label: 'Paper', url: 'https://example.com/p' }] }),
      model({ id: 'o/one', name: 'One' }),
      model({ id: 'o/none', name: 'None', status: 'retired', retirement_date: '2025-01-02' }),
    ],
    offerings: [
      offering('a', 'o/two'),
      offering('a', 'o/two', {
        provider_model_id: 'two-free',
        name: 'Two (free)',
        pricing: { billing: 'free', currency: 'USD' },
      }),
      offering('b', 'o/two'),
      offering('a', 'o/one'),
    ],
  });

test('title, description, share card and creator link', () => {
  const c = cat();
  const m = c.modelById.get('o/two')!;
  const view = modelPage(m, c.date);
  assert.equal(view.description, `Two by Org: ${modelProviders(m).length} providers, their prices, limits and features.`);
  assert.equal(view.image, modelCardPath('o/two'));
  assert.deepEqual(view.org, { name: 'Org', href: organizationPath('o') });
  assert.equal(view.calculator, calculatorHref('o/two'));
  assert.deepEqual(view.links, [{ label: 'Paper', url: 'https://example.com/p' }]);
});

test('the summary line counts offerings and providers, singular or plural', () => {
  const c = cat();
  const two = c.modelById.get('o/two')!;
  assert.equal(whereToRun(two).length, 3);
  assert.equal(modelPage(two, c.date).rowsSummary, '3 offerings from 2 providers');
  assert.equal(modelPage(c.modelById.get('o/one')!, c.date).rowsSummary, '1 offering from 1 provider');
});

test('a model nobody serves: no rows, no chart, no links, and its status notice', () => {
  const c = cat();
  const view = modelPage(c.modelById.get('o/none')!, c.date);
  assert.deepEqual([view.rows.length, view.chart, view.links, view.histories, view.samples], [0, undefined, [], [], []]);
  assert.match(view.notice!, /^This model is retired: retired on /);
  assert.equal(view.chartHeading, 'Price per provider');
});
