/**
 * Countries and continents, from the `countries-list` package (data only). Kept apart from
 * regions.ts so that browser code which only filters and prices routes never bundles the table.
 */
import { countries } from 'countries-list';
import type { Continent } from './regions.ts';

type Entry = { name: string; continent: Continent };
const table = countries as Record<string, Entry | undefined>;

/** The continent of an ISO 3166-1 alpha-2 code, or undefined when the code is unknown. */
export const continentOf = (country: string): Continent | undefined => table[country]?.continent;

/** The English name of a country ("DE" → "Germany"), or the code itself when unknown. */
export const countryName = (country: string): string => table[country]?.name ?? country;
