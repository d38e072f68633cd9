/**
 * What each entity page tells Pagefind (meta, filters, sort keys as data-pagefind-* attributes on
 * the page itself). Prices are USD per 1M tokens, blended 3 input : 1 output (see pricing.ts).
 */
import { formatTokens, formatUsd } from '../core/format.ts';
import { CAPABILITIES, CAPABILITY_LABEL, MODALITIES, MODALITY_LABEL } from '../core/vocab.ts';
import { whereToRun } from './model/offerings.ts';
import { SEARCH_KINDS as SEARCH_KIND_ORDER, type SearchFilter, type SearchKind } from '../core/search.ts';

/** What one page tells Pagefind. Values are plain text; `pagefindAttributes` makes them attributes. */
export interface SearchEntry {
  kind: SearchKind;
  title: string;
  /** Shown under the title of a result, in this order. */
  meta: Record<string, string>;
  filters: Partial<Record<SearchFilter, string[]>>;
  /** Sort keys: numbers (price, USD per 1M tokens) or ISO dates (released). */
  sort: Record<string, string>;
}

// Pagefind splits these attributes on commas and reads up to the first colon as the key.
const clean = (v: string) => v.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();

/** One `{ attribute: value }` per meta, filter value and sort key, for empty marker elements. */
export const pagefindAttributes = (e: SearchEntry): Record<string, string>[] => [
  { 'data-pagefind-meta': `title:${clean(e.title)}` },
  { 'data-pagefind-meta': `kind:${e.kind}` },
  { 'data-pagefind-filter': `kind:${e.kind}` },
  ...Object.entries(e.meta).map(([k, v]) => ({ 'data-pagefind-meta': `${k}:${clean(v)}` })),
  ...Object.entries(e.filters).flatMap(([k, vs]) =>
    [...new Set(vs)].map((v) => ({ 'data-pagefind-filter': `${k}:${clean(v)}` })),
  ),
  ...Object.entries(e.sort).map(([k, v]) => ({ 'data-pagefind-sort': `${k}:${clean(v)}` })),
];

interface ModelLike {
  name: string;
  release_date?: string | undefined;
  open_weights?: boolean | undefined;
  context_window?: number | undefined;
  modalities?: { input?: (typeof MODALITIES)[number][] | undefined } | undefined;
  capabilities?: Partial<Record<(typeof CAPABILITIES)[number], boolean | undefined>> | undefined;
  organizationRecord: { name: string };
  /** Its family record (src/model/link.ts), whose name the result shows. */
  familyRecord?: { name: string } | undefined;
}

/** Lowest blended price among live offerings billed by usage, USD per 1M tokens. */
export const cheapestBlended = (
  rows: { status?: string | undefined; price: { blended: number | undefined } }[],
): number | undefined => {
  const prices = rows
    .filter((r) => r.status !== 'retired')
    .map((r) => r.price.blended)
    .filter((v): v is number => v !== undefined);
  return prices.length ? Math.min(...prices) : undefined;
};

/** The index entry of a model page. */
export const modelSearchEntry = (model: ModelLike & Parameters<typeof whereToRun>[0]): SearchEntry => {
  const rows = whereToRun(model);
  const providers = [...new Set(rows.map((r) => r.providerName))].sort((a, b) => a.localeCompare(b, 'en'));
  const price = cheapestBlended(rows);
  const meta: Record<string, string> = { creator: model.organizationRecord.name };
  if (model.familyRecord) meta.family = model.familyRecord.name;
  if (model.context_window !== undefined) meta.context = `${formatTokens(model.context_window)} context`;
  if (price !== undefined) meta.price = `from ${formatUsd(price)} / 1M tokens`;
  meta.providers = `${providers.length} ${providers.length === 1 ? 'provider' : 'providers'}`;
  const sort: Record<string, string> = {};
  if (price !== undefined) sort.price = String(price);
  if (model.release_date) sort.released = model.release_date;
  return {
    kind: 'model',
    title: model.name,
    meta,
    filters: {
      creator: [model.organizationRecord.name],
      provider: providers,
      modality: (model.modalities?.input ?? []).map((m) => MODALITY_LABEL[m]),
      capability: CAPABILITIES.filter((c) => model.capabilities?.[c]).map((c) => CAPABILITY_LABEL[c]),
      ...(model.open_weights === undefined ? {} : { open: [model.open_weights ? 'Yes' : 'No'] }),
    },
    sort,
  };
};

/** The index entry of a provider's overview page. */
export const providerSearchEntry = (p: {
  name: string;
  kindLabel: string;
  offerings: { model?: string | undefined }[];
}): SearchEntry => {
  const models = new Set(p.offerings.map((o) => o.model).filter(Boolean)).size;
  return {
    kind: 'provider',
    title: p.name,
    meta: { type: p.kindLabel, models: `${models} ${models === 1 ? 'model' : 'models'}` },
    filters: { provider: [p.name] },
    sort: {},
  };
};

/** The index entry of a family page. */
export const familySearchEntry = (family: string, models: { organizationRecord: { name: string } }[]): SearchEntry => {
  const creators = [...new Set(models.map((m) => m.organizationRecord.name))].sort();
  return {
    kind: 'family',
    title: `${family} family`,
    meta: { creator: creators.join(' · '), models: `${models.length} ${models.length === 1 ? 'model' : 'models'}` },
    filters: { creator: creators },
    sort: {},
  };
};

/** The index entry of an organization (model creator) page. */
export const organizationSearchEntry = (org: { name: string; models: unknown[] }): SearchEntry => ({
  kind: 'organization',
  title: org.name,
  meta: { models: `${org.models.length} ${org.models.length === 1 ? 'model' : 'models'}` },
  filters: { creator: [org.name] },
  sort: {},
});

/** The index entry of a plain page (methodology, pricing explorer). */
export const pageSearchEntry = (title: string): SearchEntry => ({ kind: 'page', title, meta: {}, filters: {}, sort: {} });

/** The choices of each filter on /search/, sorted; values match what the pages index. */
export const searchChoices = (
  orgs: { name: string; models: unknown[] }[],
  providers: { name: string }[],
): Record<SearchFilter, string[]> => {
  const names = (xs: { name: string }[]) => [...new Set(xs.map((x) => clean(x.name)))].sort((a, b) => a.localeCompare(b, 'en'));
  return {
    kind: [...SEARCH_KIND_ORDER],
    creator: names(orgs.filter((o) => o.models.length > 0)),
    provider: names(providers),
    modality: MODALITIES.map((m) => MODALITY_LABEL[m]),
    capability: CAPABILITIES.map((c) => CAPABILITY_LABEL[c]),
    open: ['Yes', 'No'],
  };
};
