/**
 * Where an offering can run, and what it costs there (issue #17).
 *
 * A provider lists `regions` (cloud regions, or the countries of its data centres) and a
 * `residency` record: how requests are placed (`routing`), residency options (an EU data zone, a
 * US-only flag) and cross-region inference profiles. An offering inherits the provider's regions
 * unless it lists the subset that serves it; it may list the profiles and residency options it
 * supports and `regional_pricing` where a region, profile or option costs more or less.
 *
 * From these the module derives an offering's *routes* (each way to call it with a known place of
 * processing), the answer to a region filter (continent, country, EU processing) as
 * yes / no / unknown, and the price of the cheapest route that satisfies the filter.
 *
 * Pure: no zod, no I/O. Country → continent comes from geo.ts (the `countries-list` table), which
 * only `routesOf` needs: browser code that filters and prices routes does not bundle the table.
 */
import type { Prices } from './price.ts';
import { continentOf } from './geo.ts';
import { EU_COUNTRIES, GEOGRAPHY_LABEL, METERS, type Geography, type Meter, type Routing } from './vocab.ts';

export { continentOf, countryName } from './geo.ts';

/** Continent codes (as countries-list has them). */
export type Continent = 'AF' | 'AN' | 'AS' | 'EU' | 'NA' | 'OC' | 'SA';
export const CONTINENT_LABEL: Record<Continent, string> = {
  AF: 'Africa',
  AN: 'Antarctica',
  AS: 'Asia',
  EU: 'Europe',
  NA: 'North America',
  OC: 'Oceania',
  SA: 'South America',
};
/** Continents in the order filters list them. */
export const CONTINENTS: readonly Continent[] = ['EU', 'NA', 'SA', 'AS', 'OC', 'AF'];

const EU = new Set<string>(EU_COUNTRIES);
export const isEuCountry = (country: string): boolean => EU.has(country);

/** The countries a residency geography keeps processing in; `global` and `apac`/`me` span many, so none is implied. */
const GEOGRAPHY_COUNTRIES: Record<Geography, readonly string[]> = {
  global: [],
  eu: EU_COUNTRIES,
  us: ['US'],
  uk: ['GB'],
  ch: ['CH'],
  ca: ['CA'],
  br: ['BR'],
  apac: [],
  jp: ['JP'],
  kr: ['KR'],
  au: ['AU'],
  in: ['IN'],
  sg: ['SG'],
  cn: ['CN'],
  me: [],
};
/** Continents a geography lies in (for the continent filter when its countries are not listed). */
const GEOGRAPHY_CONTINENTS: Partial<Record<Geography, readonly Continent[]>> = { apac: ['AS', 'OC'], me: ['AS'] };

// ---- Input shapes (structural, so both schema records and test literals fit) ----

export interface RegionIn {
  id: string;
  name: string;
  country: string;
  city?: string | undefined;
  endpoint?: string | undefined;
}
export interface ResidencyOptionIn {
  geography: Geography;
  name: string;
  base_url?: string | undefined;
  uplift?: number | undefined;
  only_listed?: boolean | undefined;
}
export interface ResidencyIn {
  routing: Routing;
  offerings_inherit?: boolean | undefined;
  options?: readonly ResidencyOptionIn[] | undefined;
  profiles?: readonly { id: string; name: string; geography: Geography; regions?: readonly string[] | undefined }[] | undefined;
}
export interface ProviderPlaces {
  regions?: readonly RegionIn[] | undefined;
  residency?: ResidencyIn | undefined;
}
export interface RegionalPriceIn extends Prices {
  where: readonly string[];
  multiplier?: number | undefined;
}
export interface OfferingPlaces {
  regions?: readonly string[] | undefined;
  profiles?: readonly string[] | undefined;
  residency?: readonly Geography[] | undefined;
  regional_pricing?: readonly RegionalPriceIn[] | undefined;
}

// ---- Routes ----

export type RouteKind = 'region' | 'profile' | 'residency';

/** One way to call an offering with a known place of processing. */
export interface Route {
  kind: RouteKind;
  /** Region id, profile id, or "residency:<geography>": the key `regional_pricing.where` uses. */
  key: string;
  /** What a reader sees: "Europe (Frankfurt)", "Global cross-Region inference", "EU data zone". */
  label: string;
  /** Countries processing may happen in (empty: anywhere the provider runs, or unstated). */
  countries: readonly string[];
  /** Continents processing may happen in. */
  continents: readonly Continent[];
  /** The customer can keep processing inside `countries` by choosing this route. */
  pinned: boolean;
  /** Price relative to the offering's `pricing` (1 when the same), when given as a factor. */
  multiplier: number;
  /** Regional meters that replace the offering's, when given as prices. */
  prices?: Prices | undefined;
  /** The route's own endpoint, when it has one. */
  endpoint?: string | undefined;
}

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
const continentsOf = (cs: readonly string[]): Continent[] =>
  uniq(cs.map(continentOf).filter((c): c is Continent => c !== undefined));

