/** What a provider serves, in figures, for the overview tab. */
import { countModels } from '../../core/catalog-stats.ts';
import { formatCount } from '../../core/format.ts';
import { BILLING, MODALITIES, MODALITY_LABEL, type Billing, type Modality } from '../../core/vocab.ts';
import { creatorOf, modalitiesOf, OTHER_CREATOR, type OfferingIn } from './model-groups.ts';
import { priceRange, type Priced } from '../../core/price.ts';

export interface ProviderSummary {
  offerings: number;
  models: number;
  /** Offerings accepting / producing each modality; modalities no offering has are left out. */
  modalities: { modality: Modality; input: number; output: number }[];
  /** Offerings whose modalities are not recorded. */
  unknownModalities: number;
  /** Offerings per model creator, most first, then by name. */
  creators: { id: string; name: string; offerings: number }[];
  /** USD per 1M tokens, offerings billed by usage only. */
  input: { min: number; max: number } | undefined;
  output: { min: number; max: number } | undefined;
  /** Offerings not billed by usage, by billing (free, subscription…). */
  otherBilling: { billing: Exclude<Billing, 'usage'>; offerings: number }[];
}

export const summarizeOfferings = (
  offerings: (OfferingIn & Priced)[],
  orgName: (id: string) => string | undefined,
): ProviderSummary => {
  const creators = new Map<string, number>();
  const billing = new Map<string, number>();
  let unknownModalities = 0;
  const modalities = MODALITIES.map((modality) => ({ modality, input: 0, output: 0 }));
  for (const o of offerings) {
    const c = creatorOf(o);
    creators.set(c, (creators.get(c) ?? 0) + 1);
    const b = o.price.billing;
    if (b !== 'usage') billing.set(b, (billing.get(b) ?? 0) + 1);
    const m = modalitiesOf(o);
    if (!m) unknownModalities++;
    for (const row of modalities) {
      if (m?.input.includes(row.modality)) row.input++;
      if (m?.output.includes(row.modality)) row.output++;
    }
  }
  return {
    offerings: offerings.length,
    models: countModels(offerings),
    modalities: modalities.filter((r) => r.input || r.output),
    unknownModalities,
    creators: [...creators]
      .map(([id, n]) => ({ id, name: orgName(id) ?? (id === OTHER_CREATOR ? 'Other' : id), offerings: n }))
      .sort((a, b) => b.offerings - a.offerings || a.name.localeCompare(b.name, 'en')),
    input: priceRange(offerings, 'input'),
    output: priceRange(offerings, 'output'),
    otherBilling: BILLING.filter((b): b is Exclude<Billing, 'usage'> => b !== 'usage')
      .filter((b) => billing.has(b))
      .map((b) => ({ billing: b, offerings: billing.get(b)! })),
  };
};

/** Upstream providers of a gateway, as { id, name }; ids the catalog lacks keep their id as name. */
export const upstreamsOf = (
  p: { platform?: { upstreams?: string[] | undefined } | undefined },
  nameOf: (id: string) => string | undefined,
) => (p.platform?.upstreams ?? []).map((id) => ({ id, name: nameOf(id) ?? id, known: nameOf(id) !== undefined }));

/** "Text (13), Image (1)": offerings per modality on one side, modalities with none left out; "" when there are none. */
export const modalityText = (s: Pick<ProviderSummary, 'modalities'>, side: 'input' | 'output'): string =>
  s.modalities
    .filter((m) => m[side] > 0)
    .map((m) => `${MODALITY_LABEL[m.modality]} (${formatCount(m[side])})`)
    .join(', ');
