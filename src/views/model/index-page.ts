/** Rows of the /models/ table, its compact JSON index and the choices of its filter form. */
import { CAPABILITY_FILTERS, sortEntries, type IndexEntry } from './filter.ts';
import { providerCount, whereToRun } from './offerings.ts';
import { MODELS_PAGE_SIZE } from './row.ts';
import type { Model, Offering, Pricing, Provider } from '../../model/schema.ts';
import type { PriceView } from '../../core/price.ts';
import { MODALITIES } from '../../core/vocab.ts';

type ModelLike = Model & {
  id: string;
  organizationRecord: { id: string; name: string };
  /** The linked family record (src/model/link.ts); absent, the family shows by its id. */
  familyRecord?: { id: string; name: string } | undefined;
  offerings: (Offering & { id: string; providerRecord: Provider & { id: string }; price: PriceView<Pricing> })[];
};

/** The index entry of one model: cheapest = the lowest blended price billed by usage, not retired. */
export const indexEntry = (m: ModelLike): IndexEntry => {
  const best = whereToRun(m).find((r) => r.cheapest);
  const caps = m.capabilities ?? {};
  return {
    id: m.id,
    n: m.name,
    c: m.organizationRecord.id,
    cn: m.organizationRecord.name,
    f: m.family ?? null,
    fn: m.family === undefined ? null : (m.familyRecord?.name ?? m.family),
    r: m.release_date ?? null,
    x: m.context_window ?? null,
    o: m.max_output_tokens ?? null,
    mi: m.modalities?.input ?? [],
    mo: m.modalities?.output ?? [],
    w: m.open_weights ?? null,
    k: (Object.keys(CAPABILITY_FILTERS) as (keyof typeof CAPABILITY_FILTERS)[]).filter((c) => caps[c] === true),
    s: m.status,
    p: providerCount(m),
    i: best?.price.input ?? null,
    u: best?.price.output ?? null,
    cp: best?.providerName ?? null,
    cpi: best?.providerId ?? null,
  };
};

const indexes = new WeakMap<readonly ModelLike[], IndexEntry[]>();
/**
 * One entry per model, in the table's default order (name A–Z, as sortEntries orders it).
 * Computed once per list: /models/, its pages and /models/index.json share it (read-only).
 */
export const modelIndex = (models: ModelLike[]): IndexEntry[] => {
  let entries = indexes.get(models);
  if (!entries) indexes.set(models, (entries = sortEntries(models.map(indexEntry), 'name', 'asc')));
  return entries;
};

/** The entries split into pages of `size`. */
export const paginate = <T>(items: T[], size = MODELS_PAGE_SIZE): T[][] =>
  Array.from({ length: Math.max(1, Math.ceil(items.length / size)) }, (_, i) => items.slice(i * size, (i + 1) * size));

export interface FilterChoice {
  value: string;
  label: string;
  count: number;
}

const counted = (values: [string, string][]): FilterChoice[] => {
  const m = new Map<string, FilterChoice>();
  for (const [value, label] of values) {
    const c = m.get(value);
    if (c) c.count++;
    else m.set(value, { value, label, count: 1 });
  }
  return [...m.values()].sort(
    (a, b) => a.label.toLowerCase().localeCompare(b.label.toLowerCase(), 'en') || (a.value < b.value ? -1 : 1),
  );
};

const MODALITY_ORDER: readonly string[] = MODALITIES;

/** Choices of the filter form, each with the number of models it matches (any status). */
export const filterChoices = (entries: IndexEntry[]) => ({
  creators: counted(entries.map((e) => [e.c, e.cn])),
  families: counted(entries.filter((e) => e.f !== null).map((e) => [e.f!, e.fn ?? e.f!])),
  modalities: counted(entries.flatMap((e) => [...new Set([...e.mi, ...e.mo])].map((m): [string, string] => [m, m]))).sort(
    (a, b) => MODALITY_ORDER.indexOf(a.value) - MODALITY_ORDER.indexOf(b.value),
  ),
});

/** Every server-rendered page of the /models/ table: its rows, its number, the page count, the total and the filter choices. */
export const modelsIndexPages = (models: ModelLike[]) => {
  const entries = modelIndex(models);
  const pages = paginate(entries);
  const choices = filterChoices(entries);
  return pages.map((rows, i) => ({ rows, page: i + 1, pages: pages.length, total: entries.length, choices }));
};
