/** The providers index's region facets and filters: continent, country, EU processing, and the "Region not published" group. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryName, providerFacets } from '../../../src/core/regions.ts';
import { placeValues, providerRows, regionFilters, UNKNOWN_PLACE } from '../../../src/views/provider/index-rows.ts';

const RES = { sources: ['https://example.com/regions'], last_verified: '2026-12-02' };
const provider = (id: string, over: Record<string, unknown> = {}): any => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  kind: 'inference',
  website: `https://${id}.example`,
  offerings: [],
  ...over,
});
const providers = [
  provider('alpine', { regions: [{ id: 'ch', name: 'Switzerland', country: 'CH' }], residency: { routing: 'fixed', ...RES } }),
  provider('bavaria', {
    regions: [
      { id: 'de', name: 'Germany', country: 'DE' },
      { id: 'us', name: 'United States', country: 'US' },
    ],
    residency: { routing: 'selectable', ...RES },
  }),
  provider('coast', { regions: [{ id: 'us', name: 'United States', country: 'US' }], residency: { routing: 'global', ...RES } }),
  provider('delta', { regions: [{ id: 'fr', name: 'France', country: 'FR' }] }),
  provider('echo'),
  provider('foxtrot'),
];
const rows = providerRows(providers);

test('rows carry the continents and the EU answer of src/core/regions.ts', () => {
  for (const [i, r] of rows.entries()) {
    const f = providerFacets(providers[i]);
    assert.deepEqual(r.continents, f.continents, r.id);
    assert.equal(r.eu, f.eu, r.id);
  }
  assert.deepEqual(
    rows.map((r) => `${r.id}:${r.eu}`),
    ['alpine:no', 'bavaria:yes', 'coast:no', 'delta:unknown', 'echo:unknown', 'foxtrot:unknown'],
  );
});

test('data attribute values: own list, or the unknown group', () => {
  assert.equal(placeValues(['EU', 'NA']), 'EU NA');
  assert.equal(placeValues([]), UNKNOWN_PLACE);
});

test('filters: continents in order, countries by name, each counted; "Region not published" counted in both', () => {
  const f = regionFilters(rows, countryName);
  assert.deepEqual(f.continent, [
    { value: 'EU', label: 'Europe', count: 3 },
    { value: 'NA', label: 'North America', count: 2 },
    { value: UNKNOWN_PLACE, label: 'Region not published', count: 2 },
  ]);
  assert.deepEqual(
    f.region.map((o) => `${o.label}=${o.count}`),
    ['France=1', 'Germany=1', 'Switzerland=1', 'United States=2', 'Region not published=2'],
  );
  assert.deepEqual(f.eu, { yes: 1, unknown: 3 });
});

test('no provider is silently dropped: continents plus the unknown group cover every row', () => {
  const f = regionFilters(rows, countryName);
  const matches = (value: string) => rows.filter((r) => placeValues(r.continents).split(' ').includes(value)).map((r) => r.id);
  const covered = new Set(f.continent.flatMap((o) => matches(o.value)));
  assert.equal(covered.size, rows.length);
  for (const o of f.continent) assert.equal(matches(o.value).length, o.count, o.label);
});

test('no unknown choice when every provider publishes its regions', () => {
  const f = regionFilters(rows.slice(0, 4), countryName);
  assert.equal(
    f.continent.some((o) => o.value === UNKNOWN_PLACE),
    false,
  );
  assert.equal(
    f.region.some((o) => o.value === UNKNOWN_PLACE),
    false,
  );
});
