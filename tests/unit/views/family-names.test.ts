/** Pages show a model's family by its record's readable name and link it by id (src/model/link.ts familyRecord). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { familyName, linkCatalog } from '../../../src/model/link.ts';
import { filterChoices, modelIndex } from '../../../src/views/model/index-page.ts';
import { indexRowCells } from '../../../src/views/model/row.ts';
import { sortEntries } from '../../../src/views/model/filter.ts';
import { organizationModels } from '../../../src/views/model/organizations.ts';
import { apiModel, ApiModelSchema } from '../../../src/model/api-export.ts';
import { modelSearchEntry } from '../../../src/views/search-entry.ts';
import { model, offering, org, provider } from '../../support/model-factory.ts';

const families = [
  { id: 'atlas', name: 'Atlas' },
  { id: 'atlas-2', name: 'Atlas 2', parent: 'atlas' },
  { id: 'zed-1', name: 'A Zed' },
];
const records = () => ({
  providers: [provider({ id: 'p1' })],
  orgs: [org({ id: 'acme', name: 'Acme' })],
  models: [
    model({ id: 'acme/two', name: 'Two', family: 'atlas-2' }),
    model({ id: 'acme/zed', name: 'Zed', family: 'zed-1' }),
    model({ id: 'acme/none', name: 'None' }),
  ],
  offerings: [offering('p1', 'acme/two')],
});
const linked = () => {
  const r = records();
  return linkCatalog(r.providers, r.models, r.orgs, r.offerings, families);
};
const nameOf = (id: string) => families.find((f) => f.id === id)!.name;

test('linkCatalog links each model to its family record; familyName reads its name', () => {
  const c = linked();
  for (const m of c.models) {
    assert.deepEqual(m.familyRecord, m.family === undefined ? undefined : { id: m.family, name: nameOf(m.family) });
    assert.equal(familyName(m), m.family === undefined ? undefined : nameOf(m.family));
  }
  // Without family records (test catalogs), the id stands in for the name.
  const r = records();
  const bare = linkCatalog(r.providers, r.models, r.orgs, r.offerings);
  assert.equal(familyName(bare.modelById.get('acme/two')!), 'atlas-2');
});

test('linkCatalog fails on a family no record names, when family records are given', () => {
  const r = records();
  const models = [...r.models, model({ id: 'acme/lost', family: 'gone' })];
  assert.throws(() => linkCatalog(r.providers, models, r.orgs, r.offerings, families), /acme\/lost: unknown family "gone"/);
});

test('/models/ rows, filter choices and sort show the family name, link and filter by id', () => {
  const entries = modelIndex(linked().models);
  const two = entries.find((e) => e.id === 'acme/two')!;
  assert.deepEqual(indexRowCells(two)[2], { text: nameOf('atlas-2'), href: '/families/atlas-2/' });
  assert.deepEqual(indexRowCells(entries.find((e) => e.id === 'acme/none')!)[2], { text: '', href: undefined });
  assert.deepEqual(
    filterChoices(entries).families.map((c) => [c.value, c.label]),
    [
      ['zed-1', nameOf('zed-1')],
      ['atlas-2', nameOf('atlas-2')],
    ],
  );
  // "A Zed" sorts before "Atlas 2" by name, though its id sorts after.
  assert.deepEqual(
    sortEntries(entries, 'family', 'asc').map((e) => e.id),
    ['acme/zed', 'acme/two', 'acme/none'],
  );
});

test('organization pages, the API and search entries carry the family name', () => {
  const c = linked();
  const rows = organizationModels(c.organizationById.get('acme')!);
  assert.deepEqual(rows.find((r) => r.id === 'acme/two')!.family, { id: 'atlas-2', name: nameOf('atlas-2') });
  assert.equal(rows.find((r) => r.id === 'acme/none')!.family, undefined);
  const two = c.modelById.get('acme/two')!;
  const api = apiModel(two);
  assert.equal((api as { family?: string }).family, 'atlas-2');
  assert.equal(api.family_name, nameOf('atlas-2'));
  assert.ok(ApiModelSchema.safeParse(api).success);
  assert.equal('family_name' in apiModel(c.modelById.get('acme/none')!), false);
  assert.equal(modelSearchEntry(two).meta.family, nameOf('atlas-2'));
  assert.equal(modelSearchEntry(c.modelById.get('acme/none')!).meta.family, undefined);
});
