/** Where an offering runs and what it costs there (src/core/regions.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  continentOf,
  countryName,
  euProcessing,
  hasRegionalPrices,
  isEuCountry,
  matchingRoutes,
  placeAnswer,
  pricesOn,
  providerFacets,
  routeFor,
  routesOf,
  upliftText,
  type ProviderPlaces,
} from '../../../src/core/regions.ts';
import { EU_COUNTRIES } from '../../../src/core/vocab.ts';

const cloud: ProviderPlaces = {
  regions: [
    { id: 'us-east-1', name: 'US East (N. Virginia)', country: 'US' },
    { id: 'eu-central-1', name: 'Europe (Frankfurt)', country: 'DE', endpoint: 'https://x.eu-central-1.example.com' },
    { id: 'eu-west-2', name: 'Europe (London)', country: 'GB' },
    { id: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)', country: 'JP' },
  ],
  residency: {
    routing: 'selectable',
    profiles: [
      { id: 'eu', name: 'EU cross-Region', geography: 'eu', regions: ['eu-central-1'] },
      { id: 'global', name: 'Global cross-Region', geography: 'global' },
    ],
  },
};

describe('countries', () => {
  test('continent and name come from the ISO code; unknown codes give undefined, never a guess', () => {
    assert.equal(continentOf('DE'), 'EU');
    assert.equal(continentOf('US'), 'NA');
    assert.equal(continentOf('JP'), 'AS');
    assert.equal(continentOf('AU'), 'OC');
    assert.equal(continentOf('ZZ'), undefined);
    assert.equal(countryName('DE'), 'Germany');
    assert.equal(countryName('ZZ'), 'ZZ');
  });
  test('the EU has 27 members; the UK, Switzerland and Norway are not among them', () => {
    assert.equal(EU_COUNTRIES.length, 27);
    assert.equal(isEuCountry('FR'), true);
    for (const c of ['GB', 'CH', 'NO', 'US']) assert.equal(isEuCountry(c), false);
  });
});

describe('routes', () => {
  test('no regions published: unknown, not nowhere', () => {
    assert.equal(routesOf({}, {}), undefined);
    assert.equal(placeAnswer({}, undefined, { continent: 'EU' }), 'unknown');
    assert.equal(euProcessing({}), 'unknown');
  });

  test('an offering inherits the provider regions; a restriction narrows them; profiles are opt-in', () => {
    const all = routesOf(cloud, {})!;
    assert.deepEqual(
      all.map((r) => r.key),
      ['us-east-1', 'eu-central-1', 'eu-west-2', 'ap-northeast-1'],
    );
    assert.ok(all.every((r) => r.pinned));
    const some = routesOf(cloud, { regions: ['us-east-1'], profiles: ['global'] })!;
    assert.deepEqual(
      some.map((r) => [r.kind, r.key]),
      [
        ['region', 'us-east-1'],
        ['profile', 'global'],
      ],
    );
    const global = some[1]!;
    assert.equal(global.pinned, false);
    assert.deepEqual([...global.countries].sort(), ['DE', 'GB', 'JP', 'US']);
  });

  test('EU processing: a selectable EU region or an EU profile; a global profile or a UK region is not', () => {
    assert.equal(euProcessing(cloud, {}), 'yes');
    assert.equal(euProcessing(cloud, { regions: ['us-east-1'], profiles: ['global'] }), 'no');
    assert.equal(euProcessing(cloud, { regions: ['eu-west-2'] }), 'no');
    assert.equal(euProcessing(cloud, { regions: ['us-east-1'], profiles: ['eu'] }), 'yes');
  });

  test('routing decides whether a region can be pinned', () => {
    const regions = [
      { id: 'fi', name: 'Finland', country: 'FI' },
      { id: 'us', name: 'United States', country: 'US' },
    ];
    // Routed anywhere: runs in Europe, but processing cannot be kept there.
    const global: ProviderPlaces = { regions, residency: { routing: 'global' } };
    assert.equal(placeAnswer(global, routesOf(global, {}), { continent: 'EU' }), 'yes');
    assert.equal(euProcessing(global), 'no');
    // Fixed to EU countries only: processing stays in the EU.
    const eu: ProviderPlaces = {
      regions: [regions[0]!, { id: 'se', name: 'Sweden', country: 'SE' }],
      residency: { routing: 'fixed' },
    };
    assert.equal(euProcessing(eu), 'yes');
    // Fixed across the EU and the US: no.
    assert.equal(euProcessing({ regions, residency: { routing: 'fixed' } }), 'no');
    // One country, fixed: pinned.
    assert.equal(euProcessing({ regions: [regions[0]!], residency: { routing: 'fixed' } }), 'yes');
    // Regions known, routing not stated: EU presence, but pinning unknown.
    assert.equal(euProcessing({ regions }), 'unknown');
    assert.equal(euProcessing({ regions: [regions[1]!] }), 'no');
  });

  test('residency options: every model unless only_listed; the offering may narrow them', () => {
    const lab: ProviderPlaces = {
      regions: [{ id: 'us', name: 'United States', country: 'US' }],
      residency: {
        routing: 'global',
        options: [
          {
            geography: 'eu',
            name: 'EU data residency',
            base_url: 'https://eu.api.example.com/v1',
            uplift: 0.1,
            only_listed: true,
          },
          { geography: 'us', name: 'US-only inference', uplift: 0.1 },
        ],
      },
    };
    assert.equal(euProcessing(lab, {}), 'no');
    assert.equal(euProcessing(lab, { residency: ['eu'] }), 'yes');
    const routes = routesOf(lab, { residency: ['eu'] })!;
    const eu = routes.find((r) => r.key === 'residency:eu')!;
    assert.equal(eu.multiplier, 1.1);
    assert.equal(eu.endpoint, 'https://eu.api.example.com/v1');
    assert.equal(
      routes.some((r) => r.key === 'residency:us'),
      false,
    );
    assert.equal(
      routesOf(lab, {})!.some((r) => r.key === 'residency:us'),
      true,
    );
    assert.deepEqual(
      matchingRoutes(routes, { country: 'DE' }).map((r) => r.key),
      ['residency:eu'],
    );
  });
});

describe('regional prices', () => {
  const offering = {
    profiles: ['global', 'eu'],
    regional_pricing: [
      { where: ['us-east-1', 'eu-central-1', 'eu'], multiplier: 1.1 },
      { where: ['ap-northeast-1'], input: 4, output: 20 },
    ],
  };
  const base = { input: 3, output: 15, cache_read: 0.3 };

  test('a multiplier scales every meter; regional meters replace only theirs', () => {
    const routes = routesOf(cloud, offering)!;
    const fra = routes.find((r) => r.key === 'eu-central-1')!;
    const p = pricesOn(base, fra);
    assert.ok(Math.abs(p.input - 3.3) < 1e-9 && Math.abs(p.output - 16.5) < 1e-9 && Math.abs(p.cache_read - 0.33) < 1e-9);
    const tokyo = routes.find((r) => r.key === 'ap-northeast-1')!;
    assert.deepEqual(pricesOn(base, tokyo), { input: 4, output: 20, cache_read: 0.3 });
    assert.equal(pricesOn(base, undefined), base);
    assert.equal(hasRegionalPrices(routes), true);
    assert.equal(hasRegionalPrices(routesOf(cloud, {})), false);
  });

  test('a filter prices its cheapest matching route; no filter keeps the offering price', () => {
    const routes = routesOf(cloud, offering)!;
    assert.equal(routeFor(base, routes, {}), undefined);
    // Europe: Frankfurt (+10%), London (same price), EU profile (+10%) → London.
    assert.equal(routeFor(base, routes, { continent: 'EU' })?.key, 'eu-west-2');
    // EU processing: London is not in the EU → Frankfurt or the EU profile, both +10%; the first listed wins.
    assert.equal(routeFor(base, routes, { eu: true })?.key, 'eu-central-1');
    assert.equal(routeFor(base, routes, { country: 'BR' }), undefined);
  });

  test('uplift text', () => {
    assert.equal(upliftText(1.1), '+10%');
    assert.equal(upliftText(1), '');
    assert.equal(upliftText(0.95), '−5%');
  });
});

describe('provider facets', () => {
  test('countries, continents, EU answer and residency geographies', () => {
    const f = providerFacets(cloud);
    assert.deepEqual(f.countries, ['US', 'DE', 'GB', 'JP']);
    assert.deepEqual(f.continents, ['NA', 'EU', 'AS']);
    assert.equal(f.eu, 'yes');
    assert.deepEqual(providerFacets({}), { countries: [], continents: [], eu: 'unknown', residency: [] });
  });
});

describe('an offering served through profiles only', () => {
  test('`regions: []` leaves no in-region route: EU processing only through an EU profile', () => {
    assert.deepEqual(
      routesOf(cloud, { regions: [], profiles: ['global'] })!.map((r) => r.key),
      ['global'],
    );
    assert.equal(euProcessing(cloud, { regions: [], profiles: ['global'] }), 'no');
    assert.equal(euProcessing(cloud, { regions: [], profiles: ['global', 'eu'] }), 'yes');
    assert.deepEqual(routesOf(cloud, { regions: [] }), []);
  });
});

describe('clouds whose models differ by region', () => {
  test('offerings_inherit: false leaves an offering that states nothing unknown', () => {
    const p: ProviderPlaces = { ...cloud, residency: { ...cloud.residency!, offerings_inherit: false } };
    assert.equal(routesOf(p, {}), undefined);
    assert.equal(euProcessing(p, {}), 'unknown');
    assert.deepEqual(
      routesOf(p, { regions: ['us-east-1'] })!.map((r) => r.key),
      ['us-east-1'],
    );
    assert.deepEqual(
      routesOf(p, { profiles: ['eu'] })!.map((r) => r.key),
      ['us-east-1', 'eu-central-1', 'eu-west-2', 'ap-northeast-1', 'eu'],
    );
    assert.equal(providerFacets(p).eu, 'yes');
  });
});