/**
 * Every route of an offering at its provider, or undefined when the provider publishes no
 * regions (unknown: never "nowhere"). Residency options and profiles the offering does not list
 * are left out only when the offering lists its own.
 */
export const routesOf = (p: ProviderPlaces, o: OfferingPlaces): Route[] | undefined => {
  const regions = p.regions ?? [];
  if (!regions.length) return undefined;
  // Per-model availability not read for this offering: unknown, not "every region".
  if (p.residency?.offerings_inherit === false && o.regions === undefined && !o.profiles?.length && !o.residency?.length)
    return undefined;
  const byId = new Map(regions.map((r) => [r.id, r]));
  const prices = new Map<string, RegionalPriceIn>();
  for (const rp of o.regional_pricing ?? []) for (const w of rp.where) prices.set(w, rp);
  const routing = p.residency?.routing;
  const priced = (key: string, fallbackMultiplier = 1) => {
    const rp = prices.get(key);
    if (!rp) return { multiplier: fallbackMultiplier };
    if (rp.multiplier !== undefined) return { multiplier: rp.multiplier };
    const own: Prices = {};
    for (const m of METERS) if (rp[m] !== undefined) own[m] = rp[m];
    return { multiplier: 1, prices: own };
  };
  // `regions: []` states that no region serves the model directly (profiles or global routing only).
  const served = (o.regions ?? regions.map((r) => r.id)).flatMap((id) => byId.get(id) ?? []);
  const out: Route[] = served.map((r) => ({
    kind: 'region',
    key: r.id,
    label: r.name,
    countries: [r.country],
    continents: continentsOf([r.country]),
    // Routing unknown: the region exists, but whether a customer can pin it is not stated.
    pinned: routing === 'selectable' || (routing === 'fixed' && served.length === 1),
    endpoint: r.endpoint,
    ...priced(r.id),
  }));
  // Fixed routing over several regions: no one region can be chosen, but processing stays within all of them.
  if (routing === 'fixed' && served.length > 1) {
    const cs = uniq(served.map((r) => r.country));
    out.push({
      kind: 'region',
      key: '*',
      label: 'Its regions, as it routes',
      countries: cs,
      continents: continentsOf(cs),
      pinned: true,
      multiplier: 1,
    });
  }
  const profiles = p.residency?.profiles ?? [];
  const allowedProfiles = new Set(o.profiles ?? []);
  for (const pr of profiles) {
    if (!allowedProfiles.has(pr.id)) continue;
    const cs =
      pr.geography === 'global'
        ? uniq(regions.map((r) => r.country))
        : pr.regions?.length
          ? uniq(pr.regions.flatMap((id) => byId.get(id)?.country ?? []))
          : GEOGRAPHY_COUNTRIES[pr.geography];
    out.push({
      kind: 'profile',
      key: pr.id,
      label: pr.name,
      countries: cs,
      continents: cs.length ? continentsOf(cs) : (GEOGRAPHY_CONTINENTS[pr.geography] ?? []),
      pinned: pr.geography !== 'global',
      ...priced(pr.id),
    });
  }
  const options = p.residency?.options ?? [];
  const allowedGeos = o.residency ? new Set(o.residency) : undefined;
  for (const op of options) {
    if (allowedGeos ? !allowedGeos.has(op.geography) : op.only_listed) continue;
    const key = `residency:${op.geography}`;
    const cs = GEOGRAPHY_COUNTRIES[op.geography];
    out.push({
      kind: 'residency',
      key,
      label: op.name,
      countries: cs,
      continents: cs.length ? continentsOf(cs) : (GEOGRAPHY_CONTINENTS[op.geography] ?? []),
      pinned: op.geography !== 'global',
      endpoint: op.base_url,
      ...priced(key, 1 + (op.uplift ?? 0)),
    });
  }
  return out;
};

// ---- Filters ----

/** What a user asks for; every field is optional and all given fields must hold on one route. */
export interface PlaceFilter {
  continent?: Continent | undefined;
  country?: string | undefined;
  /** Processing kept inside the EU. */
  eu?: boolean | undefined;
}

export const isEmptyFilter = (f: PlaceFilter): boolean => !f.continent && !f.country && !f.eu;

/** A route keeps processing inside the EU: it is pinned and every country it may use is an EU member. */
export const isEuRoute = (r: Route): boolean => r.pinned && r.countries.length > 0 && r.countries.every(isEuCountry);

const routeMatches = (r: Route, f: PlaceFilter): boolean =>
  (!f.continent || r.continents.includes(f.continent)) &&
  (!f.country || r.countries.includes(f.country)) &&
  (!f.eu || isEuRoute(r));

/**
 * yes: a route satisfies the filter; no: the provider publishes where it runs and none does;
 * unknown: it publishes no regions, or (for EU processing) not how requests are placed.
 */
export type Answer = 'yes' | 'no' | 'unknown';

export const matchingRoutes = (routes: readonly Route[], f: PlaceFilter): Route[] => routes.filter((r) => routeMatches(r, f));

