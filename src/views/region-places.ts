/**
 * Where things run, as pages show it (issue #17): a provider's regions grouped by continent, its
 * routing in plain words and its residency options; an offering's Regions cell; and the choices
 * of the region filters (continent, country, "EU processing available", and the "Region not
 * published" group) with honest counts. Every fact comes from src/core/regions.ts; this module only
 * words and counts it.
 */
import {
  CONTINENTS,
  CONTINENT_LABEL,
  continentOf,
  countryName,
  geographyName,
  hasRegionalPrices,
  placeAnswer,
  routesOf,
  upliftText,
  type Answer,
  type Continent,
  type OfferingPlaces,
  type PlaceFilter,
  type ProviderPlaces,
  type Route,
} from '../core/regions.ts';
import type { Geography, Routing } from '../core/vocab.ts';
import { ANY_UNKNOWN, UNKNOWN_PLACE, placeKey } from './place-keys.ts';

export { ANY_UNKNOWN, UNKNOWN_PLACE, placeKey };

/** "Europe" → "europe", "North America" → "north-america": a continent's filter value (never an ISO country code). */
export const continentSlug = (c: Continent): string => CONTINENT_LABEL[c].toLowerCase().replace(/\s+/g, '-');

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
/** Continent order of the filters, then Antarctica, then anything countries-list does not know. */
const continentRank = (c: Continent | undefined) =>
  c === undefined ? 99 : CONTINENTS.indexOf(c) < 0 ? 50 : CONTINENTS.indexOf(c);

// ---- Provider overview ----

export interface RegionGroup {
  continent: string;
  regions: { id: string; name: string; country: string; city: string | undefined; endpoint: string | undefined }[];
}

export interface ProviderRegionsView {
  /** The provider publishes where it runs. */
  known: boolean;
  regionCount: number;
  countryCount: number;
  groups: RegionGroup[];
  /** How requests are placed, in plain words; undefined when not published. */
  routing: string | undefined;
  /** "EU processing available" for its whole catalogue. */
  eu: Answer;
  options: {
    name: string;
    geography: string;
    baseUrl: string | undefined;
    /** "+10%", "no extra charge", or undefined when the price is not stated. */
    uplift: string | undefined;
    onlyListed: boolean;
    notes: string | undefined;
    source: string | undefined;
  }[];
  profiles: {
    id: string;
    name: string;
    geography: string;
    regions: string[];
    notes: string | undefined;
    source: string | undefined;
  }[];
  notes: string | undefined;
  sources: string[];
  lastVerified: string | undefined;
}

interface ProviderRegionsIn {
  regions?:
    | readonly { id: string; name: string; country: string; city?: string | undefined; endpoint?: string | undefined }[]
    | undefined;
  residency?:
    | {
        routing: Routing;
        options?:
          | readonly {
              geography: Geography;
              name: string;
              base_url?: string | undefined;
              uplift?: number | undefined;
              only_listed?: boolean | undefined;
              notes?: string | undefined;
              source?: string | undefined;
            }[]
          | undefined;
        profiles?:
          | readonly {
              id: string;
              name: string;
              geography: Geography;
              regions?: readonly string[] | undefined;
              notes?: string | undefined;
              source?: string | undefined;
            }[]
          | undefined;
        notes?: string | undefined;
        sources: readonly string[];
        last_verified: string;
      }
    | undefined;
}

/** How requests are placed, in words a buyer reads; `regions` is the number of regions listed. */
export const routingText = (routing: Routing | undefined, regions: number): string | undefined => {
  if (routing === 'selectable')
    return 'You choose the region: requests run where you send them (a regional endpoint or location).';
  if (routing === 'fixed')
    return regions === 1
      ? 'Every request runs in the one region listed.'
      : 'Every request runs in the regions listed; the provider picks among them and you cannot choose one.';
  if (routing === 'global') return 'The provider routes each request to any of its regions; you cannot keep a request in one.';
  return undefined;
};

/** A residency uplift as a reader sees it: 0.1 → "+10%", 0 → "no extra charge", absent → undefined. */
export const upliftLabel = (uplift: number | undefined): string | undefined =>
  uplift === undefined ? undefined : upliftText(1 + uplift) || 'no extra charge';

