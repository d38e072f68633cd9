/**
 * Every route of the site, built in one place: pages, feeds, the open-data API, schemas, share cards and
 * the JSON indexes the islands fetch. Pure and browser-safe. Paths are site-relative ("/models/openai/gpt-4o/");
 * ids keep their dots and slashes, as in the file-based routes under src/pages/.
 * `tests/unit/architecture/urls.test.ts` fails on a route string written anywhere else in src/.
 */

/** Paths of the pages and files that take no parameter. */
export const PATHS = {
  /** The home page. */
  home: '/',
  /** Provider index. */
  providers: '/providers/',
  /** Model index, page 1 (see {@link modelsPagePath}). */
  models: '/models/',
  /** Family index. */
  families: '/families/',
  /** Creator (organization) index. */
  organizations: '/organizations/',
  /** The pricing explorer (cost calculator). */
  pricing: '/pricing/',
  /** The comparison picker. */
  compare: '/compare/',
  /** Performance index. */
  performance: '/performance/',
  /** Latest changes. */
  changes: '/changes/',
  /** Upcoming deprecations and retirements. */
  deprecations: '/deprecations/',
  /** Site search (Pagefind). */
  search: '/search/',
  /** About page. */
  about: '/about/',
  /** Methodology: how prices and costs are computed. */
  methodology: '/methodology/',
  /** Open data and API documentation. */
  data: '/data/',
  /** How to contribute records. */
  contribute: '/contribute/',
  /** Atom feed of every change. */
  changesFeed: '/changes.xml',
  /** iCalendar of upcoming deprecations and retirements. */
  deprecationsCalendar: '/deprecations.ics',
  /** Every page, written by tools/build.ts after `astro build`. */
  sitemap: '/sitemap.xml',
  /** robots.txt. */
  robots: '/robots.txt',
  /** The site icon (public/favicon.svg). */
  favicon: '/favicon.svg',
  /** The site's own share card, for pages without one. */
  siteCard: '/og/site.png',
  /** Compact JSON index the /models/ table filters and sorts in the browser. */
  modelsIndex: '/models/index.json',
  /** Compact JSON index of every offering's prices, for the pricing explorer. */
  pricingIndex: '/pricing/index.json',
  /** Every provider, model and offering as comparison items, for the compare picker. */
  compareIndex: '/compare/index.json',
  /** Compact name index (providers, creators, families, models) for the header box's instant results. */
  searchNames: '/search/names.json',
  /** Pagefind's folder (written after the build; kept out of robots). */
  pagefind: '/pagefind/',
  /** Pagefind's browser bundle, loaded on the first query. */
  pagefindBundle: '/pagefind/pagefind.js',
  /** The catalog in the models.dev `api.json` format. */
  modelsDevApi: '/api.json',
  /** Root of the versioned open-data API. */
  api: '/api/v1/',
  /** Every provider (open-data API). */
  apiProviders: '/api/v1/providers.json',
  /** Every canonical model (open-data API). */
  apiModels: '/api/v1/models.json',
  /** Every offering with USD prices (open-data API). */
  apiOfferings: '/api/v1/offerings.json',
  /** Every offering as CSV, prices in USD per 1M tokens (open-data API). */
  apiOfferingsCsv: '/api/v1/offerings.csv',
} as const;

/** Anchor of the blended-price definition on the methodology page. */
export const blendedHref = (): string => `${PATHS.methodology}#blended`;
/** Anchor of the reconciliation rule (which source a price comes from) on the methodology page. */
export const reconciliationHref = (): string => `${PATHS.methodology}#reconciliation`;

/** The five pages of every provider, and the path segment of each under /providers/<id>/. */
const PROVIDER_TAB_SEGMENT = {
  overview: '',
  models: 'models/',
  pricing: 'pricing/',
  limits: 'limits/',
  features: 'features/',
} as const;
/** One tab of a provider's pages. */
export type ProviderTabName = keyof typeof PROVIDER_TAB_SEGMENT;

/** A provider's page, or one of its tabs: "/providers/groq/", "/providers/groq/pricing/". */
export const providerPath = (providerId: string, tab: ProviderTabName = 'overview'): string =>
  `${PATHS.providers}${providerId}/${PROVIDER_TAB_SEGMENT[tab]}`;