export const placeAnswer = (p: ProviderPlaces, routes: readonly Route[] | undefined, f: PlaceFilter): Answer =>
  answerFor(routes, f, p.residency !== undefined);

/** placeAnswer from the routes alone; `routingStated`: the provider has a residency record. */
export const answerFor = (routes: readonly Route[] | undefined, f: PlaceFilter, routingStated: boolean): Answer => {
  if (!routes) return 'unknown';
  if (isEmptyFilter(f)) return 'yes';
  if (routes.some((r) => routeMatches(r, f))) return 'yes';
  // Without a residency record nobody said whether the EU regions can be pinned.
  if (f.eu && !routingStated && routes.some((r) => r.countries.some(isEuCountry))) return 'unknown';
  return 'no';
};

/** "EU processing available" for an offering (or, with `{}`, a provider's full catalogue). */
export const euProcessing = (p: ProviderPlaces, o: OfferingPlaces = {}): Answer => placeAnswer(p, routesOf(p, o), { eu: true });

// ---- Regional prices ----

/** The offering's prices on one route: regional meters replace, a multiplier scales. */
export const pricesOn = <P extends Prices>(base: P, route: Route | undefined): P => {
  if (!route || (route.multiplier === 1 && !route.prices)) return base;
  const out = { ...base } as P;
  for (const m of METERS as readonly Meter[]) {
    const own = route.prices?.[m];
    const v = own ?? base[m];
    if (v !== undefined) (out as Prices)[m] = own !== undefined ? own : v * route.multiplier;
  }
  return out;
};

/** A pricing record with context tiers and a batch variant (the shape cost.ts reads), priced on one route. */
export interface TieredPrices extends Prices {
  tiers?: readonly (Prices & { above_tokens: number })[] | undefined;
  batch?: (Prices & { tiers?: readonly (Prices & { above_tokens: number })[] | undefined }) | undefined;
}

/**
 * A whole pricing record on one route: a multiplier scales every meter, context tiers and the
 * batch variant included; regional meters replace the base meters only (tiers and batch are kept,
 * as no provider publishes regional tiers).
 */
export const pricingOn = <P extends TieredPrices>(base: P, route: Route | undefined): P => {
  if (!route || (route.multiplier === 1 && !route.prices)) return base;
  const out = pricesOn(base, route);
  if (route.prices || route.multiplier === 1) return out;
  const scale = route.multiplier;
  const scaled = <T extends Prices>(x: T): T => pricesOn(x, { ...route, prices: undefined, multiplier: scale });
  const tiers = base.tiers?.map(scaled);
  const batch = base.batch && { ...scaled(base.batch), ...(base.batch.tiers ? { tiers: base.batch.tiers.map(scaled) } : {}) };
  return { ...out, ...(tiers ? { tiers } : {}), ...(batch ? { batch } : {}) };
};

/**
 * The route a filter prices: the cheapest matching one by blended input+output (ties: the
 * provider's order). Undefined with no filter (the offering's own price applies) or no match.
 */
export const routeFor = (base: Prices, routes: readonly Route[] | undefined, f: PlaceFilter): Route | undefined => {
  if (!routes || isEmptyFilter(f)) return undefined;
  let best: Route | undefined;
  let bestCost = Infinity;
  for (const r of matchingRoutes(routes, f)) {
    const p = pricesOn(base, r);
    const io = (p.input ?? 0) + (p.output ?? 0);
    const cost = io > 0 ? io : r.multiplier;
    if (cost < bestCost) {
      best = r;
      bestCost = cost;
    }
  }
  return best;
};

/** Does any route of the offering cost differently from its `pricing`? */
export const hasRegionalPrices = (routes: readonly Route[] | undefined): boolean =>
  (routes ?? []).some((r) => r.multiplier !== 1 || r.prices !== undefined);

/** "+10%" / "−5%" for a multiplier, "" for 1. */
export const upliftText = (m: number): string => {
  const pct = Math.round((m - 1) * 1000) / 10;
  return pct === 0 ? '' : `${pct > 0 ? '+' : '−'}${Math.abs(pct)}%`;
};

/** A geography's name. */
export const geographyName = (g: Geography): string => GEOGRAPHY_LABEL[g];

// ---- Provider-level facets (providers index, filters) ----

export interface ProviderFacets {
  /** Countries of its regions, in its order, no repeats; empty = unknown. */
  countries: string[];
  continents: Continent[];
  eu: Answer;
  /** Residency geographies it offers. */
  residency: Geography[];
}

export const providerFacets = (p: ProviderPlaces): ProviderFacets => {
  const countriesList = uniq((p.regions ?? []).map((r) => r.country));
  // The whole catalogue: every profile counts as offered for the provider-level answer.
  const routes = routesOf(p, { profiles: (p.residency?.profiles ?? []).map((x) => x.id) });
  return {
    countries: countriesList,
    continents: continentsOf(countriesList),
    eu: placeAnswer(p, routes, { eu: true }),
    residency: (p.residency?.options ?? []).map((o) => o.geography),
  };
};
