/** The home page's data (src/views/home-page.ts): counts, cards, lists and their links, from the records. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOME_LISTS, homePage } from '../../../src/views/home-page.ts';
import { cheapestForPopular, newestModels } from '../../../src/views/home.ts';
import { compareModelPath, modelPath, PATHS } from '../../../src/core/urls.ts';
import { popularComparisons } from '../../../src/views/compare/items.ts';
import { formatCount, formatDate, formatTokens } from '../../../src/core/format.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

const usd = (input: number, output: number) => ({ billing: 'usage' as const, currency: 'USD', input, output });
const cat = () =>
  catalogOf({
    providers: ['a', 'b', 'c'].map((id) => provider({ id, last_verified: '2026-05-01' })),
    orgs: [org({ id: 'o', name: 'Org' })],
    models: [
      model({ id: 'o/wide', name: 'Wide', release_date: '2026-01-10', context_window: 128_000 }),
      model({ id: 'o/solo', name: 'Solo', release_date: '2026-03-01' }),
    ],
    offerings: [
      offering('a', 'o/wide', {
        pricing: usd(2, 4),
        last_verified: '2026-05-01',
        price_history: [
          { input: 3, output: 4 },
          { effective_from: '2026-04-01', input: 2, output: 4 },
        ],
      }),
      offering('b', 'o/wide', { pricing: usd(1, 4) }),
      offering('c', 'o/wide', { pricing: usd(5, 5) }),
      offering('a', 'o/solo', { pricing: usd(1, 1) }),
    ],
  });

test('counts and cards come from the catalog', () => {
  const c = cat();
  const view = homePage(c);
  assert.deepEqual(
    view.counts.map((x) => x.value),
    [c.providers.length, c.models.length, c.offerings.length, c.organizations.length].map(formatCount),
  );
  assert.equal(view.sections[0]!.text, `${formatCount(c.providers.length)} labs, clouds, inference hosts and gateways`);
  assert.deepEqual(
    view.sections.map((s) => s.href),
    [PATHS.providers, PATHS.models, PATHS.families, PATHS.organizations, PATHS.pricing, PATHS.compare, PATHS.performance],
  );
});

test('cheapest rows link to the comparison page only when one is built', () => {
  const c = cat();
  const view = homePage(c);
  const compared = new Set(popularComparisons(c.models).map((x) => x.model.id));
  assert.deepEqual(
    view.cheapest.map((r) => r.modelId),
    cheapestForPopular(c.models, HOME_LISTS.cheapest).map((r) => r.modelId),
  );
  for (const r of view.cheapest) assert.equal(r.compareHref, compared.has(r.modelId) ? compareModelPath(r.modelId) : undefined);
  assert.ok(view.cheapest.some((r) => r.compareHref) && view.cheapest.some((r) => !r.compareHref), 'both cases covered');
});

test('newest models: link, creator, date and context text', () => {
  const c = cat();
  const newest = newestModels(c.models, HOME_LISTS.newest);
  assert.deepEqual(
    homePage(c).newest,
    newest.map((m) => ({
      href: modelPath(m.id),
      name: m.name,
      creator: m.organizationRecord.name,
      date: m.release_date,
      dateText: formatDate(m.release_date!),
      contextText: m.context_window === undefined ? '' : ` · ${formatTokens(m.context_window)} context`,
    })),
  );
  assert.equal(homePage(c).newest.find((m) => m.name === 'Wide')!.contextText, ` · ${formatTokens(128_000)} context`);
});

test('recent price changes link to the model and the full list', () => {
  const view = homePage(cat());
  assert.equal(view.priceChanges.length, 1);
  assert.equal(view.priceChanges[0]!.href, modelPath('o/wide'));
  assert.equal(view.priceChanges[0]!.dateText, formatDate('2026-04-01'));
  assert.equal(view.allChanges, PATHS.changes);
});