export const providerRegionsView = (p: ProviderRegionsIn & ProviderPlaces): ProviderRegionsView => {
  const regions = p.regions ?? [];
  const byContinent = new Map<Continent | undefined, RegionGroup['regions']>();
  for (const r of regions) {
    const c = continentOf(r.country);
    const list = byContinent.get(c) ?? [];
    list.push({ id: r.id, name: r.name, country: countryName(r.country), city: r.city, endpoint: r.endpoint });
    byContinent.set(c, list);
  }
  const names = new Map(regions.map((r) => [r.id, r.name]));
  const res = p.residency;
  return {
    known: regions.length > 0,
    regionCount: regions.length,
    countryCount: uniq(regions.map((r) => r.country)).length,
    groups: [...byContinent]
      .sort(([a], [b]) => continentRank(a) - continentRank(b))
      .map(([c, list]) => ({ continent: c ? CONTINENT_LABEL[c] : 'Elsewhere', regions: list })),
    routing: routingText(res?.routing, regions.length),
    eu: placeAnswer(p, routesOf(p, { profiles: (res?.profiles ?? []).map((x) => x.id) }), { eu: true }),
    options: (res?.options ?? []).map((o) => ({
      name: o.name,
      geography: geographyName(o.geography),
      baseUrl: o.base_url,
      uplift: upliftLabel(o.uplift),
      onlyListed: o.only_listed === true,
      notes: o.notes,
      source: o.source,
    })),
    profiles: (res?.profiles ?? []).map((pr) => ({
      id: pr.id,
      name: pr.name,
      geography: geographyName(pr.geography),
      regions: (pr.regions ?? []).map((id) => names.get(id) ?? id),
      notes: pr.notes,
      source: pr.source,
    })),
    notes: res?.notes,
    sources: [...(res?.sources ?? [])],
    lastVerified: res?.last_verified,
  };
};

// ---- An offering's Regions cell ----

export interface OfferingPlace {
  /** The provider publishes where it runs (else "Not published"). */
  known: boolean;
  /** Names of the countries of the regions serving the offering, in the provider's order. */
  countries: string[];
  /** Regions serving the offering. */
  regionCount: number;
  /** "EU processing available" for this offering. */
  eu: Answer;
  /** Residency options and inference profiles it can be called through, with any uplift: "EU Data Zone (+10%)". */
  marks: string[];
  /** Where a region costs differently: "+10% in Europe (Frankfurt), Europe (Paris)" (profiles and options carry theirs in `marks`). */
  priceNotes: string[];
  /** The provider's places and the offering's routes, for the filter (placeTokens, placeFilterView). */
  provider: ProviderPlaces;
  routes: Route[] | undefined;
}

/** "+10% in A, B" per distinct multiplier; "own prices in C" where a route has its own meters. */
export const regionalPriceNotes = (routes: readonly Route[] | undefined): string[] => {
  if (!hasRegionalPrices(routes)) return [];
  const groups = new Map<string, string[]>();
  for (const r of routes ?? []) {
    if (r.kind !== 'region') continue;
    const head = r.prices ? 'own prices' : upliftText(r.multiplier);
    if (!head) continue;
    groups.set(head, [...(groups.get(head) ?? []), r.label]);
  }
  return [...groups].map(([head, labels]) => `${head} in ${labels.join(', ')}`);
};

export const offeringPlace = (p: ProviderPlaces, o: OfferingPlaces): OfferingPlace => {
  const routes = routesOf(p, o);
  const regionRoutes = (routes ?? []).filter((r) => r.kind === 'region' && r.key !== '*');
  return {
    known: routes !== undefined,
    countries: uniq(regionRoutes.flatMap((r) => r.countries)).map(countryName),
    regionCount: regionRoutes.length,
    eu: placeAnswer(p, routes, { eu: true }),
    marks: (routes ?? [])
      .filter((r) => r.kind !== 'region')
      .map((r) => {
        const up = r.prices ? 'own prices' : upliftText(r.multiplier);
        return up ? `${r.label} (${up})` : r.label;
      }),
    priceNotes: regionalPriceNotes(routes),
    provider: p,
    routes,
  };
};

// ---- Region filter of a list of offerings (model pages) ----

export interface PlaceChoice {
  /** Continent slug, ISO country code, or UNKNOWN_PLACE. */
  value: string;
  label: string;
  count: number;
}
export interface PlaceChoiceGroup {
  /** Continent label. */
  label: string;
  /** "All of Europe", then its countries by name. */
  choices: PlaceChoice[];
}

