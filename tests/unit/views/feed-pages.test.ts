/** Page data of /changes/ and /deprecations/ (src/views/feeds/pages.ts), from the records. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changesPage, deprecationsPage } from '../../../src/views/feeds/pages.ts';
import { CHANGE_LABEL, changeList, pastChanges, upcomingRetirements } from '../../../src/core/history.ts';
import { formatDate } from '../../../src/core/format.ts';
import { modelPath } from '../../../src/core/urls.ts';
import { catalogOf, model, offering, org, provider } from '../../support/model-factory.ts';

const cat = () =>
  catalogOf({
    providers: [provider({ id: 'a', last_verified: '2026-03-01' })],
    orgs: [org({ id: 'o' })],
    models: [
      model({
        id: 'o/old',
        name: 'Old',
        release_date: '2025-01-01',
        status: 'deprecated',
        deprecation_date: '2026-02-01',
        retirement_date: '2026-06-01',
        successor: 'o/new',
      }),
      model({ id: 'o/new', name: 'New', release_date: '2026-02-15' }),
      model({ id: 'o/later', name: 'Later', release_date: '2026-09-01' }),
    ],
    offerings: [offering('a', 'o/old', { last_verified: '2026-04-01', retirement_date: '2026-05-01' }), offering('a', 'o/new')],
  });

test("the catalog's date is the newest check of any provider or offering, one value for every page", () => {
  assert.equal(cat().date, '2026-04-01');
  const newerProvider = catalogOf({
    providers: [provider({ id: 'a', last_verified: '2026-05-01' })],
    orgs: [org({ id: 'o' })],
    models: [model({ id: 'o/m' })],
    offerings: [offering('a', 'o/m', { last_verified: '2026-04-01' })],
  });
  assert.equal(newerProvider.date, '2026-05-01');
  assert.equal(catalogOf({ providers: [provider({ id: 'a' })], orgs: [], models: [], offerings: [] }).date, undefined);
});

test('/changes/: every price change (none here) and the past model changes, newest first, with date and kind text', () => {
  const c = cat();
  const page = changesPage(c);
  const expected = pastChanges(changeList([], c.models), '2026-04-01');
  assert.deepEqual(
    page.changes.map((x) => x.key),
    expected.map((x) => x.key),
  );
  assert.ok(!page.changes.some((x) => x.date > '2026-04-01'), 'nothing after the data date');
  assert.deepEqual(page.today, { date: '2026-04-01', text: formatDate('2026-04-01') });
  for (const x of page.changes) assert.deepEqual([x.dateText, x.kindText], [formatDate(x.date), CHANGE_LABEL[x.kind]]);
  assert.deepEqual(page.prices, []);
  assert.equal(
    page.description,
    `0 price changes (0 announced) and the latest ${expected.length} model releases, deprecations and retirements in Provider Atlas.`,
  );
});

test('/changes/: price changes from the history, old → new, announced ones marked', () => {
  const c = catalogOf({
    providers: [provider({ id: 'a', name: 'Acme', last_verified: '2026-03-01' })],
    orgs: [org({ id: 'o' })],
    models: [model({ id: 'o/m', name: 'M' })],
    offerings: [
      offering('a', 'o/m', {
        last_verified: '2026-03-01',
        price_history: [
          { effective_from: '2026-01-01', input: 2, output: 8 },
          { effective_from: '2026-02-01', input: 1, output: 8 },
          { effective_from: '2026-07-01', input: 0.5, output: 4 },
        ],
      }),
    ],
  });
  const page = changesPage(c);
  assert.deepEqual(
    page.prices.map((p) => [p.dateText, p.statusText, p.beforeText, p.afterText]),
    [
      [formatDate('2026-07-01'), 'Announced', '$1 in / $8 out', '$0.5 in / $4 out'],
      [formatDate('2026-02-01'), 'In force', '$2 in / $8 out', '$1 in / $8 out'],
    ],
  );
  assert.equal(page.priceCaption, '2 price changes, 1 announced, newest first; USD per 1M tokens');
});

test('/deprecations/: upcoming dates with provider, kind and successor link', () => {
  const c = cat();
  const page = deprecationsPage(c);
  const expected = upcomingRetirements(c.models, c.offerings, '2026-04-01');
  assert.deepEqual(
    page.rows.map((r) => [r.id, r.date]),
    expected.map((r) => [r.id, r.date]),
  );
  const offeringRow = page.rows.find((r) => r.provider !== undefined)!;
  const modelRow = page.rows.find((r) => r.provider === undefined)!;
  assert.equal(modelRow.providerText, 'All providers');
  assert.equal(offeringRow.providerText, offeringRow.provider);
  assert.deepEqual(
    page.rows.map((r) => r.kindText),
    expected.map((r) => (r.kind === 'retirement' ? 'Retirement' : 'Deprecation')),
  );
  assert.deepEqual(modelRow.successor, { name: 'New', href: modelPath('o/new') });
  assert.equal(
    page.description,
    `${expected.length} upcoming model deprecations and retirements, with their successors; also as a calendar file.`,
  );
});
