/**
 * "Measure from where you are": what the round-trip button of a model measures. Every provider
 * serving the model (offerings not retired), grouped by the origin of its API base URL, so several
 * offerings or providers on one host are measured once; providers without an https API base URL are
 * listed apart. Each provider carries its time-to-first-token samples for the model, to show beside
 * the round trip. The page's CSP allows exactly the origins (`connect`).
 */
import { formatCountOf, formatDate } from '../../core/format.ts';
import { apiOrigin, RTT_PARALLEL, RTT_REQUESTS, type RttPlan, type RttPlanHost, type RttPlanProvider } from '../../core/rtt.ts';
import { providerPath, rttPlanPath } from '../../core/urls.ts';
import type { PerformanceSample } from '../../model/schema.ts';
import { ttftText } from '../provider/samples.ts';

interface OfferingLike {
  status: string;
  performance?: PerformanceSample[] | undefined;
  providerRecord: { id: string; name: string; api?: { base_url?: string | undefined } | undefined };
}
interface ModelLike {
  id: string;
  name: string;
  offerings: readonly OfferingLike[];
}

/** Samples listed per provider; the rest are counted. */
const TTFT_SHOWN = 3;

const ttftOf = (samples: readonly PerformanceSample[]): string => {
  const sorted = [...samples].sort((a, b) => (a.measured_at < b.measured_at ? 1 : a.measured_at > b.measured_at ? -1 : 0));
  const shown = sorted
    .slice(0, TTFT_SHOWN)
    .map((s) => `${ttftText({ ttftP50: s.ttft_ms.p50, ttftP90: s.ttft_ms.p90 })} from ${s.region}, ${formatDate(s.measured_at)}`);
  const more = sorted.length - shown.length;
  return [...shown, ...(more > 0 ? [`${more} more`] : [])].join('; ');
};

/** The plan of `model`: hosts A→Z by origin, providers A→Z within each. */
export const rttPlan = (model: ModelLike): RttPlan => {
  const byProvider = new Map<string, { p: OfferingLike['providerRecord']; samples: PerformanceSample[] }>();
  for (const o of model.offerings) {
    if (o.status === 'retired') continue;
    const e = byProvider.get(o.providerRecord.id) ?? { p: o.providerRecord, samples: [] };
    e.samples.push(...(o.performance ?? []));
    byProvider.set(o.providerRecord.id, e);
  }
  const hosts = new Map<string, RttPlanHost>();
  const noHost: RttPlanProvider[] = [];
  const byName = (a: RttPlanProvider, b: RttPlanProvider) => a.name.localeCompare(b.name, 'en');
  for (const { p, samples } of byProvider.values()) {
    const entry: RttPlanProvider = { name: p.name, href: providerPath(p.id), ttft: ttftOf(samples) };
    const origin = apiOrigin(p.api?.base_url);
    if (!origin) noHost.push(entry);
    else hosts.set(origin, { origin, providers: [...(hosts.get(origin)?.providers ?? []), entry].sort(byName) });
  }
  return {
    model: model.name,
    hosts: [...hosts.values()].sort((a, b) => (a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : 0)),
    noHost: noHost.sort(byName),
  };
};

/** The origins a page measuring these plans may fetch (its CSP connect-src besides 'self'), sorted, once each. */
export const rttConnect = (plans: readonly Pick<RttPlan, 'hosts'>[]): string[] =>
  [...new Set(plans.flatMap((p) => p.hosts.map((h) => h.origin)))].sort();

/** Models /performance/ offers to measure: at least two API hosts; A→Z by name, with the JSON each loads; `mostHosts` marks the one preselected. */
export const rttModels = <M extends ModelLike>(models: readonly M[]) => {
  const list = models
    .map((model) => ({ model, plan: rttPlan(model) }))
    .filter((m) => m.plan.hosts.length >= 2)
    .sort((a, b) => a.model.name.localeCompare(b.model.name, 'en') || (a.model.id < b.model.id ? -1 : 1))
    .map(({ model, plan }) => ({ id: model.id, name: model.name, src: rttPlanPath(model.id), hosts: plan.hosts.length, plan }));
  // The one served from the most hosts is preselected (the first such by name).
  const most = Math.max(0, ...list.map((m) => m.hosts));
  const first = list.find((m) => m.hosts === most);
  return list.map((m) => ({ ...m, mostHosts: m === first }));
};

/**
 * The model page's section: the JSON its button loads (undefined when no provider has an https API
 * host), the origins its CSP allows, and the sentence under the button.
 */
export const modelRtt = (model: ModelLike) => {
  const plan = rttPlan(model);
  const providers = plan.hosts.reduce((n, h) => n + h.providers.length, 0) + plan.noHost.length;
  const apart = plan.noHost.length
    ? `; ${formatCountOf(plan.noHost.length, 'provider')} without a public API host are listed apart`
    : '';
  return {
    shown: providers > 0,
    src: plan.hosts.length ? rttPlanPath(model.id) : undefined,
    connect: rttConnect([plan]),
    text: plan.hosts.length
      ? `Times ${RTT_REQUESTS} HEAD requests from your browser to each of the ${formatCountOf(plan.hosts.length, 'API host')} of the ${formatCountOf(providers, 'provider')} serving ${model.name}, ${RTT_PARALLEL} hosts at a time${apart}.`
      : `None of the ${formatCountOf(providers, 'provider')} serving ${model.name} has a public https API host to measure.`,
  };
};
