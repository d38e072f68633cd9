/** Regions and residency as pages show them: provider overview, offering cells, and the region filters' tokens and counts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONTINENTS,
  placeAnswer,
  routesOf,
  type Continent,
  type OfferingPlaces,
  type ProviderPlaces,
} from '../../../src/core/regions.ts';
import {
  continentSlug,
  offeringPlace,
  placeFilterView,
  placeTokens,
  providerRegionsView,
  regionalPriceNotes,
  routingText,
  upliftLabel,
} from '../../../src/views/region-places.ts';
import { ANY_UNKNOWN, UNKNOWN_PLACE, placeKey, placeMatch } from '../../../src/views/place-keys.ts';

const RES = { sources: ['https://cloud.example/regions'], last_verified: '2026-12-02' };
/** A cloud with US and EU regions, an EU profile and a US one, an EU data zone at +10%. */
const cloud: ProviderPlaces & { residency: any } = {
  regions: [
    { id: 'us-east-1', name: 'US East', country: 'US' },
    { id: 'eu-central-1', name: 'Europe (Frankfurt)', country: 'DE', city: 'Frankfurt', endpoint: 'https://eu.cloud.example' },
    { id: 'eu-west-3', name: 'Europe (Paris)', country: 'FR' },
    { id: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)', country: 'JP' },
  ],
  residency: {
    routing: 'selectable',
    options: [
      { geography: 'eu', name: 'EU Data Zone', uplift: 0.1, base_url: 'https://eu.api.cloud.example', only_listed: true },
    ],
    profiles: [
      { id: 'eu', name: 'EU cross-Region', geography: 'eu', regions: ['eu-central-1', 'eu-west-3'] },
      { id: 'global', name: 'Global cross-Region', geography: 'global' },
    ],
    ...RES,
  },
};
/** Regions in the EU, but nobody said whether they can be chosen. */
const silent: any = { regions: [{ id: 'de', name: 'Germany', country: 'DE' }] };
/** One country, fixed. */
const fixedFr: any = {
  regions: [{ id: 'fr', name: 'France', country: 'FR' }],
  residency: { routing: 'fixed', ...RES } as any,
};
/** Routes anywhere among US and Finland. */
const globalHost: any = {
  regions: [
    { id: 'us', name: 'United States', country: 'US' },
    { id: 'fi', name: 'Finland', country: 'FI' },
  ],
  residency: { routing: 'global', ...RES } as any,
};
const nowhere: any = {};

const rows: { provider: ProviderPlaces; offering: OfferingPlaces }[] = [
  {
    provider: cloud,
    offering: {
      regions: ['us-east-1', 'eu-central-1'],
      profiles: ['eu'],
      residency: ['eu'],
      regional_pricing: [{ where: ['eu-central-1'], multiplier: 1.1 }],
    },
  },
  { provider: cloud, offering: { regions: ['us-east-1'] } },
  { provider: silent, offering: {} },
  { provider: fixedFr, offering: {} },
  { provider: globalHost, offering: {} },
  { provider: nowhere, offering: {} },
  { provider: nowhere, offering: { regions: ['x'] } },
];
const places = rows.map((r) => offeringPlace(r.provider, r.offering));

test('routing in plain words; unknown routing is undefined', () => {
  assert.match(routingText('selectable', 3)!, /^You choose the region/);
  assert.equal(routingText('fixed', 1), 'Every request runs in the one region listed.');
  assert.match(routingText('fixed', 2)!, /you cannot choose one/);
  assert.match(routingText('global', 2)!, /any of its regions/);
  assert.equal(routingText(undefined, 2), undefined);
});

test('uplift: a fraction as "+10%", zero as no extra charge, absent as not stated', () => {
  assert.equal(upliftLabel(0.1), '+10%');
  assert.equal(upliftLabel(0.25), '+25%');
  assert.equal(upliftLabel(0), 'no extra charge');
  assert.equal(upliftLabel(undefined), undefined);
});

test('provider overview: regions grouped by continent in filter order, with country names; residency options and profiles', () => {
  const v = providerRegionsView(cloud);
  assert.equal(v.known, true);
  assert.equal(v.regionCount, 4);
  assert.equal(v.countryCount, 4);
  assert.deepEqual(
    v.groups.map((g) => [g.continent, g.regions.map((r) => `${r.name}/${r.country}`)]),
    [
      ['Europe', ['Europe (Frankfurt)/Germany', 'Europe (Paris)/France']],
      ['North America', ['US East/United States']],
      ['Asia', ['Asia Pacific (Tokyo)/Japan']],
    ],
  );
  assert.equal(v.groups[0]!.regions[0]!.city, 'Frankfurt');
  assert.equal(v.groups[0]!.regions[0]!.endpoint, 'https://eu.cloud.example');
  assert.equal(v.eu, 'yes');
  assert.deepEqual(v.options, [
    {
      name: 'EU Data Zone',
      geography: 'European Union',
      baseUrl: 'https://eu.api.cloud.example',
      uplift: '+10%',
      onlyListed: true,
      notes: undefined,
      source: undefined,
    },
  ]);
  assert.deepEqual(
    v.profiles.map((p) => [p.id, p.geography, p.regions]),
    [
      ['eu', 'European Union', ['Europe (Frankfurt)', 'Europe (Paris)']],
      ['global', 'Global', []],
    ],
  );
  assert.deepEqual(v.sources, RES.sources);
  assert.equal(v.lastVerified, '2026-12-02');
});

