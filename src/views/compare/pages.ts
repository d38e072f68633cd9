/**
 * Page data of the compare and performance pages: the picker's lists of ready-made comparisons, the
 * static comparison of one model's cheapest providers, and a model's performance charts.
 */
import { compareModelPath, compareProvidersPath, compareSelectionHref, modelPath } from '../../core/urls.ts';
import type { LinkedModel, LinkedProvider } from '../../model/link.ts';
import { MODEL_PAGE_WORKLOAD } from '../model/pricing.ts';
import { priceSpeedChart, ttftChart } from './chart-data.ts';
import { featuredProviderSets, offeringItem, popularComparisons, providerItem } from './items.ts';
import { latestSamples, perfSamples } from './perf.ts';
import { compareView } from './view.ts';

type Offerings = ReturnType<typeof popularComparisons>[number]['offerings'];

/** /compare/: links to the popular model comparisons (with their providers) and the featured provider sets. */
export const compareIndexPage = (models: LinkedModel[], providerById: Map<string, { name: string }>) => ({
  popular: popularComparisons(models).map(({ model, offerings }) => ({
    href: compareModelPath(model.id),
    name: model.name,
    providers: offerings.map((o) => o.providerRecord.name).join(', '),
  })),
  featured: featuredProviderSets((id) => providerById.has(id)).map((s) => ({
    href: compareProvidersPath(s.slug),
    names: s.ids.map((id) => providerById.get(id)!.name).join(', '),
  })),
});

/** /compare/<model>/: the model's cheapest offerings side by side at the model page's workload. */
export const offeringsComparisonPage = (model: { id: string; name: string }, offerings: Offerings) => {
  const view = compareView(
    'offerings',
    offerings.map((o) => offeringItem(o, model)),
    MODEL_PAGE_WORKLOAD.workload,
    MODEL_PAGE_WORKLOAD.label,
  );
  const names = view.table.columns.map((c) => c.name).join(', ');
  const count = view.table.columns.length;
  return {
    view,
    title: `${model.name}: ${count} providers compared`,
    description: `${model.name} side by side at ${names}: prices, monthly cost, limits and features.`,
    heading: `${model.name} at ${names}`,
    count,
    modelHref: modelPath(model.id),
    whereHref: `${modelPath(model.id)}#where`,
    changeHref: compareSelectionHref(
      'offerings',
      offerings.map((o) => o.id),
    ),
  };
};

/** /compare/providers/<set>/: featured providers side by side. */
export const providersComparisonPage = (providers: LinkedProvider[]) => {
  const view = compareView('providers', providers.map(providerItem), MODEL_PAGE_WORKLOAD.workload, MODEL_PAGE_WORKLOAD.label);
  return {
    view,
    description: `${view.subject} side by side: kind, headquarters, regions, compliance, data policy and rate limits.`,
    changeHref: compareSelectionHref(
      'providers',
      providers.map((p) => p.id),
    ),
  };
};

/** /performance/<model>/: every sample, and the charts of the newest sample per provider and region (only those with data). */
export const performancePage = (model: LinkedModel) => {
  const samples = perfSamples(model);
  const latest = latestSamples(samples);
  const charts = [
    {
      id: 'chart-speed',
      spec: priceSpeedChart(latest, model.name),
      caption: 'Blended price against median output speed, newest sample per provider and region.',
    },
    {
      id: 'chart-ttft',
      spec: ttftChart(latest, model.name),
      caption: 'Median time to first token per region and provider, newest sample.',
    },
  ].flatMap((c) => (c.spec ? [{ ...c, spec: c.spec }] : []));
  return { samples, charts, modelHref: modelPath(model.id) };
};