/** One offering to filter: its provider's places and its routes (offeringPlace gives both). */
export interface PlaceRow {
  provider: ProviderPlaces;
  routes: Route[] | undefined;
}

const CONTINENTS_BY_SLUG = new Map((Object.keys(CONTINENT_LABEL) as Continent[]).map((c) => [continentSlug(c), c]));
/** The filter a place value stands for: an ISO country code (two capitals) or a continent slug. */
const filterOf = (place: string): PlaceFilter =>
  place === '' ? {} : /^[A-Z]{2}$/.test(place) ? { country: place } : { continent: CONTINENTS_BY_SLUG.get(place) };

/** The place values a set of offerings offers: continents their routes reach, countries of their regions. */
const placesOf = (rows: readonly PlaceRow[]) => {
  const continents = new Set<Continent>();
  const countries = new Set<string>();
  for (const r of rows)
    for (const route of r.routes ?? []) {
      route.continents.forEach((c) => continents.add(c));
      if (route.kind === 'region') route.countries.forEach((c) => countries.add(c));
    }
  return { continents, countries };
};

export interface PlaceFilterView {
  groups: PlaceChoiceGroup[];
  /** Offerings whose provider publishes no regions ("Region not published"). */
  unknown: number;
  /** Offerings with EU processing available. */
  eu: number;
  /** Offerings where EU processing is not published. */
  euUnknown: number;
  total: number;
}

/**
 * Filter tokens of each row: `yes` lists the keys (placeKey) it matches, `unknown` those whose
 * answer is unknown (counted apart, never shown as a match). Rows without published regions match
 * the UNKNOWN_PLACE choice (with or without EU asked for) and are unknown (ANY_UNKNOWN) for the rest.
 */
export const placeTokens = (rows: readonly PlaceRow[]): { yes: string[]; unknown: string[] }[] => {
  const { continents, countries } = placesOf(rows);
  const places = ['', ...[...continents].map(continentSlug), ...countries];
  return rows.map((r) => {
    // No published regions: every question is unknown ("*"), and the row is the "Region not published" group.
    if (!r.routes) return { yes: [UNKNOWN_PLACE, placeKey(UNKNOWN_PLACE, true)], unknown: [ANY_UNKNOWN] };
    const yes: string[] = [];
    const unknown: string[] = [];
    for (const place of places)
      for (const eu of [false, true]) {
        const f = { ...filterOf(place), eu };
        const a = placeAnswer(r.provider, r.routes, f);
        const key = placeKey(place, eu);
        if (key === '') continue;
        if (a === 'yes') yes.push(key);
        else if (a === 'unknown') unknown.push(key);
      }
    return { yes, unknown };
  });
};

/** The choices of the region filter over `rows`, each with the number of rows it keeps. */
export const placeFilterView = (withRoutes: readonly PlaceRow[]): PlaceFilterView => {
  const { continents, countries } = placesOf(withRoutes);
  const count = (f: PlaceFilter) => withRoutes.filter((r) => placeAnswer(r.provider, r.routes, f) === 'yes').length;
  const byContinent = new Map<Continent | undefined, string[]>();
  for (const c of countries) {
    const k = continentOf(c);
    byContinent.set(k, [...(byContinent.get(k) ?? []), c]);
  }
  const keys = uniq([...continents, ...byContinent.keys()]).sort((a, b) => continentRank(a) - continentRank(b));
  const groups = keys.map((k): PlaceChoiceGroup => {
    const own = (byContinent.get(k) ?? [])
      .map((c): PlaceChoice => ({ value: c, label: countryName(c), count: count({ country: c }) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'en'));
    const label = k ? CONTINENT_LABEL[k] : 'Elsewhere';
    return {
      label,
      choices:
        k && continents.has(k)
          ? [{ value: continentSlug(k), label: `All of ${label}`, count: count({ continent: k }) }, ...own]
          : own,
    };
  });
  return {
    groups,
    unknown: withRoutes.filter((r) => !r.routes).length,
    eu: count({ eu: true }),
    euUnknown: withRoutes.filter((r) => placeAnswer(r.provider, r.routes, { eu: true }) === 'unknown').length,
    total: withRoutes.length,
  };
};
