/** The five pages of every provider: tab order, titles and meta descriptions (their URLs: providerPath in core/urls.ts). */
import { KIND_LABEL } from '../../core/vocab.ts';
import { formatCountOf } from '../../core/format.ts';
import type { ProviderKind } from '../../model/schema.ts';

export const PROVIDER_TABS = [
  { tab: 'overview', label: 'Overview', pageType: 'provider' },
  { tab: 'models', label: 'Models', pageType: 'provider-models' },
  { tab: 'pricing', label: 'Pricing', pageType: 'provider-pricing' },
  { tab: 'limits', label: 'Limits', pageType: 'provider-limits' },
  { tab: 'features', label: 'Features', pageType: 'provider-features' },
] as const;
export type ProviderTab = (typeof PROVIDER_TABS)[number]['tab'];

/** Title, meta description and page type of one tab. */
export const providerPageMeta = (p: { id: string; name: string; kind: ProviderKind }, tab: ProviderTab, offerings: number) => {
  const n = formatCountOf(offerings, 'model offering');
  const kind = KIND_LABEL[p.kind].toLowerCase();
  const meta: Record<ProviderTab, { title: string; description: string }> = {
    overview: {
      title: p.name,
      description: `${p.name}: ${kind} serving ${n}. API base URL, SDKs, regions, compliance, data policy and sources.`,
    },
    models: {
      title: `${p.name} models`,
      description: `Every model ${p.name} serves (${n}): API model ids, context window, max output, modalities and status.`,
    },
    pricing: {
      title: `${p.name} pricing`,
      description: `${p.name} prices for ${n} in USD per 1M tokens: input, output, caching, batch and other meters, blended price and CSV download.`,
    },
    limits: {
      title: `${p.name} limits`,
      description: `${p.name} context windows, max input and output tokens, and rate-limit tiers (RPM, TPM, RPD).`,
    },
    features: {
      title: `${p.name} features`,
      description: `Which of ${p.name}'s ${n} support streaming, tools, structured output, vision, caching, batch and more: yes, no or unknown.`,
    },
  };
  return { ...meta[tab], pageType: PROVIDER_TABS.find((t) => t.tab === tab)!.pageType };
};
