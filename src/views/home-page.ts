/**
 * Everything the home page shows, computed once: the catalog counts, the section cards, the cheapest
 * options for popular models (with their comparison page when one is built), its chart, the newest
 * models and the latest price changes (figures from home.ts).
 */
import { formatCount, formatDate, formatTokens } from '../core/format.ts';
import { changeList, pastChanges } from '../core/history.ts';
import { compareModelPath, modelPath, PATHS } from '../core/urls.ts';
import type { Catalog } from '../model/link.ts';
import { priceContextChart } from './compare/chart-data.ts';
import { speedCoverage } from './compare/coverage.ts';
import { popularComparisons } from './compare/items.ts';
import { cheapestForPopular, newestModels, recentPriceChanges } from './home.ts';

/** How many rows each list of the home page shows. */
export const HOME_LISTS = { cheapest: 10, newest: 8, priceChanges: 6 } as const;

/** The home page of `catalog`. */
export const homePage = (catalog: Catalog) => {
  const compared = new Set(popularComparisons(catalog.models).map((c) => c.model.id));
  const cheapest = cheapestForPopular(catalog.models, HOME_LISTS.cheapest).map((r) => ({
    ...r,
    compareHref: compared.has(r.modelId) ? compareModelPath(r.modelId) : undefined,
  }));
  const cover = speedCoverage(catalog);
  const changes = pastChanges(changeList(catalog.offerings, []), catalog.date, 500);
  return {
    counts: [
      { value: formatCount(catalog.providers.length), label: 'providers' },
      { value: formatCount(catalog.models.length), label: 'models' },
      { value: formatCount(catalog.offerings.length), label: 'offerings' },
      { value: formatCount(catalog.organizations.length), label: 'creators' },
    ],
    sections: [
      {
        href: PATHS.providers,
        label: 'Providers',
        text: `${formatCount(catalog.providers.length)} labs, clouds, inference hosts and gateways`,
      },
      { href: PATHS.models, label: 'Models', text: `${formatCount(catalog.models.length)} models and where to run each` },
      { href: PATHS.families, label: 'Families', text: 'Model families and their generations' },
      { href: PATHS.organizations, label: 'Creators', text: 'Who makes the models' },
      { href: PATHS.pricing, label: 'Pricing calculator', text: 'The monthly cost of your workload on every offering' },
      { href: PATHS.compare, label: 'Compare', text: 'Providers, models or offerings side by side' },
      {
        href: PATHS.performance,
        label: 'Performance',
        text: `${cover.samplesText}; ${cover.measureText}`,
      },
    ],
    /** Where inference runs: providers with regions, EU processing, residency options. */
    coverage: `${cover.regionsText}.`,
    cheapest,
    chart: priceContextChart(
      cheapest.map((r) => ({ name: `${r.modelName} at ${r.providerName}`, context: r.context, blended: r.blended })),
    ),
    newest: newestModels(catalog.models, HOME_LISTS.newest).map((m) => ({
      href: modelPath(m.id),
      name: m.name,
      creator: m.organizationRecord.name,
      date: m.release_date!,
      dateText: formatDate(m.release_date!),
      /** " · 128K context", or "" without a context window. */
      contextText: m.context_window === undefined ? '' : ` · ${formatTokens(m.context_window)} context`,
    })),
    priceChanges: recentPriceChanges(changes, HOME_LISTS.priceChanges).map((c) => ({
      href: c.path,
      title: c.title,
      date: c.date,
      dateText: formatDate(c.date),
      summary: c.summary,
    })),
    allChanges: PATHS.changes,
  };
};
export type HomePage = ReturnType<typeof homePage>;
