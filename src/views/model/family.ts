/**
 * Family pages: models grouped by their `family` slug, the models × providers price grid and
 * the timeline of releases. Prices in USD per 1M tokens.
 */
import { whereToRun, type WhereRow } from './offerings.ts';
import type { Model, Offering, Pricing, Provider } from '../../model/schema.ts';
import type { PriceView } from '../../core/price.ts';

type ModelLike = Model & {
  id: string;
  organizationRecord: { id: string; name: string };
  offerings: (Offering & { id: string; providerRecord: Provider & { id: string }; price: PriceView<Pricing> })[];
};

const byDate = (
  a: { release_date?: string | undefined; name: string },
  b: { release_date?: string | undefined; name: string },
) =>
  (a.release_date ?? '9999') < (b.release_date ?? '9999')
    ? -1
    : (a.release_date ?? '9999') > (b.release_date ?? '9999')
      ? 1
      : a.name.localeCompare(b.name, 'en');

/** Families: slug → its models, oldest release first; models without a family are left out. */
export const familiesOf = <M extends ModelLike>(models: M[]): Map<string, M[]> => {
  const out = new Map<string, M[]>();
  for (const m of models) if (m.family) out.set(m.family, [...(out.get(m.family) ?? []), m]);
  for (const list of out.values()) list.sort(byDate);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
};

export interface FamilySummary {
  id: string;
  models: number;
  creators: { id: string; name: string }[];
  /** Distinct providers serving any model of the family. */
  providers: number;
  firstRelease: string | undefined;
  latestRelease: string | undefined;
}

/** One summary per family, sorted by slug. */
export const familySummaries = (models: ModelLike[]): FamilySummary[] =>
  [...familiesOf(models)].map(([id, list]) => {
    const dates = list
      .map((m) => m.release_date)
      .filter((d): d is string => d !== undefined)
      .sort();
    return {
      id,
      models: list.length,
      creators: [
        ...new Map(
          list.map((m) => [m.organizationRecord.id, { id: m.organizationRecord.id, name: m.organizationRecord.name }]),
        ).values(),
      ],
      providers: new Set(list.flatMap((m) => m.offerings.map((o) => o.provider))).size,
      firstRelease: dates[0],
      latestRelease: dates.at(-1),
    };
  });

/** A grid cell: the offering shown for one model at one provider. */
export type GridCell = Pick<WhereRow, 'price' | 'status' | 'cheapest'> | undefined;

export interface FamilyGrid {
  providers: { id: string; name: string }[];
  rows: { id: string; name: string; release: string | undefined; status: string; cells: GridCell[] }[];
}

/**
 * Models (rows, newest first) × providers (columns, by name). A cell holds the model's first
 * offering at that provider in "where to run it" order (lowest blended price first), or nothing.
 */
export const familyGrid = (models: ModelLike[]): FamilyGrid => {
  const perModel = models.map((m) => ({ m, rows: whereToRun(m) }));
  const providers = [
    ...new Map(
      perModel.flatMap(({ rows }) => rows.map((r) => [r.providerId, { id: r.providerId, name: r.providerName }])),
    ).values(),
  ].sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1));
  return {
    providers,
    rows: perModel
      .sort((a, b) =>
        (a.m.release_date === undefined) !== (b.m.release_date === undefined)
          ? a.m.release_date === undefined
            ? 1
            : -1
          : byDate(b.m, a.m),
      )
      .map(({ m, rows }) => ({
        id: m.id,
        name: m.name,
        release: m.release_date,
        status: m.status,
        cells: providers.map((p) => {
          const r = rows.find((x) => x.providerId === p.id);
          return r && { price: r.price, status: r.status, cheapest: r.cheapest };
        }),
      })),
  };
};

export interface TimelineEntry {
  id: string;
  name: string;
  release: string | undefined;
  status: string;
  creator: string;
}

/** Releases of a family, oldest first; models without a release date come last. */
export const familyTimeline = (models: ModelLike[]): TimelineEntry[] =>
  [...models]
    .sort(byDate)
    .map((m) => ({ id: m.id, name: m.name, release: m.release_date, status: m.status, creator: m.organizationRecord.name }));