test('provider overview: nothing published stays unknown, never "nowhere"', () => {
  const v = providerRegionsView(nowhere);
  assert.equal(v.known, false);
  assert.deepEqual(v.groups, []);
  assert.equal(v.routing, undefined);
  assert.equal(v.eu, 'unknown');
  assert.deepEqual([v.options, v.profiles, v.sources, v.lastVerified], [[], [], [], undefined]);
  assert.equal(providerRegionsView(silent).eu, 'unknown');
  assert.equal(providerRegionsView(globalHost).eu, 'no');
});

test('offering cell: countries of the regions serving it, EU processing, marks with uplift, regional prices', () => {
  const [a, b, c, d, e, f] = places;
  assert.deepEqual(a!.countries, ['United States', 'Germany']);
  assert.equal(a!.regionCount, 2);
  assert.equal(a!.eu, 'yes');
  assert.deepEqual(a!.marks, ['EU cross-Region', 'EU Data Zone (+10%)']);
  assert.deepEqual(a!.priceNotes, ['+10% in Europe (Frankfurt)']);
  // Without the EU region, profile or option (only_listed), this offering cannot stay in the EU.
  assert.deepEqual([b!.countries, b!.eu, b!.marks, b!.priceNotes], [['United States'], 'no', [], []]);
  assert.deepEqual([c!.countries, c!.eu], [['Germany'], 'unknown']);
  assert.deepEqual([d!.countries, d!.eu], [['France'], 'yes']);
  assert.deepEqual([e!.countries, e!.eu], [['United States', 'Finland'], 'no']);
  assert.deepEqual([f!.known, f!.countries, f!.eu], [false, [], 'unknown']);
});

test('regional price notes: grouped by uplift; own meters said as such; none without regional prices', () => {
  const routes = routesOf(cloud, {
    regional_pricing: [
      { where: ['eu-central-1', 'eu-west-3'], multiplier: 1.1 },
      { where: ['ap-northeast-1'], input: 1, output: 2 },
    ],
  });
  assert.deepEqual(regionalPriceNotes(routes), [
    '+10% in Europe (Frankfurt), Europe (Paris)',
    'own prices in Asia Pacific (Tokyo)',
  ]);
  assert.deepEqual(regionalPriceNotes(routesOf(cloud, {})), []);
  assert.deepEqual(regionalPriceNotes(undefined), []);
});

test('filter tokens answer exactly as placeAnswer does, for every choice offered, with and without EU', () => {
  const tokens = placeTokens(places);
  const view = placeFilterView(places);
  const values = ['', ...view.groups.flatMap((g) => g.choices.map((c) => c.value))];
  const bySlug = new Map(CONTINENTS.map((c) => [continentSlug(c), c] as [string, Continent]));
  let checked = 0;
  rows.forEach((r, i) => {
    const routes = routesOf(r.provider, r.offering);
    for (const v of values)
      for (const eu of [false, true]) {
        // No filter at all: every row shows (the page's own list), whatever placeAnswer says of unknown places.
        if (v === '' && !eu) continue;
        const f = v === '' ? { eu } : bySlug.has(v) ? { continent: bySlug.get(v), eu } : { country: v, eu };
        assert.equal(placeMatch(tokens[i]!, placeKey(v, eu)), placeAnswer(r.provider, routes, f), `row ${i} ${placeKey(v, eu)}`);
        checked++;
      }
  });
  assert.ok(checked > 50);
});

test('the "Region not published" group: only rows without published regions, every other question unknown for them', () => {
  const tokens = placeTokens(places);
  assert.deepEqual(
    tokens.map((t) => placeMatch(t, UNKNOWN_PLACE)),
    ['no', 'no', 'no', 'no', 'no', 'yes', 'yes'],
  );
  assert.equal(placeMatch(tokens[5]!, placeKey(UNKNOWN_PLACE, true)), 'yes');
  assert.deepEqual(tokens[5]!.unknown, [ANY_UNKNOWN]);
  assert.equal(placeMatch(tokens[5]!, 'eu'), 'unknown');
  assert.equal(placeMatch(tokens[5]!, ''), 'yes');
});

test('filter choices: continents with their countries, honest counts, the unknown group counted', () => {
  const v = placeFilterView(places);
  assert.equal(v.total, 7);
  assert.equal(v.unknown, 2);
  assert.equal(v.eu, 2);
  assert.equal(v.euUnknown, 3);
  assert.deepEqual(
    v.groups.map((g) => [g.label, g.choices.map((c) => `${c.value}=${c.count}`)]),
    [
      // The EU profile and data zone put the first cloud offering in Europe (and, as core's country
      // filter reads a zone, in each EU country); the fixed French host and the German one too.
      ['Europe', ['europe=4', 'FI=2', 'FR=2', 'DE=2']],
      ['North America', ['north-america=3', 'US=3']],
    ],
  );
  // Every offering is under some choice or the unknown group.
  const tokens = placeTokens(places);
  const seen = tokens.filter((t) => v.groups.some((g) => g.choices.some((c) => placeMatch(t, c.value) === 'yes')));
  assert.equal(seen.length + v.unknown, v.total);
});