/** A provider's pricing table as CSV: "/providers/groq/pricing.csv" (per 1M tokens) or "…/pricing-per-1k.csv". */
export const providerCsvPath = (providerId: string, per: 'm' | 'k' = 'm'): string =>
  `${PATHS.providers}${providerId}/${per === 'k' ? 'pricing-per-1k.csv' : 'pricing.csv'}`;

/** Atom feed of one provider's price changes: "/providers/groq/changes.xml". */
export const providerFeedPath = (providerId: string): string => `${PATHS.providers}${providerId}/changes.xml`;

/** A model's canonical page: "/models/openai/gpt-4o/". */
export const modelPath = (modelId: string): string => `${PATHS.models}${modelId}/`;

/** A model's page, or undefined for an offering not linked to a model. */
export const modelHref = (modelId: string | undefined): string | undefined => (modelId ? modelPath(modelId) : undefined);

/** Page `n` (1-based) of the /models/ table: "/models/", "/models/page/2/". */
export const modelsPagePath = (n: number): string => (n <= 1 ? PATHS.models : `${PATHS.models}page/${n}/`);

/** A family's page: "/families/claude-sonnet/". */
export const familyPath = (family: string): string => `${PATHS.families}${family}/`;

/** A creator's page: "/organizations/openai/". */
export const organizationPath = (orgId: string): string => `${PATHS.organizations}${orgId}/`;

/** The cost calculator prefilled for one model: "/pricing/?model=openai%2Fgpt-4o". */
export const calculatorHref = (modelId: string): string => `${PATHS.pricing}?model=${encodeURIComponent(modelId)}`;

/** A model's measured performance: "/performance/openai/gpt-4o/". */
export const performancePath = (modelId: string): string => `${PATHS.performance}${modelId}/`;

/** The featured comparison of one model's providers: "/compare/openai/gpt-4o/". */
export const compareModelPath = (modelId: string): string => `${PATHS.compare}${modelId}/`;

/** A featured comparison of providers: "/compare/providers/groq-vs-together/". */
export const compareProvidersPath = (slug: string): string => `${PATHS.compare}providers/${slug}/`;

/**
 * The shareable URL of a comparison: "/compare/?providers=groq,together" (commas and slashes kept
 * readable); `extra` is appended as more query parameters ("req=10").
 */
export const compareSelectionHref = (kind: string, ids: string[], extra = ''): string =>
  `${PATHS.compare}?${kind}=${ids.map((id) => encodeURIComponent(id).replace(/%2F/g, '/')).join(',')}${extra ? `&${extra}` : ''}`;

/** The file of one provider's or one model's comparison details: "/compare-items/models/meta/llama-3.3-70b.json". */
export const compareItemPath = (kind: 'providers' | 'models', id: string): string => `/compare-items/${kind}/${id}.json`;

/** The compare picker with nothing picked, keeping a workload query if any: "/compare/", "/compare/?req=10". */
export const compareEmptyHref = (query = ''): string => `${PATHS.compare}${query ? `?${query}` : ''}`;

/** The search page for a query: "/search/?q=llama". */
export const searchHref = (q: string): string => `${PATHS.search}?${new URLSearchParams({ q })}`;

/** One entry of the change list, by its key: "/changes/#price/groq/…". */
export const changeAnchor = (key: string): string => `${PATHS.changes}#${key}`;

/** A provider's share card: "/og/providers/groq.png". */
export const providerCardPath = (providerId: string): string => `/og/providers/${providerId}.png`;

/** A model's share card: "/og/models/openai/gpt-4o.png". */
export const modelCardPath = (modelId: string): string => `/og/models/${modelId}.png`;

/** One provider and its offerings (open-data API): "/api/v1/providers/groq.json". */
export const apiProviderPath = (providerId: string): string => `${PATHS.api}providers/${providerId}.json`;

/** One model and its offerings (open-data API): "/api/v1/models/openai/gpt-4o.json". */
export const apiModelPath = (modelId: string): string => `${PATHS.api}models/${modelId}.json`;

/** JSON Schema of a record kind or API payload: "/schema/offering.json", "/schema/api-models.json". */
export const schemaPath = (kind: string): string => `/schema/${kind}.json`;

/** Absolute URL of a site path on `site` ("https://provider-atlas.dev"). */
export const absoluteUrl = (path: string, site: string | URL): string => new URL(path, site).href;

/** The hosts the round-trip button measures for one model (JSON, read by /performance/): "/performance/rtt/openai/gpt-4o.json". */
export const rttPlanPath = (modelId: string): string => `${PATHS.performance}rtt/${modelId}.json`;
